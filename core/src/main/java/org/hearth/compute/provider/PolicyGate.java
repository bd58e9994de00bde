package org.hearth.compute.provider;

import java.util.Optional;

/** Decides from the policy and the machine's state whether the worker may run now, and if not, why. */
public final class PolicyGate {

    /** Other programs using more than this share of the CPU make the machine "busy". */
    public static final double BUSY_THRESHOLD = 0.25;

    private PolicyGate() {
    }

    /** Empty when work may run; otherwise the reason to pause, for the screen. */
    public static Optional<String> pauseReason(ProviderPolicy policy, MachineState state) {
        return pauseReason(policy, state, BUSY_THRESHOLD);
    }

    /** As above with the busy threshold given: {@link SharingGate} resumes only below a lower one. */
    static Optional<String> pauseReason(ProviderPolicy policy, MachineState state, double busyThreshold) {
        if (!policy.allowsHour(state.hour())) {
            return Optional.of("outside the schedule (" + policy.startHour() + ":00 to " + policy.endHour() + ":00)");
        }
        if (policy.pauseOnBattery() && state.onBattery()) {
            return Optional.of("running on battery");
        }
        if (policy.onlyWhenIdle() && state.othersBusy() > busyThreshold) {
            return Optional.of(String.format("the computer is in use (other programs at %.0f%% CPU)", state.othersBusy() * 100));
        }
        return Optional.empty();
    }
}
