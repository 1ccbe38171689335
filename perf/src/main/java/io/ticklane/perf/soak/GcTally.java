package io.ticklane.perf.soak;

import java.lang.management.GarbageCollectorMXBean;
import java.util.List;

/**
 * Collections and pause time summed over the JVM's collector beans, each counted for what it measures. G1's and
 * Serial's beans count collections and their time is pause time. ZGC and Shenandoah have two beans each: "Cycles"
 * counts collections but times concurrent work, which pauses nothing; "Pauses" times the pauses but counts several
 * per collection. A bean of concurrent work ("Concurrent" in its name) is timed like "Cycles".
 *
 * @param collections collections.
 * @param pauseMs     milliseconds the application was paused.
 */
public record GcTally(long collections, long pauseMs)
{
    /** Nothing yet. */
    public static final GcTally NONE = new GcTally(0, 0);

    /**
     * @param beans the JVM's collector beans.
     * @return their tally now.
     */
    public static GcTally of(final List<GarbageCollectorMXBean> beans)
    {
        GcTally tally = NONE;
        for (final GarbageCollectorMXBean bean : beans)
        {
            tally = tally.plus(bean.getName(), bean.getCollectionCount(), bean.getCollectionTime());
        }
        return tally;
    }

    /**
     * @param collector a collector bean's name.
     * @param count     its collection count (negative: not available, ignored).
     * @param timeMs    its collection time (negative: not available, ignored).
     * @return this tally with the bean's figures added as far as they mean collections or pauses.
     */
    public GcTally plus(final String collector, final long count, final long timeMs)
    {
        final boolean pausesBean = collector.endsWith("Pauses");
        final boolean concurrentBean = collector.endsWith("Cycles") || collector.contains("Concurrent");
        return new GcTally(
            collections + (pausesBean || count < 0 ? 0 : count),
            pauseMs + (concurrentBean || timeMs < 0 ? 0 : timeMs));
    }

    /**
     * @param earlier a tally taken before.
     * @return what happened since.
     */
    public GcTally minus(final GcTally earlier)
    {
        return new GcTally(collections - earlier.collections, pauseMs - earlier.pauseMs);
    }
}
