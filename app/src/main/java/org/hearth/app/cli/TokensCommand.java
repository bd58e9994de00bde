package org.hearth.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hearth.chain.Addresses;
import org.hearth.chain.session.ChainSession;
import org.hearth.index.Erc20Transfer;
import org.hearth.problem.HearthException;
import org.hearth.tokens.AccountTransfers;
import org.hearth.tokens.BalanceReader;
import org.hearth.tokens.Token;
import org.hearth.tokens.TokenBalance;
import org.hearth.tokens.TokenMetadata;
import org.hearth.tokens.TokenRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code hearth tokens balances|add|history}: ERC-20 tokens from the command line. {@code --account}
 * is any address (watch-only; no vault needed). JSON: one object per line, amounts as exact integer strings.
 */
@Command(name = "tokens", description = "ERC-20 tokens: balances (through Multicall3), add by address, import a token list, send, history, approvals, revoke.",
        subcommands = {TokensSendCommand.class, TokensApprovalsCommand.class, TokensRevokeCommand.class})
public final class TokensCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    HearthCommand root;

    @Spec
    CommandSpec spec;

    @Command(name = "balances", description = "Token balances of an account (any address). Without --token: every known "
            + "and discovered token of that account that is not hidden. Exit 0 even when some tokens carry an error.")
    int balances(@Option(names = "--account", required = true, paramLabel = "ADDRESS") String account,
                 @Option(names = "--token", paramLabel = "ADDRESS", description = "Only this token (repeatable).") List<String> only,
                 @Option(names = "--json", description = "One JSON object per token and line.") boolean json) throws Exception {
        requireAddress(account);
        PrintWriter out = spec.commandLine().getOut();
        try (ChainSession session = CliSession.open(root, spec.commandLine().getErr())) {
            TokenRegistry registry = new TokenRegistry(session);
            List<Token> tokens = new ArrayList<>();
            Map<String, HearthException> unreadable = new LinkedHashMap<>();
            if (only == null || only.isEmpty()) {
                syncTransfers(session, account);
                registry.discover(account);
                tokens.addAll(registry.visible());
            } else {
                for (String address : only) {
                    requireAddress(address);
                    try {
                        tokens.add(registry.all().stream().filter(t -> t.address().equalsIgnoreCase(address)).findFirst()
                                .orElseGet(() -> new TokenMetadata(session.rpc()).read(session.chainId(), address, Token.Source.USER)));
                    } catch (HearthException e) {
                        unreadable.put(address, e);
                    }
                }
            }
            for (TokenBalance b : BalanceReader.of(session).balances(account, tokens)) {
                print(out, json, b.token().address(), b.token(), b, b.error());
            }
            for (Map.Entry<String, HearthException> e : unreadable.entrySet()) {
                print(out, json, e.getKey(), null, null, e.getValue());
            }
        }
        out.flush();
        return 0;
    }

    @Command(name = "add", description = "Add a token by its address: name, symbol and decimals are read on chain.")
    int add(@Parameters(paramLabel = "ADDRESS") String address,
            @Option(names = "--json", description = "Print the token as one JSON object.") boolean json) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (ChainSession session = CliSession.open(root, spec.commandLine().getErr())) {
            Token t = new TokenRegistry(session).add(address);
            if (json) {
                out.println(JSON.writeValueAsString(tokenJson(t.address(), t)));
            } else {
                out.printf("added %s (%s), %d decimals, at %s%n", t.symbol(), t.name(), t.decimals(), Addresses.checksummed(t.address()));
            }
        }
        out.flush();
        return 0;
    }

    @Command(name = "import-list", description = "Import a token list (Uniswap token-list schema) from a file or an http(s) URL: "
            + "refused whole when it breaks the schema; only this chain's entries are added.")
    int importList(@Parameters(paramLabel = "FILE") String file) throws Exception {
        String text = org.hearth.tokens.TokenListSource.read(file);
        PrintWriter out = spec.commandLine().getOut();
        try (ChainSession session = CliSession.open(root, spec.commandLine().getErr())) {
            org.hearth.tokens.TokenListImport.Result r = new TokenRegistry(session).importList(text);
            out.printf("imported %s: %d of %d tokens are for chain %d (%d for other chains)%n",
                    r.name(), r.tokens().size(), r.total(), session.chainId(), r.otherChains());
        }
        out.flush();
        return 0;
    }

    @Command(name = "history", description = "ERC-20 transfers to and from an account (any address), oldest first, from the log indexer.")
    int history(@Option(names = "--account", required = true, paramLabel = "ADDRESS") String account,
                @Option(names = "--token", paramLabel = "ADDRESS", description = "Only this token.") String token,
                @Option(names = "--json", description = "One JSON object per transfer and line.") boolean json) throws Exception {
        requireAddress(account);
        if (token != null) {
            requireAddress(token);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ChainSession session = CliSession.open(root, spec.commandLine().getErr())) {
            syncTransfers(session, account);
            Map<String, Token> known = new LinkedHashMap<>();
            new TokenRegistry(session).all().forEach(t -> known.put(t.address(), t));
            String me = account.toLowerCase(Locale.ROOT);
            for (Erc20Transfer t : session.erc20Transfers().of(session.chainId(), account)) {
                if (token != null && !t.token().equalsIgnoreCase(token)) {
                    continue;
                }
                Token meta = known.get(t.token().toLowerCase(Locale.ROOT));
                boolean in = t.recipient().equalsIgnoreCase(me);
                if (json) {
                    ObjectNode o = JSON.createObjectNode();
                    o.put("token", Addresses.checksummed(t.token()));
                    o.put("symbol", meta == null ? null : meta.symbol());
                    o.put("decimals", meta == null ? null : meta.decimals());
                    o.put("block", t.blockNumber());
                    o.put("tx", t.txHash());
                    o.put("logIndex", t.logIndex());
                    o.put("from", Addresses.checksummed(t.sender()));
                    o.put("to", Addresses.checksummed(t.recipient()));
                    o.put("value", t.value().toString());
                    o.put("direction", in ? "in" : "out");
                    out.println(JSON.writeValueAsString(o));
                } else {
                    String amount = meta == null ? t.value() + " units" : Token.format(t.value(), meta.decimals()) + " " + meta.symbol();
                    out.printf("block %-8d %-3s %s %s %s%n", t.blockNumber(), in ? "in" : "out", amount,
                            in ? "from" : "to", Addresses.checksummed(in ? t.sender() : t.recipient()));
                }
            }
        }
        out.flush();
        return 0;
    }

    private static void syncTransfers(ChainSession session, String account) throws InterruptedException {
        AccountTransfers.sync(session, account);
    }

    private static void print(PrintWriter out, boolean json, String address, Token t, TokenBalance b, HearthException error)
            throws Exception {
        if (json) {
            ObjectNode o = tokenJson(address, t);
            o.put("balance", b == null || b.balance() == null ? null : b.balance().toString());
            o.put("error", error == null ? null : error.getMessage());
            out.println(JSON.writeValueAsString(o));
            return;
        }
        String label = t == null ? Addresses.checksummed(address) : t.symbol() + " (" + Addresses.checksummed(address) + ")";
        out.printf("%-60s %s%n", label, error != null ? "error: " + error.getMessage() : b.formatted());
    }

    private static ObjectNode tokenJson(String address, Token t) {
        ObjectNode o = JSON.createObjectNode();
        o.put("token", Addresses.checksummed(address));
        o.put("symbol", t == null ? null : t.symbol());
        o.put("name", t == null ? null : t.name());
        o.put("decimals", t == null ? null : t.decimals());
        return o;
    }

    private static void requireAddress(String address) {
        if (!Addresses.isValid(address)) {
            throw new HearthException("address.invalid", null, address);
        }
    }
}
