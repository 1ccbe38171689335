package io.ticklane.perf.latency;

import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.ticklane.sbe.CancelOrderDecoder;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportEncoder;
import io.ticklane.sbe.InstrumentDefinitionEncoder;
import io.ticklane.sbe.L2Action;
import io.ticklane.sbe.L2SnapshotEncoder;
import io.ticklane.sbe.L2UpdateEncoder;
import io.ticklane.sbe.LiquidityFlag;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.NewOrderDecoder;
import io.ticklane.sbe.OrderStatusCompleteEncoder;
import io.ticklane.sbe.OrderStatusRequestDecoder;
import io.ticklane.sbe.RejectReason;
import io.ticklane.sbe.ReplaceOrderDecoder;
import io.ticklane.sbe.Side;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The tick-to-quote harness's venue: publishes SBE market data at a fixed rate with planned send times, and answers
 * the daemon's orders (ACK, REPLACED, CANCELLED) so its quote manager never waits on an order in flight. Update
 * {@code i} is planned at {@code start + i / rate} and carries that planned time as its {@code exchangeTimeNs}; the
 * daemon, told to measure from exchange time, then charges every order to the planned time of the update that caused
 * it. An update sent late (the daemon or the transport held the generator up) keeps its planned time, so a stall is
 * counted for every update it delayed: coordinated omission is corrected. Updates alternate the touch between two
 * positions one tick apart, so each one moves the quotes.
 * <p>
 * With {@link #fillEvery(int)} it also fills some orders in full right after acknowledging them, alternating buy
 * and sell so the position stays within one lot of flat; a cancel or replace that then arrives for a filled order is
 * rejected as too late, as a venue would. By default it never fills.
 */
public final class LoadGenerator implements Agent, FragmentHandler
{
    /** Instrument the generator publishes. */
    public static final int INSTRUMENT_ID = 1;
    /** Its symbol. */
    public static final String SYMBOL = "LOAD";
    private static final long LOW_BID = 999;
    private static final int RECENT_FILLS = 64; // far more than a replace or cancel can be in flight behind a fill

    private final Publication marketData;
    private final Publication reports;
    private final Subscription orders;
    private final EpochNanoClock clock;
    private final long intervalNs;
    private final UnsafeBuffer mdBuffer = new UnsafeBuffer(new byte[512]);
    private final UnsafeBuffer reportBuffer = new UnsafeBuffer(new byte[256]);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final L2UpdateEncoder update = new L2UpdateEncoder();
    private final ExecutionReportEncoder report = new ExecutionReportEncoder();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final ReplaceOrderDecoder replace = new ReplaceOrderDecoder();
    private final CancelOrderDecoder cancel = new CancelOrderDecoder();
    private final OrderStatusRequestDecoder statusRequest = new OrderStatusRequestDecoder();
    private long startNs;
    private long stopNs = Long.MAX_VALUE;
    private long sequence;
    private long updatesSent;
    private long backPressured;
    private long execId;
    private long ordersAnswered;
    private long reportsNotTaken;
    private final long[] recentlyFilled = new long[RECENT_FILLS];
    private int fillEvery;
    private int answersSinceFill;
    private Side lastFillSide = Side.SELL;
    private long fillsSent;
    private long finishedNs;
    private volatile boolean running;

    /**
     * @param marketData publication of market data (the daemon's market data stream).
     * @param reports    publication of execution reports.
     * @param orders     subscription of the daemon's orders.
     * @param clock      the clock the daemon stamps with (one process).
     * @param rate       updates per second.
     */
    public LoadGenerator(
        final Publication marketData,
        final Publication reports,
        final Subscription orders,
        final EpochNanoClock clock,
        final double rate)
    {
        if (!(rate > 0) || rate > 10_000_000)
        {
            throw new IllegalArgumentException("rate must be in (0, 10,000,000] updates/s: " + rate);
        }
        this.marketData = marketData;
        this.reports = reports;
        this.orders = orders;
        this.clock = clock;
        this.intervalNs = Math.round(1e9 / rate);
    }

    /**
     * Fill every {@code n}-th acknowledged order (new or replaced), or the next one after it on the side opposite
     * the last fill. Call before the agent runs.
     *
     * @param n answers per fill, or 0 for no fills.
     * @return this.
     */
    public LoadGenerator fillEvery(final int n)
    {
        if (n < 0)
        {
            throw new IllegalArgumentException("fill every n orders: n must be >= 0: " + n);
        }
        this.fillEvery = n;
        return this;
    }

    /**
     * Publishes the instrument and a first book, so the daemon starts quoting. Call before the agent runs.
     *
     * @return true when both frames were taken.
     */
    public boolean publishSnapshot()
    {
        final long nowNs = clock.nanoTime();
        final InstrumentDefinitionEncoder definition = new InstrumentDefinitionEncoder()
            .wrapAndApplyHeader(mdBuffer, 0, headerEncoder).exchangeTimeNs(nowNs).receiveTimeNs(0)
            .instrumentId(INSTRUMENT_ID).sequence(0).symbol(SYMBOL).priceExponent((byte)-2).tickSize(1)
            .quantityExponent((byte)0).lotSize(1);
        if (marketData.offer(mdBuffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + definition.encodedLength()) < 0)
        {
            return false;
        }
        sequence = 1;
        final L2SnapshotEncoder snapshot = new L2SnapshotEncoder().wrapAndApplyHeader(mdBuffer, 0, headerEncoder)
            .exchangeTimeNs(nowNs).receiveTimeNs(0).instrumentId(INSTRUMENT_ID).sequence(sequence);
        final L2SnapshotEncoder.LevelsEncoder levels = snapshot.levelsCount(2);
        levels.next().side(Side.BUY).price(LOW_BID).quantity(10);
        levels.next().side(Side.SELL).price(LOW_BID + 2).quantity(10);
        return marketData.offer(mdBuffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + snapshot.encodedLength()) > 0;
    }

    /**
     * Starts (or restarts) the fixed-rate schedule now; update counts start again from zero.
     *
     * @param durationNs how long to publish.
     */
    public void startSchedule(final long durationNs)
    {
        startNs = clock.nanoTime();
        stopNs = startNs + durationNs;
        updatesSent = 0;
        running = true;
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "load-generator";
    }

    /**
     * {@inheritDoc}
     */
    public int doWork()
    {
        int work = orders.poll(this, 64);
        if (running)
        {
            final long nowNs = clock.nanoTime();
            long plannedNs = startNs + updatesSent * intervalNs;
            while (plannedNs <= nowNs && plannedNs < stopNs)
            {
                if (!publishUpdate(plannedNs))
                {
                    backPressured++;
                    break; // retried next cycle with the same planned time: the delay is charged
                }
                updatesSent++;
                work++;
                plannedNs += intervalNs;
            }
            if (plannedNs >= stopNs)
            {
                finishedNs = nowNs;
                running = false;
            }
        }
        return work;
    }

    private boolean publishUpdate(final long plannedNs)
    {
        final boolean up = 0 == (sequence & 1);
        final long oldBid = up ? LOW_BID : LOW_BID + 1;
        final long bid = up ? LOW_BID + 1 : LOW_BID;
        update.wrapAndApplyHeader(mdBuffer, 0, headerEncoder)
            .exchangeTimeNs(plannedNs).receiveTimeNs(0).instrumentId(INSTRUMENT_ID)
            .sequence(sequence + 1).prevSequence(sequence);
        final L2UpdateEncoder.LevelsEncoder levels = update.levelsCount(4);
        levels.next().side(Side.BUY).action(L2Action.DELETE).price(oldBid).quantity(0);
        levels.next().side(Side.SELL).action(L2Action.DELETE).price(oldBid + 2).quantity(0);
        levels.next().side(Side.BUY).action(L2Action.NEW).price(bid).quantity(10);
        levels.next().side(Side.SELL).action(L2Action.NEW).price(bid + 2).quantity(10);
        if (marketData.offer(mdBuffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + update.encodedLength()) > 0)
        {
            sequence++;
            return true;
        }
        return false;
    }

    /**
     * An order from the daemon: answered at once.
     * {@inheritDoc}
     */
    public void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        headerDecoder.wrap(buffer, offset);
        switch (headerDecoder.templateId())
        {
            case NewOrderDecoder.TEMPLATE_ID:
                newOrder.wrapAndApplyHeader(buffer, offset, headerDecoder);
                answer(newOrder.clientOrderId(), ExecType.ACK, newOrder.side(), newOrder.price(), newOrder.quantity());
                maybeFill(newOrder.clientOrderId(), newOrder.side(), newOrder.price(), newOrder.quantity());
                break;
            case ReplaceOrderDecoder.TEMPLATE_ID:
                replace.wrapAndApplyHeader(buffer, offset, headerDecoder);
                if (wasFilled(replace.origClientOrderId()))
                {
                    reject(replace.origClientOrderId(), replace.side());
                    break;
                }
                answer(replace.clientOrderId(), ExecType.REPLACED, replace.side(), replace.price(), replace.quantity());
                maybeFill(replace.clientOrderId(), replace.side(), replace.price(), replace.quantity());
                break;
            case CancelOrderDecoder.TEMPLATE_ID:
                cancel.wrapAndApplyHeader(buffer, offset, headerDecoder);
                if (wasFilled(cancel.origClientOrderId()))
                {
                    reject(cancel.origClientOrderId(), cancel.side());
                    break;
                }
                answer(cancel.origClientOrderId(), ExecType.CANCELLED, cancel.side(), 0, 0);
                break;
            case OrderStatusRequestDecoder.TEMPLATE_ID:
                statusRequest.wrapAndApplyHeader(buffer, offset, headerDecoder);
                completeStatus(statusRequest.requestId());
                break;
            default:
                break; // the daemon's heartbeats
        }
    }

    private void completeStatus(final long requestId)
    {
        // the generator keeps no book of live orders: the daemon starts flat and is told it has none
        final OrderStatusCompleteEncoder complete = new OrderStatusCompleteEncoder()
            .wrapAndApplyHeader(reportBuffer, 0, headerEncoder).venueTimeNs(clock.nanoTime()).localTimeNs(0)
            .requestId(requestId).instrumentId(INSTRUMENT_ID).orderCount(0);
        offerReport(MessageHeaderEncoder.ENCODED_LENGTH + complete.encodedLength());
    }

    private void answer(final long clientOrderId, final ExecType type, final Side side, final long price, final long leaves)
    {
        report(clientOrderId, type, side, price, leaves);
        offerReport(MessageHeaderEncoder.ENCODED_LENGTH + report.encodedLength());
    }

    private void maybeFill(final long clientOrderId, final Side side, final long price, final long quantity)
    {
        if (0 == fillEvery || ++answersSinceFill < fillEvery || side == lastFillSide)
        {
            return;
        }
        answersSinceFill = 0;
        lastFillSide = side;
        recentlyFilled[(int)(fillsSent++ % RECENT_FILLS)] = clientOrderId;
        report(clientOrderId, ExecType.FILL, side, price, quantity)
            .lastPrice(price).lastQuantity(quantity).leavesQuantity(0).cumQuantity(quantity).liquidity(LiquidityFlag.MAKER);
        offerReport(MessageHeaderEncoder.ENCODED_LENGTH + report.encodedLength());
    }

    private ExecutionReportEncoder report(
        final long clientOrderId, final ExecType type, final Side side, final long price, final long leaves)
    {
        return report.wrapAndApplyHeader(reportBuffer, 0, headerEncoder)
            .venueTimeNs(clock.nanoTime()).localTimeNs(0).clientOrderId(clientOrderId).venueOrderId(clientOrderId)
            .execId(++execId).instrumentId(INSTRUMENT_ID).execType(type).side(side).price(price)
            .orderQuantity(leaves).lastPrice(0).lastQuantity(0).leavesQuantity(leaves).cumQuantity(0)
            .liquidity(LiquidityFlag.NONE).rejectReason(RejectReason.NONE);
    }

    private boolean wasFilled(final long clientOrderId)
    {
        final int held = (int)Math.min(fillsSent, RECENT_FILLS);
        for (int i = 0; i < held; i++)
        {
            if (recentlyFilled[i] == clientOrderId)
            {
                return true;
            }
        }
        return false;
    }

    private void reject(final long origClientOrderId, final Side side)
    {
        report(origClientOrderId, ExecType.REJECTED, side, 0, 0).rejectReason(RejectReason.TOO_LATE_TO_CANCEL);
        offerReport(MessageHeaderEncoder.ENCODED_LENGTH + report.encodedLength());
    }

    private void offerReport(final int length)
    {
        for (int attempt = 0; attempt < 1_000; attempt++)
        {
            if (reports.offer(reportBuffer, 0, length) > 0)
            {
                ordersAnswered++;
                return;
            }
            Thread.onSpinWait();
        }
        reportsNotTaken++;
    }

    /**
     * @return true while the schedule has updates left to send.
     */
    public boolean running()
    {
        return running;
    }

    /**
     * @return when the schedule sent its last update, on the generator's clock; read once {@link #running()} is
     *     false.
     */
    public long finishedAtNs()
    {
        return finishedNs;
    }

    /**
     * @return updates published since the schedule started.
     */
    public long updatesSent()
    {
        return updatesSent;
    }

    /**
     * @return offers of an update the publication did not take at once (each retried).
     */
    public long backPressured()
    {
        return backPressured;
    }

    /**
     * @return orders answered.
     */
    public long ordersAnswered()
    {
        return ordersAnswered;
    }

    /**
     * @return orders filled.
     */
    public long fillsSent()
    {
        return fillsSent;
    }

    /**
     * @param nowNs now, on the generator's clock.
     * @return updates planned by now that the schedule has not sent yet (0 before or after the schedule).
     */
    public long behindSchedule(final long nowNs)
    {
        if (!running)
        {
            return 0;
        }
        final long planned = Math.min(nowNs, stopNs) - startNs;
        return planned <= 0 ? 0 : Math.max(0, planned / intervalNs + 1 - updatesSent);
    }

    /**
     * @return reports the publication would not take after retrying (the daemon's ring was full for long).
     */
    public long reportsNotTaken()
    {
        return reportsNotTaken;
    }
}
