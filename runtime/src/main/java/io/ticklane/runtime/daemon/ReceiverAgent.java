package io.ticklane.runtime.daemon;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import io.aeron.ControlledFragmentAssembler;
import io.aeron.Subscription;
import io.aeron.logbuffer.ControlledFragmentHandler;
import io.aeron.logbuffer.Header;
import io.ticklane.gateway.transport.InboundStamp;
import io.ticklane.marketmaking.order.Reconciliation;
import io.ticklane.sbe.AdminCommandEncoder;
import io.ticklane.sbe.AdminCommandType;
import io.ticklane.sbe.HeartbeatDecoder;
import io.ticklane.sbe.L2SnapshotDecoder;
import io.ticklane.sbe.L2UpdateDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.OrderStatusRequestEncoder;
import io.ticklane.sbe.TimerTickEncoder;
import io.ticklane.sbe.TradeDecoder;
import io.ticklane.sbe.ExecutionReportDecoder;
import io.ticklane.sbe.AdminCommandDecoder;
import io.ticklane.sbe.TimerTickDecoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The daemon's only way in: polls the market data, execution report and operator streams, copies each frame once
 * into the next inbound ring slot, stamps its receive time ({@link InboundStamp}) and publishes it. It also makes the
 * daemon's own inbound events: a {@code TimerTick} every timer interval and, when the daemon must halt (the order
 * sender gave up on a frame, or a shutdown began), a {@code STOP} operator command signed with the configured token.
 * Because they travel the ring like any other frame they are journaled, and a replay reproduces them. So do the
 * {@code OrderStatusRequest}s it makes: the first frame of every start (nothing is taken in before it, see
 * {@link #requestOrderStatusAtStart}), and one, with a STOP, ahead of the first frame of a restarted venue.
 * <p>
 * When the ring is full the poll is aborted ({@code ABORT}) and Aeron keeps the frame: back-pressure reaches the
 * publisher, nothing is dropped.
 */
public final class ReceiverAgent implements Agent, ControlledFragmentHandler
{
    /** Stream id journaled for frames the daemon makes itself (timer ticks, its own STOP). */
    public static final int INTERNAL_STREAM = 0;
    /** Request id of the STOP the daemon makes when the venue restarted (its own halts count down from -1). */
    public static final long VENUE_RESTART_STOP_REQUEST_ID = Long.MIN_VALUE;
    private static final int FRAGMENT_LIMIT = 64;

    private final RingBuffer<FrameSlot> ring;
    private final Subscription marketData;
    private final Subscription reports;
    private final Subscription admin;
    private final ControlledFragmentAssembler assembler = new ControlledFragmentAssembler(this);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final TimerTickEncoder timerTick = new TimerTickEncoder();
    private final AdminCommandEncoder stop = new AdminCommandEncoder();
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[128]);
    private final byte[] token;
    private final EpochNanoClock clock;
    private final long timerIntervalNs;
    private final DaemonCounters counters;
    private final Sequence[] journalSequences;
    private final RingBuffer<FrameSlot> outbound;
    private final AtomicReference<String> haltReason;
    private final int slotCapacity;
    private long nextTimerNs;
    private boolean exchangeTimeOrigin;
    private boolean statusRequestPending;
    private boolean venueRestartPending;
    private final int marketDataStreamId;
    private final int reportStreamId;
    private final int[] venueSessions = new int[2];
    private final boolean[] venueSessionKnown = new boolean[2];
    private AtomicBoolean venueConnected;
    private InboundPositions positions;
    private int statusInstrumentId;
    private final OrderStatusRequestEncoder statusRequest = new OrderStatusRequestEncoder();
    private volatile long stallAtNs = Long.MAX_VALUE;
    private volatile long stallNs;
    private long stopsInjected;
    private boolean stopInjected;
    private long heartbeatsIn;
    private long marketDataIn;

    /**
     * @param ring             inbound ring; this agent is its only producer.
     * @param marketData       venue market data and heartbeats.
     * @param reports          venue execution reports.
     * @param admin            operator commands.
     * @param clock            the daemon's epoch clock.
     * @param timerIntervalNs  period of timer ticks.
     * @param adminToken       token the daemon signs its own STOP with.
     * @param haltReason       set (by any thread) when the daemon must halt; read here.
     * @param counters         operator counters.
     * @param outbound         outbound ring, for its occupancy gauge.
     * @param journalSequences the journal's progress on the inbound ring, for the lag gauge.
     */
    public ReceiverAgent(
        final RingBuffer<FrameSlot> ring,
        final Subscription marketData,
        final Subscription reports,
        final Subscription admin,
        final EpochNanoClock clock,
        final long timerIntervalNs,
        final String adminToken,
        final AtomicReference<String> haltReason,
        final DaemonCounters counters,
        final RingBuffer<FrameSlot> outbound,
        final Sequence... journalSequences)
    {
        this.ring = ring;
        this.marketData = marketData;
        this.reports = reports;
        this.admin = admin;
        this.clock = clock;
        this.timerIntervalNs = timerIntervalNs;
        this.token = new byte[AdminCommandEncoder.authTokenLength()];
        final byte[] ascii = adminToken.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, token, 0, Math.min(ascii.length, token.length)); // NUL-padded, as on the wire
        this.haltReason = haltReason;
        this.counters = counters;
        this.outbound = outbound;
        this.journalSequences = journalSequences;
        this.slotCapacity = ring.get(0).buffer().capacity();
        this.marketDataStreamId = marketData.streamId();
        this.reportStreamId = reports.streamId();
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "receiver";
    }

    /**
     * {@inheritDoc}
     */
    public int doWork()
    {
        int work = 0;
        long nowNs = clock.nanoTime();
        if (nowNs >= stallAtNs)
        {
            stallAtNs = Long.MAX_VALUE;
            while (clock.nanoTime() - nowNs < stallNs)
            {
                Thread.onSpinWait();
            }
            nowNs = clock.nanoTime();
        }
        if (statusRequestPending)
        {
            if (!publishStatusRequest(nowNs))
            {
                // nothing is taken in before the venue has been asked for its orders: see requestOrderStatusAtStart
                return injectStopIfHalting(nowNs);
            }
            work++;
        }
        if (nowNs >= nextTimerNs)
        {
            if (publishInternal(encodeTimer(nowNs), nowNs))
            {
                nextTimerNs = nowNs + timerIntervalNs;
                updateGauges();
                work++;
            }
        }
        work += injectStopIfHalting(nowNs);
        work += marketData.controlledPoll(assembler, FRAGMENT_LIMIT);
        work += reports.controlledPoll(assembler, FRAGMENT_LIMIT);
        work += admin.controlledPoll(assembler, FRAGMENT_LIMIT);
        return work;
    }

    /**
     * {@inheritDoc}
     */
    public Action onFragment(final DirectBuffer buffer, final int offset, final int length, final Header fragmentHeader)
    {
        if (!ring.hasAvailableCapacity(1))
        {
            return Action.ABORT;
        }
        if (length < MessageHeaderDecoder.ENCODED_LENGTH || length > slotCapacity)
        {
            counters.framesRefused.incrementRelease();
            return Action.CONTINUE;
        }
        header.wrap(buffer, offset);
        if (MessageHeaderDecoder.SCHEMA_ID != header.schemaId())
        {
            counters.framesRefused.incrementRelease();
            return Action.CONTINUE;
        }
        if (null != positions &&
            positions.isTaken(fragmentHeader.streamId(), fragmentHeader.sessionId(), fragmentHeader.position()))
        {
            counters.framesTakenBefore.incrementRelease(); // handed again after a restart: see InboundPositions
            return Action.CONTINUE;
        }
        if (isNewVenueSession(fragmentHeader))
        {
            return Action.ABORT; // the frame waits in Aeron until the restarted venue has been asked for its orders
        }
        final long sequence = ring.next();
        final FrameSlot slot = ring.get(sequence);
        final UnsafeBuffer frame = slot.buffer();
        frame.putBytes(0, buffer, offset, length);
        final long nowNs = clock.nanoTime();
        final int templateId = header.templateId();
        if (!InboundStamp.stamp(templateId, frame, 0, nowNs))
        {
            counters.framesRefused.incrementRelease();
        }
        slot.set(length, fragmentHeader.streamId(), nowNs, originOf(templateId, frame, nowNs));
        slot.stageNs(clock.nanoTime());
        if (null != positions)
        {
            // before the publish: a kill in between loses the frame (reconciliation repairs that), never repeats it
            positions.taken(fragmentHeader.streamId(), fragmentHeader.sessionId(), fragmentHeader.position());
        }
        ring.publish(sequence);
        count(templateId);
        return Action.CONTINUE;
    }

    /**
     * The venue's market data and reports each come from one publication of the venue; another session on either
     * stream means the venue's process (or gateway) was restarted and may have lost every order it held. The first
     * session seen on each stream is learnt. On a change, an order status request for a restarted venue and a STOP
     * are made to precede the new session's first frame.
     */
    private boolean isNewVenueSession(final Header fragmentHeader)
    {
        final int streamId = fragmentHeader.streamId();
        final int index = streamId == marketDataStreamId ? 0 : streamId == reportStreamId ? 1 : -1;
        if (index < 0 || null == venueConnected)
        {
            return false;
        }
        final int sessionId = fragmentHeader.sessionId();
        if (!venueSessionKnown[index])
        {
            venueSessionKnown[index] = true;
            venueSessions[index] = sessionId;
            return false;
        }
        if (venueSessions[index] == sessionId)
        {
            return false;
        }
        venueSessions[index] = sessionId;
        final int other = 1 - index;
        venueSessionKnown[other] = false; // the restarted venue's other stream is a new session too: learnt afresh
        statusRequestPending = true;
        venueRestartPending = true;
        return true;
    }

    private boolean publishStatusRequest(final long nowNs)
    {
        if (!venueConnected.get() || !ring.hasAvailableCapacity(venueRestartPending ? 2 : 1))
        {
            return false;
        }
        final long requestId = venueRestartPending ? Reconciliation.afterVenueRestart(nowNs) : nowNs;
        publishInternal(encodeStatusRequest(nowNs, requestId), nowNs);
        if (venueRestartPending)
        {
            // halted until an operator RESUME: how the orders the venue dropped ended is for a person to check
            publishInternal(encodeStop(nowNs, VENUE_RESTART_STOP_REQUEST_ID), nowNs);
            counters.venueRestarts.incrementRelease();
            venueRestartPending = false;
        }
        statusRequestPending = false;
        return true;
    }

    private int injectStopIfHalting(final long nowNs)
    {
        if (!stopInjected && null != haltReason.get() && publishInternal(encodeStop(nowNs, -1 - stopsInjected), nowNs))
        {
            stopInjected = true;
            stopsInjected++;
            return 1;
        }
        return 0;
    }

    private long originOf(final int templateId, final UnsafeBuffer frame, final long receivedNs)
    {
        if (exchangeTimeOrigin && InboundStamp.isMarketData(templateId))
        {
            final long exchangeTimeNs = frame.getLong(MessageHeaderDecoder.ENCODED_LENGTH, java.nio.ByteOrder.LITTLE_ENDIAN);
            return exchangeTimeNs > 0 ? exchangeTimeNs : receivedNs;
        }
        return receivedNs;
    }

    /**
     * Measure tick-to-quote from each market data frame's {@code exchangeTimeNs} instead of its receive stamp: a load
     * generator puts its planned send time there, which corrects coordinated omission (a stalled daemon is charged
     * for every update it made wait).
     *
     * @param exchangeTimeOrigin true to measure from the exchange time.
     * @return this.
     */
    public ReceiverAgent exchangeTimeOrigin(final boolean exchangeTimeOrigin)
    {
        this.exchangeTimeOrigin = exchangeTimeOrigin;
        return this;
    }

    /**
     * Passes over a frame its run already took in (before a crash), by the session positions kept in the run
     * directory: see {@link InboundPositions}.
     *
     * @param positions the run's positions, or null to take every frame.
     * @return this.
     */
    ReceiverAgent inboundPositions(final InboundPositions positions)
    {
        this.positions = positions;
        return this;
    }

    /**
     * Harness self-test: once, at the first duty cycle at or after {@code atNs}, stall this agent's thread for
     * {@code ns} before it reads anything, as a GC pause would; updates published meanwhile wait in Aeron and are
     * stamped only afterwards. Never set in production.
     *
     * @param atNs epoch ns of the daemon's clock.
     * @param ns   how long.
     */
    public void injectStall(final long atNs, final long ns)
    {
        this.stallNs = ns;
        this.stallAtNs = atNs;
    }

    private void count(final int templateId)
    {
        counters.inboundFrames.incrementRelease();
        switch (templateId)
        {
            case HeartbeatDecoder.TEMPLATE_ID:
                counters.venueHeartbeats.setRelease(++heartbeatsIn);
                break;
            case ExecutionReportDecoder.TEMPLATE_ID:
                counters.reports.incrementRelease();
                break;
            case AdminCommandDecoder.TEMPLATE_ID:
                counters.adminCommands.incrementRelease();
                break;
            case L2UpdateDecoder.TEMPLATE_ID:
            case L2SnapshotDecoder.TEMPLATE_ID:
            case TradeDecoder.TEMPLATE_ID:
                counters.marketData.setRelease(++marketDataIn);
                break;
            default:
                break;
        }
    }

    private boolean publishInternal(final int length, final long nowNs)
    {
        if (!ring.hasAvailableCapacity(1))
        {
            return false;
        }
        final long sequence = ring.next();
        final FrameSlot slot = ring.get(sequence);
        slot.buffer().putBytes(0, scratch, 0, length);
        slot.set(length, INTERNAL_STREAM, nowNs, nowNs);
        ring.publish(sequence);
        counters.inboundFrames.incrementRelease();
        if (TimerTickDecoder.TEMPLATE_ID == header.wrap(scratch, 0).templateId())
        {
            counters.timerTicks.incrementRelease();
        }
        return true;
    }

    private int encodeStatusRequest(final long nowNs, final long requestId)
    {
        statusRequest.wrapAndApplyHeader(scratch, 0, headerEncoder)
            .sendingTimeNs(nowNs)
            .requestId(requestId)
            .instrumentId(statusInstrumentId);
        return MessageHeaderEncoder.ENCODED_LENGTH + statusRequest.encodedLength();
    }

    /**
     * Makes this agent publish an {@code OrderStatusRequest} for the instrument as soon as the venue subscribes to
     * the daemon's orders: the strategy then asks the venue for its live orders and quotes only once they are
     * reconciled. Asking earlier would send the request into a publication nobody reads (UDP takes a moment to
     * connect), which the sender treats as a fault. Until the request is out nothing else is taken in (no market
     * data, report, operator command or timer tick), so it is the first frame of the run's journal (of its
     * continuation after a crash): no event can make the strategy quote before its reconciliation has begun, live
     * or in a replay. From then on the agent also watches the venue's sessions: when the venue comes back as a new
     * session (it was restarted), the restarted venue is asked again, and the daemon halts until an operator RESUME.
     *
     * @param instrumentId   the traded instrument.
     * @param venueConnected set by the order sender once the order publication is connected.
     */
    public void requestOrderStatusAtStart(final int instrumentId, final AtomicBoolean venueConnected)
    {
        this.venueConnected = venueConnected;
        this.statusInstrumentId = instrumentId;
        this.statusRequestPending = true;
    }

    private int encodeTimer(final long nowNs)
    {
        timerTick.wrapAndApplyHeader(scratch, 0, headerEncoder).timestampNs(nowNs).timerId(1);
        return MessageHeaderEncoder.ENCODED_LENGTH + timerTick.encodedLength();
    }

    private int encodeStop(final long nowNs, final long requestId)
    {
        stop.wrapAndApplyHeader(scratch, 0, headerEncoder)
            .timestampNs(nowNs)
            .requestId(requestId)
            .command(AdminCommandType.STOP)
            .instrumentId(0)
            .putAuthToken(token, 0);
        return MessageHeaderEncoder.ENCODED_LENGTH + stop.encodedLength();
    }

    private void updateGauges()
    {
        counters.inboundRingOccupancy.setRelease(ring.getBufferSize() - ring.remainingCapacity());
        counters.outboundRingOccupancy.setRelease(outbound.getBufferSize() - outbound.remainingCapacity());
        long slowest = Long.MAX_VALUE;
        for (final Sequence sequence : journalSequences)
        {
            slowest = Math.min(slowest, sequence.get());
        }
        counters.journalLag.setRelease(journalSequences.length == 0 ? 0 : ring.getCursor() - slowest);
    }

    /**
     * @return STOP commands this agent made because the daemon had to halt.
     */
    public long stopsInjected()
    {
        return stopsInjected;
    }
}
