package org.hearth.compute.backend;

import java.util.ArrayList;
import java.util.List;
import org.hearth.compute.job.Backend;
import org.hearth.compute.job.BackendReport;
import org.hearth.compute.verify.BackendSelfTest;

/**
 * Opens and self-tests every candidate in order of preference and keeps the first that passes.
 * Every candidate ends in a report: available, or the reason (not found, failed to open, wrong
 * result). Nothing a driver throws escapes.
 */
public final class BackendSelector {

    private BackendSelector() {
    }

    /**
     * The chosen backend (null when none passed), one report per candidate in order, and every backend
     * left open (the chosen one only, unless all passing ones were asked for: the bench wants them).
     */
    public record Selection(Backend chosen, List<BackendReport> reports, List<Backend> open) {
        public String chosenName() {
            return chosen == null ? "none" : chosen.name();
        }
    }

    /** Keeps only the first backend that passes open. */
    public static Selection select(List<BackendCandidate> candidates) {
        return select(candidates, false);
    }

    /** @param keepAll keep every backend that passes open (the caller closes them), not just the first */
    public static Selection select(List<BackendCandidate> candidates, boolean keepAll) {
        List<Backend> open = new ArrayList<>();
        Backend chosen = null;
        List<BackendReport> reports = new ArrayList<>();
        for (BackendCandidate candidate : candidates) {
            if (!candidate.found()) {
                reports.add(candidate.unavailableReport());
                continue;
            }
            Backend backend;
            BackendReport report;
            try {
                backend = candidate.opener().open();
            } catch (Exception | LinkageError e) {
                reports.add(new BackendReport(candidate.name(), false, "could not start: " + describe(e), candidate.devices()));
                continue;
            }
            // The verifier's self-test: a gemm checked by Freivalds, a render tile re-rendered on the CPU.
            report = BackendSelfTest.run(backend, candidate.devices());
            if (!report.available()) {
                closeQuietly(backend);
                reports.add(new BackendReport(candidate.name(), false, report.reason(), candidate.devices()));
                continue;
            }
            reports.add(BackendReport.available(candidate.name(), candidate.devices()));
            if (chosen == null || keepAll) {
                chosen = chosen == null ? backend : chosen;
                open.add(backend);
            } else {
                closeQuietly(backend);
            }
        }
        return new Selection(chosen, List.copyOf(reports), List.copyOf(open));
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
