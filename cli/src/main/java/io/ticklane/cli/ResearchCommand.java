package io.ticklane.cli;

import picocli.CommandLine.Command;

/**
 * Groups published experiments re-run on Ticklane's own models under {@code ticklane research}, so a model is
 * checked against the numbers its paper reports.
 */
@Command(
    name = "research",
    mixinStandardHelpOptions = true,
    description = "Re-run published experiments on Ticklane's models.",
    subcommands = { AsPaperCommand.class })
public final class ResearchCommand
{
}
