package io.ticklane.cli;

import picocli.CommandLine.Command;

/**
 * Groups the order book tools under {@code ticklane book}.
 */
@Command(
    name = "book",
    mixinStandardHelpOptions = true,
    description = "Order book tools.",
    subcommands = { BookVerifyCommand.class })
public final class BookCommand
{
}
