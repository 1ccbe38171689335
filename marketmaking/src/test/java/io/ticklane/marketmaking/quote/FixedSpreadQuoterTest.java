package io.ticklane.marketmaking.quote;

import io.ticklane.orderbook.PriceLadder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * fixed: bid = s − H − S·q rounded down, ask = s + H − S·q rounded up, then post-only against the touch; each case by
 * hand.
 */
class FixedSpreadQuoterTest
{
    private final QuoterRegistry registry = QuoterRegistry.standard();
    private final TargetQuote out = new TargetQuote();

    @ParameterizedTest(name = "best {0}/{1}, H={2}, S={3}, q={4} -> {5}/{6}")
    @CsvSource({
        // best bid, best ask, H, S, q, bid, ask
        "100, 101, 0.5,  0,    0, 100, 101", // s = 100.5: 100 and 101 exactly, the touch
        "100, 102, 1,    0,    0, 100, 102", // s = 101: whole ticks stay put
        "100, 103, 1,    0,    0, 100, 103", // odd spread, s = 101.5: 100.5 down to 100, 102.5 up to 103
        "100, 102, 1.5,  0,    0,  99, 103", // s = 101: 99.5 down, 102.5 up
        "100, 102, 0.5,  0,    0, 100, 102", // s = 101: 100.5 down, 101.5 up: never 101/101
        "90,  111, 2,    1,    3,  95, 100", // s = 100.5, r = 97.5: 95.5 → 95, 99.5 → 100
        "90,  111, 2,    0.5, -2,  99, 104", // s = 100.5, r = 101.5: 99.5 → 99, 103.5 → 104
        "90,  111, 2.25, 0.25, 1,  98, 103", // s = 100.5, r = 100.25: 98.0 → 98, 102.5 → 103
    })
    void roundsTheBidDownAndTheAskUp(
        final long bestBid, final long bestAsk, final double h, final double s, final long q, final long bid, final long ask)
    {
        registry.create("fixed(half_spread_ticks=" + h + ",skew_ticks_per_lot=" + s + ",size=1)")
            .quote(inputs(bestBid, bestAsk, q), out);
        assertEquals(bid, out.bidPrice());
        assertEquals(ask, out.askPrice());
        final double mid = 0.5 * (bestBid + bestAsk);
        assertEquals(mid - s * q, out.reservationPrice(), 1e-12);
        assertEquals(h, out.halfSpread(), 0.0);
        assertEquals(s * q, out.skew(), 1e-12);
    }

    @Test
    void aSkewThatWouldCrossTheTouchIsHeldOneTickOutsidePostOnly()
    {
        // best 100/101, s = 100.5, q = +3, S = 1, H = 2: r = 97.5, bid 95.5 → 95, ask 99.5 → 100, at the best bid:
        // post-only moves it to 101 (best bid + 1). Without post-only the ask stays at 100, marketable.
        final String spec = "fixed(half_spread_ticks=2,skew_ticks_per_lot=1,size=3";
        registry.create(spec + ")").quote(inputs(100, 101, 3), out);
        assertEquals(95, out.bidPrice());
        assertEquals(101, out.askPrice());
        assertEquals(3, out.askQuantity());

        registry.create(spec + ",post_only=false)").quote(inputs(100, 101, 3), out);
        assertEquals(100, out.askPrice());

        // short 3: r = 103.5, bid 101.5 → 101 at the best ask: post-only 100.
        registry.create(spec + ")").quote(inputs(100, 101, -3), out);
        assertEquals(100, out.bidPrice());
        assertEquals(106, out.askPrice());
    }

    @Test
    void atTheInventoryLimitOnlyTheReducingSideIsQuoted()
    {
        final Quoter quoter = registry.create("fixed(half_spread_ticks=1,skew_ticks_per_lot=0.5,max_position=4)");
        quoter.quote(inputs(90, 111, 4), out); // r = 98.5: the ask 99.5 → 100 stays
        assertFalse(out.hasBid());
        assertEquals(100, out.askPrice());
        quoter.quote(inputs(90, 111, -4), out); // r = 102.5: the bid 101.5 → 101 stays
        assertEquals(101, out.bidPrice());
        assertFalse(out.hasAsk());
        quoter.quote(inputs(90, 111, 3), out);
        assertTrue(out.hasBid() && out.hasAsk());
    }

    @Test
    void behindTouchCapsTheQuotesAtTheBestPricesInsteadOfImproving()
    {
        // best 100/104, s = 102, H = 1, q = 0: 101/103 inside the spread; behind_touch: 100/104.
        registry.create("fixed(half_spread_ticks=1)").quote(inputs(100, 104, 0), out);
        assertEquals(101, out.bidPrice());
        assertEquals(103, out.askPrice());
        registry.create("fixed(half_spread_ticks=1,behind_touch=true)").quote(inputs(100, 104, 0), out);
        assertEquals(100, out.bidPrice());
        assertEquals(104, out.askPrice());
        // q = +3, S = 1: r = 99, bid 98 (below the touch, kept), ask 100 → capped up to the best ask 104.
        registry.create("fixed(half_spread_ticks=1,skew_ticks_per_lot=1,behind_touch=true)")
            .quote(inputs(100, 104, 3), out);
        assertEquals(98, out.bidPrice());
        assertEquals(104, out.askPrice());
        assertEquals(99.0, out.reservationPrice(), 0.0);
    }

    @Test
    void noMidMeansNoQuoteOnEitherSide()
    {
        final Quoter quoter = registry.create("fixed");
        quoter.quote(new QuoteInputs().touch(100, PriceLadder.NULL_PRICE).midPrice(Double.NaN), out);
        assertFalse(out.hasBid());
        assertFalse(out.hasAsk());
        assertTrue(Double.isNaN(out.reservationPrice()));
    }

    @Test
    void sizesFollowTheShaperRules()
    {
        registry.create("fixed(size=5,lot=2)").quote(inputs(100, 101, 0), out);
        assertEquals(4, out.bidQuantity());
        assertEquals(4, out.askQuantity());
        registry.create("fixed(size=1,min_size=2)").quote(inputs(100, 101, 0), out);
        assertFalse(out.hasBid() || out.hasAsk());
    }

    @Test
    void aHalfSpreadBelowHalfATickIsRejected()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> registry.create("fixed(half_spread_ticks=0.25)"));
        assertTrue(ex.getMessage().contains("half_spread_ticks=0.25 must be >= 0.5"), ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> registry.create("fixed(skew_ticks_per_lot=-1)"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("fixed(size=0)"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("touch(offset_ticks=-1)"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("fixed(max_position=0)"));
    }

    private static QuoteInputs inputs(final long bestBid, final long bestAsk, final long q)
    {
        return new QuoteInputs().touch(bestBid, bestAsk).midPrice(0.5 * (bestBid + bestAsk)).inventory(q);
    }
}
