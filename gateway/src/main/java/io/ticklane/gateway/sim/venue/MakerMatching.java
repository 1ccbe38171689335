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
    private final int[] liveBuys;
    private final int[] liveSells;

    /**
     * @param l3Book the same book as {@code book} on order-by-order data, else null.
     */
    MakerMatching(
        final OrderBook book,
        final L3Book l3Book,
        final VenueOrders orders,
        final Fills fills,
        final QueueModel queueModel,
        final long unitsPerTick)
    {
        this.book = book;
        this.l3Book = l3Book;
        this.orders = orders;
        this.fills = fills;
        this.queueModel = queueModel;
        this.unitsPerTick = unitsPerTick;
        this.price = orders.price;
        this.leaves = orders.leaves;
        this.ahead = orders.ahead;
        this.tradedAtPrice = orders.tradedAtPrice;
        this.levelQuantity = orders.levelQuantity;
        this.liveBuys = orders.liveBuys;
        this.liveSells = orders.liveSells;
    }

    /**
     * A print of the instrument, on price-level data.
     */
    void onTrade(final long priceUnits, final long tradeQuantity, final AggressorSide aggressor, final TradeType type)
    {
        if (TradeType.CROSS == type || tradeQuantity <= 0)
        {
            return; // an auction print says nothing about our queue
        }
        if (AggressorSide.BUY != aggressor)
        {
            fillOnTrade(liveBuys, true, priceUnits, tradeQuantity);
        }
        if (AggressorSide.SELL != aggressor)
        {
            fillOnTrade(liveSells, false, priceUnits, tradeQuantity);
        }
    }

    private void fillOnTrade(final int[] live, final boolean buys, final long priceUnits, final long tradeQuantity)
    {
        long pool = tradeQuantity;
        int i = 0;
        while (i < orders.liveCount(buys))
        {
            final int slot = live[i];
            final long orderUnits = price[slot] * unitsPerTick;
            final long through = buys ? orderUnits - priceUnits : priceUnits - orderUnits;
            if (through < 0)
            {
                return; // priority order: every later order is further from the print
            }
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
                    fillQuantity = Math.min(Math.min(leaves[slot], -after), pool);
                }
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
     * After the book applied a frame: queues follow their levels (price-level data), and an order the opposite
     * best reaches fills in full.
     */
    void onBookChanged()
    {
        if (BookState.LIVE != book.state())
        {
            return;
        }
        if (null == l3Book)
        {
            updateQueues(liveBuys, orders.liveCount(true), book.bids());
            updateQueues(liveSells, orders.liveCount(false), book.asks());
        }

        final long bestAsk = book.bestAskPrice();
        while (orders.liveCount(true) > 0 && PriceLadder.NULL_PRICE != bestAsk && bestAsk <= price[liveBuys[0]])
        {
            final int slot = liveBuys[0];
            fills.fill(slot, leaves[slot], price[slot], true);
            orders.unlinkAt(liveBuys, 0, true);
            orders.release(slot);
        }
        final long bestBid = book.bestBidPrice();
        while (orders.liveCount(false) > 0 && PriceLadder.NULL_PRICE != bestBid && bestBid >= price[liveSells[0]])
        {
            final int slot = liveSells[0];
            fills.fill(slot, leaves[slot], price[slot], true);
            orders.unlinkAt(liveSells, 0, false);
            orders.release(slot);
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
