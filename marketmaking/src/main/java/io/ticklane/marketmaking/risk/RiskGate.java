package io.ticklane.marketmaking.risk;

import io.ticklane.marketmaking.StrategyMode;
import io.ticklane.orderbook.BookState;
import io.ticklane.orderbook.PriceLadder;
import io.ticklane.sbe.AdminCommandDecoder;
import io.ticklane.sbe.AdminCommandType;
import io.ticklane.sbe.RiskFlagsDecoder;
import io.ticklane.sbe.RiskGateStateDecoder;
import io.ticklane.sbe.RiskGateStateEncoder;
import io.ticklane.sbe.Side;
import org.agrona.DirectBuffer;

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
 * loss or drawdown breaker, a STALE book or stale market data; REDUCE_ONLY by operator FLATTEN or a position beyond
 * the limit; otherwise ACTIVE. Stale data, stale book and position breaches clear by themselves when the condition
 * does (they are facts about the data the gate can see, and the next book snapshot is routine); STOP, FLATTEN and
 * the loss/drawdown breakers are latched and need an operator RESUME, which is refused while any breach is active.
 * Every move to a stricter mode asks the caller to cancel all working orders.
 */
public final class RiskGate
{
    private static final long NO_TIME = Long.MIN_VALUE;
    private static final long ONE_SECOND_NS = 1_000_000_000L;

    private final long maxOrderQuantity;
    private final long maxPosition;
    private final long maxNotional;
    private final long tickValue;
    private final long priceCollarTicks;
    private final long aggressiveCollarTicks;
    private final long flattenCollarTicks;
    private final int maxOpenOrders;
    private final long maxDailyLoss;
    private final long maxDrawdown;
    private final long staleMarketDataNs;
    private final long venueSilenceNs;
    private final SlidingWindowRateLimit orderRate;
    private final SlidingWindowRateLimit cancelRate;
    private final AdminToken adminToken;
    private final Flattener flattener = new Flattener();

    private long position;
    private long workingBuy;
    private long workingSell;
    private int openOrders;
    private long referencePrice = PriceLadder.NULL_PRICE;
    private long bestBid = PriceLadder.NULL_PRICE;
    private long bestAsk = PriceLadder.NULL_PRICE;
    private long lastMarketDataNs = NO_TIME;
    private long lastVenueNs = NO_TIME;
    private long pnl;
    private long peakPnl;

    private boolean positionBreach;
    private boolean lossBreach;
    private boolean drawdownBreach;
    private boolean bookStale;
    private boolean operatorStop;
    private boolean flattening;
    private ModeReason latchedBreaker = ModeReason.NONE;

    private StrategyMode mode = StrategyMode.ACTIVE;
    private ModeReason modeReason = ModeReason.NONE;
    private long modeSinceNs = NO_TIME;
    private boolean cancelAllPending;

    private final long[] rejections = new long[RiskCheck.values().length];
    private final long[] adminOutcomes = new long[AdminOutcome.values().length];
    private long passedOrders;
    private long passedCancels;
    private long modeChanges;

    /**
     * @param limits settings; concluded here if they were not already.
     * @throws IllegalStateException if a setting is invalid.
     */
    public RiskGate(final RiskLimits limits)
    {
        limits.conclude();
        maxOrderQuantity = limits.maxOrderQuantity();
        maxPosition = limits.maxPosition();
        maxNotional = limits.maxNotional();
        tickValue = limits.tickValue();
        priceCollarTicks = limits.priceCollarTicks();
        aggressiveCollarTicks = limits.aggressiveCollarTicks();
        flattenCollarTicks = limits.flattenCollarTicks();
        maxOpenOrders = limits.maxOpenOrders();
        maxDailyLoss = limits.maxDailyLoss();
        maxDrawdown = limits.maxDrawdown();
        staleMarketDataNs = limits.staleMarketDataMs() * 1_000_000L;
        venueSilenceNs = limits.venueSilenceMs() * 1_000_000L;
        orderRate = new SlidingWindowRateLimit(limits.maxOrdersPerSecond(), ONE_SECOND_NS);
        cancelRate = new SlidingWindowRateLimit(limits.maxCancelsPerSecond(), ONE_SECOND_NS);
        adminToken = new AdminToken(limits.adminTokenBytes());
    }

    // ----- checks -----

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
        return check(side, price, quantity, 0, aggressive, true, timeNs);
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
        return check(side, newPrice, newQuantity, replacedQuantity, aggressive, false, timeNs);
    }

    /**
     * Checks a cancel. Only the cancel rate limit can refuse one, and only while ACTIVE.
     *
     * @param timeNs event time.
     * @return {@link RiskCheck#PASSED} or {@link RiskCheck#CANCEL_RATE}.
     */
    public RiskCheck checkCancel(final long timeNs)
    {
        evaluate(timeNs);
        if (StrategyMode.ACTIVE == mode && !cancelRate.allows(timeNs))
        {
            return reject(RiskCheck.CANCEL_RATE);
        }
        cancelRate.record(timeNs);
        passedCancels++;
        return RiskCheck.PASSED;
    }

    private RiskCheck check(
        final Side side,
        final long price,
        final long quantity,
        final long replacedQuantity,
        final boolean aggressive,
        final boolean isNew,
        final long timeNs)
    {
        evaluate(timeNs);
        if (quantity <= 0)
        {
            return reject(RiskCheck.INVALID_QUANTITY);
        }
        if (Side.BUY != side && Side.SELL != side)
        {
            return reject(RiskCheck.INVALID_SIDE);
        }
        if (StrategyMode.HALTED == mode)
        {
            return reject(RiskCheck.HALTED);
        }

        final boolean buy = Side.BUY == side;
        // never below 0: a replaced quantity larger than the working one (stale order state) must not make room
        final long otherWorking = Math.max(0, (buy ? workingBuy : workingSell) - replacedQuantity);
        final boolean reducing = buy ?
            position < 0 && otherWorking + quantity <= -position :
            position > 0 && otherWorking + quantity <= position;
        if (StrategyMode.REDUCE_ONLY == mode && !reducing)
        {
            return reject(RiskCheck.REDUCE_ONLY);
        }
        if (quantity > maxOrderQuantity)
        {
            return reject(RiskCheck.MAX_ORDER_SIZE);
        }
        if (!reducing)
        {
            final long worstCase = buy ? position + otherWorking + quantity : position - otherWorking - quantity;
            if (Math.abs(worstCase) > maxPosition)
            {
                return reject(RiskCheck.MAX_POSITION);
            }
        }
        if (notional(price, quantity) > maxNotional)
        {
            return reject(RiskCheck.MAX_NOTIONAL);
        }
        if (PriceLadder.NULL_PRICE == referencePrice)
        {
            return reject(RiskCheck.NO_REFERENCE_PRICE);
        }
        if (Math.abs(price - referencePrice) > (aggressive ? aggressiveCollarTicks : priceCollarTicks))
        {
            return reject(RiskCheck.PRICE_COLLAR);
        }
        if (isNew && openOrders >= maxOpenOrders)
        {
            return reject(RiskCheck.MAX_OPEN_ORDERS);
        }
        if (!orderRate.allows(timeNs))
        {
            return reject(RiskCheck.ORDER_RATE);
        }
        orderRate.record(timeNs);
        passedOrders++;
        return RiskCheck.PASSED;
    }

    private long notional(final long price, final long quantity)
    {
        final long absPrice = Long.MIN_VALUE == price ? Long.MAX_VALUE : Math.abs(price);
        return saturatingMultiply(saturatingMultiply(absPrice, quantity), tickValue);
    }

    private static long saturatingMultiply(final long a, final long b)
    {
        final long product = a * b;
        return 0 != Math.multiplyHigh(a, b) || product < 0 ? Long.MAX_VALUE : product;
    }

    private RiskCheck reject(final RiskCheck outcome)
    {
        rejections[outcome.ordinal()]++;
        return outcome;
    }

    // ----- inputs -----

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
        if (NO_TIME == lastMarketDataNs || timeNs > lastMarketDataNs)
        {
            lastMarketDataNs = timeNs;
        }
        heardFromVenue(timeNs);
        this.referencePrice = referencePrice;
        this.bestBid = bestBid;
        this.bestAsk = bestAsk;
        return evaluateAndTakeAction(timeNs);
    }

    /**
     * @param state  the book's state after the last event; STALE halts until it is LIVE (or EMPTY) again.
     * @param timeNs event time.
     * @return what the caller must do.
     */
    public RiskAction onBookState(final BookState state, final long timeNs)
    {
        bookStale = BookState.STALE == state;
        return evaluateAndTakeAction(timeNs);
    }

    /**
     * @param position signed position, lots (positive long).
     * @param timeNs   event time.
     * @return what the caller must do.
     */
    public RiskAction onPosition(final long position, final long timeNs)
    {
        this.position = position;
        positionBreach = Math.abs(position) > maxPosition;
        return evaluateAndTakeAction(timeNs);
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
        this.workingBuy = workingBuyQuantity;
        this.workingSell = workingSellQuantity;
        this.openOrders = openOrders;
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
        pnl = totalPnl;
        peakPnl = Math.max(peakPnl, totalPnl);
        lossBreach = totalPnl < -maxDailyLoss;
        drawdownBreach = peakPnl - totalPnl > maxDrawdown;
        if (ModeReason.NONE == latchedBreaker)
        {
            latchedBreaker = lossBreach ? ModeReason.DAILY_LOSS : drawdownBreach ? ModeReason.DRAWDOWN : ModeReason.NONE;
        }
        return evaluateAndTakeAction(timeNs);
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
        pnl = 0;
        peakPnl = 0;
        lossBreach = false;
        drawdownBreach = false;
        return evaluateAndTakeAction(timeNs);
    }

    /**
     * The venue spoke (a heartbeat, a report; market data counts by itself): it is not silent.
     *
     * @param timeNs event (receive) time.
     * @return what the caller must do.
     */
    public RiskAction onVenueMessage(final long timeNs)
    {
        heardFromVenue(timeNs);
        return venueSilenceNs > 0 ? evaluateAndTakeAction(timeNs) : RiskAction.NONE;
    }

    private void heardFromVenue(final long timeNs)
    {
        if (NO_TIME == lastVenueNs || timeNs > lastVenueNs)
        {
            lastVenueNs = timeNs;
        }
    }

    /**
     * A timer tick: notices stale market data when no order is being checked.
     *
     * @param timeNs event time of the tick.
     * @return what the caller must do.
     */
    public RiskAction onTimer(final long timeNs)
    {
        return evaluateAndTakeAction(timeNs);
    }

    /**
     * @return {@link RiskAction#CANCEL_ALL_REQUIRED} once if the strategy moved to a stricter mode since the last
     *         action was taken (for example during an order check that found market data stale), else NONE.
     */
    public RiskAction takeAction()
    {
        if (cancelAllPending)
        {
            cancelAllPending = false;
            return RiskAction.CANCEL_ALL_REQUIRED;
        }
        return RiskAction.NONE;
    }

    private RiskAction evaluateAndTakeAction(final long timeNs)
    {
        evaluate(timeNs);
        return takeAction();
    }

    // ----- operator -----

    /**
     * An operator command from an SBE AdminCommand frame, the token compared in place.
     *
     * @param command decoder wrapped around the frame.
     * @param timeNs  event (receive) time.
     * @return what the caller must do, or why the command was refused.
     */
    public AdminOutcome onAdmin(final AdminCommandDecoder command, final long timeNs)
    {
        return onAdmin(
            command.commandRaw(), command.buffer(), command.offset() + AdminCommandDecoder.authTokenEncodingOffset(), timeNs);
    }

    /**
     * An operator command.
     *
     * @param type        the command.
     * @param tokenBuffer buffer holding the 32-byte NUL-padded token.
     * @param tokenOffset offset of the token in the buffer.
     * @param timeNs      event time.
     * @return what the caller must do, or why the command was refused.
     */
    public AdminOutcome onAdmin(
        final AdminCommandType type, final DirectBuffer tokenBuffer, final int tokenOffset, final long timeNs)
    {
        return onAdmin(null == type ? AdminCommandType.NULL_VAL.value() : type.value(), tokenBuffer, tokenOffset, timeNs);
    }

    private AdminOutcome onAdmin(final short commandRaw, final DirectBuffer tokenBuffer, final int tokenOffset, final long timeNs)
    {
        if (!adminToken.matches(tokenBuffer, tokenOffset))
        {
            return admin(AdminOutcome.REJECTED_BAD_TOKEN);
        }
        if (AdminCommandType.STOP.value() == commandRaw)
        {
            operatorStop = true;
            flattening = false;
            return cancelAllAfterAdmin(timeNs);
        }
        if (AdminCommandType.FLATTEN.value() == commandRaw)
        {
            operatorStop = false;
            flattening = true;
            return cancelAllAfterAdmin(timeNs);
        }
        if (AdminCommandType.CANCEL_ALL.value() == commandRaw)
        {
            return cancelAllAfterAdmin(timeNs);
        }
        if (AdminCommandType.RESUME.value() == commandRaw)
        {
            return resume(timeNs);
        }
        return admin(AdminOutcome.REJECTED_UNKNOWN_COMMAND);
    }

    private AdminOutcome cancelAllAfterAdmin(final long timeNs)
    {
        evaluate(timeNs);
        cancelAllPending = false; // the outcome asks for it
        return admin(AdminOutcome.CANCEL_ALL_REQUIRED);
    }

    private AdminOutcome resume(final long timeNs)
    {
        evaluate(timeNs);
        if (!operatorStop && !flattening && ModeReason.NONE == latchedBreaker)
        {
            return admin(AdminOutcome.RESUME_REFUSED_NOTHING_TO_RESUME);
        }
        if (isBreachActive(timeNs))
        {
            return admin(AdminOutcome.RESUME_REFUSED_BREACH_ACTIVE);
        }
        operatorStop = false;
        flattening = false;
        latchedBreaker = ModeReason.NONE;
        evaluate(timeNs);
        return admin(AdminOutcome.RESUMED);
    }

    private AdminOutcome admin(final AdminOutcome outcome)
    {
        adminOutcomes[outcome.ordinal()]++;
        return outcome;
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
        return flattening && StrategyMode.REDUCE_ONLY == mode &&
            flattener.compute(position, workingBuy, workingSell, bestBid, bestAsk, flattenCollarTicks, maxOrderQuantity);
    }

    /**
     * @return the flatten order computed by the last {@link #nextFlattenOrder()}.
     */
    public Flattener flattener()
    {
        return flattener;
    }

    // ----- mode -----

    /**
     * @param timeNs event time.
     * @return true if any breach holds now: loss, drawdown, position, stale book or stale market data.
     */
    public boolean isBreachActive(final long timeNs)
    {
        return lossBreach || drawdownBreach || positionBreach || bookStale || isMarketDataStale(timeNs) ||
            isVenueSilent(timeNs);
    }

    private boolean isVenueSilent(final long timeNs)
    {
        return venueSilenceNs > 0 && NO_TIME != lastVenueNs && timeNs - lastVenueNs > venueSilenceNs;
    }

    private boolean isMarketDataStale(final long timeNs)
    {
        return NO_TIME != lastMarketDataNs && timeNs - lastMarketDataNs > staleMarketDataNs;
    }

    private void evaluate(final long timeNs)
    {
        final StrategyMode newMode;
        final ModeReason newReason;
        if (operatorStop)
        {
            newMode = StrategyMode.HALTED;
            newReason = ModeReason.OPERATOR_STOP;
        }
        else if (ModeReason.NONE != latchedBreaker)
        {
            newMode = StrategyMode.HALTED;
            newReason = latchedBreaker;
        }
        else if (bookStale)
        {
            newMode = StrategyMode.HALTED;
            newReason = ModeReason.BOOK_STALE;
        }
        else if (isVenueSilent(timeNs))
        {
            newMode = StrategyMode.HALTED;
            newReason = ModeReason.VENUE_SILENT;
        }
        else if (isMarketDataStale(timeNs))
        {
            newMode = StrategyMode.HALTED;
            newReason = ModeReason.STALE_MARKET_DATA;
        }
        else if (flattening)
        {
            newMode = StrategyMode.REDUCE_ONLY;
            newReason = ModeReason.OPERATOR_FLATTEN;
        }
        else if (positionBreach)
        {
            newMode = StrategyMode.REDUCE_ONLY;
            newReason = ModeReason.POSITION_LIMIT;
        }
        else
        {
            newMode = StrategyMode.ACTIVE;
            newReason = ModeReason.NONE;
        }

        if (newMode != mode || newReason != modeReason)
        {
            if (strictness(newMode) > strictness(mode))
            {
                cancelAllPending = true;
            }
            mode = newMode;
            modeReason = newReason;
            modeSinceNs = timeNs;
            modeChanges++;
        }
    }

    private static int strictness(final StrategyMode mode)
    {
        switch (mode)
        {
            case HALTED:
                return 2;
            case REDUCE_ONLY:
                return 1;
            default:
                return 0;
        }
    }

    /**
     * @return the current mode (as of the last event given to the gate).
     */
    public StrategyMode mode()
    {
        return mode;
    }

    /**
     * @return why the strategy is in its mode; {@link ModeReason#NONE} when active.
     */
    public ModeReason modeReason()
    {
        return modeReason;
    }

    /**
     * @return event time of the last mode or reason change, epoch ns; {@link Long#MIN_VALUE} if never changed.
     */
    public long modeSinceNs()
    {
        return modeSinceNs;
    }

    // ----- checkpoint -----

    /**
     * Writes everything the gate decides from, so a restored gate keeps an operator STOP stopped, a tripped breaker
     * tripped and the PnL peak where it was. Limits and the admin token are configuration; the rate windows and
     * counters are not written (see docs/decisions/crash-recovery.md). Allocates nothing.
     *
     * @param state the checkpoint's risk gate composite.
     */
    public void encode(final RiskGateStateEncoder state)
    {
        state.position(position)
            .workingBuy(workingBuy)
            .workingSell(workingSell)
            .openOrders(openOrders);
        state.flags().clear()
            .positionBreach(positionBreach)
            .lossBreach(lossBreach)
            .drawdownBreach(drawdownBreach)
            .bookStale(bookStale)
            .operatorStop(operatorStop)
            .flattening(flattening)
            .cancelAllPending(cancelAllPending);
        state.referencePrice(referencePrice)
            .bestBid(bestBid)
            .bestAsk(bestAsk)
            .lastMarketDataNs(lastMarketDataNs)
            .lastVenueNs(lastVenueNs)
            .pnl(pnl)
            .peakPnl(peakPnl)
            .modeSinceNs(modeSinceNs)
            .mode(ModeCodes.code(mode))
            .modeReason(ModeCodes.code(modeReason))
            .latchedBreaker(ModeCodes.code(latchedBreaker));
    }

    /**
     * @param state a checkpoint's risk gate composite.
     * @return true if {@link #decode} can take it: its mode and reasons are codes this build knows.
     */
    public static boolean isDecodable(final RiskGateStateDecoder state)
    {
        return null != ModeCodes.mode(state.modeRaw()) && null != ModeCodes.reason(state.modeReasonRaw()) &&
            null != ModeCodes.reason(state.latchedBreakerRaw());
    }

    /**
     * Takes the state written by {@link #encode}; counters are kept. The caller has checked {@link #isDecodable}.
     *
     * @param state the checkpoint's risk gate composite.
     */
    public void decode(final RiskGateStateDecoder state)
    {
        position = state.position();
        workingBuy = state.workingBuy();
        workingSell = state.workingSell();
        openOrders = state.openOrders();
        final RiskFlagsDecoder flags = state.flags();
        positionBreach = flags.positionBreach();
        lossBreach = flags.lossBreach();
        drawdownBreach = flags.drawdownBreach();
        bookStale = flags.bookStale();
        operatorStop = flags.operatorStop();
        flattening = flags.flattening();
        cancelAllPending = flags.cancelAllPending();
        referencePrice = state.referencePrice();
        bestBid = state.bestBid();
        bestAsk = state.bestAsk();
        lastMarketDataNs = state.lastMarketDataNs();
        lastVenueNs = state.lastVenueNs();
        pnl = state.pnl();
        peakPnl = state.peakPnl();
        modeSinceNs = state.modeSinceNs();
        mode = ModeCodes.mode(state.modeRaw());
        modeReason = ModeCodes.reason(state.modeReasonRaw());
        latchedBreaker = ModeCodes.reason(state.latchedBreakerRaw());
    }

    // ----- counters -----

    /**
     * @param check a rejection.
     * @return how many orders or cancels were rejected for it.
     */
    public long rejections(final RiskCheck check)
    {
        return rejections[check.ordinal()];
    }

    /**
     * @return new and replace orders that passed.
     */
    public long passedOrders()
    {
        return passedOrders;
    }

    /**
     * @return cancels that passed.
     */
    public long passedCancels()
    {
        return passedCancels;
    }

    /**
     * @param outcome an admin outcome.
     * @return how many operator commands ended with it (a wrong token is {@link AdminOutcome#REJECTED_BAD_TOKEN}).
     */
    public long adminOutcomes(final AdminOutcome outcome)
    {
        return adminOutcomes[outcome.ordinal()];
    }

    /**
     * @return how many times the mode or its reason changed.
     */
    public long modeChanges()
    {
        return modeChanges;
    }

    /**
     * @return the last PnL reported, money units.
     */
    public long pnl()
    {
        return pnl;
    }

    /**
     * @return the peak PnL of the day, money units.
     */
    public long peakPnl()
    {
        return peakPnl;
    }
}
