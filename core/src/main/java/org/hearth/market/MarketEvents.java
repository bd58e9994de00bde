package org.hearth.market;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hearth.chain.abi.AbiEvent;

/** ComputeMarket's events, as declared in ComputeMarket.sol; the indexer decodes logs with these. */
public final class MarketEvents {

    public static final AbiEvent PROVIDER_REGISTERED = AbiEvent.parse(
            "ProviderRegistered(address indexed provider,uint256 id,uint256 stake,string endpoint,bytes32 attestation)");
    public static final AbiEvent STAKE_ADDED = AbiEvent.parse("StakeAdded(address indexed provider,uint256 amount)");
    public static final AbiEvent UNSTAKE_REQUESTED = AbiEvent.parse("UnstakeRequested(address indexed provider,uint256 amount,uint256 readyAt)");
    public static final AbiEvent UNSTAKED = AbiEvent.parse("Unstaked(address indexed provider,uint256 amount)");
    public static final AbiEvent JOB_POSTED = AbiEvent.parse("JobPosted(uint256 indexed jobId,address indexed requester,uint8 kind,"
            + "bytes32 spec,string specUrl,uint256 price,uint64 claimWindow,uint64 execWindow,uint256 termsId)");
    public static final AbiEvent JOB_CLAIMED = AbiEvent.parse("JobClaimed(uint256 indexed jobId,address indexed provider,uint256 execDeadline)");
    public static final AbiEvent RESULT_SUBMITTED = AbiEvent.parse(
            "ResultSubmitted(uint256 indexed jobId,address indexed provider,bytes32 result,string resultUrl)");
    public static final AbiEvent JOB_ACCEPTED = AbiEvent.parse("JobAccepted(uint256 indexed jobId,uint256 paid,uint256 fee)");
    public static final AbiEvent JOB_FINALIZED = AbiEvent.parse("JobFinalized(uint256 indexed jobId,address indexed caller,uint256 paid,uint256 fee)");
    public static final AbiEvent JOB_DISPUTED = AbiEvent.parse("JobDisputed(uint256 indexed jobId,bytes32 evidence,uint256 requesterBond)");
    public static final AbiEvent JOB_EXPIRED = AbiEvent.parse("JobExpired(uint256 indexed jobId,address indexed provider,uint256 penalty,bool reopened)");
    public static final AbiEvent JOB_CANCELLED = AbiEvent.parse("JobCancelled(uint256 indexed jobId)");
    public static final AbiEvent DISPUTE_RESOLVED = AbiEvent.parse(
            "DisputeResolved(uint256 indexed jobId,bool providerWins,uint256 slash,bytes32 evidence)");
    public static final AbiEvent WITHDRAWN = AbiEvent.parse("Withdrawn(address indexed account,uint256 amount)");
    public static final AbiEvent TERMS_SET = AbiEvent.parse(
            "TermsSet(uint256 indexed termsId,uint256 feeBps,uint256 bond,uint256 reviewWindow,uint256 resolveWindow,uint256 minStake)");
    public static final AbiEvent UNSTAKE_COOLDOWN_SET = AbiEvent.parse("UnstakeCooldownSet(uint256 cooldown)");

    /** Every event, job events first. */
    public static final List<AbiEvent> ALL = List.of(JOB_POSTED, JOB_CLAIMED, RESULT_SUBMITTED, JOB_ACCEPTED, JOB_FINALIZED, JOB_DISPUTED,
            JOB_EXPIRED, JOB_CANCELLED, DISPUTE_RESOLVED, PROVIDER_REGISTERED, STAKE_ADDED, UNSTAKE_REQUESTED, UNSTAKED, WITHDRAWN,
            TERMS_SET, UNSTAKE_COOLDOWN_SET);

    private static final Map<String, AbiEvent> BY_TOPIC = ALL.stream().collect(Collectors.toMap(AbiEvent::topic0, Function.identity()));

    private MarketEvents() {
    }

    public static Optional<AbiEvent> byTopic(String topic0) {
        return Optional.ofNullable(BY_TOPIC.get(topic0));
    }

    /** True for events about one job (their first, indexed argument is the job id). */
    public static boolean isJobEvent(AbiEvent e) {
        return ALL.indexOf(e) <= ALL.indexOf(DISPUTE_RESOLVED);
    }
}
