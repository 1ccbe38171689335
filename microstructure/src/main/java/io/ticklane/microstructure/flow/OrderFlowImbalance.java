package io.ticklane.microstructure.flow;

import io.ticklane.orderbook.PriceLadder;

/**
 * The order flow of one book event at one level, Cont, Kukanov &amp; Stoikov (2014), definition of e_n:
 * <pre>
 * e_n = 1{P^B_n &gt;= P^B_n-1} q^B_n - 1{P^B_n &lt;= P^B_n-1} q^B_n-1 - 1{P^A_n &lt;= P^A_n-1} q^A_n + 1{P^A_n &gt;= P^A_n-1} q^A_n-1
 * </pre>
 * An empty bid is a bid at minus infinity with size 0 and an empty ask an ask at plus infinity with size 0, which is
 * what LOBSTER's book files write for empty levels (dummy prices, size 0).
 */
final class OrderFlowImbalance
{
    private OrderFlowImbalance()
    {
    }

    /**
     * @param bidPrev  bid price at n-1, or {@link PriceLadder#NULL_PRICE}.
     * @param bidQPrev bid size at n-1 (0 when empty).
     * @param bid      bid price at n, or {@link PriceLadder#NULL_PRICE}.
     * @param bidQ     bid size at n.
     * @param askPrev  ask price at n-1, or {@link PriceLadder#NULL_PRICE}.
     * @param askQPrev ask size at n-1.
     * @param ask      ask price at n, or {@link PriceLadder#NULL_PRICE}.
     * @param askQ     ask size at n.
     * @return e_n in lots.
     */
    static long flow(
        final long bidPrev,
        final long bidQPrev,
        final long bid,
        final long bidQ,
        final long askPrev,
        final long askQPrev,
        final long ask,
        final long askQ)
    {
        // NULL_PRICE is Long.MIN_VALUE: already minus infinity for a bid; an empty ask is plus infinity.
        final long askP = PriceLadder.NULL_PRICE == askPrev ? Long.MAX_VALUE : askPrev;
        final long askN = PriceLadder.NULL_PRICE == ask ? Long.MAX_VALUE : ask;
        long e = 0;
        if (bid >= bidPrev)
        {
            e += bidQ;
        }
        if (bid <= bidPrev)
        {
            e -= bidQPrev;
        }
        if (askN <= askP)
        {
            e -= askQ;
        }
        if (askN >= askP)
        {
            e += askQPrev;
        }
        return e;
    }
}
