package io.ticklane.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ticklane.perf.latency.HistogramFiles;
import io.ticklane.perf.latency.LatencyDistribution;
import io.ticklane.perf.latency.LatencySummary;
import io.ticklane.perf.latency.SummaryComparison;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code ticklane perf compare}: the regression guard for CI on dedicated hardware. Exit 1 when a percentile of the
 * new run is worse than the old one's by more than the threshold.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    versionProvider = TicklaneVersion.class,
    description = {
        "Compare two runs' percentiles (summary.json, or a .hgrm/.hlog holding one histogram): p50 p90 p99 p99.9",
        "p99.99 are judged, max is shown only. A percentile worsened when new > old x (1 + threshold).",
        "Exit codes: 0 none worsened; 1 at least one worsened; 2 bad usage or input (missing or garbled file, named)." })
public final class PerfCompareCommand implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "Reference run: summary.json, .hgrm or .hlog.")
    private Path older;

    @Parameters(index = "1", paramLabel = "NEW", description = "Run under test: summary.json, .hgrm or .hlog.")
    private Path newer;

    @Option(names = "--threshold", defaultValue = "10%", paramLabel = "PCT",
        description = "Allowed growth per percentile, e.g. 10%% or 10 (default: 10%%).")
    private String threshold;

    @Option(names = "--json", description = "Print the comparison as JSON.")
    private boolean json;

    @CommandLine.Mixin
    private HistogramUnitOptions units = new HistogramUnitOptions();

    public Integer call() throws IOException
    {
        final CommandLine commandLine = spec.commandLine();
        final double fraction = parseThreshold(commandLine, threshold);
        final LatencySummary before = summary(older);
        final LatencySummary after = summary(newer);
        final SummaryComparison comparison = SummaryComparison.compare(before, after, fraction);
        final PrintWriter out = commandLine.getOut();
        if (json)
        {
            printJson(out, before, after, comparison);
        }
        else
        {
            printTable(out, before, after, comparison);
        }
        out.flush();
        return comparison.worsened() > 0 ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }

    static double parseThreshold(final CommandLine commandLine, final String text)
    {
        final String number = text.endsWith("%") ? text.substring(0, text.length() - 1) : text;
        try
        {
            final double percent = Double.parseDouble(number.strip());
            if (percent >= 0 && !Double.isInfinite(percent))
            {
                return percent / 100.0;
            }
        }
        catch (final NumberFormatException ex)
        {
            // reported below
        }
        throw new CommandLine.ParameterException(commandLine, "--threshold must be a non-negative percentage such as 10%: " + text);
    }

    private LatencySummary summary(final Path file) throws IOException
    {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
        {
            return LatencySummary.read(file);
        }
        final CommandLine commandLine = spec.commandLine();
        final List<LatencyDistribution> distributions = HistogramFiles.read(file,
            units.hgrmNanosPerUnit(commandLine), units.hlogNanosPerUnit(commandLine));
        if (distributions.size() != 1)
        {
            throw new IllegalArgumentException(file + ": holds " + distributions.size() + " tagged histograms; compare needs one");
        }
        return LatencySummary.of(distributions.get(0));
    }

    private static void printTable(
        final PrintWriter out, final LatencySummary before, final LatencySummary after, final SummaryComparison comparison)
    {
        out.printf(Locale.ROOT, "old: %s (count %d)%nnew: %s (count %d)%n", before.name(), before.count(), after.name(), after.count());
        out.printf(Locale.ROOT, "%-8s %14s %14s %9s  %s%n", "", "old (us)", "new (us)", "new/old", "verdict");
        for (final SummaryComparison.Row row : comparison.rows())
        {
            final String verdict = !row.judged() ? "not judged" : (row.worsened() ? "WORSE" : "ok");
            out.printf(Locale.ROOT, "%-8s %14.3f %14.3f %9s  %s%n",
                row.label(), row.oldMicros(), row.newMicros(), ratio(row.ratio()), verdict);
        }
        out.printf(Locale.ROOT, "threshold=%s worsened=%d result=%s%n",
            percent(comparison.threshold()), comparison.worsened(), comparison.worsened() > 0 ? "regression" : "ok");
    }

    private static void printJson(
        final PrintWriter out, final LatencySummary before, final LatencySummary after, final SummaryComparison comparison)
        throws IOException
    {
        try (JsonGenerator generator = new JsonFactory().createGenerator(out))
        {
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            generator.useDefaultPrettyPrinter();
            generator.writeStartObject();
            generator.writeStringField("old", before.name());
            generator.writeStringField("new", after.name());
            generator.writeNumberField("threshold", comparison.threshold());
            generator.writeNumberField("worsened", comparison.worsened());
            generator.writeArrayFieldStart("percentiles");
            for (final SummaryComparison.Row row : comparison.rows())
            {
                generator.writeStartObject();
                generator.writeStringField("label", row.label());
                generator.writeNumberField("oldUs", row.oldMicros());
                generator.writeNumberField("newUs", row.newMicros());
                if (Double.isInfinite(row.ratio()))
                {
                    generator.writeNullField("ratio");
                }
                else
                {
                    generator.writeNumberField("ratio", row.ratio());
                }
                generator.writeBooleanField("judged", row.judged());
                generator.writeBooleanField("worsened", row.worsened());
                generator.writeEndObject();
            }
            generator.writeEndArray();
            generator.writeEndObject();
        }
        out.println();
    }

    private static String ratio(final double ratio)
    {
        return Double.isInfinite(ratio) ? "inf" : String.format(Locale.ROOT, "%.3fx", ratio);
    }

    private static String percent(final double fraction)
    {
        return new java.math.BigDecimal(Double.toString(fraction * 100)).stripTrailingZeros().toPlainString() + "%";
    }
}
