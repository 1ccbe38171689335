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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The files of a {@link TickToQuoteRun}: one {@code .hgrm} per distribution (baseline echo, tick-to-quote from the
 * planned send time and, naively, from receive, in-process, each pipeline stage; a FIX gateway's files carry a
 * {@code _fix} suffix), the {@code summary.json} that {@code perf compare} reads (the first gateway's tick-to-quote at
 * the top level, its ratio to the baseline per percentile, the rest as breakdown; per gateway its figures, order
 * count and allocation; with both gateways the FIX ÷ Aeron ratio per percentile) and {@code report.html}. The
 * summaries come back in that order: baseline first, then each gateway's tick-to-quote.
 * <p>
 * Every form (text, {@code summary.json}, HTML) gives, per gateway, the slices' pipeline and echo p50/p99, their
 * ratios, the median ratio and its spread, and the baseline verdict ({@link SliceRatios}). A run whose baseline did
 * not hold reports no ratio to it anywhere: the JSON has {@code "baselineValid": false} and the reason instead of
 * {@code ratioToBaseline}, the HTML opens with the verdict, the tables show values only.
 */
public final class TickToQuoteReport
{
    private final LatencyReport report;
    private final double achievedRatePerSecond;
    private final List<String> gateways;

    private TickToQuoteReport(final LatencyReport report, final double achievedRatePerSecond, final List<String> gateways)
    {
        this.report = report;
        this.achievedRatePerSecond = achievedRatePerSecond;
        this.gateways = gateways;
    }

    /**
     * @param base    a distribution's name, e.g. {@code tick_to_quote}.
     * @param gateway {@link TickToQuoteRun#AERON} (no suffix, as before FIX existed) or {@link TickToQuoteRun#FIX}.
     * @return its name for that gateway's run.
     */
    public static String fileName(final String base, final String gateway)
    {
        return TickToQuoteRun.AERON.equals(gateway) ? base : base + "_" + gateway;
    }

    /**
     * @param gateway {@link TickToQuoteRun#AERON} or {@link TickToQuoteRun#FIX}.
     * @return where that gateway's tick-to-order ends: the moment its SENT means.
     */
    public static String endsAt(final String gateway)
    {
        return TickToQuoteRun.AERON.equals(gateway) ?
            "the Aeron order publication took the SBE frame (in the IPC log, readable by the venue)" :
            "Artio's library took the encoded FIX message (Session.trySend; Artio's engine has yet to write it to TCP)";
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
        for (final TickToQuoteRun.GatewayRun run : result.gateways().values())
        {
            distributions.add(write(outDir, fileName("tick_to_quote", run.gateway()), run.tickToQuote(),
                run.updatesSent() / result.seconds()));
        }
        for (final TickToQuoteRun.GatewayRun run : result.gateways().values())
        {
            final String gateway = run.gateway();
            final double rate = run.updatesSent() / result.seconds();
            distributions.add(write(outDir, fileName("tick_to_quote_from_receive", gateway), run.fromReceive(), rate));
            distributions.add(write(outDir, fileName("in_process", gateway), run.inProcess(), Double.NaN));
            for (final Map.Entry<String, Histogram> stage : run.stages().entrySet())
            {
                distributions.add(write(outDir, fileName("stage_" + stage.getKey(), gateway), stage.getValue(), Double.NaN));
            }
        }
        final LatencyReport report = new LatencyReport(distributions, result.baselineValid());
        final TickToQuoteReport written = new TickToQuoteReport(report, achieved, List.copyOf(result.gateways().keySet()));
        written.writeSummary(outDir.resolve("summary.json"), result, achieved, requestedRate, layout, idle, durationSeconds);
        Files.writeString(outDir.resolve("report.html"), report.html(List.of(outDir.toString()), preface(result),
            written.appendix(result)), StandardCharsets.UTF_8);
        return written;
    }

    /**
     * @return the percentile report of every distribution.
     */
    public LatencyReport report()
    {
        return report;
    }

    /**
     * @return updates per second the run achieved (the first gateway's).
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
     * @return the first gateway's tick-to-quote summary, from planned send times.
     */
    public LatencySummary tickToQuote()
    {
        return report.summaries().get(1);
    }

    /**
     * @param gateway one the run measured.
     * @return its tick-to-quote summary.
     */
    public LatencySummary tickToQuote(final String gateway)
    {
        final int index = gateways.indexOf(gateway);
        if (index < 0)
        {
            throw new IllegalArgumentException("the run did not measure gateway " + gateway);
        }
        return report.summaries().get(1 + index);
    }

    /**
     * @return FIX ÷ Aeron tick-to-order per percentile label, or an empty map unless the run measured both.
     */
    public Map<String, Double> fixToAeron()
    {
        final Map<String, Double> ratios = new LinkedHashMap<>();
        if (gateways.contains(TickToQuoteRun.FIX) && gateways.contains(TickToQuoteRun.AERON))
        {
            final LatencySummary fix = tickToQuote(TickToQuoteRun.FIX);
            final LatencySummary aeron = tickToQuote(TickToQuoteRun.AERON);
            for (final Map.Entry<String, Double> entry : fix.micros().entrySet())
            {
                ratios.put(entry.getKey(), entry.getValue() / aeron.micros(entry.getKey()));
            }
        }
        return ratios;
    }

    /**
     * @param result what the run measured.
     * @return per gateway, one line: tick-to-order p50/p99, orders, daemon thread allocation, collections; then the
     *     FIX ÷ Aeron ratios when both ran.
     */
    public String comparison(final TickToQuoteRun.Result result)
    {
        final StringBuilder text = new StringBuilder();
        for (final TickToQuoteRun.GatewayRun run : result.gateways().values())
        {
            final LatencySummary summary = tickToQuote(run.gateway());
            text.append(String.format(Locale.ROOT, "gateway %s: tick-to-order p50=%.2fus p99=%.2fus timed=%d orders=%d " +
                "daemon-thread-bytes=%d (%.3f/order) gc=%d (%d ms); ends when %s%n", run.gateway(), summary.micros("p50"),
                summary.micros("p99"), summary.count(), run.ordersSent(), run.daemonAllocatedBytes(),
                bytesPerOrder(run), run.gcCount(), run.gcMillis(), endsAt(run.gateway())));
        }
        final Map<String, Double> ratios = fixToAeron();
        if (!ratios.isEmpty())
        {
            text.append("fix/aeron tick-to-order:");
            ratios.forEach((label, ratio) -> text.append(String.format(Locale.ROOT, " %s=%.2f", label, ratio)));
            text.append('\n');
        }
        return text.toString();
    }

    /**
     * @param result what the run measured.
     * @return per gateway, its slices (pipeline and echo p50/p99 in µs, their ratios) and then either the median
     *     ratios with their spread or the INVALID verdict and why.
     */
    public static String slices(final TickToQuoteRun.Result result)
    {
        final StringBuilder text = new StringBuilder();
        for (final TickToQuoteRun.GatewayRun run : result.gateways().values())
        {
            final SliceRatios ratios = run.ratios();
            text.append(String.format(Locale.ROOT, "slices, %s (pipeline / echo, us):%n%5s %10s %10s %10s %10s %9s %9s%n",
                run.gateway(), "slice", "pipe p50", "echo p50", "pipe p99", "echo p99", "ratio p50", "ratio p99"));
            for (final SliceRatios.Slice slice : ratios.slices())
            {
                text.append(String.format(Locale.ROOT, "%5d %10.2f %10.2f %10.2f %10.2f %9.2f %9.2f%s%n", slice.index(),
                    slice.pipelineP50(), slice.echoP50(), slice.pipelineP99(), slice.echoP99(), slice.ratioP50(),
                    slice.ratioP99(), slice.baselineWorse() ? "  echo worse" : ""));
            }
            text.append(verdict(run)).append('\n');
        }
        return text.toString();
    }

    /**
     * @param run one gateway's figures.
     * @return one line: its median ratios and their spread, or INVALID and why (then no ratio).
     */
    public static String verdict(final TickToQuoteRun.GatewayRun run)
    {
        final SliceRatios ratios = run.ratios();
        if (!ratios.valid())
        {
            return "INVALID baseline (" + run.gateway() + "): " + ratios.invalidReason() + ". No ratio is reported: the echo " +
                "must not be slower than the pipeline it bounds. Rule: " + SliceRatios.RULE + ".";
        }
        return run.gateway() + " pipeline/echo over " + ratios.slices().size() + " slices: p50 median " +
            ratios.p50().text() + "; p99 median " + ratios.p99().text() + "; baseline valid (echo worse at p50 in " +
            ratios.slicesBaselineWorse() + " of " + ratios.slices().size() + " slices)";
    }

    private static double bytesPerOrder(final TickToQuoteRun.GatewayRun run)
    {
        return 0 == run.ordersSent() ? Double.NaN : (double)run.daemonAllocatedBytes() / run.ordersSent();
    }

    private static String preface(final TickToQuoteRun.Result result)
    {
        final StringBuilder html = new StringBuilder();
        for (final TickToQuoteRun.GatewayRun run : result.gateways().values())
        {
            if (!run.ratios().valid())
            {
                html.append("<p class=\"invalid\">").append(HtmlPage.escape(verdict(run))).append("</p>\n");
            }
        }
        return html.toString();
    }

    private static String sliceTables(final TickToQuoteRun.Result result)
    {
        final StringBuilder html = new StringBuilder();
        for (final TickToQuoteRun.GatewayRun run : result.gateways().values())
        {
            final SliceRatios ratios = run.ratios();
            html.append("<h2>Pipeline ÷ echo per slice, ").append(run.gateway()).append("</h2>\n<p class=\"")
                .append(ratios.valid() ? "meta" : "invalid").append("\">").append(HtmlPage.escape(verdict(run)))
                .append("</p>\n<table>\n<tr><th>slice</th><th>pipeline p50 (µs)</th><th>echo p50 (µs)</th>")
                .append("<th>pipeline p99 (µs)</th><th>echo p99 (µs)</th><th>ratio p50</th><th>ratio p99</th></tr>\n");
            for (final SliceRatios.Slice slice : ratios.slices())
            {
                html.append("<tr><td class=\"n\">").append(slice.index()).append("</td>");
                for (final double value : new double[]{slice.pipelineP50(), slice.echoP50(), slice.pipelineP99(),
                    slice.echoP99()})
                {
                    html.append("<td class=\"n\">").append(LatencyReport.micros(value)).append("</td>");
                }
                html.append("<td class=\"").append(slice.baselineWorse() ? "n worse" : "n").append("\">")
                    .append(String.format(Locale.ROOT, "%.2f", slice.ratioP50())).append("</td><td class=\"n\">")
                    .append(String.format(Locale.ROOT, "%.2f", slice.ratioP99())).append("</td></tr>\n");
            }
            html.append("</table>\n<p class=\"meta\">Slices alternate (pipeline first in odd slices, echo first in even " +
                "ones) with every agent of both parts up throughout. ").append(HtmlPage.escape(SliceRatios.RULE))
                .append(".</p>\n");
        }
        return html.toString();
    }

    private String appendix(final TickToQuoteRun.Result result)
    {
        final StringBuilder html = new StringBuilder(sliceTables(result)).append("<h2>Order gateways</h2>\n<table>\n" +
            "<tr><th>gateway</th>" +
            "<th>tick-to-order ends when</th><th>orders sent</th><th>daemon thread bytes</th><th>bytes/order</th>" +
            "<th>collections (ms)</th></tr>\n");
        for (final TickToQuoteRun.GatewayRun run : result.gateways().values())
        {
            html.append("<tr><td>").append(run.gateway()).append("</td><td>").append(HtmlPage.escape(endsAt(run.gateway())))
                .append("</td><td class=\"n\">").append(run.ordersSent()).append("</td><td class=\"n\">")
                .append(run.daemonAllocatedBytes()).append("</td><td class=\"n\">")
                .append(String.format(Locale.ROOT, "%.3f", bytesPerOrder(run))).append("</td><td class=\"n\">")
                .append(run.gcCount()).append(" (").append(run.gcMillis()).append(")</td></tr>\n");
        }
        html.append("</table>\n");
        final Map<String, Double> ratios = fixToAeron();
        if (!ratios.isEmpty())
        {
            html.append("<h2>FIX ÷ Aeron tick-to-order</h2>\n<table>\n<tr>");
            ratios.keySet().forEach((label) -> html.append("<th>").append(label).append("</th>"));
            html.append("</tr>\n<tr>");
            ratios.values().forEach((ratio) -> html.append("<td class=\"n\">")
                .append(String.format(Locale.ROOT, "%.2fx", ratio)).append("</td>"));
            html.append("</tr>\n</table>\n<p class=\"meta\">Neither path includes the venue's receipt: for FIX, " +
                "Artio's engine framing and the TCP write come after the point measured.</p>");
        }
        return html.toString();
    }

    private static LatencyDistribution write(
        final Path outDir, final String name, final Histogram histogram, final double ratePerSecond) throws IOException
    {
        HgrmFile.write(outDir.resolve(name + ".hgrm"), histogram);
        return LatencyDistribution.of(name, histogram, ratePerSecond);
    }

    private void writeSummary(
        final Path file,
        final TickToQuoteRun.Result result,
        final double achieved,
        final double requestedRate,
        final String layout,
        final String idle,
        final double durationSeconds) throws IOException
    {
        final List<LatencySummary> summaries = report.summaries();
        final LatencySummary baseline = baseline();
        final LatencySummary tickToQuote = tickToQuote();
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            JsonGenerator json = new JsonFactory().createGenerator(writer))
        {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            // the first gateway's tick-to-quote figures at the top level, as ticklane perf compare reads them
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
            json.writeStringField("measuredTo", "the order gateway's SENT: " + endsAt(gateways.get(0)));
            json.writeNumberField("slices", result.ratios().slices().size());
            json.writeBooleanField("baselineValid", result.baselineValid());
            json.writeStringField("baselineRule", SliceRatios.RULE);
            if (result.baselineValid())
            {
                writeRatios(json, "ratioToBaseline", tickToQuote, baseline);
            }
            json.writeFieldName("baseline");
            baseline.writeJson(json);
            json.writeArrayFieldStart("gateways");
            for (final TickToQuoteRun.GatewayRun run : result.gateways().values())
            {
                final LatencySummary summary = tickToQuote(run.gateway());
                json.writeStartObject();
                json.writeStringField("gateway", run.gateway());
                json.writeStringField("measuredTo", endsAt(run.gateway()));
                json.writeFieldName("tickToOrder");
                summary.writeJson(json);
                if (run.ratios().valid())
                {
                    writeRatios(json, "ratioToBaseline", summary, baseline);
                }
                writeSlices(json, run.ratios());
                json.writeNumberField("updatesSent", run.updatesSent());
                json.writeNumberField("ordersSent", run.ordersSent());
                json.writeNumberField("daemonThreadAllocatedBytes", run.daemonAllocatedBytes());
                if (run.ordersSent() > 0)
                {
                    json.writeNumberField("daemonThreadBytesPerOrder", bytesPerOrder(run));
                }
                json.writeNumberField("gcCount", run.gcCount());
                json.writeNumberField("gcMillis", run.gcMillis());
                json.writeObjectFieldStart("threadAllocatedBytes");
                for (final Map.Entry<String, Long> entry : run.threadAllocatedBytes().entrySet())
                {
                    json.writeNumberField(entry.getKey(), entry.getValue());
                }
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            final Map<String, Double> ratios = fixToAeron();
            if (!ratios.isEmpty())
            {
                json.writeObjectFieldStart("fixToAeron");
                for (final Map.Entry<String, Double> entry : ratios.entrySet())
                {
                    json.writeNumberField(entry.getKey(), entry.getValue());
                }
                json.writeEndObject();
            }
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

    private static void writeSlices(final JsonGenerator json, final SliceRatios ratios) throws IOException
    {
        json.writeObjectFieldStart("baselineCheck");
        json.writeBooleanField("valid", ratios.valid());
        if (!ratios.valid())
        {
            json.writeStringField("invalidReason", ratios.invalidReason());
        }
        json.writeNumberField("pipelineP50", ratios.pipelineP50());
        json.writeNumberField("echoP50", ratios.echoP50());
        json.writeNumberField("slicesEchoWorseAtP50", ratios.slicesBaselineWorse());
        if (ratios.valid())
        {
            writeSpread(json, "ratioP50", ratios.p50());
            writeSpread(json, "ratioP99", ratios.p99());
        }
        json.writeArrayFieldStart("slices");
        for (final SliceRatios.Slice slice : ratios.slices())
        {
            json.writeStartObject();
            json.writeNumberField("slice", slice.index());
            json.writeNumberField("pipelineCount", slice.pipelineCount());
            json.writeNumberField("pipelineP50", slice.pipelineP50());
            json.writeNumberField("pipelineP99", slice.pipelineP99());
            json.writeNumberField("echoCount", slice.echoCount());
            json.writeNumberField("echoP50", slice.echoP50());
            json.writeNumberField("echoP99", slice.echoP99());
            writeNumberOrNull(json, "ratioP50", slice.ratioP50());
            writeNumberOrNull(json, "ratioP99", slice.ratioP99());
            json.writeBooleanField("echoWorseAtP50", slice.baselineWorse());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeSpread(final JsonGenerator json, final String field, final SliceRatios.Spread spread)
        throws IOException
    {
        json.writeObjectFieldStart(field);
        json.writeNumberField("slices", spread.count());
        writeNumberOrNull(json, "median", spread.median());
        writeNumberOrNull(json, "min", spread.min());
        writeNumberOrNull(json, "q1", spread.q1());
        writeNumberOrNull(json, "q3", spread.q3());
        writeNumberOrNull(json, "max", spread.max());
        json.writeEndObject();
    }

    private static void writeNumberOrNull(final JsonGenerator json, final String field, final double value)
        throws IOException
    {
        if (Double.isNaN(value) || Double.isInfinite(value))
        {
            json.writeNullField(field);
        }
        else
        {
            json.writeNumberField(field, value);
        }
    }

    private static void writeRatios(
        final JsonGenerator json, final String field, final LatencySummary summary, final LatencySummary reference)
        throws IOException
    {
        json.writeObjectFieldStart(field);
        for (final Map.Entry<String, Double> entry : summary.micros().entrySet())
        {
            json.writeNumberField(entry.getKey(), entry.getValue() / reference.micros(entry.getKey()));
        }
        json.writeEndObject();
    }
}
