package io.ticklane.backtest;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Writes {@code report.html}: one self-contained page that works offline (no script, no stylesheet or font from
 * elsewhere) with the metrics table, the parameters and input hashes, and five charts drawn by JFreeChart into inline
 * SVG through JFreeSVG: equity, inventory, mid with our quotes and fills, our quoted spread, and the markout curve.
 * Chart series are bounded (at most {@link #MAX_POINTS} points each; fills thinned to every n-th), and every piece of
 * text put into the page is escaped.
 */
public final class ReportHtml
{
    /**
     * Most points drawn per chart series.
     */
    public static final int MAX_POINTS = 3000;

    /**
     * Charts the page holds.
     */
    public static final int CHARTS = 5;

    private static final int WIDTH = 900;
    private static final int HEIGHT = 320;
    private static final Color BID = new Color(0x1f, 0x77, 0xb4);
    private static final Color ASK = new Color(0xd6, 0x27, 0x28);
    private static final Color MID = new Color(0x55, 0x55, 0x55);

    private ReportHtml()
    {
    }

    /**
     * @param file   written (replaced).
     * @param report what to show.
     * @throws IOException if the file cannot be written.
     */
    public static void write(final Path file, final BacktestReport report) throws IOException
    {
        Files.writeString(file, page(report), StandardCharsets.UTF_8);
    }

    /**
     * @param report what to show.
     * @return the page.
     */
    public static String page(final BacktestReport report)
    {
        final BacktestMetrics m = report.metrics();
        final StringBuilder html = new StringBuilder(256 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .append(escape("Ticklane backtest " + report.instrument().symbol() + " " + report.quoterSpec()))
            .append("</title>\n<style>\n")
            .append("body{font-family:sans-serif;margin:2em;max-width:960px}table{border-collapse:collapse;margin:1em 0}")
            .append("td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}td.n{text-align:right}")
            .append("pre{background:#f6f6f6;padding:8px;white-space:pre-wrap}figure{margin:1em 0}\n")
            .append("</style>\n</head>\n<body>\n<h1>")
            .append(escape("Backtest: " + report.instrument().symbol())).append("</h1>\n");

        html.append("<h2>Metrics</h2>\n<table id=\"metrics\">\n<tr><th>metric</th><th>value</th></tr>\n");
        for (final String[] row : MetricRows.of(report))
        {
            html.append("<tr><td>").append(escape(row[0])).append("</td><td class=\"n\">").append(escape(row[1]))
                .append("</td></tr>\n");
        }
        html.append("</table>\n");

        html.append("<h2>PnL per UTC day (ticks x lots)</h2>\n<table id=\"per-day\">\n")
            .append("<tr><th>day</th><th>realised</th><th>unrealised change</th><th>fees</th><th>net</th></tr>\n");
        for (final BacktestMetrics.DayPnl day : m.days())
        {
            html.append("<tr><td>").append(escape(Instant.ofEpochSecond(0, day.dayStartNs()).toString().substring(0, 10)))
                .append("</td>").append(cell(day.realised())).append(cell(day.unrealisedChange())).append(cell(day.fees()))
                .append(cell(day.net())).append("</tr>\n");
        }
        html.append("</table>\n");

        html.append("<h2>Charts</h2>\n");
        figure(html, "Equity (net PnL, ticks x lots)", equityChart(m), 0);
        figure(html, "Inventory (lots)", inventoryChart(m), 1);
        figure(html, "Mid, our best bid and ask, and fills", quotesChart(m), 2);
        figure(html, "Our quoted spread (ticks, while both sides are live)", spreadChart(m), 3);
        figure(html, "Markouts: mean signed mid move after a fill (ticks, positive = good for us)", markoutChart(m), 4);

        html.append("<h2>Inputs and parameters</h2>\n<table id=\"inputs\">\n");
        param(html, "journal sha256", report.journal().sha256());
        param(html, "journal records", Long.toString(report.journal().records()));
        param(html, "config sha256", report.configSha256());
        param(html, "code version", report.codeVersion());
        param(html, "instrument", report.instrument().toString());
        param(html, "quoter", report.quoterSpec());
        for (final Map.Entry<String, String> entry : report.overrides().entrySet())
        {
            param(html, "sweep override " + entry.getKey(), entry.getValue());
        }
        param(html, "queue model", report.models().queue());
        param(html, "latency model", report.models().latency());
        param(html, "latency source", report.models().latencySource());
        param(html, "realised latency", "market event to venue arrival " +
            report.latency().tickToVenueArrival().summary() + "; order round trip " +
            report.latency().orderRoundTrip().summary());
        param(html, "fee model", report.models().fees());
        param(html, "journal path", report.run().journalPath());
        param(html, "config path", report.run().configPath());
        html.append("</table>\n<h3>Configuration file</h3>\n<pre>").append(escape(redacted(report.configText()))).append("</pre>\n");
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    /**
     * The configuration with the value of every key naming a token (the operator's admin token) replaced: a report
     * gets passed around, the token must not.
     */
    static String redacted(final String configText)
    {
        final StringBuilder out = new StringBuilder(configText.length());
        for (final String line : configText.split("\n", -1))
        {
            final String trimmed = line.trim();
            int eq = 0;
            while (eq < trimmed.length() && "=: \t".indexOf(trimmed.charAt(eq)) < 0)
            {
                eq++;
            }
            final boolean comment = trimmed.startsWith("#") || trimmed.startsWith("!");
            if (!comment && eq > 0 && eq < trimmed.length() && trimmed.substring(0, eq).toLowerCase(Locale.ROOT).contains("token"))
            {
                out.append(trimmed, 0, eq + 1).append("(redacted)");
            }
            else
            {
                out.append(line);
            }
            out.append('\n');
        }
        return out.substring(0, Math.max(0, out.length() - 1));
    }

    private static void param(final StringBuilder html, final String name, final String value)
    {
        html.append("<tr><th>").append(escape(name)).append("</th><td>").append(escape(value)).append("</td></tr>\n");
    }

    private static String cell(final double value)
    {
        return "<td class=\"n\">" + escape(String.format(Locale.ROOT, "%.4f", value)) + "</td>";
    }

    private static void figure(final StringBuilder html, final String caption, final JFreeChart chart, final int index)
    {
        chart.setAntiAlias(true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setTitle(new TextTitle(caption, new Font(Font.SANS_SERIF, Font.BOLD, 13)));
        final SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        g2.setDefsKeyPrefix("c" + index + "_");
        chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
        html.append("<figure>\n").append(g2.getSVGElement("chart" + index)).append("\n</figure>\n");
    }

    /**
     * @param text any text.
     * @return the text with HTML's special characters escaped.
     */
    public static String escape(final String text)
    {
        final StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            switch (c)
            {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static int stride(final int n)
    {
        return Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
    }

    private static double ms(final long ns)
    {
        return ns / 1e6;
    }

    private static XYPlot timePlot(final XYSeriesCollection data, final String range)
    {
        final DateAxis time = new DateAxis("UTC", TimeZone.getTimeZone("UTC"), Locale.ROOT);
        final NumberAxis value = new NumberAxis(range);
        value.setAutoRangeIncludesZero(false);
        return new XYPlot(data, time, value, null);
    }

    private static JFreeChart equityChart(final BacktestMetrics m)
    {
        final BacktestMetrics.Series s = m.series();
        final XYSeries equity = new XYSeries("equity (chart grid)", false, true);
        for (int i = 0; i < s.timesNs().length; i += stride(s.timesNs().length))
        {
            equity.add(ms(s.timesNs()[i]), s.equity()[i]);
        }
        final XYPlot plot = timePlot(new XYSeriesCollection(equity), "ticks x lots");
        plot.setRenderer(lines(BID));
        return new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    }

    private static JFreeChart inventoryChart(final BacktestMetrics m)
    {
        final BacktestMetrics.Series s = m.series();
        final XYSeries position = new XYSeries("position", false, true);
        Number previous = null;
        for (int i = 0; i < s.timesNs().length; i += stride(s.timesNs().length))
        {
            previous = step(position, ms(s.timesNs()[i]), (double)s.position()[i], previous);
        }
        final XYPlot plot = timePlot(new XYSeriesCollection(position), "lots");
        plot.setRenderer(lines(MID));
        return new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    }

    private static JFreeChart quotesChart(final BacktestMetrics m)
    {
        final BacktestMetrics.Series s = m.series();
        final XYSeries mid = new XYSeries("mid", false, true);
        final XYSeries bid = new XYSeries("our bid", false, true);
        final XYSeries ask = new XYSeries("our ask", false, true);
        final int stride = stride(s.timesNs().length);
        Number lastMid = null;
        Number lastBid = null;
        Number lastAsk = null;
        for (int i = 0; i < s.timesNs().length; i += stride)
        {
            final double t = ms(s.timesNs()[i]);
            lastMid = step(mid, t, BacktestRecorder.NO_MID == s.mid2()[i] ? null : (Number)(s.mid2()[i] * 0.5), lastMid);
            lastBid = step(bid, t, OwnQuotes.NONE == s.bid()[i] ? null : (Number)(double)s.bid()[i], lastBid);
            lastAsk = step(ask, t, OwnQuotes.NONE == s.ask()[i] ? null : (Number)(double)s.ask()[i], lastAsk);
        }
        final XYSeries buys = new XYSeries("buy fills", false, true);
        final XYSeries sells = new XYSeries("sell fills", false, true);
        final int fillStep = stride(s.fillTimesNs().length);
        for (int i = 0; i < s.fillTimesNs().length; i += fillStep)
        {
            (s.fillSigned()[i] > 0 ? buys : sells).add(ms(s.fillTimesNs()[i]), s.fillPrices()[i]);
        }
        final XYSeriesCollection lines = new XYSeriesCollection();
        lines.addSeries(mid);
        lines.addSeries(bid);
        lines.addSeries(ask);
        final XYPlot plot = timePlot(lines, "ticks");
        final XYLineAndShapeRenderer lineRenderer = lines(MID);
        lineRenderer.setSeriesPaint(1, BID);
        lineRenderer.setSeriesPaint(2, ASK);
        plot.setRenderer(0, lineRenderer);
        final XYSeriesCollection points = new XYSeriesCollection();
        points.addSeries(buys);
        points.addSeries(sells);
        plot.setDataset(1, points);
        final XYLineAndShapeRenderer pointRenderer = new XYLineAndShapeRenderer(false, true);
        pointRenderer.setSeriesPaint(0, new Color(0x2c, 0xa0, 0x2c));
        pointRenderer.setSeriesShape(0, triangle(4, true));
        pointRenderer.setSeriesPaint(1, ASK);
        pointRenderer.setSeriesShape(1, triangle(4, false));
        plot.setRenderer(1, pointRenderer);
        final JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return chart;
    }

    private static JFreeChart spreadChart(final BacktestMetrics m)
    {
        final BacktestMetrics.Series s = m.series();
        final XYSeries spread = new XYSeries("our ask - our bid", false, true);
        Number previous = null;
        for (int i = 0; i < s.timesNs().length; i += stride(s.timesNs().length))
        {
            final boolean both = OwnQuotes.NONE != s.bid()[i] && OwnQuotes.NONE != s.ask()[i];
            previous = step(spread, ms(s.timesNs()[i]), both ? (Number)(double)(s.ask()[i] - s.bid()[i]) : null, previous);
        }
        final XYPlot plot = timePlot(new XYSeriesCollection(spread), "ticks");
        plot.setRenderer(lines(ASK));
        return new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    }

    private static JFreeChart markoutChart(final BacktestMetrics m)
    {
        final XYSeries move = new XYSeries("mid move since the fill", false, true);
        final XYSeries total = new XYSeries("against the fill price (edge + move)", false, true);
        final double edge = m.markoutEdge().defined() ? m.markoutEdge().value() : 0;
        for (final BacktestMetrics.Markout markout : m.markouts())
        {
            if (markout.mean().defined())
            {
                move.add(markout.horizonNs() / 1e9, markout.mean().value());
                total.add(markout.horizonNs() / 1e9, markout.mean().value() + edge);
            }
        }
        final XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(move);
        data.addSeries(total);
        final LogAxis horizon = new LogAxis("horizon (s)");
        horizon.setSmallestValue(1e-3);
        final NumberAxis ticks = new NumberAxis("ticks");
        final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, BID);
        renderer.setSeriesPaint(1, ASK);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        renderer.setSeriesShape(1, new Ellipse2D.Double(-3, -3, 6, 6));
        return new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, new XYPlot(data, horizon, ticks, renderer), true);
    }

    /**
     * Adds a point of a step function: a change shows as a vertical edge, not a slope. Returns the value added.
     */
    private static Number step(final XYSeries series, final double x, final Number y, final Number previous)
    {
        if (null != previous && null != y && previous.doubleValue() != y.doubleValue())
        {
            series.add(x, previous);
        }
        series.add(x, y);
        return y;
    }

    private static XYLineAndShapeRenderer lines(final Color first)
    {
        final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        // one SVG path per series instead of an element per segment keeps the page small
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setSeriesPaint(0, first);
        renderer.setDefaultStroke(new BasicStroke(1.2f));
        renderer.setAutoPopulateSeriesStroke(false);
        return renderer;
    }

    private static Path2D triangle(final double size, final boolean up)
    {
        final Path2D path = new Path2D.Double();
        final double tip = up ? -size : size;
        path.moveTo(0, tip);
        path.lineTo(size, -tip);
        path.lineTo(-size, -tip);
        path.closePath();
        return path;
    }
}
