package org.hearth.compute.scene;

import org.hearth.compute.job.JobRejectedException;

/** A scene document is malformed or over the limits; the message names the field. */
public class SceneException extends JobRejectedException {
    public SceneException(String message) {
        super(message);
    }
}
