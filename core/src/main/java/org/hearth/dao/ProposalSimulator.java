package org.hearth.dao;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hearth.chain.Addresses;
import org.hearth.chain.ChainClock;
import org.hearth.chain.Hex;
import org.hearth.chain.RpcClient;
import org.hearth.chain.RpcException;
import org.hearth.chain.abi.Abi;
import org.hearth.chain.abi.AbiEvent;
import org.hearth.chain.abi.AbiException;
import org.hearth.chain.abi.AbiValue;
import org.hearth.chain.abi.ContractAbi;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.chain.session.ChainSession;
import org.hearth.chain.session.ContractRegistry;
import org.hearth.chain.session.KnownContract;
import org.hearth.chain.tx.RevertReason;
import org.hearth.node.ThrowawayFork;

/**
 * Runs a proposal's actions as the timelock on a throwaway anvil fork of the session's endpoint:
 * the executor is impersonated (no account or key anywhere), time is moved past the ETA (or past the
 * timelock delay when not queued yet), each action is tried with {@code eth_call} for its revert
 * reason and then sent so the next action sees its effects, as execution would. The fork is always
 * stopped before this returns. Works the same on the local chain and an external RPC.
 */
public final class ProposalSimulator {

    private static final List<String> SHIPPED = List.of("HearthToken", "HearthGovernor", "HearthTimelock", "HearthCollectibles",
            "HearthItems", "ComputeMarket");
    private static final String TRANSFER_TOPIC = AbiEvent.parse("Transfer(address indexed from,address indexed to,uint256 value)").topic0();
    private static final int MAX_SYMBOL = 16;

    private final ChainSession session;

    public ProposalSimulator(ChainSession session) {
        this.session = session;
    }

    /** Simulates {@code p} of {@code governor}; {@code eta} (may be null) is the timelock ETA when queued. */
    public Simulation simulate(Governor governor, StoredProposal p, BigInteger eta) {
        try (ThrowawayFork fork = ThrowawayFork.of(session.endpoint())) {
            return run(fork.rpc(), governor, p, eta, session.contracts(), fork.pid());
        }
    }

    static Simulation run(RpcClient fork, Governor governor, StoredProposal p, BigInteger eta, ContractRegistry registry, long pid) {
        String executor = governor.timelock() != null ? governor.timelock() : governor.address();
        long startBlock = fork.blockNumber();
        moveTimePast(fork, governor, eta);
        fork.call("anvil_impersonateAccount", executor);
        List<Simulation.ActionOutcome> outcomes = new ArrayList<>();
        Set<String> accounts = new LinkedHashSet<>(List.of(executor));
        Set<String> tokens = new LinkedHashSet<>(List.of(governor.token()));
        for (int i = 0; i < p.targets().size(); i++) {
            String target = Addresses.checksummed(p.targets().get(i));
            BigInteger value = p.values().get(i);
            accounts.add(target);
            Map<String, String> tx = new LinkedHashMap<>(Map.of("from", executor, "to", target, "value", Hex.quantity(value),
                    "data", p.calldatas().get(i), "gasPrice", "0x0"));
            try {
                fork.call("eth_call", tx, "latest");
            } catch (RpcException e) {
                outcomes.add(new Simulation.ActionOutcome(i, target, value, false, reason(e), List.of()));
                continue;
            }
            String hash = fork.call("eth_sendTransaction", tx).asText();
            JsonNode receipt = receipt(fork, hash);
            boolean ok = "0x1".equals(receipt.path("status").asText());
            List<Simulation.SimulatedEvent> events = new ArrayList<>();
            for (JsonNode log : receipt.path("logs")) {
                events.add(event(fork, log, registry));
                noteTransfer(log, accounts, tokens);
            }
            outcomes.add(new Simulation.ActionOutcome(i, target, value, ok, ok ? null : "reverted when sent", events));
        }
        fork.call("anvil_stopImpersonatingAccount", executor);
        return new Simulation(executor, outcomes, changes(fork, startBlock, accounts, tokens), pid);
    }

    /** The receipt; the fork mines each transaction at once, but may answer a moment after the hash. */
    private static JsonNode receipt(RpcClient fork, String hash) {
        for (int i = 0; i < 200; i++) {
            JsonNode r = fork.call("eth_getTransactionReceipt", hash);
            if (r != null && !r.isNull() && !r.isMissingNode()) {
                return r;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new org.hearth.problem.HearthException("dao.simulationStuck", null, hash);
    }

    /** Past the ETA when queued; otherwise past the timelock's minimum delay (a proposal queued now could run then). */
    private static void moveTimePast(RpcClient fork, Governor governor, BigInteger eta) {
        long now = timestamp(fork);
        long target = now + 1;
        if (eta != null) {
            target = Math.max(target, eta.longValueExact() + 1);
        } else if (governor.timelock() != null) {
            try {
                BigInteger delay = (BigInteger) new ContractCalls(fork).readOne(governor.timelock(), "getMinDelay()(uint256)");
                target = now + delay.min(BigInteger.valueOf(365L * 24 * 3600)).longValue() + 1;
            } catch (RpcException | AbiException e) {
                // not an OpenZeppelin TimelockController: run at the current time
            }
        }
        fork.call("evm_increaseTime", target - now);
        fork.call("evm_mine");
    }

    private static long timestamp(RpcClient rpc) {
        return ChainClock.latest(rpc);
    }

    /** The revert reason in words (custom errors named from the shipped ABIs), or the node's own message. */
    private static String reason(RpcException e) {
        if (e.data() != null && e.data().length() >= 10) {
            return RevertReason.describe(e.data());
        }
        return e.args().size() > 2 ? String.valueOf(e.args().get(2)) : e.getMessage();
    }

    private static Simulation.SimulatedEvent event(RpcClient fork, JsonNode log, ContractRegistry registry) {
        String address = Addresses.checksummed(log.path("address").asText());
        List<String> topics = new ArrayList<>();
        log.path("topics").forEach(t -> topics.add(t.asText()));
        String data = log.path("data").asText("0x");
        if (topics.isEmpty()) {
            return new Simulation.SimulatedEvent(address, "anonymous", List.of(data));
        }
        List<ContractAbi> abis = new ArrayList<>();
        registry.byAddress(address).map(KnownContract::artifactName).filter(SHIPPED::contains).map(ContractAbi::shipped).ifPresent(abis::add);
        SHIPPED.forEach(name -> abis.add(ContractAbi.shipped(name)));
        for (ContractAbi abi : abis) {
            Optional<AbiEvent> e = abi.event(topics.getFirst());
            if (e.isPresent()) {
                try {
                    List<AbiValue> values = Abi.decodeLog(e.get(), topics, data);
                    boolean erc20Event = topics.size() == 3 && (e.get().name().equals("Transfer") || e.get().name().equals("Approval"));
                    Erc20 token = erc20Event ? erc20(fork, address) : null;
                    return new Simulation.SimulatedEvent(address, e.get().name(),
                            values.stream().map(v -> (v.name().isEmpty() ? "" : v.name() + ": ") + v.text()).toList(), values,
                            token == null ? null : new Simulation.Token(token.decimals(), token.symbol()));
                } catch (AbiException malformed) {
                    // another ABI with the same topic may fit (ERC-20 and ERC-721 Transfer differ in indexing)
                }
            }
        }
        return new Simulation.SimulatedEvent(address, topics.getFirst(), List.of(data));
    }

    /** An ERC-20 Transfer's token, sender and recipient join the balances to compare. */
    private static void noteTransfer(JsonNode log, Set<String> accounts, Set<String> tokens) {
        JsonNode topics = log.path("topics");
        if (topics.size() == 3 && TRANSFER_TOPIC.equalsIgnoreCase(topics.get(0).asText())) {
            tokens.add(Addresses.checksummed(log.path("address").asText()));
            accounts.add(Addresses.checksummed("0x" + topics.get(1).asText().substring(26)));
            accounts.add(Addresses.checksummed("0x" + topics.get(2).asText().substring(26)));
        }
    }

    private static List<Simulation.BalanceChange> changes(RpcClient fork, long startBlock, Set<String> accounts, Set<String> tokens) {
        String before = Hex.quantity(startBlock);
        List<Simulation.BalanceChange> out = new ArrayList<>();
        for (String account : accounts) {
            BigInteger b = fork.callQuantity("eth_getBalance", account, before);
            BigInteger a = fork.callQuantity("eth_getBalance", account, "latest");
            if (!a.equals(b)) {
                out.add(new Simulation.BalanceChange(account, null, "ETH", 18, b, a));
            }
        }
        for (String token : tokens) {
            Erc20 info = erc20(fork, token);
            if (info == null) {
                continue;
            }
            for (String account : accounts) {
                BigInteger b = balanceOf(fork, token, account, before);
                BigInteger a = balanceOf(fork, token, account, "latest");
                if (b != null && a != null && !a.equals(b)) {
                    out.add(new Simulation.BalanceChange(account, token, info.symbol(), info.decimals(), b, a));
                }
            }
        }
        return out;
    }

    private record Erc20(int decimals, String symbol) {
    }

    private static Erc20 erc20(RpcClient rpc, String token) {
        try {
            ContractCalls calls = new ContractCalls(rpc);
            int decimals = ((BigInteger) calls.readOne(token, "decimals()(uint8)")).intValueExact();
            String symbol = ((String) calls.readOne(token, "symbol()(string)")).replaceAll("\\p{C}", "").strip();
            return new Erc20(decimals, symbol.length() > MAX_SYMBOL ? symbol.substring(0, MAX_SYMBOL) : symbol);
        } catch (RpcException | AbiException | ArithmeticException | ClassCastException e) {
            return null;
        }
    }

    private static BigInteger balanceOf(RpcClient rpc, String token, String account, String block) {
        try {
            String result = rpc.call("eth_call", Map.of("to", token, "data", Abi.encodeCall("balanceOf(address)", account)), block).asText("0x");
            return result.length() >= 66 ? new BigInteger(result.substring(2, 66), 16) : null;
        } catch (RpcException e) {
            return null;
        }
    }
}
