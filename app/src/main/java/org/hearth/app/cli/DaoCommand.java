package org.hearth.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.List;
import org.hearth.chain.Addresses;
import org.hearth.chain.review.CallDecoder;
import org.hearth.chain.review.ReviewWarning;
import org.hearth.chain.session.ChainSession;
import org.hearth.dao.Delegation;
import org.hearth.dao.Governor;
import org.hearth.dao.Governors;
import org.hearth.dao.Proposal;
import org.hearth.dao.ProposalAction;
import org.hearth.dao.ProposalActions;
import org.hearth.dao.Proposals;
import org.hearth.dao.StoredProposal;
import org.hearth.dao.Vote;
import org.hearth.dao.VotingPower;
import org.hearth.money.Amounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code hearth dao proposals|show|power}: a governor's proposals (synced from its logs first),
 * one proposal with its actions in words and its votes, and an account's voting power. JSON output
 * is one object per line; vote counts and amounts are exact integer strings, proposal ids decimal.
 */
@Command(name = "dao", description = "Governance: proposals, their actions and votes, and voting power.",
        subcommands = {DaoVoteCommand.class, DaoDelegateCommand.class, DaoProposeCommand.class, DaoSimulateCommand.class})
public final class DaoCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    HearthCommand root;

    @Spec
    CommandSpec spec;

    @Command(name = "proposals", description = "List the governor's proposals, newest first (the demo world's governor unless --governor).")
    int proposals(@Option(names = "--governor", paramLabel = "ADDRESS") String governorAddress,
                  @Option(names = "--json", description = "One JSON object per proposal, one per line.") boolean json) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (ChainSession session = CliSession.open(root, spec.commandLine().getErr())) {
            Governor governor = new Governors(session).pick(governorAddress);
            Proposals proposals = new Proposals(session);
            proposals.sync(governor);
            for (Proposal p : proposals.live(governor)) {
                if (json) {
                    out.println(JSON.writeValueAsString(summary(p)));
                } else {
                    out.printf("%s  %-9s for %s  against %s  abstain %s  quorum %s  %s%n", p.id(), p.state().lower(),
                            Amounts.formatGrouped(p.forVotes(), 18), Amounts.formatGrouped(p.againstVotes(), 18),
                            Amounts.formatGrouped(p.abstainVotes(), 18), Amounts.formatGrouped(p.quorum(), 18), p.title());
                }
            }
        }
        return 0;
    }

    @Command(name = "show", description = "One proposal: state, tally, quorum, its actions decoded into words, and the votes cast.")
    int show(@Parameters(paramLabel = "ID", description = "The proposal id (decimal).") BigInteger id,
             @Option(names = "--governor", paramLabel = "ADDRESS") String governorAddress,
             @Option(names = "--json", description = "Print one JSON object.") boolean json) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (ChainSession session = CliSession.open(root, spec.commandLine().getErr())) {
            Governor governor = new Governors(session).pick(governorAddress);
            Proposals proposals = new Proposals(session);
            proposals.sync(governor);
            StoredProposal stored = proposals.require(governor, id);
            Proposal p = proposals.live(governor, stored);
            List<ProposalAction> actions = new ProposalActions(session.rpc(), CallDecoder.shipped(), session.contracts()).describe(stored);
            List<Vote> votes = proposals.votes(governor, id);
            if (json) {
                ObjectNode o = summary(p);
                o.put("governor", governor.address());
                o.put("voteStart", stored.voteStart().toString());
                o.put("voteEnd", stored.voteEnd().toString());
                o.put("clock", governor.clock() == Governor.Clock.TIMESTAMP ? "timestamp" : "blocknumber");
                org.hearth.dao.ClockEstimates times = new org.hearth.dao.ClockEstimates(session.rpc());
                o.put("voteStartTime", Long.toString(times.unixSeconds(governor, stored.voteStart())));
                o.put("voteEndTime", Long.toString(times.unixSeconds(governor, stored.voteEnd())));
                o.put("description", stored.description());
                ArrayNode list = o.putArray("actions");
                for (ProposalAction a : actions) {
                    ObjectNode node = list.addObject();
                    node.put("target", a.target());
                    node.put("targetName", a.targetName());
                    node.put("value", a.value().toString());
                    node.put("signature", a.call().isKnown() ? a.call().function().signature() : null);
                    node.put("calldata", a.call().data());
                    node.put("kind", a.key().substring(a.key().lastIndexOf('.') + 1));
                    node.put("text", DaoWords.action(a));
                    ArrayNode args = node.putArray("args");
                    a.args().forEach(args::add);
                    ArrayNode warnings = node.putArray("warnings");
                    for (ReviewWarning w : a.warnings()) {
                        warnings.addObject().put("key", w.key()).put("text", DaoWords.warning(w));
                    }
                }
                ArrayNode voteList = o.putArray("votes");
                for (Vote v : votes) {
                    voteList.addObject().put("voter", Addresses.checksummed(v.voter())).put("support", v.support().lower())
                            .put("weight", v.weight().toString()).put("reason", v.reason());
                }
                out.println(JSON.writeValueAsString(o));
                return 0;
            }
            out.printf("proposal %s: %s%nstate:    %s%nproposer: %s%nvoting:   %s%nfor %s  against %s  abstain %s  quorum %s%n",
                    p.id(), p.title(), p.state().lower(), Addresses.checksummed(stored.proposer()),
                    DaoWords.votingWindow(governor, stored, new org.hearth.dao.ClockEstimates(session.rpc())), Amounts.formatGrouped(p.forVotes(), 18),
                    Amounts.formatGrouped(p.againstVotes(), 18), Amounts.formatGrouped(p.abstainVotes(), 18), Amounts.formatGrouped(p.quorum(), 18));
            if (p.eta() != null) {
                out.printf("eta:      %s (%s)%n", p.eta(), DaoWords.time(p.eta().longValueExact()));
            }
            out.println("actions:");
            for (ProposalAction a : actions) {
                out.printf("  %d. %s%n", a.index() + 1, DaoWords.action(a));
                a.warnings().forEach(w -> out.printf("     warning: %s%n", DaoWords.warning(w)));
            }
            out.println("votes:");
            for (Vote v : votes) {
                out.printf("  %s %-7s %s%s%n", Addresses.checksummed(v.voter()), v.support().lower(), Amounts.formatGrouped(v.weight(), 18),
                        v.reason().isEmpty() ? "" : "  \"" + v.reason().replaceAll("\\p{C}", " ") + "\"");
            }
            out.println("description:");
            out.println(stored.description().replaceAll("[\\p{Cf}\\p{Co}\\p{Cs}]", "")); // bidi and invisible characters out
        }
        return 0;
    }

    @Command(name = "power", description = "An account's voting power: votes, delegate, balance, and why the votes are zero when they are.")
    int power(@Option(names = "--account", required = true, paramLabel = "ADDRESS") String account,
              @Option(names = "--proposal", paramLabel = "ID", description = "Also the votes at this proposal's snapshot.") BigInteger proposalId,
              @Option(names = "--governor", paramLabel = "ADDRESS") String governorAddress,
              @Option(names = "--json", description = "Print one JSON object.") boolean json) throws Exception {
        if (!Addresses.isValid(account)) {
            throw new IllegalArgumentException("Not an address: " + account);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ChainSession session = CliSession.open(root, spec.commandLine().getErr())) {
            Governor governor = new Governors(session).pick(governorAddress);
            BigInteger snapshot = null;
            if (proposalId != null) {
                Proposals proposals = new Proposals(session);
                proposals.sync(governor);
                snapshot = proposals.require(governor, proposalId).voteStart();
            }
            VotingPower p = new Delegation(session.rpc()).of(governor, account, snapshot);
            if (json) {
                ObjectNode o = JSON.createObjectNode();
                o.put("account", p.account());
                o.put("votes", p.votes().toString());
                o.put("delegate", p.delegate());
                o.put("balance", p.balance().toString());
                if (snapshot != null) {
                    o.put("snapshot", snapshot.toString());
                    o.put("votesAtSnapshot", p.votesAtSnapshot() == null ? null : p.votesAtSnapshot().toString());
                }
                if (p.reason() != null) {
                    o.put("reason", p.reason().code());
                    o.put("explanation", DaoWords.reason(p));
                }
                out.println(JSON.writeValueAsString(o));
                return 0;
            }
            out.printf("account:  %s%nvotes:    %s%ndelegate: %s%nbalance:  %s%n", p.account(), Amounts.formatGrouped(p.votes(), 18),
                    p.delegate() == null ? "(none)" : p.delegate(), Amounts.formatGrouped(p.balance(), 18));
            if (snapshot != null) {
                out.printf("at the snapshot (%s): %s%n", DaoWords.timepoint(governor.clock(), snapshot),
                        p.votesAtSnapshot() == null ? "not yet taken" : Amounts.formatGrouped(p.votesAtSnapshot(), 18));
            }
            if (p.reason() != null) {
                out.println("why zero: " + DaoWords.reason(p));
            }
        }
        return 0;
    }

    @Command(name = "queue", description = "Queue a succeeded proposal in the governor's timelock, through the review.")
    int queue(@Parameters(paramLabel = "ID") BigInteger id, @Option(names = "--from", required = true, paramLabel = "ADDRESS") String from,
              @Option(names = "--governor", paramLabel = "ADDRESS") String governorAddress,
              @Option(names = "--password-file", required = true, paramLabel = "FILE") java.nio.file.Path passwordFile,
              @Option(names = "--yes", description = "Sign without asking (the review is still printed).") boolean yes) throws Exception {
        return lifecycle(id, from, governorAddress, passwordFile, yes, true);
    }

    @Command(name = "execute", description = "Execute a queued proposal once its timelock ETA has passed (or a succeeded one without timelock), through the review.")
    int execute(@Parameters(paramLabel = "ID") BigInteger id, @Option(names = "--from", required = true, paramLabel = "ADDRESS") String from,
                @Option(names = "--governor", paramLabel = "ADDRESS") String governorAddress,
                @Option(names = "--password-file", required = true, paramLabel = "FILE") java.nio.file.Path passwordFile,
                @Option(names = "--yes", description = "Sign without asking (the review is still printed).") boolean yes) throws Exception {
        return lifecycle(id, from, governorAddress, passwordFile, yes, false);
    }

    private int lifecycle(BigInteger id, String from, String governorAddress, java.nio.file.Path passwordFile, boolean yes, boolean queue)
            throws Exception {
        WalletContext ctx = new WalletContext(spec);
        try (ChainSession session = ctx.session()) {
            Governor governor = new Governors(session).pick(governorAddress);
            Proposals proposals = new Proposals(session);
            proposals.sync(governor);
            StoredProposal stored = proposals.require(governor, id);
            return CliSigning.signAndSend(ctx.wallet(), session, spec.commandLine().getOut(), spec.commandLine().getErr(), from,
                    governor.address(), queue ? org.hearth.dao.ProposalCalls.queue(stored) : org.hearth.dao.ProposalCalls.execute(stored),
                    passwordFile, yes);
        }
    }

    private static ObjectNode summary(Proposal p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", p.id().toString());
        o.put("state", p.state().lower());
        o.put("for", p.forVotes().toString());
        o.put("against", p.againstVotes().toString());
        o.put("abstain", p.abstainVotes().toString());
        o.put("quorum", p.quorum().toString());
        o.put("title", p.title());
        o.put("proposer", Addresses.checksummed(p.stored().proposer()));
        o.put("eta", p.eta() == null ? null : p.eta().toString());
        return o;
    }
}
