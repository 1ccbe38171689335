package io.ticklane.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ticklane.runtime.daemon.IdleStrategies;
import io.ticklane.runtime.daemon.ThreadLayout;
import io.ticklane.perf.latency.LatencyDistribution;
import io.ticklane.perf.latency.LatencyReport;
import io.ticklane.perf.latency.LatencySummary;
import io.ticklane.perf.latency.TickToQuoteRun;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ticklane perf tick-to-quote}: how long the real daemon takes from a market data update to the order it
 * causes, over Aeron IPC at a fixed rate, measured from planned send times so a stall is charged to every update it
 * delayed; per pipeline stage; and, in the same invocation and at the same rate, a bare Aeron IPC echo for the ratio
 * that says what the daemon adds to the transport.
 */
@Command(
    name = "tick-to-quote",
    mixinStandardHelpOptions = true,
    description = {
        "Measure tick-to-quote of the daemon over Aeron IPC at a fixed rate, per stage, against a bare IPC echo.",
        "Writes to --out: tick_to_quote.hgrm, tick_to_quote_from_receive.hgrm (naive), in_process.hgrm,",
        "stage_<name>.hgrm, baseline_echo.hgrm (all in us), tick_to_quote.hlog (ns, one interval per second),",
        "summary.json (p50..max in us, counts, rates, ratio to the baseline per percentile) and report.html."
    })
public final class PerfTickToQuoteCommand implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "100000", description = "Updates per second (default ${DEFAULT-VALUE}).")
    private double rate;

    @Option(names = "--duration", paramLabel = "S", defaultValue = "60", description = "Measured seconds (default ${DEFAULT-VALUE}).")
    private double duration;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "5", description = "Unrecorded seconds first (default ${DEFAULT-VALUE}).")
    private double warmup;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output directory (created).")
    private Path outDir;

    @Option(names = "--layout", paramLabel = "L", defaultValue = "one-thread",
        description = "one-thread or threads (default ${DEFAULT-VALUE}).")
    private String layout;

    @Option(names = "--idle", paramLabel = "I", defaultValue = "backoff",
        description = "busy-spin, yielding, backoff or sleeping (default ${DEFAULT-VALUE}).")
    private String idle;

    public Integer call() throws IOException, InterruptedException
    {
        if (!(rate > 0) || !(duration > 0) || warmup < 0)
        {
            throw new IllegalArgumentException("--rate and --duration must be > 0 and --warmup >= 0");
        }
        ThreadLayout.fromName(layout);
        IdleStrategies.create(idle);
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        err.printf("perf: tick-to-quote at %,.0f/s for %.0f s (+%.0f s warm-up), layout %s, idle %s%n",
            rate, duration, warmup, layout, idle);
        final TickToQuoteRun.Result result = new TickToQuoteRun(rate, duration, warmup, layout, idle, outDir, err).run();

        final double achieved = result.updatesSent() / result.seconds();
        final List<LatencyDistribution> distributions = new ArrayList<>();
        distributions.add(write("baseline_echo", result.baseline(), result.echoesSent() / result.seconds()));
        distributions.add(write("tick_to_quote", result.tickToQuote(), achieved));
        distributions.add(write("tick_to_quote_from_receive", result.fromReceive(), achieved));
        distributions.add(write("in_process", result.inProcess(), Double.NaN));
        for (final Map.Entry<String, Histogram> stage : result.stages().entrySet())
        {
            distributions.add(write("stage_" + stage.getKey(), stage.getValue(), Double.NaN));
        }
        final LatencyReport report = new LatencyReport(distributions);
        writeSummary(report.summaries(), achieved);
        Files.writeString(outDir.resolve("report.html"), report.html(List.of(outDir.toString())), StandardCharsets.UTF_8);

        out.println(report.table());
        final LatencySummary baseline = report.summaries().get(0);
        final LatencySummary tickToQuote = report.summaries().get(1);
        out.printf(Locale.ROOT, "rate requested=%.0f/s achieved=%.0f/s quotes timed=%d journal=%s%n", rate, achieved,
            tickToQuote.count(), result.journal());
        out.printf(Locale.ROOT, "tick_to_quote p99=%.1fus baseline p99=%.1fus ratio=%.2f summary=%s%n",
            tickToQuote.micros("p99"), baseline.micros("p99"), tickToQuote.micros("p99") / baseline.micros("p99"),
            outDir.resolve("summary.json"));
        out.flush();
        return tickToQuote.count() > 0 ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    private LatencyDistribution write(final String name, final Histogram histogram, final double ratePerSecond)
        throws IOException
    {
        DaemonCommand.writeHistogram(outDir.resolve(name + ".hgrm"), histogram);
        return LatencyDistribution.of(name, histogram, ratePerSecond);
    }

    private void writeSummary(final List<LatencySummary> summaries, final double achieved) throws IOException
    {
        final LatencySummary baseline = summaries.get(0);
        final LatencySummary tickToQuote = summaries.get(1);
        try (Writer writer = Files.newBufferedWriter(outDir.resolve("summary.json"), StandardCharsets.UTF_8);
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
            json.writeNumberField("requestedRatePerSecond", rate);
            json.writeStringField("layout", layout);
            json.writeStringField("idle", idle);
            json.writeNumberField("durationSeconds", duration);
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
