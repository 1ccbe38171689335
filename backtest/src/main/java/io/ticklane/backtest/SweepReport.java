package io.ticklane.backtest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a sweep's top-level {@code sweep.json} and {@code sweep.html}: every combination ranked by net PnL (best
 * first; ties by directory name), with Sharpe, max drawdown and fills, and where its own report is. Apart from the
 * {@code run} object (threads, wall clock) the JSON is a function of the inputs only, whatever the thread count.
 */
public final class SweepReport
{
    private SweepReport()
    {
    }

    /**
     * One combination's outcome.
     *
     * @param directory its report's subdirectory.
     * @param report    its report.
     */
    public record Entry(String directory, BacktestReport report)
    {
    }

    /**
     * @param entries combinations, any order.
     * @return ranked: net PnL descending, then directory name.
     */
    public static List<Entry> ranked(final List<Entry> entries)
    {
        final List<Entry> ranked = new ArrayList<>(entries);
        ranked.sort(Comparator.comparingDouble((Entry e) -> -e.report().metrics().netPnl()).thenComparing(Entry::directory));
        return ranked;
    }

    /**
     * @param dir         the sweep's output directory.
     * @param keys        swept keys.
     * @param entries     combinations.
     * @param threads     threads used.
     * @param wallClockNs wall clock of the whole sweep.
     * @throws IOException if a file cannot be written.
     */
    public static void write(final Path dir, final List<String> keys, final List<Entry> entries, final int threads,
        final long wallClockNs) throws IOException
    {
        final List<Entry> ranked = ranked(entries);
        try (JsonGenerator gen = new JsonFactory().createGenerator(dir.resolve("sweep.json").toFile(), JsonEncoding.UTF8))
        {
            gen.useDefaultPrettyPrinter();
            gen.writeStartObject();
            gen.writeStringField("format", "ticklane-sweep-report/1");
            gen.writeStringField("journal_sha256", ranked.isEmpty() ? "" : ranked.get(0).report().journal().sha256());
            gen.writeStringField("code_version", ranked.isEmpty() ? "" : ranked.get(0).report().codeVersion());
            gen.writeArrayFieldStart("keys");
            for (final String key : keys)
            {
                gen.writeString(key);
            }
            gen.writeEndArray();
            gen.writeStringField("pnl_unit", "ticks x lots");
            gen.writeArrayFieldStart("ranking");
            int rank = 1;
            for (final Entry entry : ranked)
            {
                final BacktestMetrics m = entry.report().metrics();
                gen.writeStartObject();
                gen.writeNumberField("rank", rank++);
                gen.writeStringField("directory", entry.directory());
                gen.writeObjectFieldStart("overrides");
                for (final Map.Entry<String, String> o : entry.report().overrides().entrySet())
                {
                    gen.writeStringField(o.getKey(), o.getValue());
                }
                gen.writeEndObject();
                gen.writeStringField("config_sha256", entry.report().configSha256());
                gen.writeNumberField("net_pnl", m.netPnl());
                final Statistic sharpe = m.curve().sharpe();
                if (sharpe.defined())
                {
                    gen.writeNumberField("sharpe", sharpe.value());
                }
                else
                {
                    gen.writeNullField("sharpe");
                    gen.writeStringField("sharpe_undefined", sharpe.undefined());
                }
                gen.writeNumberField("max_drawdown", m.curve().maxDrawdown().depth());
                gen.writeNumberField("fills", entry.report().result().fills());
                gen.writeNumberField("guard_net_pnl_difference", entry.report().guard().difference());
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeObjectFieldStart("run");
            gen.writeNumberField("threads", threads);
            gen.writeNumberField("wall_clock_s", wallClockNs / 1e9);
            gen.writeEndObject();
            gen.writeEndObject();
        }
        Files.writeString(dir.resolve("sweep.html"), html(keys, ranked), StandardCharsets.UTF_8);
    }

    private static String html(final List<String> keys, final List<Entry> ranked)
    {
        final StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Ticklane sweep</title>\n")
            .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}")
            .append("td,th{border:1px solid #ccc;padding:2px 8px}td.n{text-align:right}</style>\n</head>\n<body>\n")
            .append("<h1>Sweep of ").append(ReportHtml.escape(String.join(", ", keys))).append("</h1>\n")
            .append("<p>Ranked by net PnL (ticks x lots). Each combination's own report is in its directory.</p>\n")
            .append("<table id=\"sweep\">\n<tr><th>rank</th>");
        for (final String key : keys)
        {
            html.append("<th>").append(ReportHtml.escape(key)).append("</th>");
        }
        html.append("<th>net PnL</th><th>Sharpe</th><th>max drawdown</th><th>fills</th><th>report</th></tr>\n");
        int rank = 1;
        for (final Entry entry : ranked)
        {
            final BacktestMetrics m = entry.report().metrics();
            final Statistic sharpe = m.curve().sharpe();
            html.append("<tr><td class=\"n\">").append(rank++).append("</td>");
            for (final String key : keys)
            {
                html.append("<td>").append(ReportHtml.escape(entry.report().overrides().get(key))).append("</td>");
            }
            html.append("<td class=\"n\">").append(String.format(Locale.ROOT, "%.4f", m.netPnl())).append("</td>")
                .append("<td class=\"n\">").append(ReportHtml.escape(sharpe.defined() ?
                    String.format(Locale.ROOT, "%.4f", sharpe.value()) : "undefined: " + sharpe.undefined())).append("</td>")
                .append("<td class=\"n\">").append(String.format(Locale.ROOT, "%.4f", m.curve().maxDrawdown().depth()))
                .append("</td><td class=\"n\">").append(entry.report().result().fills()).append("</td>")
                .append("<td><a href=\"").append(ReportHtml.escape(entry.directory())).append("/report.html\">")
                .append(ReportHtml.escape(entry.directory())).append("</a></td></tr>\n");
        }
        html.append("</table>\n</body>\n</html>\n");
        return html.toString();
    }
}
