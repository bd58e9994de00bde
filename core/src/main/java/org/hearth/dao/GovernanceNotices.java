package org.hearth.dao;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hearth.store.SettingsRepository;

/**
 * What a governance user should hear about: a proposal not seen before, a vote ending within a day,
 * a proposal ready to queue, and one ready to execute (its timelock ETA passed, or no timelock).
 * Which proposals were seen is kept per chain and governor in the settings; the first look at a
 * governor counts its existing proposals as seen, so a new install is not flooded.
 */
public final class GovernanceNotices {

    public enum Kind { NEW, VOTE_ENDS_SOON, READY_TO_QUEUE, READY_TO_EXECUTE }

    /** One notice; {@code title} is the proposal's (untrusted, already stripped of control characters). */
    public record Notice(Kind kind, String governor, BigInteger proposalId, String title) {
    }

    static final long DAY_SECONDS = 86_400;
    private static final int MAX_SEEN = 2_000;

    private GovernanceNotices() {
    }

    /**
     * The notices for {@code live} proposals of {@code governor}; {@code endTime} gives a vote end's
     * Unix time (see {@link ClockEstimates}); {@code now} is the chain's time.
     */
    public static List<Notice> of(Governor governor, List<Proposal> live, Set<BigInteger> seen, long now, Function<Proposal, Long> endTime) {
        List<Notice> out = new ArrayList<>();
        for (Proposal p : live) {
            Kind kind = switch (p.state()) {
                case ACTIVE -> endTime.apply(p) - now <= DAY_SECONDS ? Kind.VOTE_ENDS_SOON : null;
                case SUCCEEDED -> governor.timelock() != null ? Kind.READY_TO_QUEUE : Kind.READY_TO_EXECUTE;
                case QUEUED -> p.eta() != null && p.eta().longValue() <= now ? Kind.READY_TO_EXECUTE : null;
                default -> null;
            };
            if (!seen.contains(p.id()) && p.state() != ProposalState.EXECUTED && p.state() != ProposalState.CANCELED) {
                out.add(new Notice(Kind.NEW, governor.address(), p.id(), p.title()));
            }
            if (kind != null) {
                out.add(new Notice(kind, governor.address(), p.id(), p.title()));
            }
        }
        return out;
    }

    /** The ids seen on this chain's governor; null when it was never looked at. */
    public static Set<BigInteger> seen(SettingsRepository settings, long chainId, Governor governor) {
        return settings.get(key(chainId, governor)).map(s -> s.isEmpty() ? Set.<BigInteger>of()
                : Arrays.stream(s.split(",")).map(BigInteger::new).collect(Collectors.toCollection(LinkedHashSet::new))).orElse(null);
    }

    /** Remembers {@code ids} as seen (besides those seen before; the newest {@value #MAX_SEEN} are kept). */
    public static void markSeen(SettingsRepository settings, long chainId, Governor governor, Collection<BigInteger> ids) {
        Set<BigInteger> all = new LinkedHashSet<>(ids);
        Set<BigInteger> before = seen(settings, chainId, governor);
        if (before != null) {
            all.addAll(before);
        }
        List<BigInteger> kept = new ArrayList<>(all).subList(0, Math.min(all.size(), MAX_SEEN));
        settings.put(key(chainId, governor), kept.stream().map(BigInteger::toString).collect(Collectors.joining(",")));
    }

    private static String key(long chainId, Governor governor) {
        return "governance.seen." + chainId + "." + governor.address().toLowerCase(Locale.ROOT);
    }
}
