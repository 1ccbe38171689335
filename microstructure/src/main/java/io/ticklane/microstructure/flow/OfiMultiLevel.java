package io.ticklane.microstructure.flow;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;
import io.ticklane.orderbook.OrderBook;
import io.ticklane.orderbook.PriceLadder;

/**
 * Depth-normalised multi-level order flow imbalance of the latest event, {@code ofi_ml}: Xu, Gould &amp; Howison
 * (2019), "Multi-Level Order-Flow Imbalance in a Limit Order Book", Market Microstructure and Liquidity 4(3&amp;4)
 * 1950011 (arXiv 1907.06230):
 * the e_n of Cont, Kukanov &amp; Stoikov (2014) applied to the m-th level of each side, m = 1..M; normalised by depth as
 * Cont, Cucuringu &amp; Zhang (2023), "Cross-impact of order flow imbalance in equity markets", Quantitative
 * Finance 23(10) (arXiv 2112.13213), do for their multi-level OFI:
 * <pre>
 * e^m_n = 1{P^B_m,n &gt;= P^B_m,n-1} q^B_m,n - 1{P^B_m,n &lt;= P^B_m,n-1} q^B_m,n-1
 *       - 1{P^A_m,n &lt;= P^A_m,n-1} q^A_m,n + 1{P^A_m,n &gt;= P^A_m,n-1} q^A_m,n-1
 * D_n-1 = (1/M) sum_m (q^B_m,n-1 + q^A_m,n-1) / 2
 * ofi_ml = (sum_m e^m_n) / D_n-1
 * </pre>
 * Unit: dimensionless (lots of flow per lot of average level depth). Parameter: levels M (1..10, default 10).
 * <p>
 * Definition choices: the m-th level is the m-th non-empty price on its side; a side with fewer than m levels has
 * level m at minus (bid) or plus (ask) infinity with size 0, and such missing levels count as depth 0 in D (the
 * mean is always over M levels, as in Cont et al.). D is taken from the book before the event (n-1), so the
 * normaliser does not contain the event it normalises; the 2023 paper averages depth over the interval instead.
 * Warm-up: NaN before and on the first BOOK event; 0 after a later TRADE event (no book change); NaN when D_n-1 = 0 (both sides
 * empty before the event).
 */
public final class OfiMultiLevel extends Factor
{
    /** Most levels supported. */
    public static final int MAX_LEVELS = 10;

    private final int levels;
    private long[] bidP;
    private long[] bidQ;
    private long[] askP;
    private long[] askQ;
    private long[] bidPPrev;
    private long[] bidQPrev;
    private long[] askPPrev;
    private long[] askQPrev;
    private boolean hasPrevious;
    private double value = Double.NaN;

    /**
     * @param id     factor id.
     * @param levels levels per side, 1..{@value #MAX_LEVELS}.
     */
    public OfiMultiLevel(final String id, final int levels)
    {
        super(id);
        if (levels < 1 || levels > MAX_LEVELS)
        {
            throw new IllegalArgumentException(id + ": levels must be between 1 and " + MAX_LEVELS + ": " + levels);
        }
        this.levels = levels;
        bidP = new long[levels];
        bidQ = new long[levels];
        askP = new long[levels];
        askQ = new long[levels];
        bidPPrev = new long[levels];
        bidQPrev = new long[levels];
        askPPrev = new long[levels];
        askQPrev = new long[levels];
    }

    public void onEvent(final MarketEvent event)
    {
        if (MarketEvent.BOOK != event.kind())
        {
            if (hasPrevious)
            {
                value = 0.0;
            }
            return;
        }

        final OrderBook book = event.book();
        copyLevels(book.bids(), bidP, bidQ);
        copyLevels(book.asks(), askP, askQ);
        if (hasPrevious)
        {
            long flow = 0;
            long depth = 0;
            for (int m = 0; m < levels; m++)
            {
                flow += OrderFlowImbalance.flow(
                    bidPPrev[m], bidQPrev[m], bidP[m], bidQ[m], askPPrev[m], askQPrev[m], askP[m], askQ[m]);
                depth += bidQPrev[m] + askQPrev[m];
            }
            // D = depth / (2M); flow / D = 2M * flow / depth.
            value = 0 == depth ? Double.NaN : (2.0 * levels * flow) / depth;
        }
        hasPrevious = true;

        long[] swap = bidP;
        bidP = bidPPrev;
        bidPPrev = swap;
        swap = bidQ;
        bidQ = bidQPrev;
        bidQPrev = swap;
        swap = askP;
        askP = askPPrev;
        askPPrev = swap;
        swap = askQ;
        askQ = askQPrev;
        askQPrev = swap;
    }

    public double value()
    {
        return value;
    }

    private void copyLevels(final PriceLadder ladder, final long[] prices, final long[] quantities)
    {
        final int count = ladder.levels(prices, quantities, levels);
        for (int m = count; m < levels; m++)
        {
            prices[m] = PriceLadder.NULL_PRICE;
            quantities[m] = 0;
        }
    }
}
