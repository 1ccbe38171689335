package io.ticklane.perf.jmh.reference;

import io.ticklane.sbe.Side;

import java.util.HashMap;
import java.util.TreeMap;

/**
 * The order-by-order book most Java code starts with: an object per order, a {@code HashMap} from order id to
 * order, and per side a {@code TreeMap} from price to a level holding its orders in a doubly-linked FIFO (so a cancel
 * from the middle of a queue is O(1), not a scan). It is the yardstick for {@code L3Book}: same events, same checks
 * (unknown order, mismatched side or price, over-reduction), returning false where {@code L3Book} goes STALE.
 */
public final class ObjectL3Book
{
    private final HashMap<Long, Order> orders = new HashMap<>();
    private final TreeMap<Long, Level> bids = new TreeMap<>();
    private final TreeMap<Long, Level> asks = new TreeMap<>();

    private static final class Order
    {
        final long orderId;
        final Side side;
        final Level level;
        long quantity;
        Order previous;
        Order next;

        Order(final long orderId, final Side side, final Level level, final long quantity)
        {
            this.orderId = orderId;
            this.side = side;
            this.level = level;
            this.quantity = quantity;
        }
    }

    private static final class Level
    {
        final long price;
        long quantity;
        int orderCount;
        Order head;
        Order tail;

        Level(final long price)
        {
            this.price = price;
        }
    }

    /**
     * @param orderId  unique order id.
     * @param side     BUY or SELL.
     * @param price    in ticks.
     * @param quantity positive quantity.
     * @return false if malformed or a duplicate id.
     */
    public boolean add(final long orderId, final Side side, final long price, final long quantity)
    {
        if (quantity <= 0 || orders.containsKey(orderId))
        {
            return false;
        }

        final Level level = ladder(side).computeIfAbsent(price, Level::new);
        final Order order = new Order(orderId, side, level, quantity);
        order.previous = level.tail;
        if (null == level.tail)
        {
            level.head = order;
        }
        else
        {
            level.tail.next = order;
        }
        level.tail = order;
        level.orderCount++;
        level.quantity += quantity;
        orders.put(orderId, order);
        return true;
    }

    /**
     * @param orderId  order id.
     * @param side     must match the order.
     * @param price    must match the order.
     * @param quantity cancelled, not more than the order has.
     * @return false if the event does not fit the book.
     */
    public boolean cancel(final long orderId, final Side side, final long price, final long quantity)
    {
        return reduce(orderId, side, price, quantity, false);
    }

    /**
     * @param orderId  order id.
     * @param side     must match the order.
     * @param price    must match the order.
     * @param quantity executed, not more than the order has.
     * @return false if the event does not fit the book.
     */
    public boolean execute(final long orderId, final Side side, final long price, final long quantity)
    {
        return reduce(orderId, side, price, quantity, false);
    }

    /**
     * @param orderId  order id.
     * @param side     must match the order.
     * @param price    must match the order.
     * @param quantity exactly what the order has left.
     * @return false if the event does not fit the book.
     */
    public boolean delete(final long orderId, final Side side, final long price, final long quantity)
    {
        return reduce(orderId, side, price, quantity, true);
    }

    /**
     * @return highest bid price, or {@link TreeMapL2Book#NULL_PRICE}.
     */
    public long bestBidPrice()
    {
        return bids.isEmpty() ? TreeMapL2Book.NULL_PRICE : bids.lastKey();
    }

    /**
     * @return lowest ask price, or {@link TreeMapL2Book#NULL_PRICE}.
     */
    public long bestAskPrice()
    {
        return asks.isEmpty() ? TreeMapL2Book.NULL_PRICE : asks.firstKey();
    }

    /**
     * @return orders resting.
     */
    public int orderCount()
    {
        return orders.size();
    }

    private boolean reduce(final long orderId, final Side side, final long price, final long quantity, final boolean isDelete)
    {
        final Order order = orders.get(orderId);
        if (null == order || order.side != side || order.level.price != price || quantity <= 0 || quantity > order.quantity)
        {
            return false;
        }
        if (isDelete && quantity != order.quantity)
        {
            return false;
        }

        final Level level = order.level;
        order.quantity -= quantity;
        level.quantity -= quantity;
        if (0 == order.quantity)
        {
            unlink(level, order);
            orders.remove(orderId);
            if (0 == level.orderCount)
            {
                ladder(side).remove(price);
            }
        }
        return true;
    }

    private static void unlink(final Level level, final Order order)
    {
        if (null == order.previous)
        {
            level.head = order.next;
        }
        else
        {
            order.previous.next = order.next;
        }
        if (null == order.next)
        {
            level.tail = order.previous;
        }
        else
        {
            order.next.previous = order.previous;
        }
        level.orderCount--;
    }

    private TreeMap<Long, Level> ladder(final Side side)
    {
        return Side.BUY == side ? bids : asks;
    }
}
