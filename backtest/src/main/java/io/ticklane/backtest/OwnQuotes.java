package io.ticklane.backtest;

import java.util.Arrays;

/**
 * Our orders live at the venue, as its execution reports tell (keyed by venue order id, which a replace keeps):
 * what quote uptime and the quoted spread are measured on. ACK adds an order, PARTIAL_FILL and REPLACED update it,
 * FILL and CANCELLED remove it; a REJECTED report leaves the book as it was (a rejected cancel leaves the order
 * live). A market maker holds a handful of orders, so best bid and ask are found by a scan; nothing is allocated
 * unless more orders are live at once than ever before.
 */
public final class OwnQuotes
{
    /**
     * Price of a side with no live order.
     */
    public static final long NONE = Long.MIN_VALUE;

    private long[] venueIds = new long[16];
    private long[] prices = new long[16];
    private boolean[] buys = new boolean[16];
    private int size;

    /**
     * An ACK: the order rests (or is about to be matched).
     *
     * @param venueOrderId the venue's id.
     * @param buy          true for a bid.
     * @param price        ticks.
     */
    public void onLive(final long venueOrderId, final boolean buy, final long price)
    {
        final int at = indexOf(venueOrderId);
        if (at >= 0)
        {
            prices[at] = price;
            buys[at] = buy;
            return;
        }
        if (size == venueIds.length)
        {
            venueIds = Arrays.copyOf(venueIds, size << 1);
            prices = Arrays.copyOf(prices, size << 1);
            buys = Arrays.copyOf(buys, size << 1);
        }
        venueIds[size] = venueOrderId;
        prices[size] = price;
        buys[size] = buy;
        size++;
    }

    /**
     * A REPLACED report: the order now rests at {@code price}.
     *
     * @param venueOrderId the venue's id.
     * @param buy          true for a bid.
     * @param price        ticks.
     */
    public void onReplaced(final long venueOrderId, final boolean buy, final long price)
    {
        onLive(venueOrderId, buy, price);
    }

    /**
     * FILL or CANCELLED: the order is gone.
     *
     * @param venueOrderId the venue's id.
     */
    public void onDone(final long venueOrderId)
    {
        final int at = indexOf(venueOrderId);
        if (at >= 0)
        {
            size--;
            venueIds[at] = venueIds[size];
            prices[at] = prices[size];
            buys[at] = buys[size];
        }
    }

    private int indexOf(final long venueOrderId)
    {
        for (int i = 0; i < size; i++)
        {
            if (venueIds[i] == venueOrderId)
            {
                return i;
            }
        }
        return -1;
    }

    /**
     * @return highest live bid, ticks, or {@link #NONE}.
     */
    public long bestBid()
    {
        long best = NONE;
        for (int i = 0; i < size; i++)
        {
            if (buys[i] && (NONE == best || prices[i] > best))
            {
                best = prices[i];
            }
        }
        return best;
    }

    /**
     * @return lowest live ask, ticks, or {@link #NONE}.
     */
    public long bestAsk()
    {
        long best = NONE;
        for (int i = 0; i < size; i++)
        {
            if (!buys[i] && (NONE == best || prices[i] < best))
            {
                best = prices[i];
            }
        }
        return best;
    }

    /**
     * @return live orders.
     */
    public int size()
    {
        return size;
    }
}
