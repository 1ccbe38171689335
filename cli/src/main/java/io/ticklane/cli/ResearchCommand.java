package io.ticklane.cli;

import picocli.CommandLine.Command;

/**
 * Groups research under {@code ticklane research}: published experiments re-run on Ticklane's own models, so a model
 * is checked against the numbers its paper reports, and research at scale (the journal catalogue and sweeps on
 * Spark), which runs in a JVM of its own.
 */
@Command(
    name = "research",
    mixinStandardHelpOptions = true,
    description = "Re-run published experiments on Ticklane's models; catalogue journals, sweep backtests and walk-forward at scale.",
    subcommands = { AsPaperCommand.class, ResearchCatalogCommand.class, ResearchSweepCommand.class,
        ResearchWalkForwardCommand.class })
public final class ResearchCommand
{
}
