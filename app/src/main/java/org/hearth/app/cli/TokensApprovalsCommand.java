package org.hearth.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.hearth.chain.Addresses;
import org.hearth.chain.session.ChainSession;
import org.hearth.problem.HearthException;
import org.hearth.tokens.Approval;
import org.hearth.tokens.Approvals;
import org.hearth.tokens.Token;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hearth tokens approvals --account A [--json]}: the approvals an account (any address) has
 * granted that still stand, from its Approval/ApprovalForAll logs and their values on chain now.
 * JSON: one object per line with {@code token}, {@code standard}, {@code spender}, {@code allowance}
 * (ERC-20, an exact integer string) or {@code all} (operator approvals), and {@code risks}.
 */
@Command(name = "approvals", description = "Standing approvals an account has granted (ERC-20 allowances and NFT operator "
        + "approvals), with their risks: unlimited, no-code (the spender has no code), unknown-spender.")
public final class TokensApprovalsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--account", required = true, paramLabel = "ADDRESS")
    String account;

    @Option(names = "--json", description = "One JSON object per approval and line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!Addresses.isValid(account)) {
            throw new HearthException("address.invalid", null, account);
        }
        PrintWriter out = spec.commandLine().getOut();
        HearthCommand root = (HearthCommand) spec.root().userObject();
        try (ChainSession session = CliSession.open(root, spec.commandLine().getErr())) {
            Approvals approvals = new Approvals(session);
            approvals.sync(account);
            for (Approval a : approvals.of(account)) {
                if (json) {
                    out.println(JSON.writeValueAsString(json(a)));
                } else {
                    String what = a.isOperator() ? "all items"
                            : a.risks().contains(Approval.UNLIMITED) ? "unlimited " + a.symbol()
                            : Token.format(a.allowance(), a.decimals()) + " " + a.symbol();
                    out.printf("%-8s %s (%s) -> %s%s: %s%s%n", a.standard().id(), a.symbol().isEmpty() ? "?" : a.symbol(),
                            Addresses.checksummed(a.token()), Addresses.checksummed(a.spender()),
                            a.spenderName().isEmpty() ? "" : " (" + a.spenderName() + ")", what,
                            a.risks().isEmpty() ? "" : "  [" + String.join(", ", a.risks()) + "]");
                }
            }
        }
        out.flush();
        return 0;
    }

    private static ObjectNode json(Approval a) {
        ObjectNode o = JSON.createObjectNode();
        o.put("token", Addresses.checksummed(a.token()));
        o.put("standard", a.standard().id());
        o.put("spender", Addresses.checksummed(a.spender()));
        if (a.isOperator()) {
            o.put("all", true);
        } else {
            o.put("allowance", a.allowance().toString());
        }
        ArrayNode risks = o.putArray("risks");
        a.risks().forEach(risks::add);
        o.put("symbol", a.symbol());
        o.put("spenderName", a.spenderName());
        return o;
    }
}
