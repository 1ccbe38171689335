package io.ticklane.gateway.sim.venue;

import io.ticklane.orderbook.OrderBook;
import io.ticklane.sbe.Side;

/**
 * What our own taking removed from levels the replayed market still shows unchanged. The replayed feed never learns
 * of our trades, so without this memory two IOCs between market updates would take the same lots twice. A record
 * lapses as soon as the market shows its level at another quantity (the market's update supersedes our guess).
 * A small fixed table: an empty or lapsed place is reused first, else the places in turn (round robin).
 */
final class TakenLiquidity
{
    private static final int CAPACITY = 64;

    private final OrderBook book;
    private final long[] takenPrice = new long[CAPACITY];
    private final long[] takenDisplayed = new long[CAPACITY];
    private final long[] takenQuantity = new long[CAPACITY];
    private final boolean[] takenFromBids = new boolean[CAPACITY];
    private int takenNext;

    /**
     * @param book the venue's view of the market, whose displayed quantities make a record lapse.
     */
    TakenLiquidity(final OrderBook book)
    {
        this.book = book;
    }

    /**
     * @param bids       true for a bid level.
     * @param levelPrice ticks.
     * @param displayed  what the market shows at that level now.
     * @return lots we already took from that level while the market showed it at {@code displayed}, else 0.
     */
    long takenAt(final boolean bids, final long levelPrice, final long displayed)
    {
        for (int i = 0; i < CAPACITY; i++)
        {
            if (takenQuantity[i] > 0 && takenPrice[i] == levelPrice && takenFromBids[i] == bids)
            {
                return takenDisplayed[i] == displayed ? takenQuantity[i] : 0;
            }
        }
        return 0;
    }

    /**
     * Remembers that we took {@code taken} more lots from a level the market shows at {@code displayed}.
     */
    void record(final boolean bids, final long levelPrice, final long displayed, final long taken)
    {
        int free = -1;
        for (int i = 0; i < CAPACITY; i++)
        {
            if (takenQuantity[i] > 0 && takenPrice[i] == levelPrice && takenFromBids[i] == bids)
            {
                takenQuantity[i] = (takenDisplayed[i] == displayed ? takenQuantity[i] : 0) + taken;
                takenDisplayed[i] = displayed;
                return;
            }
            if (free < 0 && (0 == takenQuantity[i] || book.side(takenFromBids[i] ? Side.BUY : Side.SELL)
                .quantity(takenPrice[i]) != takenDisplayed[i]))
            {
                free = i;
            }
        }
        final int at = free >= 0 ? free : takenNext++ & (CAPACITY - 1);
        takenPrice[at] = levelPrice;
        takenFromBids[at] = bids;
        takenDisplayed[at] = displayed;
        takenQuantity[at] = taken;
    }
}
