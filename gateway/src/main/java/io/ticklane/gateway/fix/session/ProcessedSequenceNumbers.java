package io.ticklane.gateway.fix.session;

import java.util.Arrays;

/**
 * Which inbound MsgSeqNums this session has processed, exactly, over the last {@link #WINDOW} numbers: a PossDup
 * message is a duplicate only if its own number was processed. A high-water mark is not enough: a Logon answered
 * with a number ahead of the gap, processed first, would make every resent message of the gap look like a duplicate.
 * A bit per number in a fixed ring; nothing allocated after construction.
 */
final class ProcessedSequenceNumbers
{
    /** How many numbers back a duplicate is recognised. */
    static final int WINDOW = 1 << 16;
    private static final int MASK = WINDOW - 1;

    private final long[] bits = new long[WINDOW / 64];
    private int highest;

    /**
     * @param seqNum a MsgSeqNum.
     * @return true when that number was processed (and is within the window of the highest processed).
     */
    boolean contains(final int seqNum)
    {
        if (seqNum <= 0 || seqNum > highest || highest - seqNum >= WINDOW)
        {
            return false;
        }
        final int index = seqNum & MASK;
        return 0 != (bits[index >>> 6] & (1L << index));
    }

    /**
     * @param seqNum a MsgSeqNum just processed.
     */
    void add(final int seqNum)
    {
        if (seqNum <= 0)
        {
            return;
        }
        if (seqNum > highest)
        {
            // the numbers skipped between were not processed (a gap): their bits may hold older numbers' marks
            final int from = Math.max(highest + 1, seqNum - WINDOW + 1);
            for (int n = from; n < seqNum; n++)
            {
                final int index = n & MASK;
                bits[index >>> 6] &= ~(1L << index);
            }
            highest = seqNum;
        }
        else if (highest - seqNum >= WINDOW)
        {
            return;
        }
        final int index = seqNum & MASK;
        bits[index >>> 6] |= 1L << index;
    }

    /**
     * Forgets everything: the sequence was reset.
     */
    void clear()
    {
        Arrays.fill(bits, 0);
        highest = 0;
    }
}
