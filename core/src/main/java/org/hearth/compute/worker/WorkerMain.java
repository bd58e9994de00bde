package org.hearth.compute.worker;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileInputStream;
import java.io.FileDescriptor;
import java.io.OutputStream;
import java.util.List;
import org.hearth.compute.backend.BackendCandidate;
import org.hearth.compute.backend.BackendCandidates;
import org.hearth.compute.backend.BackendSelector;
import org.hearth.compute.cpu.CpuBackend;
import org.hearth.compute.cpu.CpuDevice;
import org.hearth.compute.job.Backend;

/**
 * Entry point of the worker child process (started by {@link WorkerProcess}): picks a backend by
 * self-test, says HELLO with what it found, then serves jobs over stdin/stdout until told to stop.
 */
public final class WorkerMain {

    /** First argument that makes a packaged app's launcher (which has no java binary beside it) run this main. */
    public static final String LAUNCHER_ARGUMENT = "--hearth-compute-worker";

    private WorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        OutputStream frames = new BufferedOutputStream(StdoutGuard.protocolStream(), 1 << 16);
        FrameCodec codec = new FrameCodec(new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16), frames);
        WorkerOptions options;
        try {
            options = WorkerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            codec.write(JobPayloads.error(-1, WorkerError.PROTOCOL, "bad worker options: " + e.getMessage()));
            System.exit(WorkerChild.EXIT_PROTOCOL);
            return;
        }
        if (options.effectiveBackends().contains(CpuBackend.NAME)) {
            CpuDevice.prefetch(); // OSHI loads while the GPU backends are probed
        }
        List<BackendCandidate> candidates = BackendCandidates.probe(options.effectiveBackends(), options.cudaLibrary(),
                options.gpuMemoryCapBytes(), options.allowCpuDevices(), options.maxThreads(), java.util.Set.copyOf(options.skipDevices()));
        BackendSelector.Selection selection = BackendSelector.select(candidates);
        Backend chosen = selection.chosen();
        WorkerCapabilities caps = new WorkerCapabilities(ProcessHandle.current().pid(), selection.chosenName(), selection.reports(),
                chosen == null ? 0 : QuickMeasure.gemmGflops(chosen), chosen == null ? 0 : QuickMeasure.renderMsamples(chosen));
        int exit = new WorkerChild(codec, options, selection.chosen(), caps).run();
        // The backend is not closed: a cancelled kernel may still be finishing its band, and the OS
        // reclaims device memory and contexts when the process ends.
        System.exit(exit);
    }
}
