package org.hearth.tokens;

import org.hearth.chain.abi.Multicall3;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hearth.chain.RpcException;
import org.hearth.chain.abi.Abi;
import org.hearth.chain.abi.AbiException;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.chain.session.ChainSession;
import org.hearth.chain.session.KnownContract;
import org.hearth.index.FirstActivity;
import org.hearth.problem.HearthException;
import org.hearth.store.AddressBookRepository;

/**
 * The approvals an account has granted and that still stand: the (token, spender) pairs of its
 * {@code Approval}/{@code ApprovalForAll} logs (the {@link ApprovalLogs} subscriber of the one log indexer, which the
 * session also runs in the background for its watched accounts), each read on chain now through Multicall3 ({@code allowance}, {@code isApprovedForAll}),
 * so a spent, lowered or overwritten allowance shows its real value and a revoked one is gone. Each
 * carries its risks. Revoking is {@code approve(spender, 0)} or {@code setApprovalForAll(operator, false)}.
 */
public final class Approvals {

    private static final String ERC721_INTERFACE = "0x80ac58cd";

    private final ChainSession session;
    private final ApprovalLogs logs;

    public Approvals(ChainSession session) {
        this.session = session;
        this.logs = new ApprovalLogs(session.database());
    }

    /** Brings {@code owner}'s approval logs up to the head (watched first when new, as the transfers are). */
    public void sync(String owner) throws InterruptedException {
        String key = owner.toLowerCase(Locale.ROOT);
        boolean watched = session.logIndexer().cursors().stream().anyMatch(c -> c.subscriber().equals(ApprovalLogs.ID) && c.key().equals(key));
        if (watched) {
            session.logIndexer().subscribe(logs);
        } else {
            long start = session.isLocal() ? 0 : FirstActivity.startBlock(session.rpc(), key, null, 0);
            session.logIndexer().watch(logs, key, start);
        }
        session.logIndexer().syncToHead();
    }

    /** Every approval of {@code owner} that stands now (stored logs, current on-chain values), in the order first granted. */
    public List<Approval> of(String owner) {
        List<ApprovalLogs.Grant> grants = logs.grants(session.chainId(), owner);
        List<Multicall3.Call> calls = grants.stream().map(g -> new Multicall3.Call(g.token(), g.operator()
                ? Abi.encodeCall("isApprovedForAll(address,address)", owner, g.spender())
                : Abi.encodeCall("allowance(address,address)", owner, g.spender()))).toList();
        List<byte[]> now = Multicall3.of(session).callAll(calls).stream().map(r -> r.success() ? r.data() : null).toList();
        Map<String, Token> known = new HashMap<>();
        new TokenRegistry(session).all().forEach(t -> known.put(t.address(), t));
        Map<String, Boolean> hasCode = new HashMap<>();
        List<Approval> out = new ArrayList<>();
        for (int i = 0; i < grants.size(); i++) {
            ApprovalLogs.Grant g = grants.get(i);
            byte[] value = now.get(i);
            if (value == null || value.length != 32) {
                continue; // the token no longer answers: nothing it could let anyone take
            }
            BigInteger current = new BigInteger(1, value);
            if (current.signum() == 0) {
                continue; // revoked, spent or overwritten with zero
            }
            boolean code = hasCode.computeIfAbsent(g.spender(), this::hasCode);
            out.add(approval(g, g.operator() ? null : current, code, known.get(g.token())));
        }
        return out;
    }

    /** The standing approval of {@code token} to {@code spender}, or a {@code tokens.noApproval} HearthException. */
    public Approval find(String owner, String token, String spender) {
        return of(owner).stream().filter(a -> a.token().equalsIgnoreCase(token) && a.spender().equalsIgnoreCase(spender)).findFirst()
                .orElseThrow(() -> new HearthException("tokens.noApproval", null, token, spender));
    }

    /** The call data that revokes {@code a}: {@code approve(spender, 0)} or {@code setApprovalForAll(operator, false)}. */
    public static String revokeData(Approval a) {
        return a.isOperator() ? Abi.encodeCall("setApprovalForAll(address,bool)", a.spender(), false)
                : Abi.encodeCall("approve(address,uint256)", a.spender(), BigInteger.ZERO);
    }

    private Approval approval(ApprovalLogs.Grant g, BigInteger allowance, boolean spenderHasCode, Token token) {
        List<String> risks = new ArrayList<>();
        if (allowance == null || allowance.compareTo(Approval.UNLIMITED_FROM) >= 0) {
            risks.add(Approval.UNLIMITED); // an operator may move every item of the collection
        }
        if (!spenderHasCode) {
            risks.add(Approval.NO_CODE);
        }
        String name = spenderName(g.spender());
        if (name.isEmpty()) {
            risks.add(Approval.UNKNOWN_SPENDER);
        }
        Approval.Standard standard = !g.operator() ? Approval.Standard.ERC20
                : supports721(g.token()) ? Approval.Standard.ERC721 : Approval.Standard.ERC1155;
        String symbol = token != null ? token.symbol() : symbolOf(g.token());
        int decimals = token != null ? token.decimals() : decimalsOf(g.token(), g.operator());
        return new Approval(g.token(), standard, symbol, decimals, g.spender(), name, allowance, risks);
    }

    private String spenderName(String spender) {
        Optional<KnownContract> k = session.contracts().byAddress(spender);
        if (k.isPresent()) {
            return k.get().name();
        }
        return new AddressBookRepository(session.database()).find(spender).map(AddressBookRepository.Entry::label).orElse("");
    }

    private boolean hasCode(String address) {
        return session.rpc().call("eth_getCode", address, "latest").asText("0x").length() > 2;
    }

    private boolean supports721(String token) {
        return Boolean.TRUE.equals(quietly(token, "supportsInterface(bytes4)(bool)", ERC721_INTERFACE));
    }

    private String symbolOf(String token) {
        return quietly(token, "symbol()(string)") instanceof String s ? TokenText.symbol(s) : "";
    }

    private int decimalsOf(String token, boolean operator) {
        return !operator && quietly(token, "decimals()(uint8)") instanceof BigInteger d && d.bitLength() <= 8 ? d.intValue() : 0;
    }

    /** A read that may fail (the token is odd or gone): null then; a dead node still throws. */
    private Object quietly(String to, String signature, Object... args) {
        try {
            return new ContractCalls(session.rpc()).readOne(to, signature, args);
        } catch (AbiException | RpcException e) {
            if (e instanceof RpcException r && r.isTransport()) {
                throw r;
            }
            return null;
        }
    }
}
