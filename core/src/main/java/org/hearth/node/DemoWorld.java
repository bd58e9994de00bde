package org.hearth.node;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hearth.chain.ContractArtifact;
import org.hearth.chain.RpcClient;
import org.hearth.store.DemoWorldRepository;

/**
 * The demo world on a fresh local chain: token, timelock + governor, collectibles, items,
 * Multicall3 and odd tokens ({@link DemoTokens}), deployed once per chain (chain id + genesis hash, so a reset chain is noticed), an
 * address funded once, a treasury (the timelock) holding HRTH and ETH, four proposals (executed, defeated, succeeded
 * and waiting to be queued, open for voting) and the ComputeMarket, owned by
 * the timelock, with windows short enough that a local job settles within a minute.
 */
public final class DemoWorld {

    public static final BigInteger ETHER = BigInteger.TEN.pow(18);
    /** Token amounts use 18 decimals, like ether. */
    public static final BigInteger TOKEN = ETHER;

    // The governor counts seconds: HearthToken is on the ERC-6372 timestamp clock, so tests and the demo move
    // time at once with evm_increaseTime instead of mining a block per unit.
    static final long VOTING_DELAY_SECONDS = 1;
    /**
     * The governor starts with a one-minute voting period so the demo's first proposals complete at once
     * (chain time moves about two minutes); the executed one then sets {@link #VOTING_PERIOD_SECONDS}.
     */
    static final long BOOTSTRAP_VOTING_PERIOD_SECONDS = 60;
    /** One day: the vote open on a fresh chain stays open that long, and a market dispute resolves well inside its window. */
    static final long VOTING_PERIOD_SECONDS = 86_400;
    static final long TIMELOCK_DELAY_SECONDS = 60;
    /** The treasury's ether (besides its 250,000 HRTH). */
    public static final BigInteger TREASURY_ETH = ETHER.multiply(BigInteger.TEN);

    private static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

    /** Every contract the demo world deploys, by name, in deployment order. */
    public static final List<String> CONTRACTS = List.of(
            "Multicall3", "HearthToken", "HearthTimelock", "HearthGovernor", "HearthCollectibles", "HearthItems", "ComputeMarket",
            "DemoUsdt", "DemoMaker", "DemoFeeToken", "DemoTokenAirdrop");
    /**
     * Contracts added after the demo world first shipped: an older demo world that lacks them gets them
     * deployed beside it rather than everything redeployed (its accounts and proposals stay).
     */
    static final List<String> ADDED_LATER = List.of("ComputeMarket", "DemoUsdt", "DemoMaker", "DemoFeeToken", "DemoTokenAirdrop");

    // ComputeMarket terms: a 2.5% fee to the treasury, 100 HRTH to register, a 10 HRTH bond per claim and a
    // 20 s review window, so a local job (claim + run + submit + review) settles within a minute.
    public static final long MARKET_FEE_BPS = 250;
    public static final BigInteger MARKET_MIN_STAKE = TOKEN.multiply(BigInteger.valueOf(100));
    public static final BigInteger MARKET_CLAIM_BOND = TOKEN.multiply(BigInteger.TEN);
    public static final long MARKET_REVIEW_WINDOW_SECONDS = 20;
    /** How long the DAO has to resolve a dispute before anyone may expire it with full refunds. */
    public static final long MARKET_RESOLVE_WINDOW_SECONDS = 3 * 24 * 3600;
    public static final long MARKET_UNSTAKE_COOLDOWN_SECONDS = 60;

    private final RpcClient rpc;
    private final DevChain dev;
    private final DemoWorldRepository repository;
    private final Path lockFile;
    private org.hearth.compute.blob.BlobStore blobs;

    public DemoWorld(RpcClient rpc, DemoWorldRepository repository, Path lockFile) {
        this.rpc = rpc;
        this.dev = new DevChain(rpc);
        this.repository = repository;
        this.lockFile = lockFile;
    }

    /**
     * With the data dir's blob store, funding also gives the IPFS-backed "Hearth Gallery" pieces (their
     * blobs put in {@code blobs}, served by the local blob server) and a spam airdrop ({@link DemoNfts}).
     */
    public DemoWorld withBlobs(org.hearth.compute.blob.BlobStore store) {
        this.blobs = store;
        return this;
    }

    /**
     * Deploys the demo world unless this chain already has it, then funds {@code fundAddress}
     * (may be null) unless it was funded before. Safe to call from several processes at once.
     */
    public DemoWorldResult ensure(String fundAddress) {
        long started = System.nanoTime();
        if (fundAddress != null && !org.hearth.chain.Addresses.isValid(fundAddress)) {
            throw new NodeException("Not an Ethereum address: " + fundAddress);
        }
        long chainId = rpc.chainId();
        if (!dev.isAnvil()) {
            throw new NodeException("node.demoNotLocal", new Object[] {rpc.displayEndpoint(), chainId}, null);
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            String genesis = dev.genesisHash();
            Map<String, String> contracts = repository.contracts(chainId, genesis);
            boolean deployNow = !isComplete(contracts, CONTRACTS.stream().filter(n -> !ADDED_LATER.contains(n)).toList());
            if (deployNow) {
                contracts = deploy();
                repository.saveContracts(chainId, genesis, contracts);
            } else if (!isComplete(contracts, CONTRACTS)) {
                contracts = new LinkedHashMap<>(contracts);
                String owner = dev.accounts().getFirst();
                for (String name : ADDED_LATER) {
                    if (!isComplete(contracts, List.of(name))) {
                        String address = name.equals("ComputeMarket")
                                ? deployMarket(owner, contracts.get("HearthToken"), contracts.get("HearthTimelock"))
                                : new DemoTokens(dev).deploy(name, owner);
                        contracts.put(name, address);
                        repository.addContract(chainId, genesis, name, address);
                    }
                }
            }
            boolean fundNow = fundAddress != null && !repository.isFunded(chainId, genesis, fundAddress);
            if (fundNow) {
                fund(contracts, fundAddress);
                if (blobs != null) {
                    DemoNfts nfts = new DemoNfts(dev, blobs);
                    String owner = dev.accounts().getFirst();
                    contracts = new LinkedHashMap<>(contracts);
                    contracts.putAll(nfts.ensureDeployed(contracts, repository, chainId, genesis, owner));
                    nfts.fund(contracts, owner, fundAddress);
                }
                repository.markFunded(chainId, genesis, fundAddress);
            }
            if (deployNow) {
                new DemoProposals(dev, contracts).create(dev.accounts());
            }
            return new DemoWorldResult(chainId, checksummed(contracts), deployNow, fundNow, (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new NodeException("Cannot lock " + lockFile + ": " + e.getMessage(), e);
        }
    }

    private boolean isComplete(Map<String, String> recorded, List<String> names) {
        return recorded.keySet().containsAll(names) && names.stream().allMatch(n -> dev.hasCode(recorded.get(n)));
    }

    private Map<String, String> deploy() {
        List<String> accounts = dev.accounts();
        String owner = accounts.getFirst();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("Multicall3", dev.deploy(owner, bytecode("Multicall3"), List.of()));
        String token = dev.deploy(owner, bytecode("HearthToken"), List.of("address"), owner);
        out.put("HearthToken", token);
        String timelock = dev.deploy(owner, bytecode("HearthTimelock"), List.of("uint256", "address[]", "address[]", "address"),
                TIMELOCK_DELAY_SECONDS, List.of(), List.of(ZERO_ADDRESS), owner); // anyone may execute a passed proposal
        out.put("HearthTimelock", timelock);
        String governor = dev.deploy(owner, bytecode("HearthGovernor"), List.of("address", "address", "uint48", "uint32", "uint256", "uint256"),
                token, timelock, VOTING_DELAY_SECONDS, BOOTSTRAP_VOTING_PERIOD_SECONDS, 0, 4);
        out.put("HearthGovernor", governor);
        out.put("HearthCollectibles", dev.deploy(owner, bytecode("HearthCollectibles"), List.of("address"), owner));
        out.put("HearthItems", dev.deploy(owner, bytecode("HearthItems"), List.of("address"), owner));

        // Hand the timelock to the governor and give up the deployer's admin role.
        for (String role : List.of("PROPOSER_ROLE", "CANCELLER_ROLE")) {
            dev.call(owner, timelock, "grantRole(bytes32,address)", role(role), governor);
        }
        dev.call(owner, timelock, "renounceRole(bytes32,address)", new byte[32], owner);
        // The deployer votes with its tokens; a quarter of the supply becomes the DAO treasury.
        dev.call(owner, token, "delegate(address)", owner);
        dev.call(owner, token, "transfer(address,uint256)", timelock, TOKEN.multiply(BigInteger.valueOf(250_000)));
        // the treasury's ether is set, not sent: no dev account's balance moves (screens and tests read the deployer's)
        rpc.call("anvil_setBalance", timelock, org.hearth.chain.Hex.quantity(TREASURY_ETH));
        out.put("ComputeMarket", deployMarket(owner, token, timelock));
        out.putAll(new DemoTokens(dev).deploy(owner));
        return out;
    }

    /** The market on HearthToken; the timelock owns its parameters and receives fees and slashes. */
    private String deployMarket(String owner, String token, String timelock) {
        return dev.deploy(owner, bytecode("ComputeMarket"),
                List.of("address", "address", "uint256", "uint256", "uint256", "uint256", "uint256", "uint256"),
                token, timelock, BigInteger.valueOf(MARKET_FEE_BPS), MARKET_MIN_STAKE, MARKET_CLAIM_BOND,
                BigInteger.valueOf(MARKET_REVIEW_WINDOW_SECONDS), BigInteger.valueOf(MARKET_RESOLVE_WINDOW_SECONDS),
                BigInteger.valueOf(MARKET_UNSTAKE_COOLDOWN_SECONDS));
    }

    private void fund(Map<String, String> contracts, String address) {
        String owner = dev.accounts().getFirst();
        dev.send(owner, address, ETHER.multiply(BigInteger.valueOf(100)), null);
        dev.call(owner, contracts.get("HearthToken"), "transfer(address,uint256)", address, TOKEN.multiply(BigInteger.valueOf(10_000)));
        for (int i = 0; i < 3; i++) {
            dev.call(owner, contracts.get("HearthCollectibles"), "mint(address)", address);
        }
        long[][] items = {{1, 5}, {2, 1}, {3, 20}};
        for (long[] item : items) {
            dev.call(owner, contracts.get("HearthItems"), "mint(address,uint256,uint256)", address, item[0], item[1]);
        }
        new DemoTokens(dev).fund(contracts, owner, address);
        // Give the funded account voting power on the open proposal: delegate to itself (an anvil cheat;
        // the user's key is not needed and never touched here).
        dev.impersonate(address, true);
        try {
            dev.call(address, contracts.get("HearthToken"), "delegate(address)", address);
        } finally {
            dev.impersonate(address, false);
        }
    }

    private static String bytecode(String name) {
        return ContractArtifact.load(name).bytecode();
    }

    static byte[] role(String name) {
        return org.web3j.crypto.Hash.sha3(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Map<String, String> checksummed(Map<String, String> contracts) {
        Map<String, String> out = new LinkedHashMap<>();
        contracts.forEach((k, v) -> out.put(k, org.hearth.chain.Addresses.checksummed(v)));
        return out;
    }
}
