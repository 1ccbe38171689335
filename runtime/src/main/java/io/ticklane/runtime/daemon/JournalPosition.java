package io.ticklane.runtime.daemon;

/**
 * Where in its journals a daemon's state stands, packed into the one {@code long} a checkpoint carries: the run number
 * (each run directory's journal is numbered, {@code 000001-...}) in the high bits and the count of inbound records
 * of that run's journal the trading thread has applied in the low 40. A restart finds the journal by the run number
 * and replays the inbound records after the count; the count alone would be ambiguous once a new run began.
 */
public final class JournalPosition
{
    /** Bits of the inbound record count: about 1.1 trillion records per run. */
    public static final int COUNT_BITS = 40;
    private static final long COUNT_MASK = (1L << COUNT_BITS) - 1;

    private JournalPosition()
    {
    }

    /**
     * @param run           run number, 1 to 2^23 - 1.
     * @param inboundRecords inbound records of that run's journal applied.
     * @return the packed position.
     */
    public static long of(final int run, final long inboundRecords)
    {
        return ((long)run << COUNT_BITS) | (inboundRecords & COUNT_MASK);
    }

    /**
     * @param position a packed position.
     * @return its run number.
     */
    public static int run(final long position)
    {
        return (int)(position >>> COUNT_BITS);
    }

    /**
     * @param position a packed position.
     * @return its inbound record count.
     */
    public static long inboundRecords(final long position)
    {
        return position & COUNT_MASK;
    }
}
