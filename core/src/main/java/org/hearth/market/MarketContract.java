package org.hearth.market;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.hearth.chain.Addresses;
import org.hearth.chain.RpcClient;
import org.hearth.chain.abi.Abi;
import org.hearth.chain.abi.AbiValue;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.chain.session.ChainSession;
import org.hearth.chain.session.KnownContract;

/**
 * ComputeMarket as Hearth speaks it: typed reads through {@link ContractCalls}, and call data for every
 * write. Writes are never sent from here: callers hand the call data to the session's one
 * {@link org.hearth.chain.tx.TxPipeline} (prepare → {@link org.hearth.chain.review.TxReviewer} → sign → send),
 * e.g. {@code pipeline.prepare(from, market.address(), ZERO, MarketContract.claim(id), level)}.
 * Digests ({@code spec}, {@code result}, {@code evidence}, {@code attestation}) are 32 bytes, as
 * {@code byte[]} or {@code 0x} hex.
 */
public final class MarketContract {

    public static final String NAME = "ComputeMarket";
    private static final String JOB_TUPLE = "(address,uint8,uint8,uint40,uint32,uint96,uint40,uint24,uint32)";
    private static final String PROVIDER_TUPLE = "(uint96,uint96,uint32,uint96,uint40,bytes32,string)";
    private static final String TERMS_TUPLE = "(uint16,uint96,uint24,uint24,uint96)";

    private final ContractCalls calls;
    private final String address;

    public MarketContract(RpcClient rpc, String address) {
        this.calls = new ContractCalls(rpc);
        this.address = Addresses.checksummed(address);
    }

    /** The session's ComputeMarket (the demo world's on the local chain, or one the user added by that name). */
    public static Optional<MarketContract> of(ChainSession session) {
        return session.contracts().byName(NAME).map(KnownContract::address).map(a -> new MarketContract(session.rpc(), a));
    }

    public String address() {
        return address;
    }

    // ---- reads ----

    public MarketJob job(BigInteger id) {
        List<AbiValue> t = tuple(calls.readOne(address, "job(uint256)(" + JOB_TUPLE + ")", id));
        long providerId = longOf(t.get(8));
        String provider = providerId == 0 ? null : jobProvider(id);
        return new MarketJob(id, Addresses.checksummed((String) t.get(0).value()), (int) longOf(t.get(1)), JobState.of((int) longOf(t.get(2))),
                longOf(t.get(3)), longOf(t.get(4)), big(t.get(5)), longOf(t.get(6)), longOf(t.get(7)), providerId, provider);
    }

    public JobState jobState(BigInteger id) {
        return JobState.of(((BigInteger) calls.readOne(address, "jobState(uint256)(uint8)", id)).intValueExact());
    }

    /** The claimant of a job (null while nobody holds it). */
    public String jobProvider(BigInteger id) {
        String a = Addresses.checksummed((String) calls.readOne(address, "jobProvider(uint256)(address)", id));
        return a.equals(Addresses.checksummed("0x0000000000000000000000000000000000000000")) ? null : a;
    }

    /** How many jobs were ever posted (job ids run from 1 to this). */
    public BigInteger jobCount() {
        return uint("jobCount()");
    }

    public MarketProvider provider(String account) {
        List<AbiValue> t = tuple(calls.readOne(address, "provider(address)(" + PROVIDER_TUPLE + ")", account));
        return new MarketProvider(big(t.get(0)), big(t.get(1)), longOf(t.get(2)), big(t.get(3)), longOf(t.get(4)),
                (String) t.get(5).value(), (String) t.get(6).value());
    }

    public BigInteger credits(String account) {
        return (BigInteger) calls.readOne(address, "credits(address)(uint256)", account);
    }

    public BigInteger minStake() {
        return uint("minStake()");
    }

    public BigInteger claimBond() {
        return uint("claimBond()");
    }

    public long feeBps() {
        return uint("feeBps()").longValueExact();
    }

    /** Seconds a requester has to accept or dispute a submitted result (current terms). */
    public long reviewWindow() {
        return uint("reviewWindow()").longValueExact();
    }

    public long unstakeCooldown() {
        return uint("unstakeCooldown()").longValueExact();
    }

    public long termsCount() {
        return uint("termsCount()").longValueExact();
    }

    public MarketTerms terms(long termsId) {
        List<AbiValue> t = tuple(calls.readOne(address, "terms(uint256)(" + TERMS_TUPLE + ")", termsId));
        return new MarketTerms(longOf(t.get(0)), big(t.get(1)), longOf(t.get(2)), longOf(t.get(3)), big(t.get(4)));
    }

    /** The ERC-20 the market is paid and staked in (HearthToken in the demo world). */
    public String token() {
        return Addresses.checksummed((String) calls.readOne(address, "token()(address)"));
    }

    /** The owner of the parameters and the treasury that receives fees and slashes. */
    public String timelock() {
        return Addresses.checksummed((String) calls.readOne(address, "timelock()(address)"));
    }

    /** How much of the token {@code owner} lets the market pull (stake, escrow, dispute bond). */
    public BigInteger allowance(String owner) {
        return (BigInteger) calls.readOne(token(), "allowance(address,address)(uint256)", owner, address);
    }

    // ---- call data for writes (to the market unless said otherwise) ----

    /** For the token, not the market: lets the market pull {@code amount} (stake, escrow or dispute bond). */
    public String approveMarket(BigInteger amount) {
        return Abi.encodeCall("approve(address,uint256)", address, amount);
    }

    public static String registerProvider(BigInteger stake, String endpoint, Object attestation) {
        return Abi.encodeCall("registerProvider(uint256,string,bytes32)", stake, endpoint, attestation);
    }

    public static String addStake(BigInteger amount) {
        return Abi.encodeCall("addStake(uint256)", amount);
    }

    public static String requestUnstake(BigInteger amount) {
        return Abi.encodeCall("requestUnstake(uint256)", amount);
    }

    public static String completeUnstake() {
        return Abi.encodeCall("completeUnstake()");
    }

    /** Windows in seconds; the escrow ({@code price}) is pulled from the sender, who must have approved it. */
    public static String postJob(JobKind kind, Object spec, String specUrl, BigInteger price, long claimWindow, long execWindow) {
        return Abi.encodeCall("postJob(uint8,bytes32,string,uint256,uint64,uint64)", kind.code(), spec, specUrl, price, claimWindow, execWindow);
    }

    public static String claim(BigInteger jobId) {
        return Abi.encodeCall("claim(uint256)", jobId);
    }

    public static String submit(BigInteger jobId, Object result, String resultUrl) {
        return Abi.encodeCall("submit(uint256,bytes32,string)", jobId, result, resultUrl);
    }

    public static String accept(BigInteger jobId) {
        return Abi.encodeCall("accept(uint256)", jobId);
    }

    public static String dispute(BigInteger jobId, Object evidence) {
        return Abi.encodeCall("dispute(uint256,bytes32)", jobId, evidence);
    }

    public static String finalizeJob(BigInteger jobId) {
        return Abi.encodeCall("finalize(uint256)", jobId);
    }

    public static String expire(BigInteger jobId) {
        return Abi.encodeCall("expire(uint256)", jobId);
    }

    public static String cancel(BigInteger jobId) {
        return Abi.encodeCall("cancel(uint256)", jobId);
    }

    public static String withdraw() {
        return Abi.encodeCall("withdraw()");
    }

    private BigInteger uint(String function) {
        return (BigInteger) calls.readOne(address, function + "(uint256)");
    }

    @SuppressWarnings("unchecked")
    private static List<AbiValue> tuple(Object value) {
        return (List<AbiValue>) value;
    }

    private static BigInteger big(AbiValue v) {
        return (BigInteger) v.value();
    }

    private static long longOf(AbiValue v) {
        return ((BigInteger) v.value()).longValueExact();
    }
}
