package org.hearth.app.compute;

import java.util.ResourceBundle;

/** A span of seconds in the largest units that fit: "2 h 05 min", "15 min", "45 s". */
final class DurationWords {

    private DurationWords() {
    }

    static String of(ResourceBundle text, long seconds) {
        if (seconds >= 3600) {
            return String.format(text.getString("duration.hm"), seconds / 3600, seconds % 3600 / 60);
        }
        if (seconds >= 60) {
            return String.format(text.getString("duration.m"), seconds / 60);
        }
        return String.format(text.getString("duration.s"), seconds);
    }
}
