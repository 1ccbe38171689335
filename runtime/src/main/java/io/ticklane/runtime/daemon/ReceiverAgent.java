package io.ticklane.runtime.daemon;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import io.aeron.ControlledFragmentAssembler;
import io.aeron.Subscription;
import io.aeron.logbuffer.ControlledFragmentHandler;
import io.aeron.logbuffer.Header;
import io.ticklane.gateway.transport.FrameRefusal;
import io.ticklane.gateway.transport.InboundFrameValidator;
import io.ticklane.gateway.transport.InboundStamp;
import io.ticklane.gateway.transport.StreamRole;
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

import java.util.concurrent.atomic.AtomicReference;

/**
 * The daemon's only way in: polls the market data, execution report and operator streams, validates each frame against
 * its stream ({@link InboundFrameValidator}), copies it once into the next inbound ring slot, stamps its receive time
 * ({@link InboundStamp}) and publishes it. A refused frame is published too, unstamped and marked refused (cut to one
 * slot if longer): the journal keeps it as refused, so a replay sees the same thing, and the trading agent passes it
 * over; each refusal reason has its counter. Admin commands from outside are authenticated here
 * ({@link AdminAuthenticator}) after validation: their token is zeroed in the slot whatever the answer, and a wrong
 * or locked-out one is refused like any other bad frame. It also makes the daemon's own inbound events: a
 * {@code TimerTick} every timer interval and, when the daemon must halt (the order sender gave up on a frame, or a
 * shutdown began), a {@code STOP} operator command (on the internal stream, so it needs no token). Because they
 * travel the ring like any other frame they are journaled, and a replay reproduces them. So do the
 * {@code OrderStatusRequest}s it makes: the first frame of every start ({@link #requestOrderStatusAtStart}), and
 * one, with a STOP, ahead of the first frame of a restarted venue (a new Aeron session on a venue stream). After a
 * restart it passes over frames its run already took in ({@link InboundPositions}).
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
    private static final byte[] NO_TOKEN = new byte[AdminCommandEncoder.authTokenLength()];

    private final RingBuffer<FrameSlot> ring;
    private final Subscription marketData;
    private final Subscription reports;
    private final Subscription admin;
    private final ControlledFragmentAssembler assembler = new ControlledFragmentAssembler(this);
    private final InboundFrameValidator validator;
    private StreamRole polling = StreamRole.MARKET_DATA;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final TimerTickEncoder timerTick = new TimerTickEncoder();
    private final AdminCommandEncoder stop = new AdminCommandEncoder();
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[128]);
    private final AdminAuthenticator authenticator;
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
    private boolean watchVenueSessions;
    private final int marketDataStreamId;
    private final int reportStreamId;
    private final int[] venueSessions = new int[2];
    private final boolean[] venueSessionKnown = new boolean[2];
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
     * @param authenticator    checks the token of every AdminCommand from outside, before it enters the ring.
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
        final AdminAuthenticator authenticator,
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
        this.authenticator = authenticator;
        this.haltReason = haltReason;
        this.counters = counters;
        this.outbound = outbound;
        this.journalSequences = journalSequences;
        this.slotCapacity = ring.get(0).buffer().capacity();
        this.validator = new InboundFrameValidator(slotCapacity);
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
                // nothing is taken in before a restarted venue has been asked for its orders
                return injectStopIfHalting(nowNs);
            }
            work++;
        }
        if (nowNs >= nextTimerNs || nextTimerNs - nowNs > timerIntervalNs) // due, or the clock stepped back
        {
            if (publishInternal(encodeTimer(nowNs), nowNs))
            {
                nextTimerNs = nowNs + timerIntervalNs;
                updateGauges();
                work++;
            }
        }
        work += injectStopIfHalting(nowNs);
        polling = StreamRole.MARKET_DATA;
        work += marketData.controlledPoll(assembler, FRAGMENT_LIMIT);
        polling = StreamRole.REPORTS;
        work += reports.controlledPoll(assembler, FRAGMENT_LIMIT);
        polling = StreamRole.ADMIN;
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
            counters.ringFull.incrementRelease();
            return Action.ABORT;
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
        if (null != positions)
        {
            // before the publish: a kill in between loses the frame (reconciliation repairs that), never repeats it
            positions.taken(fragmentHeader.streamId(), fragmentHeader.sessionId(), fragmentHeader.position());
        }
        final int refusal = validator.validate(polling, buffer, offset, length);
        publish(buffer, offset, length, fragmentHeader.streamId(), refusal, clock.nanoTime());
        return Action.CONTINUE;
    }

    /**
     * Copies a frame into the next slot (the ring has room) and publishes it: stamped if accepted, marked if refused.
     */
    private void publish(
        final DirectBuffer buffer, final int offset, final int length, final int stream, final int refusal, final long nowNs)
    {
        final long sequence = ring.next();
        final FrameSlot slot = ring.get(sequence);
        final UnsafeBuffer frame = slot.buffer();
        final int kept = Math.min(length, slotCapacity); // a frame refused as TOO_LONG is journaled cut to one slot
        frame.putBytes(0, buffer, offset, kept);
        int outcome = refusal;
        final int templateId = FrameRefusal.ACCEPTED == refusal ? header.wrap(frame, 0).templateId() : 0;
        if (AdminCommandDecoder.TEMPLATE_ID == templateId && INTERNAL_STREAM != stream &&
            !authenticator.authenticate(frame, 0, length, nowNs))
        {
            outcome = FrameRefusal.ADMIN_AUTHENTICATION.code(); // counted by the authenticator too; token now zeroed
        }
        if (FrameRefusal.ACCEPTED == outcome)
        {
            InboundStamp.stamp(templateId, frame, 0, nowNs);
            slot.set(length, stream, nowNs, originOf(templateId, frame, nowNs));
            count(templateId, stream);
        }
        else
        {
            slot.set(kept, stream, nowNs, nowNs);
            slot.refuse(outcome);
            counters.framesRefused.incrementRelease();
            counters.refused(outcome).incrementRelease();
        }
        slot.stageNs(clock.nanoTime());
        ring.publish(sequence);
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

    private void count(final int templateId, final int stream)
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
                if (INTERNAL_STREAM != stream)
                {
                    counters.adminCommands.incrementRelease(); // an operator's, not the daemon's own STOP
                }
                break;
            case TimerTickDecoder.TEMPLATE_ID:
                counters.timerTicks.incrementRelease();
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
        publish(scratch, 0, length, INTERNAL_STREAM, validator.validate(StreamRole.INTERNAL, scratch, 0, length), nowNs);
        return true;
    }

    private boolean isNewVenueSession(final Header fragmentHeader)
    {
        final int streamId = fragmentHeader.streamId();
        final int index = streamId == marketDataStreamId ? 0 : streamId == reportStreamId ? 1 : -1;
        if (index < 0 || !watchVenueSessions)
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
        if (!ring.hasAvailableCapacity(venueRestartPending ? 2 : 1))
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

    /**
     * @param positions where this run's taken-in positions per stream and session are kept, so a restart passes
     *                  over frames Aeron hands again.
     * @return this.
     */
    ReceiverAgent inboundPositions(final InboundPositions positions)
    {
        this.positions = positions;
        return this;
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
     * Makes this agent publish an {@code OrderStatusRequest} for the instrument as the first frame of the ring, on
     * start, before its first duty cycle: the strategy asks the venue for its live orders and quotes only once they
     * are reconciled, and because the request comes before any market data, report or command, no order can leave
     * before the venue has answered (market data that arrived first once let NewOrders out ahead of the answer). The
     * order sender holds the request until the venue subscribes to the orders (UDP takes a moment to connect).
     * Journaled first, so a replay asks too.
     *
     * @param instrumentId the traded instrument.
     */
    public void requestOrderStatusAtStart(final int instrumentId)
    {
        this.statusInstrumentId = instrumentId;
        this.statusRequestPending = true;
        this.watchVenueSessions = true;
    }

    /**
     * {@inheritDoc}
     */
    public void onStart()
    {
        final long nowNs = clock.nanoTime();
        if (statusRequestPending && publishInternal(encodeStatusRequest(nowNs, nowNs), nowNs)) // the ring is empty: it fits
        {
            statusRequestPending = false;
        }
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
            .putAuthToken(NO_TOKEN, 0);
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
