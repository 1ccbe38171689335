package io.ticklane.perf.soak;

/**
 * Readings small enough to read in a test: every count, level and peak settable, the rest zero.
 */
final class SampleBuilder
{
    static final long MIB = 1024 * 1024;

    int minute;
    double seconds;
    long updates;
    long marketData = -1;
    long orders;
    long reports;
    long fills;
    long journal;
    long sendFailures;
    SoakSample.Peaks peaks = SoakSample.Peaks.NONE;
    long heap = 50 * MIB;
    long rss = 800 * MIB;
    long anon = 260 * MIB;
    long file = 540 * MIB;
    long direct = 69 * MIB;
    long mapped = 237 * MIB;
    long journalMapped = 1280 * MIB;
    GcTally gc = GcTally.NONE;
    long daemonAllocated;
    long allAllocated;
    long cpuNs;
    double load = 1.5;
    long mode;
    long position;

    static SampleBuilder at(final int minute, final double seconds)
    {
        final SampleBuilder builder = new SampleBuilder();
        builder.minute = minute;
        builder.seconds = seconds;
        return builder;
    }

    SampleBuilder updates(final long updates)
    {
        this.updates = updates;
        return this;
    }

    SampleBuilder flow(final long orders, final long fills, final long journal)
    {
        this.orders = orders;
        this.reports = orders + fills;
        this.fills = fills;
        this.journal = journal;
        return this;
    }

    SampleBuilder rss(final long rss)
    {
        this.rss = rss;
        return this;
    }

    SampleBuilder gc(final long collections, final long pauseMs)
    {
        this.gc = new GcTally(collections, pauseMs);
        return this;
    }

    SampleBuilder peaks(final long inbound, final long outbound, final long journalLag, final long behind)
    {
        this.peaks = new SoakSample.Peaks(inbound, outbound, journalLag, behind);
        return this;
    }

    SampleBuilder allocated(final long daemon, final long all)
    {
        this.daemonAllocated = daemon;
        this.allAllocated = all;
        return this;
    }

    SampleBuilder cpu(final long cpuNs)
    {
        this.cpuNs = cpuNs;
        return this;
    }

    SoakSample build()
    {
        return new SoakSample(minute, Math.round(seconds * 1e9),
            new SoakSample.Flow(updates, marketData < 0 ? updates : marketData, orders, reports, fills, journal,
                sendFailures),
            peaks, new SoakSample.Memory(heap, rss, anon, file, 0, direct, mapped, journalMapped),
            new SoakSample.Jvm(gc, daemonAllocated, allAllocated, cpuNs, load), mode, position);
    }
}
