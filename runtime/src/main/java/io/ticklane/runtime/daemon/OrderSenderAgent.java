package io.ticklane.runtime.daemon;

import com.lmax.disruptor.EventPoller;
import io.ticklane.gateway.transport.OrderGateway;
import io.ticklane.gateway.transport.TickToQuoteTimer;
import io.ticklane.sbe.CancelOrderDecoder;
import io.ticklane.sbe.HeartbeatEncoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.NewOrderDecoder;
import io.ticklane.sbe.ReplaceOrderDecoder;
import org.HdrHistogram.Recorder;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The order sender's duty cycle: takes order frames off the outbound ring and sends each through the
 * {@link OrderGateway} (the Aeron order publication, or a FIX session's hand-off), timing tick-to-quote with a
 * {@link TickToQuoteTimer} when the publication takes an order (a FIX session times its orders itself, when Artio
 * takes them). A frame the gateway cannot take within its bound is never
 * dropped silently: it is counted and the daemon halts with the reason. Also sends the daemon's heartbeat.
 */
public final class OrderSenderAgent implements Agent, EventPoller.Handler<FrameSlot>
{
    /** Highest latency the recorders track, ns ({@link TickToQuoteTimer#HIGHEST_LATENCY_NS}). */
    public static final long HIGHEST_LATENCY_NS = TickToQuoteTimer.HIGHEST_LATENCY_NS;
    /** Heartbeat sender id of the daemon. */
    public static final int DAEMON_SENDER_ID = 1;
    private static final int BATCH_LIMIT = 256;

    private final EventPoller<FrameSlot> poller;
    private final OrderGateway orders;
    private final EpochNanoClock clock;
    private final TickToQuoteTimer timer;
    private final DaemonCounters counters;
    private final AtomicReference<String> haltReason;
    private final long heartbeatIntervalNs;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final HeartbeatEncoder heartbeat = new HeartbeatEncoder();
    private final UnsafeBuffer heartbeatBuffer = new UnsafeBuffer(new byte[64]);
    private long nextHeartbeatNs;
    private boolean connected;
    private final AtomicBoolean venueConnected;
    private StageLatencies stages;
    private long heartbeatSequence;
    private int batch;
    private long sent;
    private long failed;
    private long notSent;

    /**
     * @param poller              the sender's poller on the outbound ring.
     * @param orders              where orders go: the Aeron order publication or a FIX session.
     * @param clock               the daemon's epoch clock (the one inbound frames are stamped with).
     * @param tickToQuote         where tick-to-quote latencies go, ns, from each event's origin.
     * @param fromReceive         where tick-to-quote from the receive stamp goes, ns (the same as tickToQuote unless
     *                            the origin is exchange time).
     * @param heartbeatIntervalNs period of the daemon's heartbeat.
     * @param counters            operator counters.
     * @param haltReason          set when a frame cannot be sent.
     * @param venueConnected      set once the order publication is connected (the venue is subscribed).
     */
    public OrderSenderAgent(
        final EventPoller<FrameSlot> poller,
        final OrderGateway orders,
        final EpochNanoClock clock,
        final Recorder tickToQuote,
        final Recorder fromReceive,
        final long heartbeatIntervalNs,
        final DaemonCounters counters,
        final AtomicReference<String> haltReason,
        final AtomicBoolean venueConnected)
    {
        this.venueConnected = venueConnected;
        this.poller = poller;
        this.orders = orders;
        this.clock = clock;
        this.timer = new TickToQuoteTimer(tickToQuote, fromReceive);
        this.heartbeatIntervalNs = heartbeatIntervalNs;
        this.counters = counters;
        this.haltReason = haltReason;
    }

    /**
     * @param stages per-stage latency recording, or null for none.
     */
    public void stageLatencies(final StageLatencies stages)
    {
        this.stages = stages;
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "order-sender";
    }

    /**
     * {@inheritDoc}
     */
    public int doWork() throws Exception
    {
        if (!connected && orders.isConnected())
        {
            connected = true; // the venue subscribes to our orders
            venueConnected.set(true);
        }
        batch = 0;
        if (connected)
        {
            poller.poll(this); // until then the start-up status request waits in the ring: nothing is sent into the void
        }
        int work = batch;
        final long nowNs = clock.nanoTime();
        if (nowNs >= nextHeartbeatNs || nextHeartbeatNs - nowNs > heartbeatIntervalNs) // due, or the clock stepped back
        {
            heartbeat.wrapAndApplyHeader(heartbeatBuffer, 0, headerEncoder)
                .timestampNs(nowNs)
                .senderId(DAEMON_SENDER_ID)
                .sequence(++heartbeatSequence);
            // a heartbeat nobody takes is not an order: no retry bound, the next one follows
            orders.sendHeartbeat(heartbeatBuffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + heartbeat.encodedLength());
            nextHeartbeatNs = nowNs + heartbeatIntervalNs;
            work++;
        }
        return work;
    }

    /**
     * {@inheritDoc}
     */
    public boolean onEvent(final FrameSlot slot, final long sequence, final boolean endOfBatch)
    {
        final UnsafeBuffer frame = slot.buffer();
        final int outcome = orders.send(frame, 0, slot.length(), slot.originNs(), slot.timeNs());
        if (OrderGateway.SENT == outcome || OrderGateway.HANDED_OVER == outcome)
        {
            final long publishedNs = clock.nanoTime();
            if (OrderGateway.SENT == outcome)
            {
                timer.sent(slot.originNs(), slot.timeNs(), publishedNs); // a FIX session times its own, when sent
            }
            if (null != stages && 0 != slot.stageNs())
            {
                stages.published(slot.stageNs(), publishedNs);
            }
            sent++;
            count(header.wrap(frame, 0).templateId());
        }
        else if (OrderGateway.NOT_SENT == outcome)
        {
            notSent++; // the gateway counted why (a FIX session down); the reconciliation after it returns settles it
        }
        else
        {
            failed++;
            counters.sendFailures.incrementRelease();
            haltReason.compareAndSet(null, "order gateway did not take a frame within its bound: " + orders.failure());
        }
        return ++batch < BATCH_LIMIT;
    }

    private void count(final int templateId)
    {
        switch (templateId)
        {
            case NewOrderDecoder.TEMPLATE_ID:
                counters.ordersNew.incrementRelease();
                break;
            case CancelOrderDecoder.TEMPLATE_ID:
                counters.ordersCancel.incrementRelease();
                break;
            case ReplaceOrderDecoder.TEMPLATE_ID:
                counters.ordersReplace.incrementRelease();
                break;
            default:
                counters.ordersOther.incrementRelease();
                break;
        }
    }

    /**
     * @return order frames the publication took.
     */
    public long sent()
    {
        return sent;
    }

    /**
     * @return order frames the gateway deliberately did not send (a FIX session that was down).
     */
    public long notSent()
    {
        return notSent;
    }

    /**
     * @return order frames given up on (each halted the daemon).
     */
    public long failed()
    {
        return failed;
    }
}
