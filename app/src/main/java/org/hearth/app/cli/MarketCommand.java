package org.hearth.app.cli;

import picocli.CommandLine.Command;

/** {@code hearth market ...}: the compute market from the command line. */
@Command(name = "market", description = "The compute market: post jobs and follow them.",
        subcommands = {MarketPostCommand.class})
public final class MarketCommand {
}
