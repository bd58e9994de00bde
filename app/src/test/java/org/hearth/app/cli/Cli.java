package org.hearth.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs the real command line in-process and captures what it prints. */
final class Cli {

    record Run(int exit, String out, String err) {
    }

    private Cli() {
    }

    /** {@code hearth [--data-dir DIR] ARGS...}; {@code dataDir} may be null. */
    static Run run(Path dataDir, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = HearthCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>();
        if (dataDir != null) {
            LocalNodesAtExit.remember(dataDir);
            all.addAll(List.of("--data-dir", dataDir.toString()));
        }
        all.addAll(List.of(args));
        return new Run(cl.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }
}
