package org.hearth.compute.backend;

import java.util.ArrayList;
import java.util.List;
import org.hearth.compute.job.Backend;
import org.hearth.compute.job.BackendReport;

/**
 * Opens and self-tests every candidate in order of preference and keeps the first that passes.
 * Every candidate ends in a report: available, or the reason (not found, failed to open, wrong
 * result). Nothing a driver throws escapes.
 */
public final class BackendSelector {

    private BackendSelector() {
    }

    /** The chosen backend (null when none passed) and one report per candidate, in order. */
    public record Selection(Backend chosen, List<BackendReport> reports) {
        public String chosenName() {
            return chosen == null ? "none" : chosen.name();
        }
    }

    public static Selection select(List<BackendCandidate> candidates) {
        Backend chosen = null;
        List<BackendReport> reports = new ArrayList<>();
        for (BackendCandidate candidate : candidates) {
            if (!candidate.found()) {
                reports.add(candidate.unavailableReport());
                continue;
            }
            Backend backend = null;
            String failure;
            try {
                backend = candidate.opener().open();
                String wrong = SelfTest.gemm(backend);
                if (wrong == null) {
                    wrong = SelfTest.render(backend);
                }
                failure = wrong == null ? null : "self-test gave a wrong result: " + wrong;
            } catch (Exception | LinkageError | AssertionError e) {
                failure = (backend == null ? "could not start: " : "self-test failed: ") + describe(e);
            }
            if (failure != null) {
                closeQuietly(backend);
                reports.add(new BackendReport(candidate.name(), false, failure, candidate.devices()));
                continue;
            }
            reports.add(BackendReport.available(candidate.name(), candidate.devices()));
            if (chosen == null) {
                chosen = backend;
            } else {
                closeQuietly(backend);
            }
        }
        return new Selection(chosen, List.copyOf(reports));
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return (m == null || m.isBlank()) ? e.getClass().getSimpleName() : m;
    }

    private static void closeQuietly(Backend backend) {
        if (backend != null) {
            try {
                backend.close();
            } catch (RuntimeException e) {
                // A backend that fails to close is dropped anyway; its report already says it failed.
            }
        }
    }
}
