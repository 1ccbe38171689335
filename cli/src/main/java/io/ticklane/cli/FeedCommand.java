package io.ticklane.cli;

import picocli.CommandLine.Command;

/**
 * Groups the live market-data feed tools under {@code ticklane feed}: the venue handlers and the local stand-in
 * that replays captures over the venues' protocols.
 */
@Command(
    name = "feed",
    mixinStandardHelpOptions = true,
    description = "Live market data feed handlers, and a local venue stand-in that replays captures.",
    subcommands = { FeedBinanceCommand.class, FeedKrakenCommand.class, FeedServeCommand.class })
public final class FeedCommand
{
}
