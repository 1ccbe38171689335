package io.ticklane.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ticklane.perf.latency.HistogramFiles;
import io.ticklane.perf.latency.LatencyDistribution;
import io.ticklane.perf.latency.LatencyReport;
import io.ticklane.perf.latency.LatencySummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ticklane perf report}: turns HdrHistogram files into the percentile table and an offline HTML page with the
 * percentile plot, several files side by side, so a run can be read and two runs compared without other tools.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    versionProvider = TicklaneVersion.class,
    description = {
        "Percentile table (count, rate, p50 p90 p99 p99.9 p99.99 max in us) of .hgrm and .hlog files; with two or",
        "more, each later one also as a ratio to the first. --out writes an offline HTML page with the table and",
        "the percentile distribution plot (log 'nines' axis). An .hlog gives one row per tag.",
        "Exit codes: 0 ok; 2 bad usage or input (missing or garbled file, named)." })
public final class PerfReportCommand implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Histogram files: .hgrm (percentile text) or .hlog (interval log).")
    private List<Path> files;

    @Option(names = "--out", paramLabel = "HTML", description = "Write the HTML report here.")
    private Path out;

    @Option(names = "--json", description = "Print the summaries as a JSON array instead of the table.")
    private boolean json;

    @CommandLine.Mixin
    private HistogramUnitOptions units = new HistogramUnitOptions();

    public Integer call() throws IOException
    {
        final CommandLine commandLine = spec.commandLine();
        final List<LatencyDistribution> distributions = HistogramFiles.readAll(files,
            units.hgrmNanosPerUnit(commandLine), units.hlogNanosPerUnit(commandLine));
        final LatencyReport report = new LatencyReport(distributions);
        final PrintWriter writer = commandLine.getOut();
        if (json)
        {
            try (JsonGenerator generator = new JsonFactory().createGenerator(writer))
            {
                generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                generator.useDefaultPrettyPrinter();
                generator.writeStartArray();
                for (final LatencySummary summary : report.summaries())
                {
                    summary.writeJson(generator);
                }
                generator.writeEndArray();
            }
            writer.println();
        }
        else
        {
            writer.print(report.table());
        }
        if (null != out)
        {
            Files.writeString(out, report.html(files.stream().map(Path::toString).toList()), StandardCharsets.UTF_8);
            if (!json)
            {
                writer.println("report=" + out);
            }
        }
        writer.flush();
        return ExitCodes.OK;
    }
}
