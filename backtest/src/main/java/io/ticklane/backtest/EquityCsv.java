package io.ticklane.backtest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code equity.csv} next to {@code report.json}: the equity curve on the chart grid (the samples report.html
 * draws), one {@code time_ns,net_pnl} row per sample in ticks x lots, so a tool that compares backtests (the cockpit's
 * explorer overlays them) reads the curve itself rather than the SVG. Kept out of report.json so that file, which
 * golden tests pin, stays as it is.
 */
public final class EquityCsv
{
    /** File name, in the report's directory. */
    public static final String FILE = "equity.csv";
    /** The header line. */
    public static final String HEADER = "time_ns,net_pnl";

    private EquityCsv()
    {
    }

    /**
     * @param file   where.
     * @param series the metrics' chart series.
     * @throws IOException if it cannot be written.
     */
    public static void write(final Path file, final BacktestMetrics.Series series) throws IOException
    {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8))
        {
            out.write(HEADER);
            out.write('\n');
            final long[] times = series.timesNs();
            final double[] equity = series.equity();
            for (int i = 0; i < times.length; i++)
            {
                out.write(Long.toString(times[i]));
                out.write(',');
                out.write(Double.toString(equity[i]));
                out.write('\n');
            }
        }
    }
}
