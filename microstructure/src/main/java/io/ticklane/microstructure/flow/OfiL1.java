package io.ticklane.microstructure.flow;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;
import io.ticklane.orderbook.OrderBook;
import io.ticklane.orderbook.PriceLadder;

/**
 * Order flow imbalance at the best level of the latest event, {@code ofi_l1}: Cont, Kukanov &amp; Stoikov (2014),
 * "The Price Impact of Order Book Events", J. Financial Econometrics 12(1) 47-88, definition of e_n:
 * <pre>
 * e_n = 1{P^B_n &gt;= P^B_n-1} q^B_n - 1{P^B_n &lt;= P^B_n-1} q^B_n-1
 *     - 1{P^A_n &lt;= P^A_n-1} q^A_n + 1{P^A_n &gt;= P^A_n-1} q^A_n-1
 * </pre>
 * where n-1 is the previous BOOK event. Unit: lots. Positive = net buying pressure at the touch.
 * <p>
 * Warm-up: NaN before and on the first BOOK event (it has no previous top). After a TRADE event the value is 0: a
 * trade does not change the book (its book change arrives as a BOOK event), so the sum of {@code ofi_l1} over all
 * events equals the sum of e_n over consecutive book states. An empty side is a price of minus (bid) or plus (ask)
 * infinity with size 0, as in LOBSTER's book files. If the book went stale and was resynchronised, the first event
 * after it is measured against the last top seen before: the jump is real flow that was not observed piecemeal.
 */
public final class OfiL1 extends Factor
{
    private boolean hasPrevious;
    private long bidPrev;
    private long bidQPrev;
    private long askPrev;
    private long askQPrev;
    private double value = Double.NaN;

    /**
     * @param id factor id.
     */
    public OfiL1(final String id)
    {
        super(id);
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
        final PriceLadder bids = book.bids();
        final PriceLadder asks = book.asks();
        final long bid = bids.bestPrice();
        final long bidQ = bids.bestQuantity();
        final long ask = asks.bestPrice();
        final long askQ = asks.bestQuantity();
        if (hasPrevious)
        {
            value = OrderFlowImbalance.flow(bidPrev, bidQPrev, bid, bidQ, askPrev, askQPrev, ask, askQ);
        }
        hasPrevious = true;
        bidPrev = bid;
        bidQPrev = bidQ;
        askPrev = ask;
        askQPrev = askQ;
    }

    public double value()
    {
        return value;
    }
}
