package org.hearth.dao;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hearth.chain.Addresses;
import org.hearth.chain.abi.AbiValue;
import org.hearth.chain.session.ContractRegistry;
import org.hearth.chain.session.KnownContract;

/**
 * Names for the addresses a {@link Simulation} mentions (the executor, targets, event emitters and
 * address arguments, accounts and tokens whose balances changed): the session's known contracts (the
 * timelock that holds the treasury, the token, the governor, the market, added governors), the
 * governor itself, then {@code others} (the address book, the wallet's accounts). Addresses without a
 * name are left out. Keys are checksummed.
 */
public final class SimulationNames {

    private static final int MAX_NAME = 64;

    private SimulationNames() {
    }

    public static Map<String, String> of(Simulation s, Governor governor, ContractRegistry registry, Function<String, Optional<String>> others) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String address : addresses(s)) {
            Optional<String> name = registry.byAddress(address).map(KnownContract::name);
            if (name.isEmpty() && governor != null && address.equalsIgnoreCase(governor.address()) && !governor.name().isBlank()) {
                name = Optional.of(governor.name());
            }
            if (name.isEmpty()) {
                name = others.apply(address);
            }
            name.map(n -> n.replaceAll("\\p{C}", "").strip()).filter(n -> !n.isEmpty())
                    .ifPresent(n -> out.put(address, n.length() > MAX_NAME ? n.substring(0, MAX_NAME) + "…" : n));
        }
        return out;
    }

    /** Every address the simulation mentions, checksummed, in order of first mention. */
    static Set<String> addresses(Simulation s) {
        Set<String> out = new LinkedHashSet<>();
        add(out, s.executor());
        for (Simulation.ActionOutcome a : s.actions()) {
            add(out, a.target());
            for (Simulation.SimulatedEvent e : a.events()) {
                add(out, e.address());
                for (AbiValue v : e.values()) {
                    if (v.type().equals("address") && v.value() instanceof String address) {
                        add(out, address);
                    }
                }
            }
        }
        for (Simulation.BalanceChange c : s.balanceChanges()) {
            add(out, c.account());
            add(out, c.token());
        }
        return out;
    }

    private static void add(Set<String> out, String address) {
        if (address != null && Addresses.isValid(address)) {
            out.add(Addresses.checksummed(address));
        }
    }
}
