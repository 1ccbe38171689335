package io.ticklane.cli;

import picocli.CommandLine.Command;

/**
 * Groups the venue market-data feed handlers under {@code ticklane feed}.
 */
@Command(
    name = "feed",
    mixinStandardHelpOptions = true,
    description = "Market data feed handlers for real venues.",
    subcommands = { FeedKrakenCommand.class })
public final class FeedCommand
{
}
