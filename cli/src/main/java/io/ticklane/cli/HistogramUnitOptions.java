package io.ticklane.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The two options every command reading histogram files shares ({@code --hgrm-unit}, {@code --hlog-unit}): the files
 * do not record their unit, so the user says it, with the defaults Ticklane writes (µs in .hgrm, ns in .hlog).
 */
final class HistogramUnitOptions
{
    @Option(names = "--hgrm-unit", defaultValue = "us", paramLabel = "UNIT",
        description = "Unit of .hgrm values: ns, us, ms or s (default: ${DEFAULT-VALUE}).")
    private String hgrmUnit;

    @Option(names = "--hlog-unit", defaultValue = "ns", paramLabel = "UNIT",
        description = "Unit of .hlog recorded values: ns, us, ms or s (default: ${DEFAULT-VALUE}).")
    private String hlogUnit;

    double hgrmNanosPerUnit(final CommandLine commandLine)
    {
        return ValueUnits.nanosPerUnit(commandLine, "--hgrm-unit", hgrmUnit);
    }

    double hlogNanosPerUnit(final CommandLine commandLine)
    {
        return ValueUnits.nanosPerUnit(commandLine, "--hlog-unit", hlogUnit);
    }
}
