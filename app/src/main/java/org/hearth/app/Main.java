package org.hearth.app;

import org.hearth.app.cli.HearthCommand;
import org.hearth.compute.worker.WorkerMain;

/**
 * Entry point. Deliberately not a JavaFX {@code Application}: with JavaFX on the class path a main
 * class that extends it fails to start, and the CLI must run without JavaFX at all. With no
 * subcommand the root command opens the desktop app; with one it runs the CLI.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(WorkerMain.LAUNCHER_ARGUMENT)) {
            // A packaged app has no java binary: its launcher starts the compute worker this way.
            WorkerMain.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length == 0) {
            // The desktop app: skip building the CLI's command tree (picocli reads every subcommand, which
            // loads their classes; about 0.3 s of start-up before the window).
            System.exit(new HearthCommand().call());
        }
        System.exit(HearthCommand.commandLine().execute(args));
    }
}
