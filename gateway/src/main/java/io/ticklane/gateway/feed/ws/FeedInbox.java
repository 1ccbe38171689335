package io.ticklane.gateway.feed.ws;

import org.agrona.BitUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.nio.ByteBuffer;
import java.util.concurrent.locks.LockSupport;

/**
 * The one way into a feed's owning thread. The WebSocket client's threads and the REST fetcher write events here
 * (a message with its receive time, a connection opened or closed, a snapshot body or a failed fetch); the feed
 * agent drains them in order. Every event starts with the connection it belongs to and a receive time, so events of
 * a connection that has since been replaced are recognised and dropped.
 *
 * <p>A writer whose event does not fit waits for the reader (the WebSocket client asks for one message at a time, so
 * the wait reaches the venue as TCP back-pressure) rather than dropping anything; it gives up only when told to stop.
 */
public final class FeedInbox
{
    /** A text message from the venue's stream; payload is its UTF-8 bytes. */
    public static final int MESSAGE = 1;
    /** A connection opened; no payload. */
    public static final int OPENED = 2;
    /** A connection closed or failed; payload is a 4-byte status (1000 normal, 1006 abnormal, 0 connect failure). */
    public static final int CLOSED = 3;
    /** A REST snapshot body arrived; payload is its bytes. */
    public static final int SNAPSHOT = 4;
    /** A REST snapshot fetch failed; payload is a 4-byte HTTP status (0 when no response). */
    public static final int SNAPSHOT_FAILED = 5;
    /** A text message longer than the bound was discarded whole; payload is a 4-byte status, 0. */
    public static final int DISCARDED = 6;

    /** Status of a connection that ended without a closing handshake (RFC 6455 1006). */
    public static final int ABNORMAL_CLOSURE = 1006;

    /** Offset of the connection id in an event. */
    public static final int CONNECTION_OFFSET = 0;
    /** Offset of the receive time in an event. */
    public static final int TIME_OFFSET = BitUtil.SIZE_OF_LONG;
    /** Offset of the payload in an event. */
    public static final int PAYLOAD_OFFSET = 2 * BitUtil.SIZE_OF_LONG;

    private final RingBuffer ring;
    private volatile boolean stopping;

    /**
     * @param capacity ring capacity in bytes, a power of two; the largest event is an eighth of it.
     */
    public FeedInbox(final int capacity)
    {
        ring = new ManyToOneRingBuffer(new UnsafeBuffer(
            ByteBuffer.allocateDirect(capacity + RingBufferDescriptor.TRAILER_LENGTH)));
    }

    /**
     * @return the largest payload an event may carry.
     */
    public int maxPayload()
    {
        return ring.maxMsgLength() - PAYLOAD_OFFSET;
    }

    /**
     * Write one event, waiting while the ring is full.
     *
     * @param type          event type.
     * @param connection    the connection it belongs to.
     * @param receiveTimeNs when it was received.
     * @param payload       bytes, or null.
     * @param offset        of the payload.
     * @param length        of the payload.
     * @return false only when the inbox is stopping or the payload is larger than {@link #maxPayload()}.
     */
    public boolean write(
        final int type, final long connection, final long receiveTimeNs, final byte[] payload, final int offset, final int length)
    {
        if (length > maxPayload())
        {
            return false;
        }
        while (!stopping)
        {
            final int index = ring.tryClaim(type, PAYLOAD_OFFSET + length);
            if (index > 0)
            {
                final UnsafeBuffer buffer = (UnsafeBuffer)ring.buffer();
                buffer.putLong(index + CONNECTION_OFFSET, connection);
                buffer.putLong(index + TIME_OFFSET, receiveTimeNs);
                if (length > 0)
                {
                    buffer.putBytes(index + PAYLOAD_OFFSET, payload, offset, length);
                }
                ring.commit(index);
                return true;
            }
            LockSupport.parkNanos(50_000);
        }
        return false;
    }

    /**
     * Write an event whose payload is one int (a status).
     *
     * @param type          event type.
     * @param connection    the connection it belongs to.
     * @param receiveTimeNs when it happened.
     * @param status        the status.
     * @return false only when the inbox is stopping.
     */
    public boolean writeStatus(final int type, final long connection, final long receiveTimeNs, final int status)
    {
        final byte[] bytes = {(byte)(status >>> 24), (byte)(status >>> 16), (byte)(status >>> 8), (byte)status};
        return write(type, connection, receiveTimeNs, bytes, 0, bytes.length);
    }

    /**
     * @param buffer an event's buffer.
     * @param index  the event's index.
     * @return the status of a {@link #CLOSED} or {@link #SNAPSHOT_FAILED} event.
     */
    public static int status(final DirectBuffer buffer, final int index)
    {
        return (buffer.getByte(index + PAYLOAD_OFFSET) & 0xFF) << 24 | (buffer.getByte(index + PAYLOAD_OFFSET + 1) & 0xFF) << 16 |
            (buffer.getByte(index + PAYLOAD_OFFSET + 2) & 0xFF) << 8 | buffer.getByte(index + PAYLOAD_OFFSET + 3) & 0xFF;
    }

    /**
     * Drain events, in the order written, on the owning thread.
     *
     * @param handler   receives each event (type, buffer, index, length including the header fields).
     * @param limit     most events in this call.
     * @return events read.
     */
    public int drain(final MessageHandler handler, final int limit)
    {
        return ring.read(handler, limit);
    }

    /**
     * Release any writer waiting for room: the owner is going away.
     */
    public void stop()
    {
        stopping = true;
    }
}
