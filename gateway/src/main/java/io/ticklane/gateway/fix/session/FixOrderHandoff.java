package io.ticklane.gateway.fix.session;

import io.ticklane.gateway.transport.OrderGateway;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;

import java.util.concurrent.TimeUnit;

/**
 * The order sender's side of the FIX session: each order frame is copied, with the time it was handed over and the
 * times tick-to-quote is measured from, into a one-producer ring that the session's own thread drains
 * ({@link FixOrderSender}, which times each order when Artio takes it: FIX and Aeron are timed to the same point).
 * Artio's library may block its poller for a second and more (a library reconnecting to an engine it lost idles
 * through its claim budget on every poll), so the library never runs on a thread the daemon trades on: here the
 * sender only writes to memory. A session
 * that is not logged on takes nothing (counted, as before the hand-off); a ring that stays full for the send bound
 * fails the frame, which halts the daemon.
 */
final class FixOrderHandoff implements OrderGateway
{
    /** Record type of an order frame in the ring. */
    static final int ORDER_FRAME = 1;
    /** Offset in a record of the hand-over time, epoch ns. */
    static final int HANDED_OVER_NS_OFFSET = 0;
    /** Offset in a record of the causing event's origin time, epoch ns (tick-to-quote). */
    static final int ORIGIN_NS_OFFSET = 8;
    /** Offset in a record of the causing event's receive stamp, epoch ns (tick-to-quote from receive). */
    static final int RECEIVED_NS_OFFSET = 16;
    /** Bytes in front of each frame in the ring. */
    static final int HEADER_LENGTH = 24;

    private final FixOrderSession session;
    private final RingBuffer ring;
    private final FixSessionCounters counters;
    private final EpochNanoClock clock;
    private final long sendTimeoutNs;
    private String failure = "NONE";

    FixOrderHandoff(
        final FixOrderSession session,
        final OneToOneRingBuffer ring,
        final FixSessionCounters counters,
        final EpochNanoClock clock,
        final long sendTimeoutNs)
    {
        this.session = session;
        this.ring = ring;
        this.counters = counters;
        this.clock = clock;
        this.sendTimeoutNs = sendTimeoutNs;
    }

    /**
     * {@inheritDoc}
     */
    public boolean isConnected()
    {
        return session.isLoggedOn();
    }

    /**
     * {@inheritDoc}
     */
    public int send(
        final DirectBuffer buffer, final int offset, final int length, final long originNs, final long receivedNs)
    {
        if (!session.isLoggedOn())
        {
            counters.notSent.increment();
            return NOT_SENT;
        }
        final int recordLength = HEADER_LENGTH + length;
        if (recordLength > ring.maxMsgLength())
        {
            failure = "an order frame of " + length + " bytes is longer than the FIX hand-off takes (" +
                (ring.maxMsgLength() - HEADER_LENGTH) + ")";
            return FAILED;
        }
        final long handedOverNs = clock.nanoTime();
        int index = ring.tryClaim(ORDER_FRAME, recordLength);
        while (index < 0 && clock.nanoTime() - handedOverNs < sendTimeoutNs)
        {
            Thread.onSpinWait();
            index = ring.tryClaim(ORDER_FRAME, recordLength);
        }
        if (index < 0)
        {
            failure = "the FIX session's order queue stayed full for " + TimeUnit.NANOSECONDS.toMillis(sendTimeoutNs) +
                " ms (its thread is not sending)";
            return FAILED;
        }
        ring.buffer().putLong(index + HANDED_OVER_NS_OFFSET, handedOverNs);
        ring.buffer().putLong(index + ORIGIN_NS_OFFSET, originNs);
        ring.buffer().putLong(index + RECEIVED_NS_OFFSET, receivedNs);
        ring.buffer().putBytes(index + HEADER_LENGTH, buffer, offset, length);
        ring.commit(index);
        return HANDED_OVER;
    }

    /**
     * {@inheritDoc}
     */
    public void sendHeartbeat(final DirectBuffer buffer, final int offset, final int length)
    {
        // the FIX session has its own heartbeats and test requests (Artio's); Ticklane's heartbeat frame is not FIX
    }

    /**
     * {@inheritDoc}
     */
    public String failure()
    {
        return failure;
    }

    /**
     * Closes the session ({@link FixOrderSession#close()}: logout, then library and engine). Call once the session's
     * thread stopped, as the daemon closes its gateway after its agents.
     */
    public void close()
    {
        session.close();
    }
}
