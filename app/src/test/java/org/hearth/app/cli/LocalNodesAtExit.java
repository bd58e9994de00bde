package org.hearth.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hearth.config.DataDir;
import org.hearth.node.AnvilLocator;
import org.hearth.node.LocalNode;
import org.hearth.node.LocalNodeConfig;

/**
 * CLI commands on the local chain start a node that keeps running after them, by design (`hearth node
 * stop` ends it). Tests run many such commands on throwaway data dirs; every data dir a test hands the
 * CLI is remembered here and its node stopped when the test JVM exits, so no anvil outlives the suite.
 */
final class LocalNodesAtExit {

    private static final Set<Path> DATA_DIRS = new LinkedHashSet<>();
    private static boolean hooked;

    private LocalNodesAtExit() {
    }

    static synchronized void remember(Path dataDir) {
        if (dataDir == null) {
            return;
        }
        DATA_DIRS.add(dataDir.toAbsolutePath());
        if (!hooked) {
            hooked = true;
            Runtime.getRuntime().addShutdownHook(new Thread(LocalNodesAtExit::stopAll, "stop-test-nodes"));
        }
    }

    private static void stopAll() {
        Set<Path> dirs;
        synchronized (LocalNodesAtExit.class) {
            dirs = Set.copyOf(DATA_DIRS);
        }
        for (Path dir : dirs) {
            try {
                new LocalNode(new DataDir(dir), AnvilLocator.locate(), LocalNodeConfig.defaults()).stop(Duration.ofSeconds(2));
            } catch (RuntimeException ignoredAtExit) {
                // the dir may be gone already (its node record with it); nothing else to stop there
            }
        }
    }
}
