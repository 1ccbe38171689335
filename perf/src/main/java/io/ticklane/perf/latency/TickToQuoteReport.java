package io.ticklane.perf.latency;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ticklane.runtime.daemon.HgrmFile;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The files of a {@link TickToQuoteRun}: one {@code .hgrm} per distribution (baseline echo, tick-to-quote from the
 * planned send time and, naively, from receive, in-process, each pipeline stage), the {@code summary.json} that
 * {@code perf compare} reads (tick-to-quote at the top level, its ratio to the baseline per percentile, the rest as
 * breakdown) and {@code report.html}. The summaries come back in that order: baseline first, tick-to-quote second.
 */
public final class TickToQuoteReport
{
    private final LatencyReport report;
    private final double achievedRatePerSecond;

    private TickToQuoteReport(final LatencyReport report, final double achievedRatePerSecond)
    {
        this.report = report;
        this.achievedRatePerSecond = achievedRatePerSecond;
    }

    /**
     * @param result          what the run measured.
     * @param outDir          where the files go (exists).
     * @param requestedRate   updates per second asked for.
     * @param layout          daemon layout of the run.
     * @param idle            idle strategy of the run.
     * @param durationSeconds measured seconds asked for.
     * @return the report written.
     * @throws IOException if a file cannot be written.
     */
    public static TickToQuoteReport write(
        final TickToQuoteRun.Result result,
        final Path outDir,
        final double requestedRate,
        final String layout,
        final String idle,
        final double durationSeconds) throws IOException
    {
        final double achieved = result.updatesSent() / result.seconds();
        final List<LatencyDistribution> distributions = new ArrayList<>();
        distributions.add(write(outDir, "baseline_echo", result.baseline(), result.echoesSent() / result.seconds()));
        distributions.add(write(outDir, "tick_to_quote", result.tickToQuote(), achieved));
        distributions.add(write(outDir, "tick_to_quote_from_receive", result.fromReceive(), achieved));
        distributions.add(write(outDir, "in_process", result.inProcess(), Double.NaN));
        for (final Map.Entry<String, Histogram> stage : result.stages().entrySet())
        {
            distributions.add(write(outDir, "stage_" + stage.getKey(), stage.getValue(), Double.NaN));
        }
        final LatencyReport report = new LatencyReport(distributions);
        writeSummary(outDir.resolve("summary.json"), report.summaries(), achieved, requestedRate, layout, idle,
            durationSeconds);
        Files.writeString(outDir.resolve("report.html"), report.html(List.of(outDir.toString())), StandardCharsets.UTF_8);
        return new TickToQuoteReport(report, achieved);
    }

    /**
     * @return the percentile report of every distribution.
     */
    public LatencyReport report()
    {
        return report;
    }

    /**
     * @return updates per second the run achieved.
     */
    public double achievedRatePerSecond()
    {
        return achievedRatePerSecond;
    }

    /**
     * @return the bare IPC echo's summary.
     */
    public LatencySummary baseline()
    {
        return report.summaries().get(0);
    }

    /**
     * @return the tick-to-quote summary, from planned send times.
     */
    public LatencySummary tickToQuote()
    {
        return report.summaries().get(1);
    }

    private static LatencyDistribution write(
        final Path outDir, final String name, final Histogram histogram, final double ratePerSecond) throws IOException
    {
        HgrmFile.write(outDir.resolve(name + ".hgrm"), histogram);
        return LatencyDistribution.of(name, histogram, ratePerSecond);
    }

    private static void writeSummary(
        final Path file,
        final List<LatencySummary> summaries,
        final double achieved,
        final double requestedRate,
        final String layout,
        final String idle,
        final double durationSeconds) throws IOException
    {
        final LatencySummary baseline = summaries.get(0);
        final LatencySummary tickToQuote = summaries.get(1);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            JsonGenerator json = new JsonFactory().createGenerator(writer))
        {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            // the tick-to-quote figures at the top level, as ticklane perf compare reads them
            json.writeStringField("name", tickToQuote.name());
            json.writeStringField("unit", "us");
            json.writeNumberField("count", tickToQuote.count());
            json.writeNumberField("ratePerSecond", achieved);
            json.writeObjectFieldStart("percentiles");
            for (final Map.Entry<String, Double> entry : tickToQuote.micros().entrySet())
            {
                json.writeNumberField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
            json.writeNumberField("requestedRatePerSecond", requestedRate);
            json.writeStringField("layout", layout);
            json.writeStringField("idle", idle);
            json.writeNumberField("durationSeconds", durationSeconds);
            json.writeStringField("measuredFrom", "planned send time (coordinated omission corrected)");
            json.writeObjectFieldStart("ratioToBaseline");
            for (final Map.Entry<String, Double> entry : tickToQuote.micros().entrySet())
            {
                json.writeNumberField(entry.getKey(), entry.getValue() / baseline.micros(entry.getKey()));
            }
            json.writeEndObject();
            json.writeFieldName("baseline");
            baseline.writeJson(json);
            json.writeArrayFieldStart("breakdown");
            for (int i = 2; i < summaries.size(); i++)
            {
                summaries.get(i).writeJson(json);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }
}
