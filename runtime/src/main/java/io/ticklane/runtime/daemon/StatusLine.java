package io.ticklane.runtime.daemon;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.PrintWriter;

/**
 * The one line per second a running daemon (or the demo) prints for the operator: mid and touch, own quotes, position,
 * PnL, fills and the last second's tick-to-quote percentiles, taken from the counters and the latency recorder.
 * It also accumulates the whole run's tick-to-quote histogram for the summary. Runs on the main thread, never on the
 * hot path, but for the daemon's whole life: it formats into a reused buffer and recycles the interval histogram,
 * so it allocates nothing once running (with {@code String.format} it allocated about 0.6 MB a minute, enough for a
 * young collection every half hour in a daemon whose trading thread allocates nothing; {@code perf soak} measured it).
 */
public final class StatusLine
{
    private static final String HEADER = String.format("%-9s %11s %10s %10s %10s %10s %9s %12s %7s %9s %9s %-13s",
        "time", "mid", "bid", "ask", "our bid", "our ask", "position", "pnl", "fills", "t2q p50", "t2q p99", "mode");
    private static final String[] MODES = {"ACTIVE", "REDUCE_ONLY", "HALTED"};

    private final DaemonCounters counters;
    private final Recorder recorder;
    private final Histogram total = new Histogram(3);
    private final StringBuilder line = new StringBuilder(160);
    private final StringBuilder field = new StringBuilder(32);
    private char[] chars = new char[160];
    private Histogram interval;
    private long p50;
    private long p99;
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
     * Takes the latency interval into the run's total and publishes its p50/p99 to the counters, without printing
     * (what a quiet daemon does every second).
     */
    public void sample()
    {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        p50 = interval.getTotalCount() == 0 ? 0 : interval.getValueAtPercentile(50);
        p99 = interval.getTotalCount() == 0 ? 0 : interval.getValueAtPercentile(99);
        counters.tickToQuoteP50Ns.setRelease(p50);
        counters.tickToQuoteP99Ns.setRelease(p99);
    }

    /**
     * Takes the latency interval ({@link #sample()}) and prints one line.
     *
     * @param out where the line goes.
     */
    public void print(final PrintWriter out)
    {
        sample();
        final int mode = (int)counters.mode.get();
        final long bid = counters.bestBid.get();
        final long ask = counters.bestAsk.get();
        final boolean timed = interval.getTotalCount() != 0;
        line.setLength(0);
        tenths((System.nanoTime() - startNs + 50_000_000) / 100_000_000);
        field.append('s');
        pad(9, false);
        if (0 == bid || 0 == ask)
        {
            field.append('-');
        }
        else
        {
            tenths(5 * (bid + ask)); // the mid in tenths of a tick
        }
        pad(12, false);
        price(bid, 11);
        price(ask, 11);
        price(counters.quotedBid.get(), 11);
        price(counters.quotedAsk.get(), 11);
        number(counters.position.get(), 10);
        number(counters.netPnl.get(), 13);
        number(counters.fills.get(), 8);
        micros(timed, p50);
        micros(timed, p99);
        field.append(' ').append(mode >= 0 && mode < MODES.length ? MODES[mode] : "?");
        pad(14, true);
        final int length = line.length();
        if (chars.length < length)
        {
            chars = new char[2 * length];
        }
        line.getChars(0, length, chars, 0);
        out.write(chars, 0, length);
        out.println();
        out.flush();
    }

    /**
     * @return the whole run's tick-to-quote latencies so far, ns.
     */
    public Histogram total()
    {
        return total;
    }

    private void price(final long ticks, final int width)
    {
        if (0 == ticks)
        {
            field.append('-');
        }
        else
        {
            field.append(ticks);
        }
        pad(width, false);
    }

    private void number(final long value, final int width)
    {
        field.append(value);
        pad(width, false);
    }

    private void micros(final boolean timed, final long ns)
    {
        if (timed)
        {
            tenths((ns + 50) / 100);
            field.append("us");
        }
        else
        {
            field.append('-');
        }
        pad(10, false);
    }

    /**
     * Appends a count of tenths as a decimal with one digit after the point.
     */
    private void tenths(final long tenths)
    {
        if (tenths < 0)
        {
            field.append('-');
        }
        final long magnitude = Math.abs(tenths);
        field.append(magnitude / 10).append('.').append(magnitude % 10);
    }

    /**
     * Moves the field into the line, right-aligned (or left-aligned) in {@code width} characters.
     */
    private void pad(final int width, final boolean left)
    {
        if (left)
        {
            line.append(field);
        }
        for (int i = field.length(); i < width; i++)
        {
            line.append(' ');
        }
        if (!left)
        {
            line.append(field);
        }
        field.setLength(0);
    }
}
