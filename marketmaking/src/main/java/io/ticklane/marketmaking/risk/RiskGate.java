package io.ticklane.marketmaking.risk;

import io.ticklane.marketmaking.StrategyMode;
import io.ticklane.orderbook.BookState;
import io.ticklane.orderbook.PriceLadder;
import io.ticklane.sbe.AdminCommandDecoder;
import io.ticklane.sbe.AdminCommandType;
import io.ticklane.sbe.RiskGateStateDecoder;
import io.ticklane.sbe.RiskGateStateEncoder;
import io.ticklane.sbe.Side;

/**
 * The pre-trade check every outbound order passes before it is sent, and the owner of the strategy mode.
 * Single-threaded (the trading thread), allocation-free, never throws, never logs, never reads a clock: every
 * method takes the event's timestamp. Outcomes are enums, and every one is counted.
 *
 * <h2>Inputs</h2>
 * The caller reports what the gate needs: {@link #onMarketData} (reference price, touch, and the time that keeps
 * the data fresh), {@link #onBookState}, {@link #onPosition}, {@link #onWorkingOrders}, {@link #onPnl}, and
 * {@link #onTimer} so staleness is noticed without orders. Input methods return a {@link RiskAction}.
 *
 * <h2>Checks, in order (the first failure is the answer)</h2>
 * New orders and replaces: valid quantity and side; mode (HALTED rejects, REDUCE_ONLY rejects anything that is not
 * reducing); order size; position (|position + working same side + quantity| beyond the limit, unless reducing);
 * notional (|price| × quantity × tick value); reference price known and price within the collar (the aggressive
 * collar for taking orders, the passive one otherwise); open orders (new orders only); orders per second. An order
 * is reducing when it is opposite to the position and, with the quantity already working on its side, cannot take
 * the position past zero. Cancels are never blocked by mode or position: only the cancel rate limit applies, and
 * only while ACTIVE; when reducing or halted a cancel always passes, because a cancel only ever removes risk.
 *
 * <h2>Modes</h2>
 * The mode follows from the conditions, by precedence (see {@link ModeReason}): HALTED by operator STOP, a latched
 * loss or drawdown breaker or unmatched fill ({@link #onUnknownFill}), a STALE book, a venue session down or not yet
 * reconciled after it came back ({@link #onVenueSession}), a silent venue or stale market data;
 * REDUCE_ONLY by operator FLATTEN or a position beyond the limit; otherwise ACTIVE. Stale data, stale book and
 * position breaches clear by themselves when the condition does (they are facts about the data the gate can see, and
 * the next book snapshot is routine), and so does a dropped venue session when the strategy says it is back and
 * reconciled; STOP, FLATTEN, the loss/drawdown breakers and an unmatched fill are latched and
 * need an operator RESUME, which is refused while any breach is active.
 * Every move to a stricter mode asks the caller to cancel all working orders.
 * <p>
 * A facade over its parts, each a class of its own: {@link RiskInputs} (the facts reported), {@link ModeControl}
 * (mode, latches, precedence), {@link PreTradeChecks}, {@link OperatorCommands} (admin and flattening),
 * {@link RiskCounters}, and {@link RiskGateCheckpoint}.
 */
public final class RiskGate
{
    private final RiskCounters counters = new RiskCounters();
    private final RiskInputs inputs;
    private final ModeControl mode;
    private final PreTradeChecks checks;
    private final OperatorCommands operator;

    /**
     * @param limits settings; concluded here if they were not already.
     * @throws IllegalStateException if a setting is invalid.
     */
    public RiskGate(final RiskLimits limits)
    {
        limits.conclude();
        inputs = new RiskInputs(limits.maxPosition(), limits.maxDailyLoss(), limits.maxDrawdown());
        mode = new ModeControl(
            inputs, counters, limits.staleMarketDataMs() * 1_000_000L, limits.venueSilenceMs() * 1_000_000L);
        checks = new PreTradeChecks(limits, inputs, mode, counters);
        operator = new OperatorCommands(limits, inputs, mode, counters);
    }

    /**
     * Checks a new order; if it passes it is counted against the order rate, so call this only for an order that
     * will be sent when it passes.
     *
     * @param side       buy or sell.
     * @param price      limit price, ticks.
     * @param quantity   lots.
     * @param aggressive true if the order is meant to take liquidity (checked against the aggressive collar).
     * @param timeNs     event time.
     * @return {@link RiskCheck#PASSED} or the first limit broken.
     */
    public RiskCheck checkNewOrder(
        final Side side, final long price, final long quantity, final boolean aggressive, final long timeNs)
    {
        return checks.check(side, price, quantity, 0, aggressive, true, timeNs);
    }

    /**
     * Checks a replace (cancel/replace to a new price and quantity); if it passes it is counted against the order
     * rate.
     *
     * @param side             side of the order being replaced.
     * @param newPrice         new limit price, ticks.
     * @param newQuantity      new quantity, lots.
     * @param replacedQuantity quantity of the order being replaced that is still working (and so is included in
     *                         the working quantity reported by {@link #onWorkingOrders}), lots.
     * @param aggressive       true if the new order is meant to take liquidity.
     * @param timeNs           event time.
     * @return {@link RiskCheck#PASSED} or the first limit broken.
     */
    public RiskCheck checkReplace(
        final Side side,
        final long newPrice,
        final long newQuantity,
        final long replacedQuantity,
        final boolean aggressive,
        final long timeNs)
    {
        return checks.check(side, newPrice, newQuantity, replacedQuantity, aggressive, false, timeNs);
    }

    /**
     * Checks a cancel. Only the cancel rate limit can refuse one, and only while ACTIVE.
     *
     * @param timeNs event time.
     * @return {@link RiskCheck#PASSED} or {@link RiskCheck#CANCEL_RATE}.
     */
    public RiskCheck checkCancel(final long timeNs)
    {
        return checks.checkCancel(timeNs);
    }

    /**
     * A market-data update was applied: refreshes the staleness clock, the collar's reference and the touch.
     *
     * @param timeNs         event time of the update.
     * @param referencePrice price the collar is centred on (e.g. the mid), ticks, or
     *                       {@link PriceLadder#NULL_PRICE} if none.
     * @param bestBid        best bid, ticks, or {@link PriceLadder#NULL_PRICE}.
     * @param bestAsk        best ask, ticks, or {@link PriceLadder#NULL_PRICE}.
     * @return what the caller must do.
     */
    public RiskAction onMarketData(final long timeNs, final long referencePrice, final long bestBid, final long bestAsk)
    {
        inputs.onMarketData(timeNs, referencePrice, bestBid, bestAsk);
        return mode.evaluateAndTakeAction(timeNs);
    }

    /**
     * @param state  the book's state after the last event; STALE halts until it is LIVE (or EMPTY) again.
     * @param timeNs event time.
     * @return what the caller must do.
     */
    public RiskAction onBookState(final BookState state, final long timeNs)
    {
        inputs.onBookState(state);
        return mode.evaluateAndTakeAction(timeNs);
    }

    /**
     * @param position signed position, lots (positive long).
     * @param timeNs   event time.
     * @return what the caller must do.
     */
    public RiskAction onPosition(final long position, final long timeNs)
    {
        inputs.onPosition(position);
        return mode.evaluateAndTakeAction(timeNs);
    }

    /**
     * Working orders as the order state knows them, including orders sent but not yet acknowledged.
     *
     * @param workingBuyQuantity  leaves quantity of working buy orders, lots.
     * @param workingSellQuantity leaves quantity of working sell orders, lots.
     * @param openOrders          number of working orders.
     */
    public void onWorkingOrders(final long workingBuyQuantity, final long workingSellQuantity, final int openOrders)
    {
        inputs.onWorkingOrders(workingBuyQuantity, workingSellQuantity, openOrders);
    }

    /**
     * Today's PnL, realised plus unrealised net of fees. The peak starts at 0 (the start of the day); a loss beyond
     * the maximum daily loss or a fall beyond the maximum drawdown below the peak latches a halt until RESUME.
     *
     * @param totalPnl today's PnL, money units.
     * @param timeNs   event time.
     * @return what the caller must do.
     */
    public RiskAction onPnl(final long totalPnl, final long timeNs)
    {
        inputs.onPnl(totalPnl);
        mode.latchBreaker();
        return mode.evaluateAndTakeAction(timeNs);
    }

    /**
     * Starts a new trading day: PnL and its peak back to 0, so loss and drawdown breaches clear. A halt they latched
     * stays until RESUME.
     *
     * @param timeNs event time.
     * @return what the caller must do.
     */
    public RiskAction onNewTradingDay(final long timeNs)
    {
        inputs.onNewTradingDay();
        return mode.evaluateAndTakeAction(timeNs);
    }

    /**
     * An execution report's fill matched no order (or more than it had open, or conflicts with one booked): the fill
     * was not booked and this side's view of its orders is in doubt. Halts with {@link ModeReason#UNKNOWN_FILL},
     * latched until an operator RESUME (the first latched breaker keeps its reason). Counted.
     *
     * @param timeNs event time of the report.
     * @return CANCEL_ALL_REQUIRED when this halts the strategy (it was not halted already), else NONE.
     */
    public RiskAction onUnknownFill(final long timeNs)
    {
        counters.unknownFills++;
        mode.latchUnknownFill();
        return mode.evaluateAndTakeAction(timeNs);
    }

    /**
     * The order entry session with the venue: down halts with {@link ModeReason#VENUE_DISCONNECTED}, which holds
     * until the caller reports it up again. The caller (the strategy) reports "up" only once the session is
     * CONNECTED again and the reconciliation it asked for after the reconnection is complete and consistent, and it
     * does not send the cancel-all a halt asks for while the session is down (nothing would reach the venue).
     *
     * @param disconnected true while the session is down or back but not yet reconciled.
     * @param timeNs       event time.
     * @return what the caller must do.
     */
    public RiskAction onVenueSession(final boolean disconnected, final long timeNs)
    {
        inputs.venueDisconnected = disconnected;
        return mode.evaluateAndTakeAction(timeNs);
    }

    /**
     * @return true between {@link #onVenueSession onVenueSession(true, ..)} and {@code onVenueSession(false, ..)}
     *         (kept by a checkpoint).
     */
    public boolean isVenueDisconnected()
    {
        return inputs.venueDisconnected;
    }

    /**
     * The venue spoke (a heartbeat, a report; market data counts by itself): it is not silent.
     *
     * @param timeNs event (receive) time.
     * @return what the caller must do.
     */
    public RiskAction onVenueMessage(final long timeNs)
    {
        inputs.heardFromVenue(timeNs);
        return mode.watchesVenueSilence() ? mode.evaluateAndTakeAction(timeNs) : RiskAction.NONE;
    }

    /**
     * A timer tick: notices stale market data when no order is being checked.
     *
     * @param timeNs event time of the tick.
     * @return what the caller must do.
     */
    public RiskAction onTimer(final long timeNs)
    {
        return mode.evaluateAndTakeAction(timeNs);
    }

    /**
     * @return {@link RiskAction#CANCEL_ALL_REQUIRED} once if the strategy moved to a stricter mode since the last
     *         action was taken (for example during an order check that found market data stale), else NONE.
     */
    public RiskAction takeAction()
    {
        return mode.takeAction();
    }

    /**
     * An operator command from an SBE AdminCommand frame, already authenticated: the daemon's receiver checks the
     * token before a command enters the ring (see {@code docs/decisions/threat-model.md}).
     *
     * @param command decoder wrapped around the frame.
     * @param timeNs  event (receive) time.
     * @return what the caller must do, or why the command was refused.
     */
    public AdminOutcome onAdmin(final AdminCommandDecoder command, final long timeNs)
    {
        return operator.onAdmin(command.commandRaw(), timeNs);
    }

    /**
     * An operator command, already authenticated.
     *
     * @param type   the command.
     * @param timeNs event time.
     * @return what the caller must do, or why the command was refused.
     */
    public AdminOutcome onAdmin(final AdminCommandType type, final long timeNs)
    {
        return operator.onAdmin(null == type ? AdminCommandType.NULL_VAL.value() : type.value(), timeNs);
    }

    /**
     * While flattening (operator FLATTEN, mode REDUCE_ONLY), computes the next order that works the position to
     * zero; read it from {@link #flattener()} and pass it through {@link #checkNewOrder} as aggressive like any
     * other order (the aggressive collar must be wide enough for half the spread plus the flatten collar).
     *
     * @return true if there is an order to send.
     */
    public boolean nextFlattenOrder()
    {
        return operator.nextFlattenOrder();
    }

    /**
     * @return the flatten order computed by the last {@link #nextFlattenOrder()}.
     */
    public Flattener flattener()
    {
        return operator.flattener();
    }

    /**
     * @param timeNs event time.
     * @return true if any breach holds now: loss, drawdown, position, stale book, venue session down (or not yet
     *         reconciled), silent venue or stale market data.
     */
    public boolean isBreachActive(final long timeNs)
    {
        return mode.isBreachActive(timeNs);
    }

    /**
     * @return the current mode (as of the last event given to the gate).
     */
    public StrategyMode mode()
    {
        return mode.mode;
    }

    /**
     * @return why the strategy is in its mode; {@link ModeReason#NONE} when active.
     */
    public ModeReason modeReason()
    {
        return mode.modeReason;
    }

    /**
     * @return event time of the last mode or reason change, epoch ns; {@link Long#MIN_VALUE} if never changed.
     */
    public long modeSinceNs()
    {
        return mode.modeSinceNs;
    }

    /**
     * Writes everything the gate decides from (see {@link RiskGateCheckpoint}). Allocates nothing.
     *
     * @param state the checkpoint's risk gate composite.
     */
    public void encode(final RiskGateStateEncoder state)
    {
        RiskGateCheckpoint.encode(inputs, mode, state);
    }

    /**
     * @param state a checkpoint's risk gate composite.
     * @return true if {@link #decode} can take it: its mode and reasons are codes this build knows.
     */
    public static boolean isDecodable(final RiskGateStateDecoder state)
    {
        return RiskGateCheckpoint.isDecodable(state);
    }

    /**
     * Takes the state written by {@link #encode}; counters are kept. The caller has checked {@link #isDecodable}.
     *
     * @param state the checkpoint's risk gate composite.
     */
    public void decode(final RiskGateStateDecoder state)
    {
        RiskGateCheckpoint.decode(state, inputs, mode);
    }

    /**
     * @param check a rejection.
     * @return how many orders or cancels were rejected for it.
     */
    public long rejections(final RiskCheck check)
    {
        return counters.rejections(check);
    }

    /**
     * @return new and replace orders that passed.
     */
    public long passedOrders()
    {
        return counters.passedOrders;
    }

    /**
     * @return cancels that passed.
     */
    public long passedCancels()
    {
        return counters.passedCancels;
    }

    /**
     * @param outcome an admin outcome.
     * @return how many operator commands ended with it.
     */
    public long adminOutcomes(final AdminOutcome outcome)
    {
        return counters.adminOutcomes(outcome);
    }

    /**
     * @return fills that matched no order and halted (or would have halted) the strategy: {@link #onUnknownFill}.
     */
    public long unknownFills()
    {
        return counters.unknownFills;
    }

    /**
     * @return how many times the mode or its reason changed.
     */
    public long modeChanges()
    {
        return counters.modeChanges;
    }

    /**
     * @return the last PnL reported, money units.
     */
    public long pnl()
    {
        return inputs.pnl;
    }

    /**
     * @return the peak PnL of the day, money units.
     */
    public long peakPnl()
    {
        return inputs.peakPnl;
    }
}
