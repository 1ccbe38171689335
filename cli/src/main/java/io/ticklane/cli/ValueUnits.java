package io.ticklane.cli;

import picocli.CommandLine;

/**
 * The unit of the values in a histogram file, which the files themselves do not record: {@code ns}, {@code us},
 * {@code ms} or {@code s}, as nanoseconds per unit.
 */
final class ValueUnits
{
    private ValueUnits()
    {
    }

    static double nanosPerUnit(final CommandLine commandLine, final String option, final String unit)
    {
        return switch (unit)
        {
            case "ns" -> 1.0;
            case "us" -> 1_000.0;
            case "ms" -> 1_000_000.0;
            case "s" -> 1_000_000_000.0;
            default -> throw new CommandLine.ParameterException(commandLine, option + " must be ns, us, ms or s: " + unit);
        };
    }
}
