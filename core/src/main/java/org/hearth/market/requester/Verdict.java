package org.hearth.market.requester;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of checking one result: right or wrong, whether it was really verified (or only its shape,
 * when the spot-check policy sampled it out), a one-line reason, and the figures that go into the
 * dispute's evidence document (insertion-ordered, JSON-friendly values).
 */
public record Verdict(boolean ok, boolean verified, String kernel, String reason, Map<String, Object> details) {

    public Verdict {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    static Verdict wrong(String kernel, String reason, Map<String, Object> details) {
        return new Verdict(false, true, kernel, reason, details);
    }
}
