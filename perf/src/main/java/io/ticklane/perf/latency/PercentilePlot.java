package io.ticklane.perf.latency;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.svg.SVGGraphics2D;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * The percentile distribution plot, drawn the way HdrHistogram's plotter draws it (x = 1/(1-percentile) on a log
 * scale labelled 0%, 90%, 99%, 99.9%..., y = latency in µs), as an SVG element to inline in an HTML page: the
 * report stays one offline file. Several distributions share one chart so two runs can be compared by eye.
 * The x axis is a linear axis of log10(1/(1-percentile)), the "number of nines", rather than JFreeChart's
 * {@code LogAxis}: the latter's attributed tick labels reach SVG as glyph outlines, these stay searchable text.
 */
public final class PercentilePlot
{
    private static final int POINTS_PER_DECADE = 40;
    private static final double RIGHT_PADDING = 36;
    private static final Color[] COLOURS = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x9467bd)};

    private PercentilePlot()
    {
    }

    /**
     * @param distributions one line each.
     * @param width         pixels.
     * @param height        pixels.
     * @return an {@code <svg>} element.
     */
    public static String svg(final List<LatencyDistribution> distributions, final int width, final int height)
    {
        if (null == System.getProperty("java.awt.headless"))
        {
            System.setProperty("java.awt.headless", "true");
        }
        final XYSeriesCollection dataset = new XYSeriesCollection();
        long largestCount = 1;
        for (final LatencyDistribution distribution : distributions)
        {
            dataset.addSeries(series(distribution));
            largestCount = Math.max(largestCount, distribution.totalCount());
        }

        TextUtils.setUseDrawRotatedStringWorkaround(false);
        final NumberAxis xAxis = new NumberAxis("Percentile");
        xAxis.setNumberFormatOverride(new NinesFormat());
        xAxis.setAutoTickUnitSelection(false);
        xAxis.setTickUnit(new NumberTickUnit(1.0), false, false);
        xAxis.setRange(0.0, Math.max(2, Math.ceil(Math.log10(largestCount))));
        final NumberAxis yAxis = new NumberAxis("Latency (µs)");
        yAxis.setAutoRangeIncludesZero(true);

        final XYStepRenderer renderer = new XYStepRenderer();
        for (int i = 0; i < distributions.size(); i++)
        {
            renderer.setSeriesPaint(i, COLOURS[i % COLOURS.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2.0f));
        }
        final XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        final JFreeChart chart = new JFreeChart("Latency by percentile", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(4, 4, 4, RIGHT_PADDING));

        final SVGGraphics2D graphics = new SVGGraphics2D(width, height);
        chart.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
        return graphics.getSVGElement();
    }

    private static XYSeries series(final LatencyDistribution distribution)
    {
        final XYSeries series = new XYSeries(distribution.name(), true, true);
        final long count = distribution.totalCount();
        final double lastX = Math.max(1.0, count);
        for (int step = 0; ; step++)
        {
            final double x = Math.pow(10, step / (double)POINTS_PER_DECADE);
            if (x >= lastX)
            {
                break;
            }
            final double percentile = 100.0 * (1.0 - 1.0 / x);
            series.add(Math.log10(x), distribution.valueAtPercentileNs(percentile) / 1000.0);
        }
        series.add(Math.log10(lastX), distribution.maxNs() / 1000.0);
        return series;
    }
}
