package org.hearth.app.cli;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hearth.chain.abi.Abi;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.chain.session.ChainSession;
import org.hearth.dao.ActionsFile;
import org.hearth.dao.Governor;
import org.hearth.dao.Governors;
import org.hearth.problem.HearthException;
import org.web3j.crypto.Hash;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hearth dao propose --from A --description-file F --actions-file F}: checks the proposal
 * threshold, then propose(...) through the review; prints the proposal id (decimal) once confirmed.
 */
@Command(name = "propose", description = "Create a proposal from an actions JSON file and a description file (used byte for byte).")
public final class DaoProposeCommand implements Callable<Integer> {

    private static final int MAX_DESCRIPTION = 1 << 20;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "ADDRESS")
    String from;

    @Option(names = "--description-file", required = true, paramLabel = "FILE")
    Path descriptionFile;

    @Option(names = "--actions-file", required = true, paramLabel = "FILE",
            description = "JSON array of {\"target\",\"value\",\"signature\",\"args\"}; numbers may be strings.")
    Path actionsFile;

    @Option(names = "--governor", paramLabel = "ADDRESS")
    String governorAddress;

    @Option(names = "--password-file", required = true, paramLabel = "FILE")
    Path passwordFile;

    @Option(names = "--yes", description = "Sign without asking (the review is still printed).")
    boolean yes;

    @Override
    public Integer call() throws Exception {
        byte[] descriptionBytes = read(descriptionFile, MAX_DESCRIPTION);
        String description = utf8(descriptionBytes);
        List<ActionsFile.Action> actions = ActionsFile.parse(new String(read(actionsFile, ActionsFile.MAX_BYTES), StandardCharsets.UTF_8));
        List<String> targets = actions.stream().map(ActionsFile.Action::target).toList();
        List<BigInteger> values = actions.stream().map(ActionsFile.Action::value).toList();
        List<String> calldatas = actions.stream().map(ActionsFile.Action::calldata).toList();
        WalletContext ctx = new WalletContext(spec);
        try (ChainSession session = ctx.session()) {
            Governor governor = new Governors(session).pick(governorAddress);
            org.hearth.dao.ProposalDraft.checkThreshold(session, governor, from);
            ContractCalls calls = new ContractCalls(session.rpc());
            BigInteger id = (BigInteger) calls.readOne(governor.address(), "hashProposal(address[],uint256[],bytes[],bytes32)(uint256)",
                    targets, values, calldatas, Hash.sha3(descriptionBytes));
            String data = Abi.encodeCall("propose(address[],uint256[],bytes[],string)", targets, values, calldatas, description);
            int exit = CliSigning.signAndSend(ctx.wallet(), session, spec.commandLine().getOut(), spec.commandLine().getErr(), from,
                    governor.address(), data, passwordFile, yes);
            if (exit == 0) {
                spec.commandLine().getOut().println("proposal id:     " + id);
            }
            return exit;
        }
    }

    private static byte[] read(Path file, int max) throws java.io.IOException {
        if (Files.size(file) > max) {
            throw new IllegalArgumentException(file + " is larger than " + max + " bytes; refused.");
        }
        return Files.readAllBytes(file);
    }

    /** The bytes as text, refused unless they are valid UTF-8 (so the string on chain is the file byte for byte). */
    private static String utf8(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            if (s.isEmpty()) {
                throw new HearthException("dao.badDescription", null);
            }
            return s;
        } catch (CharacterCodingException e) {
            throw new HearthException("dao.badDescription", e);
        }
    }
}
