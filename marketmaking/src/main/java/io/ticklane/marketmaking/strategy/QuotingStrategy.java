package io.ticklane.marketmaking.strategy;

import io.ticklane.clock.PipelineStage;
import io.ticklane.clock.StageStamps;
import io.ticklane.marketmaking.StrategyMode;
import io.ticklane.marketmaking.order.OrderUpdate;
import io.ticklane.marketmaking.order.Orders;
import io.ticklane.marketmaking.order.Position;
import io.ticklane.marketmaking.order.QuoteManager;
import io.ticklane.marketmaking.order.Reconciliation;
import io.ticklane.marketmaking.quote.QuoteInputs;
import io.ticklane.marketmaking.quote.Quoter;
import io.ticklane.marketmaking.quote.TargetQuote;
import io.ticklane.marketmaking.risk.AdminOutcome;
import io.ticklane.marketmaking.risk.ModeReason;
import io.ticklane.marketmaking.risk.RiskAction;
import io.ticklane.marketmaking.risk.RiskGate;
import io.ticklane.microstructure.FactorEngine;
import io.ticklane.orderbook.OrderBook;
import io.ticklane.orderbook.PriceLadder;
import io.ticklane.sbe.AdminCommandDecoder;
import io.ticklane.sbe.ExecutionReportDecoder;
import io.ticklane.sbe.HeartbeatDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.OrderStatusCompleteDecoder;
import io.ticklane.sbe.OrderStatusRequestDecoder;
import io.ticklane.sbe.TimeInForce;
import io.ticklane.sbe.TimerTickDecoder;
import io.ticklane.sbe.VenueSessionDecoder;
import io.ticklane.sbe.VenueSessionState;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;

/**
 * The trading pipeline of one instrument, as one SBE {@link MessageHandler}: market data goes through the book and
 * the factors to the quoter, the quote manager turns the target into order actions, every action passes the risk gate
 * and leaves as an SBE order frame; execution reports update orders, position and risk; operator commands and timer
 * ticks go to the risk gate. The same code runs live and in replay: time comes only from the frames.
 * <p>
 * Per market data event: book → factors → {@link QuoteInputsBinder} → {@link Quoter} → {@link QuoteManager} →
 * {@link OrderSender} ({@link RiskGate}, then encode). Nothing is allocated per event.
 * <p>
 * Restart: {@link #checkpoint} writes the trading state (an SBE {@link StrategyCheckpoint} record), {@link #restore}
 * takes it back into a strategy built from the same configuration, {@link #requestOrderStatus} asks the venue for
 * its live orders and the {@link Reconciliation} makes the two agree; no quote is sent until it
 * {@link #isConsistent() is consistent}. See docs/decisions/crash-recovery.md.
 * <p>
 * Fills: one is booked only when {@link Orders} matches it to an order (once per exec id, within the order's open
 * quantity). A retransmit is ignored (counted there); any other refused fill halts ({@code UNKNOWN_FILL}), cancels
 * every order and asks the venue for its open orders, the same reconciliation as at a restart. See
 * docs/decisions/fill-matching.md.
 * <p>
 * Venue session: a {@code VenueSession DISCONNECTED} from the gateway halts ({@code VENUE_DISCONNECTED}) and from
 * then nothing is sent, not even the halt's cancel-all; the CONNECTED that follows asks the venue for its orders, and
 * the halt ends when that reconciliation is complete and consistent, after which the quoting path takes the orders
 * where they are ({@link VenueSessionGuard}).
 * <p>
 * Over 500 lines: it is the dispatch of every inbound template to the parts (book, factors, risk, quote manager,
 * reconciliation, checkpoint) and the order of their calls is the contract; the parts hold the logic.
 */
public final class QuotingStrategy implements MessageHandler
{
    /**
     * How long an order status request may go without its complete message before it is asked again, event time.
     */
    public static final long STATUS_ANSWER_TIMEOUT_NS = 5_000_000_000L;

    /**
     * How long after a short or untracked answer the request is asked again, event time.
     */
    public static final long STATUS_RETRY_INTERVAL_NS = 1_000_000_000L;

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final ExecutionReportDecoder report = new ExecutionReportDecoder();
    private final AdminCommandDecoder admin = new AdminCommandDecoder();
    private final TimerTickDecoder timer = new TimerTickDecoder();
    private final HeartbeatDecoder heartbeat = new HeartbeatDecoder();
    private final OrderStatusRequestDecoder statusRequest = new OrderStatusRequestDecoder();
    private final OrderStatusCompleteDecoder statusComplete = new OrderStatusCompleteDecoder();
    private final VenueSessionDecoder venueSession = new VenueSessionDecoder();
    private final VenueSessionGuard session = new VenueSessionGuard();
    private final StrategyCheckpoint checkpoint;
    private final Reconciliation reconciliation;
    private final QuoteInputs inputs = new QuoteInputs();
    private final TargetQuote target = new TargetQuote();
    private final FactorEngine engine;
    private final OrderBook book;
    private final QuoteInputsBinder binder;
    private final Quoter quoter;
    private final Orders orders;
    private final Position position;
    private final RiskGate risk;
    private final QuoteManager quoteManager;
    private final OrderSender sender;
    private StageStamps stages = StageStamps.NONE;
    private long lastEvents;
    private long lastTimeNs;
    private long unknownFillStatusRequests;
    private long goneAtVenueStatusRequests;
    private long reconnectStatusRequests;
    private long retriedStatusRequests;
    private long lastStatusRequestId = Long.MIN_VALUE;
    private long lastStatusRequestNs = Long.MIN_VALUE;
    private boolean upgradedV1;

    /**
     * @param engine             factor engine over the instrument's book (it applies the market data).
     * @param binder             which factors feed the quoter.
     * @param quoter             the quoting model.
     * @param orders             order state (one instrument).
     * @param position           position and PnL of the instrument.
     * @param risk               the risk gate every order passes.
     * @param instrumentId       instrument the orders are for.
     * @param replaceTicks       quote manager: smallest price move that replaces, ticks.
     * @param replaceLots        quote manager: smallest size change that replaces, lots.
     * @param minQuoteLifeMs     quote manager: minimum quote life, ms.
     * @param maxOrdersPerSecond quote manager: throttle.
     * @param outbound           receives every outbound order frame (SBE, with message header).
     */
    public QuotingStrategy(
        final FactorEngine engine,
        final QuoteInputsBinder binder,
        final Quoter quoter,
        final Orders orders,
        final Position position,
        final RiskGate risk,
        final long instrumentId,
        final long replaceTicks,
        final long replaceLots,
        final long minQuoteLifeMs,
        final int maxOrdersPerSecond,
        final MessageHandler outbound)
    {
        this.engine = engine;
        this.book = engine.book();
        this.binder = binder;
        this.quoter = quoter;
        this.orders = orders;
        this.position = position;
        this.risk = risk;
        this.sender = new OrderSender(instrumentId, outbound, risk, orders);
        this.quoteManager = new QuoteManager(
            orders, sender, replaceTicks, replaceLots, minQuoteLifeMs, maxOrdersPerSecond, TimeInForce.POST_ONLY, 1,
            quoter.quotesLevels());
        this.reconciliation = new Reconciliation(orders, position, quoteManager);
        this.checkpoint = new StrategyCheckpoint(orders, position, quoteManager, risk);
    }

    /**
     * Writes the trading state as one {@link StrategyCheckpoint} record: position, open orders, the quote manager's
     * ids, the risk gate's mode, latches and PnL peak, the quoter's memory. Allocates nothing; call it on the
     * trading thread between events.
     *
     * @param buffer           to write into; needs {@link #maxCheckpointLength()} bytes from {@code offset}.
     * @param offset           where to start.
     * @param lastJournalIndex index of the last journal record whose event this state includes.
     * @return bytes written.
     */
    public int checkpoint(final MutableDirectBuffer buffer, final int offset, final long lastJournalIndex)
    {
        return checkpoint.write(buffer, offset, lastJournalIndex, lastTimeNs, quoter.memory());
    }

    /**
     * @return the most bytes a checkpoint of this strategy takes: what {@link #checkpoint} writes, and what
     *         {@link #restore} may be given (a v1 record of the previous build is longer). Size buffers and stores
     *         with it: a state file of the previous build was made with the v1 length, and a store opens only with
     *         the record length its file was made with.
     */
    public int maxCheckpointLength()
    {
        final int capacity = orders.capacity();
        return Math.max(StrategyCheckpoint.maxLength(capacity), LegacyCheckpointV1.maxLength(capacity));
    }

    /**
     * Takes back the state of a checkpoint into this strategy, which must be built from the same configuration and
     * have seen no event yet. Market state (book, factors) is not in a checkpoint: it comes back with the next
     * snapshot. Nothing changes unless the record is {@link CheckpointCheck#VALID}.
     * <p>
     * A v1 record (the hand-made layout of the build before SBE checkpoints) is checked as that build did and
     * transcoded into an SBE record first ({@link LegacyCheckpointV1}: it allocates, start-up only), which then takes
     * the same path as any other; {@link #upgradedV1Checkpoint()} says it happened.
     *
     * @param buffer holding the record.
     * @param offset where it starts.
     * @param length bytes available.
     * @return VALID if restored, or why not.
     */
    public CheckpointCheck restore(final DirectBuffer buffer, final int offset, final int length)
    {
        upgradedV1 = false;
        if (LegacyCheckpointV1.isV1(buffer, offset, length))
        {
            final LegacyCheckpointV1 legacy = new LegacyCheckpointV1(position.instrumentId(), orders.capacity());
            final CheckpointCheck transcoded = legacy.transcode(buffer, offset, length, checkpoint);
            if (CheckpointCheck.VALID != transcoded)
            {
                return transcoded;
            }
            final CheckpointCheck restored = restoreSbe(legacy.buffer(), 0, legacy.length());
            upgradedV1 = CheckpointCheck.VALID == restored;
            return restored;
        }
        return restoreSbe(buffer, offset, length);
    }

    /**
     * @return true if the last {@link #restore} restored a v1 record (so the next {@link #checkpoint} upgrades the
     *         saved state to SBE): worth one line at start-up.
     */
    public boolean upgradedV1Checkpoint()
    {
        return upgradedV1;
    }

    private CheckpointCheck restoreSbe(final DirectBuffer buffer, final int offset, final int length)
    {
        final CheckpointCheck check = checkpoint.verify(buffer, offset, length);
        if (CheckpointCheck.VALID == check)
        {
            checkpoint.restore();
            lastTimeNs = checkpoint.lastTimeNs();
            quoter.restoreMemory(checkpoint.quoterMemory());
            if (risk.isVenueDisconnected())
            {
                session.restoreHalted(); // the start's status request (or the next CONNECTED) ends it once answered
            }
        }
        return check;
    }

    /**
     * Asks the venue for its live orders of this instrument (an SBE OrderStatusRequest on the outbound path) and
     * starts the reconciliation: from now until it {@link #isConsistent() is consistent}, no quote is sent.
     * STATUS reports and the OrderStatusComplete go to {@link #onMessage} like every other frame. While the venue
     * session is down nothing is sent and no reconciliation starts: the reconnection asks.
     *
     * @param requestId id for the request; the venue's complete message carries it back.
     * @param timeNs    event time.
     */
    public void requestOrderStatus(final long requestId, final long timeNs)
    {
        if (session.isDown())
        {
            session.onIgnored();
            return;
        }
        reconciliation.begin(requestId);
        lastStatusRequestId = requestId;
        lastStatusRequestNs = timeNs;
        session.onRequestSent();
        sender.sendStatusRequest(requestId, timeNs);
    }

    /**
     * @return true when quoting may go on: no reconciliation was asked for, or it has completed and agrees.
     */
    public boolean isConsistent()
    {
        return reconciliation.isConsistent();
    }

    /**
     * @return the reconciliation with the venue after a restart.
     */
    public Reconciliation reconciliation()
    {
        return reconciliation;
    }

    /**
     * Turns on latency stamping of the pipeline's stages (book, factors, quote, risk, encode); off by default, so
     * replays and backtests never read a clock.
     *
     * @param stages where stages are stamped.
     * @return this.
     */
    public QuotingStrategy stageStamps(final StageStamps stages)
    {
        this.stages = stages;
        sender.stageStamps(stages);
        engine.stageStamps(stages);
        return this;
    }

    /**
     * @return the book the strategy quotes from, for display (owned by the trading thread).
     */
    public OrderBook book()
    {
        return book;
    }

    /**
     * @return the order state.
     */
    public Orders orders()
    {
        return orders;
    }

    /**
     * @return the position.
     */
    public Position position()
    {
        return position;
    }

    /**
     * @return the risk gate.
     */
    public RiskGate risk()
    {
        return risk;
    }

    /**
     * @return the quote manager.
     */
    public QuoteManager quoteManager()
    {
        return quoteManager;
    }

    /**
     * @return the last target quote.
     */
    public TargetQuote target()
    {
        return target;
    }

    /**
     * @return order status requests sent because a fill matched no order (each after an UNKNOWN_FILL halt).
     */
    public long unknownFillStatusRequests()
    {
        return unknownFillStatusRequests;
    }

    /**
     * @return order status requests sent because the venue refused a cancel or replace for an order it no longer had.
     */
    public long goneAtVenueStatusRequests()
    {
        return goneAtVenueStatusRequests;
    }

    /**
     * @return order status requests sent because the venue session came back (each after a VENUE_DISCONNECTED halt).
     */
    public long reconnectStatusRequests()
    {
        return reconnectStatusRequests;
    }

    /**
     * @return order status requests sent again because the last answer never ended, or ended short or untracked.
     */
    public long retriedStatusRequests()
    {
        return retriedStatusRequests;
    }

    /**
     * @return true while halted for the venue session: down, or back and not yet reconciled.
     */
    public boolean isVenueSessionHalted()
    {
        return session.isHalting();
    }

    /**
     * @return DISCONNECTED messages taken.
     */
    public long venueDisconnects()
    {
        return session.disconnects();
    }

    /**
     * @return CONNECTED messages that followed a DISCONNECTED (each asked the venue for its orders).
     */
    public long venueReconnects()
    {
        return session.reconnects();
    }

    /**
     * @return frames passed over for the venue session: a VenueSession with an unknown state, a STATUS report or
     *         status complete that came while the session was down, a status request not sent while it was down.
     */
    public long venueSessionIgnored()
    {
        return session.ignored();
    }

    /**
     * @return orders the risk gate refused.
     */
    public long riskRejections()
    {
        return sender.rejections;
    }

    /**
     * Applies a market data frame to the book and the factors only: no risk input, no quote, no order; any other
     * frame is passed over. A checkpoint holds no market state, so a restart rebuilds it by giving this the market
     * data its run journaled before the checkpoint's position: the frames after that position then drive the
     * strategy exactly as they drove the process that journaled them, and it sends (muted) the same orders under the
     * same ids. Without it the tail was replayed over an empty book: the orders quoted in it were never regenerated
     * and their client order ids were handed out again.
     *
     * @param msgTypeId template id (as {@link #onMessage} takes it).
     * @param buffer    holding the frame, with its message header.
     * @param index     where it starts.
     * @param length    its length.
     */
    public void applyMarketState(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        header.wrap(buffer, index);
        switch (header.templateId())
        {
            case ExecutionReportDecoder.TEMPLATE_ID:
            case OrderStatusCompleteDecoder.TEMPLATE_ID:
            case AdminCommandDecoder.TEMPLATE_ID:
            case TimerTickDecoder.TEMPLATE_ID:
            case OrderStatusRequestDecoder.TEMPLATE_ID:
            case HeartbeatDecoder.TEMPLATE_ID:
            case VenueSessionDecoder.TEMPLATE_ID:
                break;
            default:
                engine.onMessage(msgTypeId, buffer, index, length);
                lastEvents = engine.snapshot().events();
                break;
        }
    }

    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        header.wrap(buffer, index);
        switch (header.templateId())
        {
            case ExecutionReportDecoder.TEMPLATE_ID:
                report.wrapAndApplyHeader(buffer, index, header);
                if (Reconciliation.isStatus(report.execTypeRaw()))
                {
                    onStatus(report.localTimeNs());
                }
                else
                {
                    onExecutionReport(report.localTimeNs());
                }
                break;
            case OrderStatusCompleteDecoder.TEMPLATE_ID:
                statusComplete.wrapAndApplyHeader(buffer, index, header);
                onStatusComplete(statusComplete.localTimeNs());
                break;
            case AdminCommandDecoder.TEMPLATE_ID:
                admin.wrapAndApplyHeader(buffer, index, header);
                onAdmin(admin.timestampNs());
                break;
            case TimerTickDecoder.TEMPLATE_ID:
                timer.wrapAndApplyHeader(buffer, index, header);
                act(risk.onTimer(timer.timestampNs()), timer.timestampNs());
                retryOrderStatus(timer.timestampNs());
                break;
            case OrderStatusRequestDecoder.TEMPLATE_ID:
                // an inbound request (a daemon asks this way at start, so the journal has it and a replay repeats it)
                statusRequest.wrapAndApplyHeader(buffer, index, header);
                requestOrderStatus(statusRequest.requestId(), statusRequest.sendingTimeNs());
                break;
            case HeartbeatDecoder.TEMPLATE_ID:
                heartbeat.wrapAndApplyHeader(buffer, index, header);
                act(risk.onVenueMessage(heartbeat.timestampNs()), heartbeat.timestampNs());
                break;
            case VenueSessionDecoder.TEMPLATE_ID:
                venueSession.wrapAndApplyHeader(buffer, index, header);
                onVenueSession(venueSession.localTimeNs());
                break;
            default:
                engine.onMessage(msgTypeId, buffer, index, length);
                if (engine.snapshot().events() != lastEvents)
                {
                    lastEvents = engine.snapshot().events();
                    onMarketEvent(engine.snapshot().eventTimeNs());
                }
                break;
        }
    }

    private void onMarketEvent(final long timeNs)
    {
        lastTimeNs = timeNs;
        final long bid = book.bestBidPrice();
        final long ask = book.bestAskPrice();
        final long reference = PriceLadder.NULL_PRICE == bid || PriceLadder.NULL_PRICE == ask ? PriceLadder.NULL_PRICE :
            (bid + ask) >> 1;
        act(risk.onMarketData(timeNs, reference, bid, ask), timeNs);
        act(risk.onBookState(book.state(), timeNs), timeNs);
        if (PriceLadder.NULL_PRICE != reference)
        {
            act(risk.onPnl(Math.round(position.netPnl(reference)), timeNs), timeNs);
        }
        requote(timeNs);
    }

    private void onExecutionReport(final long timeNs)
    {
        act(risk.onVenueMessage(timeNs), timeNs);
        final OrderUpdate update = orders.onExecutionReport(report, position.instrumentId());
        if (Orders.isFill(report.execTypeRaw()))
        {
            if (update.booksFill() && position.onExecutionReport(report))
            {
                act(risk.onPosition(position.position(), timeNs), timeNs);
            }
            else if (update.refusesFill())
            {
                onUnknownFill(timeNs);
            }
        }
        else if (OrderUpdate.GONE_AT_VENUE == update && !reconciliation.inProgress())
        {
            // the venue no longer has an order this side holds: ask it which orders it has (the request stays pending
            // here meanwhile, so it is not cancelled again)
            goneAtVenueStatusRequests++;
            requestOrderStatus(timeNs, timeNs);
        }
        requote(Math.max(timeNs, lastTimeNs));
    }

    /**
     * A fill matched no order (or more than it had open): it was not booked. Halt and cancel everything, and ask the
     * venue for its open orders, so the reconciliation books what the venue really filled on orders still live and
     * every order this side did not know is cancelled. A reconciliation already under way is left to finish: asking
     * again while its answer arrives would mix two answers. The request goes out after the cancels, so the venue's
     * answer shows what survived them.
     */
    private void onUnknownFill(final long timeNs)
    {
        act(risk.onUnknownFill(timeNs), timeNs);
        cancelAll(timeNs);
        if (!reconciliation.inProgress())
        {
            unknownFillStatusRequests++;
            requestOrderStatus(timeNs, timeNs);
        }
    }

    private void onStatus(final long timeNs)
    {
        act(risk.onVenueMessage(timeNs), timeNs);
        if (session.isDown())
        {
            session.onIgnored(); // an answer to a request sent before the drop: the reconnection asks again
            return;
        }
        if (report.instrumentId() == position.instrumentId())
        {
            reconciliation.onStatus(report, timeNs);
        }
    }

    /**
     * On a timer: a reconciliation whose answer never ended (its complete message lost) or ended short or untracked
     * can never become consistent by itself, and the strategy would stay halted for good. It is asked again, under
     * a fresh id (a late answer to the old request is then stale), after {@link #STATUS_ANSWER_TIMEOUT_NS} or
     * {@link #STATUS_RETRY_INTERVAL_NS} respectively, counted in {@link #retriedStatusRequests()}.
     */
    private void retryOrderStatus(final long timeNs)
    {
        if (session.isDown() || Long.MIN_VALUE == lastStatusRequestNs)
        {
            return;
        }
        final long sinceNs = timeNs - lastStatusRequestNs;
        if ((reconciliation.inProgress() && sinceNs >= STATUS_ANSWER_TIMEOUT_NS) ||
            (reconciliation.isCompleteButInconsistent() && sinceNs >= STATUS_RETRY_INTERVAL_NS))
        {
            retriedStatusRequests++;
            requestOrderStatus(Math.max(timeNs, lastStatusRequestId + 1), timeNs);
        }
    }

    private void onStatusComplete(final long timeNs)
    {
        act(risk.onVenueMessage(timeNs), timeNs);
        if (session.isDown())
        {
            session.onIgnored();
            return;
        }
        if (statusComplete.instrumentId() != position.instrumentId() ||
            !reconciliation.onComplete(statusComplete.requestId(), statusComplete.orderCount(), timeNs))
        {
            return;
        }
        act(risk.onPosition(position.position(), timeNs), timeNs);
        requote(Math.max(timeNs, lastTimeNs));
    }

    /**
     * DISCONNECTED halts (its cancel-all is dropped: nothing reaches the venue); a CONNECTED after it asks the venue
     * for its orders under a fresh id taken from the event time; a CONNECTED with no drop before it changes nothing.
     */
    private void onVenueSession(final long timeNs)
    {
        final short state = venueSession.stateRaw();
        if (VenueSessionState.DISCONNECTED.value() == state)
        {
            session.onDisconnected();
            act(risk.onVenueSession(true, timeNs), timeNs);
        }
        else if (VenueSessionState.CONNECTED.value() == state)
        {
            act(risk.onVenueMessage(timeNs), timeNs); // the venue answered the logon
            if (!session.onConnected())
            {
                return; // the first logon: nothing to requote for
            }
            reconnectStatusRequests++;
            requestOrderStatus(Math.max(timeNs, lastStatusRequestId + 1), timeNs);
        }
        else
        {
            session.onIgnored(); // the null value passes the edge
            return;
        }
        requote(Math.max(timeNs, lastTimeNs));
    }

    private void onAdmin(final long timeNs)
    {
        if (AdminOutcome.CANCEL_ALL_REQUIRED == risk.onAdmin(admin, timeNs))
        {
            cancelAll(timeNs);
        }
        requote(timeNs);
    }

    private void act(final RiskAction action, final long timeNs)
    {
        if (RiskAction.CANCEL_ALL_REQUIRED == action)
        {
            cancelAll(timeNs);
        }
    }

    /**
     * Every cancel-all of the strategy: not sent while the venue session is down (the quoting path deals with the
     * orders once it is back and reconciled).
     */
    private void cancelAll(final long timeNs)
    {
        if (!session.isDown())
        {
            quoteManager.cancelAll(timeNs);
        }
    }

    private void requote(final long timeNs)
    {
        act(risk.takeAction(), timeNs);
        if (session.isHalting())
        {
            if (!session.tryEnd(reconciliation))
            {
                return; // nothing from the quoting path until the session is back and reconciled
            }
            act(risk.onVenueSession(false, timeNs), timeNs);
        }
        final StrategyMode mode = risk.mode();
        if (StrategyMode.HALTED == mode)
        {
            quoteManager.cancelAll(timeNs);
            return;
        }
        if (!reconciliation.isConsistent())
        {
            return; // nothing new until the venue's view and ours agree
        }

        sender.reportWorkingOrders();
        if (ModeReason.OPERATOR_FLATTEN == risk.modeReason())
        {
            // flattening: no quotes, only the marketable reducing orders the gate computes
            target.clear();
            if (risk.nextFlattenOrder())
            {
                target.take(risk.flattener().side(), risk.flattener().price(), risk.flattener().quantity());
            }
        }
        else
        {
            binder.bind(engine.snapshot(), book, position.position(), timeNs, inputs);
            quoter.quote(inputs, target);
            stages.stamp(PipelineStage.QUOTE_DECIDED);
            if (StrategyMode.REDUCE_ONLY == mode)
            {
                // only the side that reduces the position may rest
                final long q = position.position();
                if (q >= 0)
                {
                    target.noBid();
                }
                if (q <= 0)
                {
                    target.noAsk();
                }
            }
        }
        quoteManager.onTarget(target, timeNs);
        act(risk.takeAction(), timeNs);
    }
}
