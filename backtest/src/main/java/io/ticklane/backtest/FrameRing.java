package io.ticklane.backtest;

import org.agrona.BitUtil;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * A FIFO of SBE frames, each due at a time, held until the driver delivers it: market frames waiting for their feed
 * arrival, reports waiting for their {@code localTimeNs}. Both are produced in non-decreasing due time, so a FIFO
 * is a time order. Slots are preallocated; a slot grows only when a frame is larger than any it held before.
 */
final class FrameRing
{
    private static final int INITIAL_SLOT_BYTES = 256;

    private final ExpandableArrayBuffer[] slots;
    private final long[] dueNs;
    private final int[] templateIds;
    private final int[] lengths;
    private final int mask;
    private final String name;
    private long head;
    private long tail;

    FrameRing(final String name, final int capacity)
    {
        final int size = BitUtil.findNextPositivePowerOfTwo(capacity);
        this.name = name;
        this.mask = size - 1;
        this.slots = new ExpandableArrayBuffer[size];
        this.dueNs = new long[size];
        this.templateIds = new int[size];
        this.lengths = new int[size];
        for (int i = 0; i < size; i++)
        {
            slots[i] = new ExpandableArrayBuffer(INITIAL_SLOT_BYTES);
        }
    }

    /**
     * Copies a frame in. A full ring is a configuration error (the latency is too long for the capacity), not a
     * condition to trade through: dropping or reordering would make the run meaningless.
     */
    void add(final long timeNs, final int templateId, final DirectBuffer buffer, final int index, final int length)
    {
        if (tail - head > mask)
        {
            throw new IllegalStateException(name + " ring of " + (mask + 1) + " frames is full: latency too long for it");
        }
        final int at = (int)(tail & mask);
        slots[at].putBytes(0, buffer, index, length);
        dueNs[at] = timeNs;
        templateIds[at] = templateId;
        lengths[at] = length;
        tail++;
    }

    /**
     * Overwrites a long (little-endian) in the copy of the frame added last: the driver re-stamps a delayed market
     * frame's receive time with its arrival.
     *
     * @param offset from the start of the frame (its message header).
     * @param value  the long.
     */
    void stampTail(final int offset, final long value)
    {
        slots[(int)((tail - 1) & mask)].putLong(offset, value, java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    boolean isEmpty()
    {
        return head == tail;
    }

    /**
     * @return due time of the oldest frame, or {@link Long#MAX_VALUE} when empty.
     */
    long headDueNs()
    {
        return head == tail ? Long.MAX_VALUE : dueNs[(int)(head & mask)];
    }

    int headTemplateId()
    {
        return templateIds[(int)(head & mask)];
    }

    MutableDirectBuffer headBuffer()
    {
        return slots[(int)(head & mask)];
    }

    int headLength()
    {
        return lengths[(int)(head & mask)];
    }

    void pop()
    {
        head++;
    }
}
