package io.ticklane.runtime.daemon;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import io.ticklane.marketmaking.order.Position;
import io.ticklane.marketmaking.order.OrderState;
import io.ticklane.marketmaking.order.OrderUpdate;
import io.ticklane.marketmaking.order.Orders;
import io.ticklane.marketmaking.risk.AdminOutcome;
import io.ticklane.marketmaking.risk.RiskCheck;
import io.ticklane.marketmaking.risk.RiskGate;
import io.ticklane.marketmaking.strategy.QuotingStrategy;
import io.ticklane.orderbook.OrderBook;
import io.ticklane.orderbook.PriceLadder;
import io.ticklane.sbe.AdminCommandDecoder;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.OrderStatusCompleteDecoder;
import io.ticklane.sbe.TimerTickDecoder;
import io.ticklane.sbe.VenueSessionDecoder;
import io.ticklane.sbe.Side;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.status.AtomicCounter;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The trading thread's duty cycle: takes inbound frames off the ring in order and hands each to the
 * {@link QuotingStrategy} (book → factors → quoter → quote manager → risk → encode); every order frame the strategy
 * emits is copied once into the next outbound ring slot, tagged with the receive time of the frame that caused it.
 * It polls only while the outbound ring has room for the most frames one event can cause, so on one thread the
 * sender always gets to drain it and nothing waits on itself. Operator counters are refreshed on timer ticks and
 * operator commands, never between a market data frame and the order it causes. Nothing is allocated per event.
 * No exception escapes the handling of one frame: a frame that throws is counted and skipped, then the daemon halts
 * or goes on as configured ({@code daemon.on_handler_error}); a poller retrying it would throw on it for ever.
 */
public final class TradingAgent implements Agent, EventPoller.Handler<FrameSlot>, MessageHandler
{
    private static final int BATCH_LIMIT = 256;
    /** Halt reason when a frame threw and {@code daemon.on_handler_error=halt}. */
    public static final String HANDLER_ERROR_HALT =
        "an inbound frame threw in the strategy (daemon.on_handler_error=halt); ticklane stat shows where";

    private final EventPoller<FrameSlot> poller;
    private final RingBuffer<FrameSlot> outbound;
    private final int outboundReserve;
    private final DaemonCounters counters;
    private final AtomicReference<String> haltReason;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final ExecutionReportDecoder report = new ExecutionReportDecoder();
    private final RiskCheck[] riskChecks = RiskCheck.values();
    private QuotingStrategy strategy;
    private MessageHandler handler;
    private StageLatencies stages;
    private long timedEncodedNs;
    private DaemonState state;
    private int run;
    private long journalRecords;
    private boolean muted;
    private long mutedFrames;
    private long originNs;
    private long eventTimeNs;
    private int batch;
    private long processed;
    private long outboundOverflows;
    private boolean haltOnHandlerError = true;
    private Throwable lastHandlerError;

    /**
     * @param poller          the trading agent's poller on the inbound ring.
     * @param outbound        outbound ring; this agent is its only producer.
     * @param outboundReserve free outbound slots required before an inbound frame is taken.
     * @param counters        operator counters.
     * @param haltReason      set when the outbound ring overflows (a sizing error): the daemon halts.
     */
    public TradingAgent(
        final EventPoller<FrameSlot> poller,
        final RingBuffer<FrameSlot> outbound,
        final int outboundReserve,
        final DaemonCounters counters,
        final AtomicReference<String> haltReason)
    {
        if (outboundReserve < 1 || outboundReserve >= outbound.getBufferSize())
        {
            throw new IllegalArgumentException("outbound reserve must be in [1, ring size): " + outboundReserve);
        }
        this.poller = poller;
        this.outbound = outbound;
        this.outboundReserve = outboundReserve;
        this.counters = counters;
        this.haltReason = haltReason;
    }

    /**
     * @param strategy the pipeline; built around this agent, which is its outbound handler.
     */
    public void strategy(final QuotingStrategy strategy)
    {
        this.strategy = strategy;
        this.handler = strategy;
    }

    /**
     * Tests only: inbound frames go to this handler (wrapped around the strategy) instead of the strategy, live and in
     * the replay of a journal tail, so a test can make a frame throw as no validation would have caught.
     *
     * @param handler hands frames on to the strategy.
     */
    void handler(final MessageHandler handler)
    {
        this.handler = handler;
    }

    /**
     * @return what inbound frames are handed to: the strategy.
     */
    MessageHandler handler()
    {
        return handler;
    }

    /**
     * @param state          where checkpoints go, or null for none.
     * @param run            run number of the journal being written.
     * @param journalRecords inbound records that journal already holds (a reopened journal after a crash).
     */
    public void state(final DaemonState state, final int run, final long journalRecords)
    {
        this.state = state;
        this.run = run;
        this.journalRecords = journalRecords;
    }

    /**
     * While muted (replaying a journal tail at start-up, before any agent runs), order frames the strategy emits are
     * counted and dropped: they were sent, or not, by the run that journaled the tail; reconciliation settles which.
     *
     * @param muted true to drop order frames.
     */
    public void muted(final boolean muted)
    {
        this.muted = muted;
    }

    /**
     * @return order frames dropped while muted.
     */
    public long mutedFrames()
    {
        return mutedFrames;
    }

    /**
     * Saves a checkpoint now (start-up after a replay, shutdown).
     */
    public void saveState()
    {
        if (null != state)
        {
            state.save(strategy, JournalPosition.of(run, journalRecords));
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onClose()
    {
        if (null != strategy)
        {
            publishCounters(); // the final figures, for whoever reports them after the stop
        }
        saveState();
    }

    /**
     * @param stages per-stage latency recording, or null for none; the strategy must stamp into the same object.
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
        return "trading";
    }

    /**
     * {@inheritDoc}
     */
    public int doWork() throws Exception
    {
        if (!outbound.hasAvailableCapacity(outboundReserve))
        {
            return 0;
        }
        batch = 0;
        poller.poll(this);
        return batch;
    }

    /**
     * {@inheritDoc}
     */
    public boolean onEvent(final FrameSlot slot, final long sequence, final boolean endOfBatch)
    {
        if (0 != slot.refusal())
        {
            // refused at the edge: journaled as refused, never the strategy's, and no inbound record of a checkpoint's
            // position (JournalReader.readInbound passes refused records over, so a restart counts the same)
            batch++;
            return batch < BATCH_LIMIT;
        }
        journalRecords++; // the journal wrote this frame before the trading agent could see it
        try
        {
            apply(slot);
        }
        catch (final Throwable error)
        {
            // one frame must not wedge the ring: count it, remember where it stands, move past it (see onHandlerError)
            onHandlerError(error, sequence, journalRecords);
        }
        batch++;
        return batch < BATCH_LIMIT && outbound.hasAvailableCapacity(outboundReserve);
    }

    private void apply(final FrameSlot slot)
    {
        originNs = slot.originNs();
        eventTimeNs = slot.timeNs();
        final MutableDirectBuffer frame = slot.buffer();
        header.wrap(frame, 0);
        final int templateId = header.templateId();
        if (ExecutionReportDecoder.TEMPLATE_ID == templateId)
        {
            countReport(frame);
        }
        timedEncodedNs = 0;
        if (null != stages)
        {
            stages.begin(slot.timeNs(), slot.stageNs());
        }
        handler.onMessage(templateId, frame, 0, slot.length());
        if (null != stages)
        {
            stages.end();
        }
        processed++;
        if (null != state && changesState(templateId))
        {
            state.save(strategy, JournalPosition.of(run, journalRecords));
        }
        if (AdminCommandDecoder.TEMPLATE_ID == templateId)
        {
            publishCounters(); // before the applied count, so an operator waiting on it reads the outcome
            counters.adminApplied.incrementRelease();
        }
        else if (TimerTickDecoder.TEMPLATE_ID == templateId || VenueSessionDecoder.TEMPLATE_ID == templateId)
        {
            publishCounters(); // off the market data path: a reader sees state at most one timer interval old
        }
    }

    /**
     * A frame threw in the strategy (or while checkpointing after it). Counted, its ring sequence and inbound record
     * number kept in counters and the error kept for the report after the stop; then, with
     * {@code daemon.on_handler_error=halt}, the halt reason is set, so the receiver's STOP (the next frame the strategy
     * takes) cancels every order. Allocates nothing: the reason is a constant.
     *
     * @param error    what was thrown.
     * @param sequence the frame's inbound ring sequence.
     * @param record   its inbound record number in the run's journal (1 = the first).
     */
    private void onHandlerError(final Throwable error, final long sequence, final long record)
    {
        lastHandlerError = error;
        counters.handlerErrors.incrementRelease();
        counters.handlerErrorSequence.setRelease(sequence);
        counters.handlerErrorRecord.setRelease(record);
        if (haltOnHandlerError)
        {
            haltReason.compareAndSet(null, HANDLER_ERROR_HALT);
        }
    }

    /**
     * @param halt true to halt the daemon when a frame throws ({@code daemon.on_handler_error=halt}), false to go on.
     */
    public void haltOnHandlerError(final boolean halt)
    {
        this.haltOnHandlerError = halt;
    }

    /**
     * @return the last error an inbound frame threw, or null: read it after the agent has stopped.
     */
    public Throwable lastHandlerError()
    {
        return lastHandlerError;
    }

    /**
     * An order frame from the strategy: copied once into the outbound ring.
     * {@inheritDoc}
     */
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if (muted)
        {
            mutedFrames++;
            return;
        }
        if (!outbound.hasAvailableCapacity(1))
        {
            // cannot happen while the reserve covers one event's frames; if it does, halt rather than block
            outboundOverflows++;
            haltReason.compareAndSet(null, "outbound ring overflow: raise daemon.ring_slots");
            return;
        }
        final long sequence = outbound.next();
        final FrameSlot slot = outbound.get(sequence);
        slot.buffer().putBytes(0, buffer, index, length);
        slot.set(length, 0, eventTimeNs, originNs);
        if (null != stages && 0 == timedEncodedNs)
        {
            timedEncodedNs = stages.encodedNs(); // the event's first order is the one timed
            slot.stageNs(timedEncodedNs);
        }
        outbound.publish(sequence);
    }

    private static boolean changesState(final int templateId)
    {
        switch (templateId)
        {
            case ExecutionReportDecoder.TEMPLATE_ID:
            case OrderStatusCompleteDecoder.TEMPLATE_ID:
            case VenueSessionDecoder.TEMPLATE_ID:
            case AdminCommandDecoder.TEMPLATE_ID:
            case TimerTickDecoder.TEMPLATE_ID:
                return true;
            default:
                return false;
        }
    }

    private void countReport(final MutableDirectBuffer frame)
    {
        report.wrapAndApplyHeader(frame, 0, header);
        if (ExecType.REJECTED == report.execType())
        {
            final AtomicCounter counter = counters.venueRejects(report.rejectReason());
            if (null != counter)
            {
                counter.incrementRelease();
            }
        }
    }

    private void publishCounters()
    {
        final Position position = strategy.position();
        final RiskGate risk = strategy.risk();
        final OrderBook book = strategy.book();
        final long bid = book.bestBidPrice();
        final long ask = book.bestAskPrice();
        counters.position.setRelease(position.position());
        counters.fills.setRelease(position.fills());
        counters.filledQuantity.setRelease(position.boughtQuantity() + position.soldQuantity());
        final Orders orders = strategy.orders();
        counters.fillsUnknownOrder.setRelease(orders.fills(OrderUpdate.UNKNOWN_ORDER));
        counters.fillsOverfill.setRelease(orders.fills(OrderUpdate.OVERFILL));
        counters.fillsConflict.setRelease(orders.fills(OrderUpdate.FILL_CONFLICT));
        counters.fillsDuplicate.setRelease(orders.fills(OrderUpdate.DUPLICATE_FILL));
        counters.fillsLate.setRelease(orders.fills(OrderUpdate.LATE_FILL));
        counters.bestBid.setRelease(PriceLadder.NULL_PRICE == bid ? 0 : bid);
        counters.bestAsk.setRelease(PriceLadder.NULL_PRICE == ask ? 0 : ask);
        if (PriceLadder.NULL_PRICE != bid && PriceLadder.NULL_PRICE != ask)
        {
            counters.netPnl.setRelease(Math.round(position.netPnl((bid + ask) >> 1)));
        }
        publishWorkingQuotes(strategy.orders());
        counters.mode.setRelease(risk.mode().ordinal());
        counters.modeReason.setRelease(risk.modeReason().ordinal());
        counters.openOrders.setRelease(strategy.orders().openOrderCount());
        counters.reconciled.setRelease(strategy.isConsistent() ? 1 : 0);
        counters.statusRetries.setRelease(strategy.retriedStatusRequests());
        counters.adminUnknown.setRelease(risk.adminOutcomes(AdminOutcome.REJECTED_UNKNOWN_COMMAND));
        counters.adminRefusedBreach.setRelease(risk.adminOutcomes(AdminOutcome.RESUME_REFUSED_BREACH_ACTIVE));
        counters.adminRefusedNothing.setRelease(risk.adminOutcomes(AdminOutcome.RESUME_REFUSED_NOTHING_TO_RESUME));
        for (final RiskCheck check : riskChecks)
        {
            final AtomicCounter counter = counters.riskRejects(check);
            if (null != counter)
            {
                counter.setRelease(risk.rejections(check));
            }
        }
    }

    private void publishWorkingQuotes(final Orders orders)
    {
        long bestBuy = 0;
        long bestSell = 0;
        for (int slot = 0, capacity = orders.capacity(); slot < capacity; slot++)
        {
            final OrderState state = orders.stateAt(slot);
            if (null != state && state.isWorking())
            {
                final long price = orders.price(orders.clientOrderIdAt(slot));
                if (Side.BUY == orders.sideAt(slot))
                {
                    bestBuy = Math.max(bestBuy, price);
                }
                else if (0 == bestSell || price < bestSell)
                {
                    bestSell = price;
                }
            }
        }
        counters.quotedBid.setRelease(bestBuy);
        counters.quotedAsk.setRelease(bestSell);
    }

    /**
     * @return inbound frames handed to the strategy.
     */
    public long processed()
    {
        return processed;
    }

    /**
     * @return order frames that found the outbound ring full (each halted the daemon).
     */
    public long outboundOverflows()
    {
        return outboundOverflows;
    }
}
