package org.hearth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line against a real anvil and a real data dir. */
class CliTest {

    private static final Pattern CONTRACT_LINE = Pattern.compile("(?m)^(\\w+)\\s+(0x[0-9a-fA-F]{40})$");

    @TempDir
    Path dataDir;


    private Cli.Run hearth(String... args) {
        return Cli.run(dataDir, args);
    }

    @AfterEach
    void stopNode() {
        hearth("node", "stop");
    }

    @Test
    void nodeStartStatusStop() {
        Cli.Run stopped = hearth("node", "status");
        assertEquals(3, stopped.exit());
        assertTrue(stopped.out().contains("state:    stopped"), stopped.out());

        Cli.Run start = hearth("node", "start");
        assertEquals(0, start.exit(), start.err());
        assertTrue(start.out().startsWith("Started the local chain at http://127.0.0.1:"), start.out());

        Cli.Run status = hearth("node", "status", "--log", "5");
        assertEquals(0, status.exit(), status.err());
        assertTrue(status.out().contains("state:    running"), status.out());
        assertTrue(status.out().contains("chain id: 31337"), status.out());
        assertTrue(Pattern.compile("(?m)^height:   \\d+$").matcher(status.out()).find(), status.out());

        Cli.Run again = hearth("node", "start");
        assertTrue(again.out().startsWith("Already running"), again.out());

        Cli.Run stop = hearth("node", "stop");
        assertEquals("Stopped the local chain.", stop.out().trim());
        assertEquals(3, hearth("node", "status").exit());
    }

    @Test
    void demoDeployPrintsEveryContractAndIsIdempotent() {
        Cli.Run first = hearth("demo", "deploy", "--fund", "0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().contains("Demo world on chain 31337: deployed"), first.out());
        var contracts = CONTRACT_LINE.matcher(first.out()).results().collect(Collectors.toMap(m -> m.group(1), m -> m.group(2)));
        // funding adds the IPFS gallery and the spam airdrop beside the rest
        java.util.Set<String> expected = new java.util.HashSet<>(org.hearth.node.DemoWorld.CONTRACTS);
        expected.addAll(java.util.List.of("HearthGallery", "DemoAirdrop"));
        assertEquals(expected, contracts.keySet());
        assertTrue(contracts.values().stream().allMatch(a -> !a.equals(a.toLowerCase())), "addresses are EIP-55 checksummed");
        assertTrue(first.out().contains("Funded 0x70997970C51812dc3A010C7d01b50e0d17dc79C8"), first.out());

        Cli.Run second = hearth("demo", "deploy", "--fund", "0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
        assertTrue(second.out().contains("already deployed"), second.out());
        assertTrue(second.out().contains("was funded before; nothing sent"), second.out());
        assertEquals(contracts, CONTRACT_LINE.matcher(second.out()).results().collect(Collectors.toMap(m -> m.group(1), m -> m.group(2))));
    }

    @Test
    void unreachableRpcIsAClearError() {
        Cli.Run run = hearth("--rpc", "http://127.0.0.1:9", "node", "status");
        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("error: Cannot reach the node at http://127.0.0.1:9"), run.err());
    }

    @Test
    void badFundAddressIsAClearError() {
        Cli.Run run = hearth("demo", "deploy", "--fund", "0xnot-an-address");
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("Not an Ethereum address"), run.err());
    }

    /** The CLI must run where JavaFX is absent (headless servers): drop it from the class path. */
    @Test
    void cliRunsWithoutJavaFx() throws Exception {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> !p.contains("javafx") && !p.contains("openjfx") && !p.contains("testfx"))
                .collect(Collectors.joining(File.pathSeparator));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-D" + org.hearth.node.AnvilLocator.PROPERTY + "=" + System.getProperty(org.hearth.node.AnvilLocator.PROPERTY),
                "-cp", classpath, "org.hearth.app.Main", "--data-dir", dataDir.toString(), "node", "status")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(3, p.exitValue(), output);
        assertTrue(output.contains("state:    stopped"), output);
    }
}
