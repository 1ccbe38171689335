package io.ticklane.runtime.daemon;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.PrintWriter;

/**
 * The one line per second a running daemon (or the demo) prints for the operator: mid and touch, own quotes, position,
 * PnL, fills and the last second's tick-to-quote percentiles, taken from the counters and the latency recorder.
 * It also accumulates the whole run's tick-to-quote histogram for the summary. Runs on the main thread, never on the
 * hot path.
 */
public final class StatusLine
{
    private static final String HEADER = String.format("%-9s %11s %10s %10s %10s %10s %9s %12s %7s %9s %9s %-13s",
        "time", "mid", "bid", "ask", "our bid", "our ask", "position", "pnl", "fills", "t2q p50", "t2q p99", "mode");
    private static final String[] MODES = {"ACTIVE", "REDUCE_ONLY", "HALTED"};

    private final DaemonCounters counters;
    private final Recorder recorder;
    private final Histogram total = new Histogram(3);
    private Histogram interval;
    private final long startNs = System.nanoTime();

    /**
     * @param counters the daemon's counters.
     * @param recorder the daemon's tick-to-quote recorder.
     */
    public StatusLine(final DaemonCounters counters, final Recorder recorder)
    {
        this.counters = counters;
        this.recorder = recorder;
    }

    /**
     * @param out where the header goes.
     */
    public void printHeader(final PrintWriter out)
    {
        out.println(HEADER);
        out.flush();
    }

    /**
     * Takes the latency interval, publishes its p50/p99 to the counters and prints one line.
     *
     * @param out where the line goes.
     */
    public void print(final PrintWriter out)
    {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        final long p50 = interval.getTotalCount() == 0 ? 0 : interval.getValueAtPercentile(50);
        final long p99 = interval.getTotalCount() == 0 ? 0 : interval.getValueAtPercentile(99);
        counters.tickToQuoteP50Ns.setRelease(p50);
        counters.tickToQuoteP99Ns.setRelease(p99);
        final int mode = (int)counters.mode.get();
        final long bid = counters.bestBid.get();
        final long ask = counters.bestAsk.get();
        out.println(String.format("%8.1fs %11s %10s %10s %10s %10s %9d %12d %7d %9s %9s %-13s",
            (System.nanoTime() - startNs) / 1e9,
            0 == bid || 0 == ask ? "-" : String.format("%.1f", (bid + ask) / 2.0),
            price(bid), price(ask),
            price(counters.quotedBid.get()), price(counters.quotedAsk.get()),
            counters.position.get(), counters.netPnl.get(), counters.fills.get(),
            micros(interval, p50), micros(interval, p99),
            mode >= 0 && mode < MODES.length ? MODES[mode] : "?"));
        out.flush();
    }

    /**
     * @return the whole run's tick-to-quote latencies so far, ns.
     */
    public Histogram total()
    {
        return total;
    }

    private static String price(final long ticks)
    {
        return 0 == ticks ? "-" : Long.toString(ticks);
    }

    private static String micros(final Histogram histogram, final long ns)
    {
        return histogram.getTotalCount() == 0 ? "-" : String.format("%.1fus", ns / 1e3);
    }
}
