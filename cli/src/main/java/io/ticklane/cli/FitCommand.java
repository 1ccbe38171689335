package io.ticklane.cli;

import picocli.CommandLine.Command;

/**
 * Groups the offline fitters under {@code ticklane fit}: models the quoters use, fitted from real data.
 */
@Command(
    name = "fit",
    mixinStandardHelpOptions = true,
    description = "Fit models from real data.",
    subcommands = { FitMicropriceCommand.class, FitIntensityCommand.class })
public final class FitCommand
{
}
