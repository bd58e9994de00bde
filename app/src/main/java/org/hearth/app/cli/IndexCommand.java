package org.hearth.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hearth.chain.Addresses;
import org.hearth.chain.session.ChainSession;
import org.hearth.index.Erc20Transfers;
import org.hearth.index.FirstActivity;
import org.hearth.index.IndexCursor;
import org.hearth.index.LogIndexer;
import org.hearth.index.SyncProgress;
import org.hearth.wallet.WalletService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hearth index sync|status}: the log indexer from the command line (ERC-20 transfers of watched accounts). */
@Command(name = "index", description = "Sync or inspect the log indexer (ERC-20 transfers to and from watched accounts).")
public final class IndexCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    HearthCommand root;

    @Spec
    CommandSpec spec;

    @Command(name = "sync", description = "Index up to the chain's head, then exit. Accounts watched before are kept; "
            + "the wallet's accounts are watched too. Safe to interrupt: the next run resumes.")
    int sync(@Option(names = "--account", paramLabel = "ADDRESS", description = "Also watch this account (repeatable).") List<String> accounts,
             @Option(names = "--start-block", paramLabel = "N", description = "Where a newly watched account starts on an "
                     + "external chain (default: its first activity, found on the node; 0 on the local chain).") Long startBlock,
             @Option(names = "--max-range", paramLabel = "BLOCKS", defaultValue = "10000",
                     description = "Most blocks per eth_getLogs call (default ${DEFAULT-VALUE}).") int maxRange,
             @Option(names = "--json", description = "Print the result as one JSON object.") boolean json) throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        try (ChainSession session = CliSession.open(root, err)) {
            long chainId = session.chainId();
            // the session's indexer with this command's range limit; same subscribers, same checkpoints
            LogIndexer indexer = new LogIndexer(session.rpc(), chainId, session.database(),
                    new LogIndexer.Options(Math.min(4, maxRange), maxRange, 5_000));
            Erc20Transfers transfers = session.erc20Transfers();
            indexer.subscribe(transfers);
            Set<String> known = new LinkedHashSet<>();
            indexer.cursors().stream().filter(c -> c.subscriber().equals(Erc20Transfers.ID)).forEach(c -> known.add(c.key()));
            for (String account : toWatch(accounts)) {
                if (!known.contains(account)) {
                    long start = session.isLocal() ? 0 : FirstActivity.startBlock(session.rpc(), account, startBlock, 0);
                    indexer.watch(transfers, account, start);
                }
            }
            long[] lastPrint = {0};
            try (AutoCloseable ignored = indexer.onProgress(p -> {
                if (!json && System.nanoTime() - lastPrint[0] > 1_000_000_000L) {
                    lastPrint[0] = System.nanoTime();
                    err.printf("scanned to block %d of %d, %d events%n", p.scannedTo(), p.head(), p.events());
                    err.flush();
                }
            })) {
                SyncProgress done = indexer.syncToHead();
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    ObjectNode o = JSON.createObjectNode();
                    o.put("chainId", chainId);
                    o.put("head", done.head());
                    o.put("scannedTo", done.scannedTo());
                    o.put("events", done.events());
                    o.put("reorgs", done.reorgs());
                    o.put("erc20Transfers", transfers.count(chainId));
                    out.println(JSON.writeValueAsString(o));
                } else {
                    out.printf("chain %d synced to block %d: %d new events, %d ERC-20 transfers stored%n",
                            chainId, done.scannedTo(), done.events(), transfers.count(chainId));
                }
            }
        }
        return 0;
    }

    @Command(name = "status", description = "Print each indexer cursor: subscriber, key, start block, checkpoint and blocks behind the head.")
    int status(@Option(names = "--json", description = "Print the status as one JSON object.") boolean json) throws Exception {
        long chainId;
        long head;
        List<IndexCursor> cursors;
        long stored;
        try (ChainSession session = CliSession.open(root, spec.commandLine().getErr())) {
            chainId = session.chainId();
            head = session.rpc().blockNumber();
            cursors = session.logIndexer().cursors();
            stored = session.erc20Transfers().count(chainId);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = JSON.createObjectNode();
            o.put("chainId", chainId);
            o.put("head", head);
            o.put("erc20Transfers", stored);
            ArrayNode list = o.putArray("cursors");
            for (IndexCursor c : cursors) {
                list.addObject().put("subscriber", c.subscriber()).put("key", c.key()).put("startBlock", c.startBlock())
                        .put("checkpoint", c.checkpoint()).put("behind", Math.max(0, head - c.checkpoint()));
            }
            out.println(JSON.writeValueAsString(o));
            return 0;
        }
        out.printf("chain %d, head %d, %d ERC-20 transfers stored%n", chainId, head, stored);
        for (IndexCursor c : cursors) {
            out.printf("%-16s %-42s start %-9d at %-9d %d behind%n", c.subscriber(), c.key().isEmpty() ? "-" : c.key(),
                    c.startBlock(), c.checkpoint(), Math.max(0, head - c.checkpoint()));
        }
        return 0;
    }

    /** The --account values (checked) and the wallet's accounts, lower case. */
    private List<String> toWatch(List<String> accounts) {
        List<String> out = new ArrayList<>();
        for (String a : accounts == null ? List.<String>of() : accounts) {
            if (!Addresses.isValid(a)) {
                throw new IllegalArgumentException("Not an address: " + a);
            }
            out.add(a.toLowerCase(Locale.ROOT));
        }
        WalletService wallet = new WalletContext(spec).wallet();
        if (wallet.exists()) {
            wallet.listing().accounts().forEach(a -> out.add(a.address().toLowerCase(Locale.ROOT)));
            wallet.listing().watchOnly().forEach(w -> out.add(w.address().toLowerCase(Locale.ROOT)));
        }
        return out;
    }
}
