package io.ticklane.perf.soak;

/**
 * One reading of a soak, taken every ten seconds: cumulative counts since the schedule started, peaks of the gauges
 * since the reading before, and levels. Readings at or before the end of warm-up belong to minute 0; after it, a
 * reading belongs to the minute (from 1) whose end it falls in or on, by its planned time.
 *
 * @param minute    0 up to the end of warm-up, then the measured minute it closes or falls in.
 * @param elapsedNs nanoseconds since the end of warm-up (negative during warm-up), as actually taken.
 * @param flow      cumulative counts.
 * @param peaks     gauge maxima since the reading before.
 * @param memory    memory levels.
 * @param jvm       cumulative JVM figures and the machine's load.
 * @param mode      the daemon's mode (0 active, 1 reduce-only, 2 halted).
 * @param position  the daemon's position, lots.
 */
public record SoakSample(
    int minute,
    long elapsedNs,
    Flow flow,
    Peaks peaks,
    Memory memory,
    Jvm jvm,
    long mode,
    long position)
{
    /**
     * Counts since the schedule started, each from one writer: the generator (updates) or the daemon's counters.
     *
     * @param updatesSent      market data updates the generator published.
     * @param marketDataFrames market data frames the daemon received.
     * @param ordersSent       orders the daemon sent (new, replace, cancel).
     * @param reports          execution reports the daemon received.
     * @param fills            fills the daemon applied.
     * @param journalRecords   records the journal wrote.
     * @param sendFailures     order frames the publication did not take.
     */
    public record Flow(
        long updatesSent,
        long marketDataFrames,
        long ordersSent,
        long reports,
        long fills,
        long journalRecords,
        long sendFailures)
    {
        /**
         * @param earlier counts taken before.
         * @return the counts since.
         */
        public Flow minus(final Flow earlier)
        {
            return new Flow(updatesSent - earlier.updatesSent, marketDataFrames - earlier.marketDataFrames,
                ordersSent - earlier.ordersSent, reports - earlier.reports, fills - earlier.fills,
                journalRecords - earlier.journalRecords, sendFailures - earlier.sendFailures);
        }

        /**
         * @return updates published that the daemon had not received when read (in flight, or lost if the run has
         *     drained).
         */
        public long updatesNotReceived()
        {
            return updatesSent - marketDataFrames;
        }
    }

    /**
     * Maxima of the daemon's gauges (updated on its timer ticks) and of the generator's lag, read every 100 ms.
     *
     * @param inboundRing    inbound ring occupancy, slots.
     * @param outboundRing   outbound ring occupancy, slots.
     * @param journalLag     frames published to the inbound ring and not yet journaled.
     * @param behindSchedule updates the generator should have sent by then and had not.
     */
    public record Peaks(long inboundRing, long outboundRing, long journalLag, long behindSchedule)
    {
        /** No reading yet. */
        public static final Peaks NONE = new Peaks(0, 0, 0, 0);

        /**
         * @param other more maxima.
         * @return the larger of each.
         */
        public Peaks max(final Peaks other)
        {
            return new Peaks(Math.max(inboundRing, other.inboundRing), Math.max(outboundRing, other.outboundRing),
                Math.max(journalLag, other.journalLag), Math.max(behindSchedule, other.behindSchedule));
        }
    }

    /**
     * Memory levels, bytes ({@code -1}: not available on this system).
     *
     * @param heapUsed      heap in use (rises with allocation, falls at a collection).
     * @param rss           resident set ({@link ProcStatus}).
     * @param rssAnon       resident anonymous memory.
     * @param rssFile       resident file mappings.
     * @param rssShmem      resident shared memory.
     * @param direct        the JVM's direct buffer pool.
     * @param mapped        the JVM's mapped buffer pool.
     * @param journalMapped the journal's files mapped into the process ({@link MappedFiles}).
     */
    public record Memory(
        long heapUsed,
        long rss,
        long rssAnon,
        long rssFile,
        long rssShmem,
        long direct,
        long mapped,
        long journalMapped)
    {
    }

    /**
     * Cumulative JVM figures since the run started, and the machine's load.
     *
     * @param gc               collections and pause time.
     * @param daemonAllocated  bytes allocated by the daemon's agent threads.
     * @param allAllocated     bytes allocated by every thread of the process.
     * @param cpuNs            CPU time of the process.
     * @param loadAverage      the machine's one-minute load average (-1 if unknown).
     */
    public record Jvm(GcTally gc, long daemonAllocated, long allAllocated, long cpuNs, double loadAverage)
    {
        /**
         * @param earlier figures taken before.
         * @return the figures since (the load average is this one's).
         */
        public Jvm minus(final Jvm earlier)
        {
            return new Jvm(gc.minus(earlier.gc), daemonAllocated - earlier.daemonAllocated,
                allAllocated - earlier.allAllocated, cpuNs - earlier.cpuNs, loadAverage);
        }
    }
}
