package io.ticklane.marketmaking.order;

import io.ticklane.marketmaking.quote.TargetQuote;
import io.ticklane.sbe.QuoteFlagsDecoder;
import io.ticklane.sbe.QuoteManagerStateDecoder;
import io.ticklane.sbe.QuoteManagerStateEncoder;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TimeInForce;

import java.util.Arrays;

/**
 * Turns target quotes into order actions for one instrument, sending as little as possible: by default at most one
 * quote order per side; a new order when the side has none; a cancel when the target drops the side; a replace only
 * when the price moves by at least {@code replaceTicks} or the size differs from the order's leaves by at least
 * {@code replaceLots}. Nothing is sent for an order with a request in flight, so nothing is ever sent twice.
 * <p>
 * Definitions:
 * <ul>
 *     <li>Minimum quote life: a working order whose price and size were sent less than {@code minQuoteLifeMs} ago
 *     (event time) is not replaced. A dropped side is cancelled at once whatever the age: not quoting a side is a
 *     risk decision and must not wait.</li>
 *     <li>Throttle: new orders, replaces and cancels all count in a sliding one-second window of event time. New
 *     orders and replaces are held back when the window is full; cancels always go (they only reduce exposure) but
 *     count, so they delay later news and replaces.</li>
 *     <li>A take order in the target is sent IOC on its own, once: no other take is sent while one is open.</li>
 * </ul>
 * Level mode (a quoter that rests several orders a side, such as {@code grid}): every open order of a side except the
 * take order is one of its levels, so the state lives in {@link Orders} alone and a checkpoint needs nothing more.
 * Per side, an order whose price a target level still wants is kept whatever its leaves (it keeps its queue
 * position; one order per wanted price, a second at the same price is cancelled); a resting order at a price no level
 * wants is cancelled at once (the minimum quote life does not hold it back: a held cancel next to the new level would
 * rest one level more than the target); a wanted price without an order gets a new order. Nothing is replaced. An
 * order with a request in flight is left alone (a pending new at a wanted price counts as that level); cancels go
 * before news, and the throttle and the next stage apply to each request as above.
 * <p>
 * Every request the next stage accepts is recorded in {@link Orders}; execution reports go to the same
 * {@link Orders} (the wiring does that), and the manager reads order states from it on each target. Client order
 * ids (and cancel request ids) come from one counter, used only when a request is accepted.
 * <p>
 * Over 500 lines: both modes share the one id counter, the throttle, the take order and the request path to the next
 * stage, and either mode is a few dozen lines on top; a class per mode would have to share all of that by reference.
 */
public final class QuoteManager
{
    private static final int BID = 0;
    private static final int ASK = 1;
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final Orders orders;
    private final OrderActions actions;
    private final long replaceTicks;
    private final long replaceLots;
    private final long minQuoteLifeNs;
    private final OrderRateWindow rateWindow;
    private final TimeInForce quoteTimeInForce;
    private final boolean levelMode;
    private final boolean[] levelMatched = new boolean[TargetQuote.MAX_LEVELS];
    private long nextClientOrderId;

    private final boolean[] hasOrder = new boolean[2];
    private final long[] orderId = new long[2];
    private final boolean[] hasReplace = new boolean[2];
    private final long[] replaceId = new long[2];
    private boolean hasTake;
    private long takeId;

    private long newsSent;
    private long replacesSent;
    private long cancelsSent;
    private long refusedByNextStage;
    private long throttled;
    private long heldByQuoteLife;
    private long heldInFlight;
    private long noFreeSlot;

    /**
     * @param orders             order state of this instrument, shared with the execution-report path.
     * @param actions            next stage (risk gate).
     * @param replaceTicks       smallest price move that triggers a replace, ticks, at least 1.
     * @param replaceLots        smallest size change that triggers a replace, lots, at least 1.
     * @param minQuoteLifeMs     minimum life of a quote before it may be replaced, ms of event time, at least 0.
     * @param maxOrdersPerSecond news + replaces + cancels allowed in any one second, at least 1.
     * @param quoteTimeInForce   time in force of quote orders (normally POST_ONLY).
     * @param firstClientOrderId first id handed out; ids then increase by one per accepted request.
     */
    public QuoteManager(
        final Orders orders,
        final OrderActions actions,
        final long replaceTicks,
        final long replaceLots,
        final long minQuoteLifeMs,
        final int maxOrdersPerSecond,
        final TimeInForce quoteTimeInForce,
        final long firstClientOrderId)
    {
        this(orders, actions, replaceTicks, replaceLots, minQuoteLifeMs, maxOrdersPerSecond, quoteTimeInForce,
            firstClientOrderId, false);
    }

    /**
     * @param orders             order state of this instrument, shared with the execution-report path.
     * @param actions            next stage (risk gate).
     * @param replaceTicks       smallest price move that triggers a replace, ticks, at least 1 (one order a side).
     * @param replaceLots        smallest size change that triggers a replace, lots, at least 1 (one order a side).
     * @param minQuoteLifeMs     minimum life of a quote before it may be replaced, ms of event time, at least 0.
     * @param maxOrdersPerSecond news + replaces + cancels allowed in any one second, at least 1.
     * @param quoteTimeInForce   time in force of quote orders (normally POST_ONLY).
     * @param firstClientOrderId first id handed out; ids then increase by one per accepted request.
     * @param levelMode          true to keep several orders a side by price (see the class description), false for
     *                           one order a side moved by replaces.
     */
    public QuoteManager(
        final Orders orders,
        final OrderActions actions,
        final long replaceTicks,
        final long replaceLots,
        final long minQuoteLifeMs,
        final int maxOrdersPerSecond,
        final TimeInForce quoteTimeInForce,
        final long firstClientOrderId,
        final boolean levelMode)
    {
        if (null == orders || null == actions || null == quoteTimeInForce || TimeInForce.NULL_VAL == quoteTimeInForce)
        {
            throw new IllegalArgumentException("orders, actions and a quote time in force are required");
        }
        if (replaceTicks < 1 || replaceLots < 1 || minQuoteLifeMs < 0)
        {
            throw new IllegalArgumentException("replace_ticks and replace_lots must be >= 1 and min_quote_life_ms >= 0, got "
                + replaceTicks + ", " + replaceLots + ", " + minQuoteLifeMs);
        }
        this.orders = orders;
        this.actions = actions;
        this.replaceTicks = replaceTicks;
        this.replaceLots = replaceLots;
        this.minQuoteLifeNs = minQuoteLifeMs * NANOS_PER_MILLI;
        this.rateWindow = new OrderRateWindow(maxOrdersPerSecond);
        this.quoteTimeInForce = quoteTimeInForce;
        this.nextClientOrderId = firstClientOrderId;
        this.levelMode = levelMode;
    }

    /**
     * Brings the working orders towards a target.
     *
     * @param target what the quoter wants now.
     * @param timeNs event time.
     * @return requests accepted by the next stage on this call.
     */
    public int onTarget(final TargetQuote target, final long timeNs)
    {
        int sent = 0;
        if (levelMode)
        {
            sent += levels(Side.BUY, target, timeNs);
            sent += levels(Side.SELL, target, timeNs);
        }
        else
        {
            sent += side(BID, Side.BUY, target.hasBid(), target.bidPrice(), target.bidQuantity(), timeNs);
            sent += side(ASK, Side.SELL, target.hasAsk(), target.askPrice(), target.askQuantity(), timeNs);
        }
        if (target.hasTake() && target.takeQuantity() > 0)
        {
            sent += take(target.takeSide(), target.takePrice(), target.takeQuantity(), timeNs);
        }
        return sent;
    }

    /**
     * Cancels every working order of the instrument (operator CANCEL_ALL, STOP, FLATTEN). Orders with a request in
     * flight cannot be cancelled yet; calling again on later events cancels them once they rest, and never sends a
     * second cancel for the same order.
     *
     * @param timeNs event time.
     * @return cancels accepted by the next stage.
     */
    public int cancelAll(final long timeNs)
    {
        int sent = 0;
        for (int slot = 0, capacity = orders.capacity(); slot < capacity; slot++)
        {
            final OrderState state = orders.stateAt(slot);
            if (null != state && state.isWorking())
            {
                sent += cancel(orders.clientOrderIdAt(slot), orders.sideAt(slot), timeNs) ? 1 : 0;
            }
        }
        return sent;
    }

    private int side(
        final int index, final Side side, final boolean wanted, final long price, final long quantity, final long timeNs)
    {
        final OrderState state = resolve(index);
        final boolean want = wanted && quantity > 0;
        if (null == state)
        {
            return want && sendNew(index, side, price, quantity, quoteTimeInForce, timeNs) ? 1 : 0;
        }
        if (state.isPending())
        {
            heldInFlight++;
            return 0;
        }
        final long id = orderId[index];
        if (!want)
        {
            return cancel(id, side, timeNs) ? 1 : 0;
        }
        final boolean priceMoved = Math.abs(price - orders.price(id)) >= replaceTicks;
        final boolean sizeChanged = Math.abs(quantity - orders.leavesQuantity(id)) >= replaceLots;
        if (!priceMoved && !sizeChanged)
        {
            return 0;
        }
        if (timeNs - orders.sentTimeNs(id) < minQuoteLifeNs)
        {
            heldByQuoteLife++;
            return 0;
        }
        if (!rateWindow.hasRoom(timeNs))
        {
            throttled++;
            return 0;
        }
        final long newId = nextClientOrderId;
        if (!actions.sendReplace(newId, id, side, price, quantity, timeNs))
        {
            refusedByNextStage++;
            return 0;
        }
        nextClientOrderId++;
        orders.onReplaceSent(id, newId, price, quantity, timeNs);
        rateWindow.record(timeNs);
        replacesSent++;
        hasReplace[index] = true;
        replaceId[index] = newId;
        return 1;
    }

    /**
     * Level mode, one side: keep the orders at wanted prices, cancel the others, place the missing levels.
     */
    private int levels(final Side side, final TargetQuote target, final long timeNs)
    {
        final boolean buy = Side.BUY == side;
        final int wanted = buy ? target.bidLevels() : target.askLevels();
        Arrays.fill(levelMatched, 0, wanted, false);
        int sent = 0;
        for (int slot = 0, capacity = orders.capacity(); slot < capacity; slot++)
        {
            final OrderState state = orders.stateAt(slot);
            final long id = orders.clientOrderIdAt(slot);
            if (null == state || side != orders.sideAt(slot) || OrderState.PENDING_CANCEL == state || (hasTake && takeId == id))
            {
                continue;
            }
            if (matchLevel(target, buy, wanted, orders.priceAt(slot)))
            {
                continue;
            }
            if (state.isPending())
            {
                heldInFlight++;
                continue;
            }
            sent += cancel(id, side, timeNs) ? 1 : 0;
        }
        for (int level = 0; level < wanted; level++)
        {
            final long quantity = buy ? target.bidQuantity(level) : target.askQuantity(level);
            if (!levelMatched[level] && quantity > 0)
            {
                final long price = buy ? target.bidPrice(level) : target.askPrice(level);
                sent += sendNewOrder(nextClientOrderId, side, price, quantity, quoteTimeInForce, timeNs) ? 1 : 0;
            }
        }
        return sent;
    }

    /**
     * Marks the first level not yet matched that wants {@code price}.
     *
     * @return true if there was one.
     */
    private boolean matchLevel(final TargetQuote target, final boolean buy, final int wanted, final long price)
    {
        for (int level = 0; level < wanted; level++)
        {
            final long levelPrice = buy ? target.bidPrice(level) : target.askPrice(level);
            final long quantity = buy ? target.bidQuantity(level) : target.askQuantity(level);
            if (!levelMatched[level] && price == levelPrice && quantity > 0)
            {
                levelMatched[level] = true;
                return true;
            }
        }
        return false;
    }

    /**
     * Follows the side's order through replaces and terminal states.
     *
     * @return its state, or null if the side has no open order.
     */
    private OrderState resolve(final int index)
    {
        if (hasReplace[index])
        {
            final OrderState replacing = orders.state(replaceId[index]);
            if (OrderState.PENDING_REPLACE == replacing)
            {
                return replacing;
            }
            hasReplace[index] = false;
            if (null != replacing)
            {
                orderId[index] = replaceId[index]; // replaced: the order now carries the new id
            }
            // null: the replace was rejected (the old id still resolves) or the order ended (neither resolves).
        }
        if (!hasOrder[index])
        {
            return null;
        }
        final OrderState state = orders.state(orderId[index]);
        if (null == state)
        {
            hasOrder[index] = false;
        }
        return state;
    }

    private int take(final Side side, final long price, final long quantity, final long timeNs)
    {
        if (hasTake && null != orders.state(takeId))
        {
            heldInFlight++;
            return 0;
        }
        hasTake = false;
        final long id = nextClientOrderId;
        if (sendNewOrder(id, side, price, quantity, TimeInForce.IOC, timeNs))
        {
            hasTake = true;
            takeId = id;
            return 1;
        }
        return 0;
    }

    private boolean sendNew(
        final int index, final Side side, final long price, final long quantity, final TimeInForce tif, final long timeNs)
    {
        final long id = nextClientOrderId;
        if (sendNewOrder(id, side, price, quantity, tif, timeNs))
        {
            hasOrder[index] = true;
            orderId[index] = id;
            return true;
        }
        return false;
    }

    private boolean sendNewOrder(
        final long id, final Side side, final long price, final long quantity, final TimeInForce tif, final long timeNs)
    {
        if (!orders.hasFreeSlot())
        {
            noFreeSlot++;
            return false;
        }
        if (!rateWindow.hasRoom(timeNs))
        {
            throttled++;
            return false;
        }
        if (!actions.sendNew(id, side, price, quantity, tif, timeNs))
        {
            refusedByNextStage++;
            return false;
        }
        nextClientOrderId++;
        orders.onNewSent(id, side, price, quantity, timeNs);
        rateWindow.record(timeNs);
        newsSent++;
        return true;
    }

    /**
     * Cancels one order through the normal path (next stage, id counter, {@link Orders}, throttle window): used for
     * orders that are not quotes, such as an order found at the venue after a restart that this side does not know
     * (the caller first adopts it into {@link Orders}).
     *
     * @param id     client order id of the order to cancel.
     * @param side   its side.
     * @param timeNs event time.
     * @return true if the next stage accepted the cancel.
     */
    public boolean cancel(final long id, final Side side, final long timeNs)
    {
        final long requestId = nextClientOrderId;
        if (!actions.sendCancel(requestId, id, side, timeNs))
        {
            refusedByNextStage++;
            return false;
        }
        nextClientOrderId++;
        orders.onCancelSent(id, timeNs);
        rateWindow.record(timeNs);
        cancelsSent++;
        return true;
    }

    /**
     * Makes sure no id at or below {@code id} is handed out again (an id the venue reports that this side never
     * recorded, e.g. sent just before a crash).
     *
     * @param id a client order id in use at the venue.
     */
    public void skipClientOrderIdsThrough(final long id)
    {
        if (id >= nextClientOrderId)
        {
            nextClientOrderId = id + 1;
        }
    }

    /**
     * Writes what the manager needs to continue exactly: the id counter and which order is each side's quote. The
     * throttle window and the counters are not written (see docs/decisions/crash-recovery.md). Allocates nothing.
     *
     * @param state the checkpoint's quote manager composite.
     */
    public void encode(final QuoteManagerStateEncoder state)
    {
        state.nextClientOrderId(nextClientOrderId)
            .bidOrderId(orderId[BID])
            .askOrderId(orderId[ASK])
            .bidReplaceId(replaceId[BID])
            .askReplaceId(replaceId[ASK])
            .takeId(takeId);
        state.flags().clear()
            .hasBidOrder(hasOrder[BID])
            .hasAskOrder(hasOrder[ASK])
            .bidReplaceInFlight(hasReplace[BID])
            .askReplaceInFlight(hasReplace[ASK])
            .takeOpen(hasTake);
    }

    /**
     * Takes the state written by {@link #encode}.
     *
     * @param state the checkpoint's quote manager composite.
     */
    public void decode(final QuoteManagerStateDecoder state)
    {
        nextClientOrderId = state.nextClientOrderId();
        orderId[BID] = state.bidOrderId();
        orderId[ASK] = state.askOrderId();
        replaceId[BID] = state.bidReplaceId();
        replaceId[ASK] = state.askReplaceId();
        takeId = state.takeId();
        final QuoteFlagsDecoder flags = state.flags();
        hasOrder[BID] = flags.hasBidOrder();
        hasOrder[ASK] = flags.hasAskOrder();
        hasReplace[BID] = flags.bidReplaceInFlight();
        hasReplace[ASK] = flags.askReplaceInFlight();
        hasTake = flags.takeOpen();
    }

    /**
     * @return the id the next accepted request will carry.
     */
    public long nextClientOrderId()
    {
        return nextClientOrderId;
    }

    /**
     * @return new orders accepted by the next stage (quotes and takes).
     */
    public long newsSent()
    {
        return newsSent;
    }

    /**
     * @return replaces accepted by the next stage.
     */
    public long replacesSent()
    {
        return replacesSent;
    }

    /**
     * @return cancels accepted by the next stage.
     */
    public long cancelsSent()
    {
        return cancelsSent;
    }

    /**
     * @return requests the next stage refused.
     */
    public long refusedByNextStage()
    {
        return refusedByNextStage;
    }

    /**
     * @return news and replaces held back by the orders-per-second window.
     */
    public long throttled()
    {
        return throttled;
    }

    /**
     * @return replaces held back because the quote was younger than the minimum quote life.
     */
    public long heldByQuoteLife()
    {
        return heldByQuoteLife;
    }

    /**
     * @return times a side (or take) was left alone because its order had a request in flight.
     */
    public long heldInFlight()
    {
        return heldInFlight;
    }

    /**
     * @return news not sent because {@link Orders} had no free slot.
     */
    public long noFreeSlot()
    {
        return noFreeSlot;
    }
}
