package io.ticklane.perf.latency;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One or more latency distributions side by side: a table of count, rate and p50 ... max in µs (with two or more,
 * every later run also as a ratio to the first, unless the caller found the first unfit as a reference) and the HTML
 * page with that table and the percentile plot.
 */
public final class LatencyReport
{
    private static final int PLOT_WIDTH = 900;
    private static final int PLOT_HEIGHT = 500;

    private final List<LatencyDistribution> distributions;
    private final List<LatencySummary> summaries = new ArrayList<>();
    private final boolean ratios;

    /**
     * @param distributions at least one; the first is the reference for ratios.
     */
    public LatencyReport(final List<LatencyDistribution> distributions)
    {
        this(distributions, true);
    }

    /**
     * @param distributions at least one; the first is the reference for ratios.
     * @param ratios        false to show no ratio to the first (it is no valid reference), only the values.
     */
    public LatencyReport(final List<LatencyDistribution> distributions, final boolean ratios)
    {
        this.ratios = ratios;
        if (distributions.isEmpty())
        {
            throw new IllegalArgumentException("a report needs at least one histogram");
        }
        this.distributions = List.copyOf(distributions);
        distributions.forEach(distribution -> summaries.add(LatencySummary.of(distribution)));
    }

    /**
     * @return one summary per distribution, in order.
     */
    public List<LatencySummary> summaries()
    {
        return List.copyOf(summaries);
    }

    /**
     * @return the plain-text table, one row per distribution.
     */
    public String table()
    {
        final int nameWidth = Math.max(4, summaries.stream().mapToInt(summary -> summary.name().length()).max().orElse(4));
        final StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%-" + nameWidth + "s %12s %12s", "name", "count", "rate/s"));
        for (final String label : LatencySummary.PERCENTILES.keySet())
        {
            table.append(String.format(Locale.ROOT, " %20s", label + " (us)"));
        }
        table.append('\n');
        final LatencySummary first = summaries.get(0);
        for (final LatencySummary summary : summaries)
        {
            table.append(String.format(Locale.ROOT, "%-" + nameWidth + "s %12d %12s", summary.name(), summary.count(), rate(summary)));
            for (final Map.Entry<String, Double> entry : summary.micros().entrySet())
            {
                final String value = micros(entry.getValue()) + (summary == first || !ratios ? "" :
                    " (" + ratio(entry.getValue(), first.micros(entry.getKey())) + ")");
                table.append(String.format(Locale.ROOT, " %20s", value));
            }
            table.append('\n');
        }
        return table.toString();
    }

    /**
     * @param sources the files the distributions came from, listed on the page.
     * @return a self-contained HTML page with the table and the plot.
     */
    public String html(final List<String> sources)
    {
        return html(sources, "");
    }

    /**
     * @param sources  the files the distributions came from, listed on the page.
     * @param appendix trusted HTML put after the plot (further tables of the caller's), or "".
     * @return a self-contained HTML page with the table, the plot and the appendix.
     */
    public String html(final List<String> sources, final String appendix)
    {
        return html(sources, "", appendix);
    }

    /**
     * @param sources  the files the distributions came from, listed on the page.
     * @param preface  trusted HTML put first, above the table (a verdict the reader must not miss), or "".
     * @param appendix trusted HTML put after the plot (further tables of the caller's), or "".
     * @return a self-contained HTML page with the preface, the table, the plot and the appendix.
     */
    public String html(final List<String> sources, final String preface, final String appendix)
    {
        final HtmlPage page = new HtmlPage("Latency report");
        if (!preface.isEmpty())
        {
            page.raw(preface);
        }
        page.paragraph("meta", "Sources: " + String.join(", ", sources) + ". Values in microseconds" +
            (ratios ? "; ratios are to the first row" : "; no ratios: the first row is no valid reference") +
            ". Percentiles are nearest-rank at the histograms' resolution.");
        final StringBuilder table = new StringBuilder("<table>\n<tr><th>name</th><th>count</th><th>rate/s</th>");
        LatencySummary.PERCENTILES.keySet().forEach(label -> table.append("<th>").append(label).append(" (µs)</th>"));
        table.append("</tr>\n");
        final LatencySummary first = summaries.get(0);
        for (final LatencySummary summary : summaries)
        {
            table.append("<tr><td>").append(HtmlPage.escape(summary.name())).append("</td><td class=\"n\">")
                .append(summary.count()).append("</td><td class=\"n\">").append(rate(summary)).append("</td>");
            for (final Map.Entry<String, Double> entry : summary.micros().entrySet())
            {
                final double reference = first.micros(entry.getKey());
                final String css = summary == first || !ratios ? "n" : (entry.getValue() > reference ? "n worse" : "n better");
                table.append("<td class=\"").append(css).append("\">").append(micros(entry.getValue()));
                if (summary != first && ratios)
                {
                    table.append("<br>").append(ratio(entry.getValue(), reference));
                }
                table.append("</td>");
            }
            table.append("</tr>\n");
        }
        table.append("</table>");
        page.raw(table.toString());
        page.heading("Percentile distribution");
        page.raw("<figure>" + PercentilePlot.svg(distributions, PLOT_WIDTH, PLOT_HEIGHT) + "</figure>");
        if (!appendix.isEmpty())
        {
            page.raw(appendix);
        }
        return page.finish();
    }

    static String micros(final double micros)
    {
        return String.format(Locale.ROOT, "%.3f", micros);
    }

    static String ratio(final double value, final double reference)
    {
        if (reference == 0)
        {
            return value == 0 ? "1.00x" : "inf";
        }
        return String.format(Locale.ROOT, "%.2fx", value / reference);
    }

    private static String rate(final LatencySummary summary)
    {
        return Double.isNaN(summary.ratePerSecond()) ? "-" : String.format(Locale.ROOT, "%.0f", summary.ratePerSecond());
    }
}
