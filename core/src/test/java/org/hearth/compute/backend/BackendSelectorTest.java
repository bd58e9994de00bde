package org.hearth.compute.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hearth.compute.job.Backend;
import org.hearth.compute.job.BackendReport;
import org.hearth.compute.job.DeviceInfo;
import org.junit.jupiter.api.Test;

/** Selection over real candidates (PoCL, the CPU) and ones that fail to open. */
class BackendSelectorTest {

    @Test
    void theFirstPassingBackendIsChosenAndEveryCandidateReported() {
        BackendCandidate broken = BackendCandidate.available("opencl-gpu", List.of(new DeviceInfo("Broken", "X", 1, "", 1)), () -> {
            throw new IllegalStateException("context creation failed");
        });
        List<BackendCandidate> candidates = List.of(BackendCandidate.unavailable("cuda", "no driver"), broken,
                OpenClProbe.cpu(true, 0), CpuProbe.probe(1));
        BackendSelector.Selection one = BackendSelector.select(candidates);
        try {
            assertEquals("opencl-cpu", one.chosenName());
            assertEquals(List.of(one.chosen()), one.open());
            List<BackendReport> r = one.reports();
            assertEquals(List.of("cuda", "opencl-gpu", "opencl-cpu", "cpu"), r.stream().map(BackendReport::name).toList());
            assertEquals("no driver", r.get(0).reason());
            assertEquals("could not start: context creation failed", r.get(1).reason());
            assertEquals("Broken", r.get(1).devices().getFirst().name(), "devices are reported even when the backend fails");
            assertTrue(r.get(2).available() && r.get(3).available());
        } finally {
            one.open().forEach(Backend::close);
        }
        BackendSelector.Selection all = BackendSelector.select(candidates, true);
        try {
            assertEquals(List.of("opencl-cpu", "cpu"), all.open().stream().map(Backend::name).toList());
        } finally {
            all.open().forEach(Backend::close);
        }
    }

    @Test
    void noPassingBackendMeansNoneChosen() {
        BackendSelector.Selection none = BackendSelector.select(List.of(BackendCandidate.unavailable("cpu", "disabled")));
        assertEquals("none", none.chosenName());
        assertTrue(none.open().isEmpty());
        assertFalse(none.reports().getFirst().available());
    }
}
