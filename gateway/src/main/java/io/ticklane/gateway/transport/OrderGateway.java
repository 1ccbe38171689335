package io.ticklane.gateway.transport;

import org.agrona.DirectBuffer;

/**
 * Where the daemon's order sender hands each outbound SBE frame: an Aeron publication to Ticklane's own venue
 * ({@link FramePublisher}) or a FIX session to a real one ({@code io.ticklane.gateway.fix.session.FixOrderSession}).
 * One narrow interface, so the sender and everything above it cannot tell which venue is behind it. Implementations
 * are called from the sender's thread only and allocate nothing per frame.
 */
public interface OrderGateway extends AutoCloseable
{
    /** The frame went to the venue. */
    int SENT = 1;
    /** The frame was deliberately not sent and the gateway counted why (a FIX session that is down; the venue's
     * own answer after the reconnection, not a resend, settles the order). */
    int NOT_SENT = 0;
    /** The frame could not be sent within the gateway's bound: the daemon must halt, with {@link #failure()}. */
    int FAILED = -1;
    /**
     * The frame was handed to the thread that sends it (a FIX session), which times tick-to-quote itself when its
     * venue session takes the message: the caller counts it as sent and does not time it.
     */
    int HANDED_OVER = 2;

    /**
     * @return true once the venue can take orders (Aeron: it subscribed; FIX: the session is logged on).
     */
    boolean isConnected();

    /**
     * Sends one order frame (NewOrder, CancelOrder, ReplaceOrder, MassCancel, OrderStatusRequest).
     *
     * @param buffer     holding the frame.
     * @param offset     of the frame.
     * @param length     of the frame.
     * @param originNs   origin time of the inbound event that caused the order, for tick-to-quote.
     * @param receivedNs receive stamp of that event, for tick-to-quote from the receive stamp.
     * @return {@link #SENT}, {@link #HANDED_OVER}, {@link #NOT_SENT} or {@link #FAILED}.
     */
    int send(DirectBuffer buffer, int offset, int length, long originNs, long receivedNs);

    /**
     * Sends the daemon's heartbeat frame once, without retry: the next one follows. A venue with its own session
     * heartbeats (FIX) takes nothing here.
     *
     * @param buffer holding the frame.
     * @param offset of the frame.
     * @param length of the frame.
     */
    void sendHeartbeat(DirectBuffer buffer, int offset, int length);

    /**
     * @return why the last {@link #FAILED} send failed, for the halt reason; "NONE" if none did.
     */
    String failure();

    /**
     * Releases what the gateway holds.
     */
    void close();
}
