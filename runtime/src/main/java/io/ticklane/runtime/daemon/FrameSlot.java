package io.ticklane.runtime.daemon;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * One preallocated slot of a daemon ring: a fixed-capacity off-heap window holding one SBE frame, copied in once
 * from the Aeron buffer (inbound) or the strategy's encoder (outbound), plus the stream it belongs to, its times and,
 * inbound, whether the edge refused it.
 * All slots of a ring share one off-heap block, so a ring is one contiguous region.
 */
public final class FrameSlot
{
    private final UnsafeBuffer buffer;
    private int length;
    private int stream;
    private long timeNs;
    private long originNs;
    private long stageNs;
    private int refusal;

    private FrameSlot(final ByteBuffer block, final int offset, final int capacity)
    {
        this.buffer = new UnsafeBuffer(block, offset, capacity);
    }

    /**
     * A single-producer ring of slots. Consumers poll it ({@code EventPoller}) from their agents, so the wait
     * strategy is never waited on; busy-spin is chosen because its publish path signals nothing.
     *
     * @param slots         number of slots, a power of two.
     * @param slotCapacity  bytes per slot: the largest frame the ring carries.
     * @return the ring.
     */
    public static RingBuffer<FrameSlot> newRing(final int slots, final int slotCapacity)
    {
        if (slots < 2 || Integer.bitCount(slots) != 1)
        {
            throw new IllegalArgumentException("ring slots must be a power of two >= 2: " + slots);
        }
        if (slotCapacity < 64)
        {
            throw new IllegalArgumentException("slot capacity must be >= 64 bytes: " + slotCapacity);
        }
        final ByteBuffer block = BufferUtil.allocateDirectAligned(slots * slotCapacity, 64);
        final int[] next = {0};
        return RingBuffer.createSingleProducer(
            () -> new FrameSlot(block, slotCapacity * next[0]++, slotCapacity), slots, new BusySpinWaitStrategy());
    }

    /**
     * @return the slot's memory; the frame starts at offset 0.
     */
    public UnsafeBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return bytes of the frame.
     */
    public int length()
    {
        return length;
    }

    /**
     * @return stream the frame arrived on or leaves by (0 for frames the daemon made itself, such as timer ticks).
     */
    public int stream()
    {
        return stream;
    }

    /**
     * @return epoch ns the frame was received (inbound) or the time of the event that caused it (outbound).
     */
    public long timeNs()
    {
        return timeNs;
    }

    /**
     * @return epoch ns an outbound frame's cause was received, for tick-to-quote latency; equal to
     *         {@link #timeNs()} inbound.
     */
    public long originNs()
    {
        return originNs;
    }

    /**
     * @return inbound: when the receiver published the slot; outbound: when the first order of the causing event was
     *         encoded, or 0 if this frame is not an event's first timed order. Epoch ns.
     */
    public long stageNs()
    {
        return stageNs;
    }

    /**
     * @param stageNs see {@link #stageNs()}.
     */
    public void stageNs(final long stageNs)
    {
        this.stageNs = stageNs;
    }

    /**
     * @return 0 for a frame accepted at the edge; otherwise the {@code FrameRefusal} code of an inbound frame the
     *         receiver refused: it is journaled as refused and never handed to the strategy.
     */
    public int refusal()
    {
        return refusal;
    }

    /**
     * Marks the frame just {@link #set} as refused.
     *
     * @param refusal a {@code FrameRefusal} code, not 0.
     */
    public void refuse(final int refusal)
    {
        this.refusal = refusal;
    }

    /**
     * Records what the slot now holds (an accepted frame); the frame bytes are written into {@link #buffer()} by the
     * caller.
     *
     * @param length   frame bytes.
     * @param stream   stream id.
     * @param timeNs   receive or event time, epoch ns.
     * @param originNs receive time of the cause, epoch ns.
     */
    public void set(final int length, final int stream, final long timeNs, final long originNs)
    {
        this.length = length;
        this.stream = stream;
        this.timeNs = timeNs;
        this.originNs = originNs;
        this.stageNs = 0;
        this.refusal = 0;
    }
}
