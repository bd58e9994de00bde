package org.hearth.dao;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hearth.chain.Addresses;
import org.hearth.chain.RpcClient;
import org.hearth.chain.RpcException;
import org.hearth.chain.abi.AbiException;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.chain.session.ChainSession;
import org.hearth.chain.session.KnownContract;
import org.hearth.problem.HearthException;

/**
 * The governors of a session: the demo world's HearthGovernor and any OpenZeppelin Governor added by
 * address. An added governor is checked ({@code name()}, {@code version()}, {@code COUNTING_MODE()},
 * {@code token()}, and {@code timelock()} when it has one) and remembered in the session's contract
 * registry with the Governor ABI.
 */
public final class Governors {

    /** The ABI Hearth ships for any OpenZeppelin Governor. */
    public static final String GOVERNOR_ABI = "HearthGovernor";
    private static final String ZERO = "0x0000000000000000000000000000000000000000";
    private static final int MAX_TEXT = 128;

    private final ChainSession session;

    public Governors(ChainSession session) {
        this.session = session;
    }

    /** Every known governor (the demo world's first), each checked on the chain. */
    public List<Governor> list() {
        List<Governor> out = new ArrayList<>();
        for (KnownContract c : session.contracts().all()) {
            if (GOVERNOR_ABI.equals(c.artifactName())) {
                out.add(inspect(session.rpc(), c.address()));
            }
        }
        return out;
    }

    /** The governor at {@code address} if known, else the only one; refused when there is none or several. */
    public Governor pick(String address) {
        if (address != null) {
            return inspect(session.rpc(), address);
        }
        List<Governor> all = list();
        if (all.isEmpty()) {
            throw new HearthException("dao.noGovernor", null);
        }
        return all.getFirst();
    }

    /** Checks the address and remembers it under its on-chain name. */
    public Governor add(String address) {
        Governor g = inspect(session.rpc(), address);
        if (session.contracts().byAddress(g.address()).isEmpty()) {
            String name = g.name().isBlank() ? "Governor " + g.address().substring(0, 8) : g.name();
            if (session.contracts().byName(name).isPresent()) {
                name = name + " " + g.address().substring(0, 8);
            }
            session.contracts().add(name.length() > 64 ? name.substring(0, 64) : name, g.address(), GOVERNOR_ABI);
        }
        return g;
    }

    /** Reads what makes {@code address} an OpenZeppelin Governor; refused with {@code dao.notGovernor} otherwise. */
    public static Governor inspect(RpcClient rpc, String address) {
        if (address == null || !Addresses.isValid(address)) {
            throw new HearthException("dao.badAddress", null, String.valueOf(address));
        }
        String checksummed = Addresses.checksummed(address);
        String code = rpc.call("eth_getCode", checksummed, "latest").asText("0x");
        if (code.length() <= 2) {
            throw new HearthException("dao.noCode", null, checksummed);
        }
        ContractCalls calls = new ContractCalls(rpc);
        String name = text(calls, checksummed, "name()(string)");
        String version = text(calls, checksummed, "version()(string)");
        String counting = text(calls, checksummed, "COUNTING_MODE()(string)");
        String token = Addresses.checksummed((String) required(calls, checksummed, "token()(address)"));
        if (token.equalsIgnoreCase(ZERO)) {
            throw new HearthException("dao.notGovernor", null, checksummed, "token()");
        }
        String timelock = optionalAddress(calls, checksummed, "timelock()(address)");
        Governor.Clock clock;
        try {
            clock = Governor.Clock.parse((String) calls.readOne(checksummed, "CLOCK_MODE()(string)"));
        } catch (RpcException | AbiException e) {
            clock = Governor.Clock.BLOCK_NUMBER; // governors before ERC-6372 count blocks
        }
        return new Governor(checksummed, name, version, counting, token, timelock, clock);
    }

    private static String text(ContractCalls calls, String address, String signature) {
        String s = (String) required(calls, address, signature);
        String clean = s.replaceAll("\\p{C}", "").strip(); // control and bidi characters out: it is shown as a name
        return clean.length() > MAX_TEXT ? clean.substring(0, MAX_TEXT) : clean;
    }

    private static Object required(ContractCalls calls, String address, String signature) {
        try {
            return calls.readOne(address, signature);
        } catch (RpcException | AbiException e) {
            throw new HearthException("dao.notGovernor", e, address, signature.substring(0, signature.indexOf(')') + 1));
        }
    }

    private static String optionalAddress(ContractCalls calls, String address, String signature) {
        try {
            String a = (String) calls.readOne(address, signature);
            return a.equalsIgnoreCase(ZERO) ? null : Addresses.checksummed(a.toLowerCase(Locale.ROOT));
        } catch (RpcException | AbiException e) {
            return null; // a governor without a timelock executes directly
        }
    }
}
