package org.hearth.compute.cuda;

import org.hearth.compute.backend.BackendCandidate;
import org.hearth.compute.backend.CudaProbe;

/** Run in a JVM started with --illegal-native-access=deny: prints what the CUDA probe reports. */
public final class DeniedNativeAccessProbe {

    private DeniedNativeAccessProbe() {
    }

    public static void main(String[] args) {
        BackendCandidate c = CudaProbe.probe(args[0], 0);
        System.out.println(c.name() + ": " + c.unavailableReason());
    }
}
