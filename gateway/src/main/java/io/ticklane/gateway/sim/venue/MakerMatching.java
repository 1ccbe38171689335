package io.ticklane.gateway.sim.venue;

import io.ticklane.orderbook.BookState;
import io.ticklane.orderbook.L3Book;
import io.ticklane.orderbook.OrderBook;
import io.ticklane.orderbook.PriceLadder;
import io.ticklane.sbe.AggressorSide;
import io.ticklane.sbe.L3EventType;
import io.ticklane.sbe.L3OrderEventDecoder;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TradeType;

/**
 * What the replayed market does to our resting orders. A print strictly through an order's price fills it (up to
 * the print's quantity, shared in price-time priority); a print at its price moves its queue through the
 * {@link QueueModel} and fills what gets past the queue ahead; a book change moves the queue of an order whose level
 * changed, and fills in full an order the opposite best reaches. On order-by-order data the queue is exact
 * ({@link FifoQueue}): each order event is placed against our orders before the book applies it. Fills here are
 * maker fills at the order's own price.
 */
final class MakerMatching
{
    private final OrderBook book;
    private final L3Book l3Book;
    private final VenueOrders orders;
    private final Fills fills;
    private final QueueModel queueModel;
    private final long unitsPerTick;
    private final long[] price;
    private final long[] leaves;
    private final long[] ahead;
    private final long[] tradedAtPrice;
    private final long[] levelQuantity;
    private final long[] restedNs;
    private final int[] liveBuys;
    private final int[] liveSells;
    private final TakenLiquidity taken;
    private final boolean exactQueue;
    private long printsWhileStale;
    private long printsUnattributed;
    private long printsBeforeArrival;

    /**
     * @param l3Book the same book as {@code book} on order-by-order data, else null.
     */
    MakerMatching(
        final OrderBook book,
        final L3Book l3Book,
        final VenueOrders orders,
        final TakenLiquidity taken,
        final Fills fills,
        final QueueModel queueModel,
        final long unitsPerTick)
    {
        this.book = book;
        this.l3Book = l3Book;
        this.taken = taken;
        this.exactQueue = queueModel == FifoQueue.INSTANCE;
        this.orders = orders;
        this.fills = fills;
        this.queueModel = queueModel;
        this.unitsPerTick = unitsPerTick;
        this.price = orders.price;
        this.leaves = orders.leaves;
        this.ahead = orders.ahead;
        this.tradedAtPrice = orders.tradedAtPrice;
        this.levelQuantity = orders.levelQuantity;
        this.restedNs = orders.restedNs;
        this.liveBuys = orders.liveBuys;
        this.liveSells = orders.liveSells;
    }

    /**
     * A print of the instrument (on order-by-order data with a queue model other than {@link FifoQueue}, an EXECUTE
     * event turned into one). Nothing fills while the book is not LIVE: its queues and levels are not to be trusted.
     * A print without an aggressor side is attributed by where it printed against the book: at or below the best
     * bid (or below the mid inside the spread) a seller hit bids; at or above the best ask (or above the mid) a buyer
     * lifted asks; at the mid, or with no touch to compare, it is attributed to neither side and fills nothing.
     * Only orders that rested strictly before the print's exchange time take part (at the same nanosecond the market
     * goes first): a print the exchange made before our order arrived (a trade stream lagging the depth stream) never
     * fills it.
     *
     * @param eventTimeNs exchange time of the print.
     */
    void onTrade(
        final long priceUnits,
        final long tradeQuantity,
        final AggressorSide aggressor,
        final TradeType type,
        final long eventTimeNs)
    {
        if (TradeType.CROSS == type || tradeQuantity <= 0)
        {
            return; // an auction print says nothing about our queue
        }
        if (BookState.LIVE != book.state())
        {
            printsWhileStale++;
            return;
        }
        final AggressorSide side = AggressorSide.BUY == aggressor || AggressorSide.SELL == aggressor ?
            aggressor : attribute(priceUnits);
        if (null == side)
        {
            printsUnattributed++;
            return;
        }
        final boolean buys = AggressorSide.SELL == side; // a seller trades with the bids
        final long levelPrice = priceUnits / unitsPerTick;
        if (0 == priceUnits % unitsPerTick)
        {
            // the market's own trade took that much of the level it traded against: not there for a touch fill
            final long displayed = (buys ? book.bids() : book.asks()).quantity(levelPrice);
            if (displayed > 0)
            {
                taken.record(buys, levelPrice, displayed, Math.min(displayed, tradeQuantity));
            }
        }
        fillOnTrade(buys ? liveBuys : liveSells, buys, priceUnits, tradeQuantity, eventTimeNs);
    }

    private AggressorSide attribute(final long priceUnits)
    {
        final long bid = book.bestBidPrice();
        final long ask = book.bestAskPrice();
        if (PriceLadder.NULL_PRICE != bid && priceUnits <= bid * unitsPerTick)
        {
            return AggressorSide.SELL;
        }
        if (PriceLadder.NULL_PRICE != ask && priceUnits >= ask * unitsPerTick)
        {
            return AggressorSide.BUY;
        }
        if (PriceLadder.NULL_PRICE == bid || PriceLadder.NULL_PRICE == ask)
        {
            return null;
        }
        final long twiceMidUnits = (bid + ask) * unitsPerTick;
        final long twicePrint = 2 * priceUnits;
        return twicePrint < twiceMidUnits ? AggressorSide.SELL : twicePrint > twiceMidUnits ? AggressorSide.BUY : null;
    }

    /**
     * Our orders of one side, in price-time priority, against a print. Through the price: filled from the print's
     * quantity in priority order. At the price: the queue model moves what is ahead of each order; what gets past it
     * goes first to our own earlier orders at that price (they are ahead in the queue), then to this one.
     */
    private void fillOnTrade(
        final int[] live, final boolean buys, final long priceUnits, final long tradeQuantity, final long eventTimeNs)
    {
        long pool = tradeQuantity;
        long ownAheadPrice = PriceLadder.NULL_PRICE;
        long ownAhead = 0;
        boolean skipped = false;
        int i = 0;
        while (i < orders.liveCount(buys))
        {
            final int slot = live[i];
            final long orderUnits = price[slot] * unitsPerTick;
            final long through = buys ? orderUnits - priceUnits : priceUnits - orderUnits;
            if (through < 0)
            {
                break; // priority order: every later order is further from the print
            }
            if (restedNs[slot] >= eventTimeNs)
            {
                skipped = true; // it reached the venue after the exchange made this print
                i++;
                continue;
            }
            if (price[slot] != ownAheadPrice)
            {
                ownAheadPrice = price[slot];
                ownAhead = 0;
            }
            final long leavesBefore = leaves[slot];
            long fillQuantity = 0;
            if (through > 0)
            {
                fillQuantity = Math.min(leaves[slot], pool);
            }
            else
            {
                // The print advances the queue even when our better-priced orders used up its quantity: those lots
                // did trade in the market, ahead of us.
                final long after = queueModel.afterTrade(ahead[slot], tradeQuantity);
                tradedAtPrice[slot] += tradeQuantity;
                ahead[slot] = Math.max(0, after);
                if (after < 0)
                {
                    fillQuantity = Math.max(0, Math.min(Math.min(leaves[slot], -after - ownAhead), pool));
                }
            }
            ownAhead += leavesBefore;
            if (fillQuantity > 0)
            {
                pool -= fillQuantity;
                if (fills.fill(slot, fillQuantity, price[slot], true))
                {
                    orders.unlinkAt(live, i, buys);
                    orders.release(slot);
                    continue;
                }
            }
            i++;
        }
        if (skipped)
        {
            printsBeforeArrival++;
        }
    }

    /**
     * An EXECUTE event on order-by-order data when the queue model is not exact: a print at the resting order's
     * price, by an aggressor of the other side.
     */
    void onExecution(final Side restingSide, final long priceTicks, final long quantity, final long eventTimeNs)
    {
        onTrade(priceTicks * unitsPerTick, quantity, Side.BUY == restingSide ? AggressorSide.SELL : AggressorSide.BUY,
            TradeType.REGULAR, eventTimeNs);
    }

    /**
     * After the book applied a frame: queues follow their levels (unless the queue is exact), and an order the
     * opposite side reaches fills from what that side shows at or through its price, net of what our own orders and
     * the market's own prints already took from those levels while they show unchanged ({@link TakenLiquidity}), our
     * orders in price-time priority. Orders that rested at or after the frame's exchange time are left alone.
     *
     * @param eventTimeNs exchange time of the frame.
     */
    void onBookChanged(final long eventTimeNs)
    {
        if (BookState.LIVE != book.state())
        {
            return;
        }
        if (!exactQueue)
        {
            updateQueues(liveBuys, orders.liveCount(true), book.bids());
            updateQueues(liveSells, orders.liveCount(false), book.asks());
        }
        fillOnTouch(liveBuys, true, book.asks(), eventTimeNs);
        fillOnTouch(liveSells, false, book.bids(), eventTimeNs);
    }

    private void fillOnTouch(final int[] live, final boolean buys, final PriceLadder opposite, final long eventTimeNs)
    {
        final long best = opposite.bestPrice();
        if (PriceLadder.NULL_PRICE == best)
        {
            return;
        }
        final int levels = opposite.levelCount();
        int i = 0;
        while (i < orders.liveCount(buys))
        {
            final int slot = live[i];
            final long limit = price[slot];
            if (buys ? best > limit : best < limit)
            {
                return; // priority order: every later order is further from the opposite side
            }
            if (restedNs[slot] >= eventTimeNs)
            {
                i++;
                continue;
            }
            boolean done = false;
            long levelPrice = best;
            int seen = 0;
            while (!done && seen < levels && (buys ? levelPrice <= limit : levelPrice >= limit))
            {
                final long displayed = opposite.quantity(levelPrice);
                if (displayed > 0)
                {
                    seen++;
                    final long takeable = displayed - taken.takenAt(!buys, levelPrice, displayed);
                    if (takeable > 0)
                    {
                        final long fillQuantity = Math.min(leaves[slot], takeable);
                        taken.record(!buys, levelPrice, displayed, fillQuantity);
                        done = fills.fill(slot, fillQuantity, limit, true);
                    }
                }
                levelPrice += buys ? 1 : -1;
            }
            if (done)
            {
                orders.unlinkAt(live, i, buys);
                orders.release(slot);
                continue;
            }
            i++;
        }
    }

    /**
     * Exact FIFO on order-by-order data, before the event is applied to the book (see {@link FifoQueue}).
     */
    void beforeOrderEvent(final L3OrderEventDecoder event)
    {
        final L3EventType type = event.eventType();
        final Side eventSide = event.side();
        if (L3EventType.ADD == type || null == type || Side.NULL_VAL == eventSide || event.quantity() <= 0)
        {
            return;
        }
        final long marketOrderId = event.orderId();
        final long eventQuantity = event.quantity();
        final long known = l3Book.orderQuantity(marketOrderId);
        final long level = known < 0 ? event.price() : l3Book.orderPrice(marketOrderId);
        final long position = Math.max(0, l3Book.quantityAhead(marketOrderId));
        final long leaving;
        if (L3EventType.MODIFY == type)
        {
            if (known < 0)
            {
                return;
            }
            leaving = event.price() == level && eventQuantity <= known ? known - eventQuantity : known;
        }
        else
        {
            leaving = eventQuantity;
        }

        final boolean buys = Side.BUY == eventSide;
        final int[] live = buys ? liveBuys : liveSells;
        final boolean execute = L3EventType.EXECUTE == type;
        long pool = execute ? eventQuantity : 0;
        int i = 0;
        while (i < orders.liveCount(buys))
        {
            final int slot = live[i];
            final long through = buys ? price[slot] - level : level - price[slot];
            if (through < 0)
            {
                return;
            }
            long fillQuantity = 0;
            if (through == 0 && position < ahead[slot])
            {
                ahead[slot] = Math.max(0, ahead[slot] - leaving);
            }
            else if (execute)
            {
                fillQuantity = Math.min(leaves[slot], pool);
            }
            if (fillQuantity > 0)
            {
                pool -= fillQuantity;
                if (fills.fill(slot, fillQuantity, price[slot], true))
                {
                    orders.unlinkAt(live, i, buys);
                    orders.release(slot);
                    continue;
                }
            }
            i++;
        }
    }

    /**
     * @return prints passed over because the book was not LIVE.
     */
    long printsWhileStale()
    {
        return printsWhileStale;
    }

    /**
     * @return prints without an aggressor side that could not be attributed (at the mid, or no touch).
     */
    long printsUnattributed()
    {
        return printsUnattributed;
    }

    /**
     * @return prints that at least one of our orders at or through their price did not take part in, because it
     *         reached the venue after the exchange made the print.
     */
    long printsBeforeArrival()
    {
        return printsBeforeArrival;
    }

    private void updateQueues(final int[] live, final int count, final PriceLadder ladder)
    {
        for (int i = 0; i < count; i++)
        {
            final int slot = live[i];
            final long current = ladder.quantity(price[slot]);
            if (current != levelQuantity[slot])
            {
                ahead[slot] = queueModel.afterLevelChange(ahead[slot], levelQuantity[slot], current, tradedAtPrice[slot]);
                levelQuantity[slot] = current;
                tradedAtPrice[slot] = 0;
            }
        }
    }
}
