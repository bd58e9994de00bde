package org.hearth.app;

import org.hearth.app.cli.HearthCommand;

/**
 * Entry point. Deliberately not a JavaFX {@code Application}: with JavaFX on the class path a main
 * class that extends it fails to start, and the CLI must run without JavaFX at all. With no
 * subcommand the root command opens the desktop app; with one it runs the CLI.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(HearthCommand.commandLine().execute(args));
    }
}
