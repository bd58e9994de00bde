package org.hearth.dao;

import java.math.BigInteger;
import java.util.List;

/**
 * What a proposal's actions did when run as the timelock (or the governor without one) on a
 * throwaway fork: per action success or the revert reason, the events emitted (decoded with the
 * ABIs Hearth knows), and the ETH and token balances that changed. {@code forkPid} is the fork's
 * process, already stopped when this is returned.
 */
public record Simulation(String executor, List<ActionOutcome> actions, List<BalanceChange> balanceChanges, long forkPid) {

    public Simulation {
        actions = List.copyOf(actions);
        balanceChanges = List.copyOf(balanceChanges);
    }

    /** Whether every action succeeded (the proposal would execute). */
    public boolean succeeded() {
        return actions.stream().allMatch(ActionOutcome::success);
    }

    /** One action: {@code revertReason} is null when it succeeded. */
    public record ActionOutcome(int index, String target, BigInteger value, boolean success, String revertReason,
                                List<SimulatedEvent> events) {
        public ActionOutcome {
            events = List.copyOf(events);
        }
    }

    /**
     * A log: the emitter, the event's name (or its topic when unknown) and its arguments as {@code name: value};
     * {@code values} the same arguments decoded (empty when the event is unknown), and {@code token} the
     * emitter's decimals and symbol when it is an ERC-20 emitting {@code Transfer} or {@code Approval} (else null).
     */
    public record SimulatedEvent(String address, String name, List<String> args, List<org.hearth.chain.abi.AbiValue> values, Token token) {
        public SimulatedEvent {
            args = List.copyOf(args);
            values = List.copyOf(values);
        }

        public SimulatedEvent(String address, String name, List<String> args) {
            this(address, name, args, List.of(), null);
        }
    }

    /** An ERC-20's decimals and symbol (control characters out, at most 16 characters), as read on the fork. */
    public record Token(int decimals, String symbol) {
    }

    /** A balance that changed: {@code token} null for ETH; amounts in base units with the token's decimals and symbol. */
    public record BalanceChange(String account, String token, String symbol, int decimals, BigInteger before, BigInteger after) {
        public BigInteger delta() {
            return after.subtract(before);
        }
    }
}
