package io.ticklane.cli;

import picocli.CommandLine.Command;

/**
 * Groups the real-data importers under {@code ticklane import}: each turns exchange data into a journal of the SBE
 * messages the live gateway would receive, so backtests read journals only.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Import real market data into a journal.",
    subcommands = { ImportLobsterCommand.class, ImportBinanceCommand.class })
public final class ImportCommand
{
}
