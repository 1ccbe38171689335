package io.ticklane.marketmaking.quote;

import io.ticklane.orderbook.PriceLadder;
import io.ticklane.sbe.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuoteShaperTest
{
    private static final long NONE = PriceLadder.NULL_PRICE;
    private final TargetQuote out = new TargetQuote();

    @ParameterizedTest(name = "bid {0} with touch {1}/{2}, post_only={3} -> {4}")
    @CsvSource({
        // model price, best bid, best ask, post-only, expected bid ticks
        "99.7,    99,  101, true,  99",   // rounded down, away from the touch
        "99.0,    99,  101, true,  99",   // already on a tick
        "98.9999999999, 99, 101, true, 99", // floating-point noise below a tick counts as on it
        "-3.2,    -5,   0,  true,  -4",   // floor, not truncation, for negative prices
        "101.0,   99,  101, true,  100",  // at the best ask: one tick behind it
        "105.3,   99,  101, true,  100",  // through the best ask: one tick behind it
        "105.3,   99,  101, false, 105",  // post-only off: as rounded
        "105.3,   99, NONE, true,  105",  // no asks: nothing to cross
    })
    void bidsRoundDownAndNeverCrossWhenPostOnly(
        final double price, final long bestBid, final String bestAsk, final boolean postOnly, final long expected)
    {
        final QuoteInputs in = new QuoteInputs().touch(bestBid, touch(bestAsk));
        new QuoteShaper(1, 1, 100, postOnly).bid(in, price, 1, out.clear());
        assertTrue(out.hasBid());
        assertEquals(expected, out.bidPrice());
    }

    @ParameterizedTest(name = "ask {0} with touch {1}/{2}, post_only={3} -> {4}")
    @CsvSource({
        "100.2,   99,  101, true,  101",  // rounded up, away from the touch
        "101.0,   99,  101, true,  101",
        "101.0000000001, 99, 101, true, 101",
        "-3.2,    -5,   0,  true,  -3",   // ceil for negative prices
        "99.0,    99,  101, true,  100",  // at the best bid: one tick above it
        "95.5,    99,  101, true,  100",  // through the best bid
        "95.5,    99,  101, false, 96",
        "95.5,  NONE,  101, true,  96",   // no bids: nothing to cross
    })
    void asksRoundUpAndNeverCrossWhenPostOnly(
        final double price, final String bestBid, final long bestAsk, final boolean postOnly, final long expected)
    {
        final QuoteInputs in = new QuoteInputs().touch(touch(bestBid), bestAsk);
        new QuoteShaper(1, 1, 100, postOnly).ask(in, price, 1, out.clear());
        assertTrue(out.hasAsk());
        assertEquals(expected, out.askPrice());
    }

    @ParameterizedTest(name = "size {0} with lot={1} min={2} max={3} -> {4}")
    @CsvSource({
        // wanted, lot, min_size, max_size, expected (0 = no quote)
        "7,   1, 1, 100, 7",
        "7,   5, 1, 100, 5",    // rounded down to the lot multiple
        "4,   5, 1, 100, 0",    // rounds to 0: below min_size
        "7,   5, 6, 100, 0",    // 5 < min_size 6
        "250, 5, 1, 100, 100",  // capped at max_size
        "250, 1, 1, 100, 100",
        "0,   1, 1, 100, 0",
        "-3,  1, 1, 100, 0",
    })
    void sizesRoundDownToLotsAndRespectMinAndMax(
        final long wanted, final long lot, final long minSize, final long maxSize, final long expected)
    {
        final QuoteShaper shaper = new QuoteShaper(lot, minSize, maxSize, true);
        assertEquals(expected, shaper.size(wanted));

        final QuoteInputs in = new QuoteInputs().touch(99, 101);
        shaper.bid(in, 98.0, wanted, out.clear());
        shaper.ask(in, 102.0, wanted, out);
        assertEquals(expected != 0, out.hasBid());
        assertEquals(expected != 0, out.hasAsk());
        if (expected != 0)
        {
            assertEquals(expected, out.bidQuantity());
            assertEquals(expected, out.askQuantity());
        }
    }

    @Test
    void nonFinitePricesMeanNoQuoteOnThatSide()
    {
        final QuoteInputs in = new QuoteInputs().touch(99, 101);
        final QuoteShaper shaper = new QuoteShaper(1, 1, 10, true);
        shaper.quote(in, 100, 100, Double.POSITIVE_INFINITY, 1, 1, out.clear());
        assertFalse(out.hasBid());
        assertFalse(out.hasAsk());
        shaper.bid(in, Double.NaN, 1, out.clear());
        assertFalse(out.hasBid());
    }

    @Test
    void takeOrdersKeepTheirPriceAndFollowTheSizeRules()
    {
        final QuoteShaper shaper = new QuoteShaper(2, 2, 10, true);
        shaper.take(Side.SELL, 95, 5, out.clear()); // 5 -> 4 (lot 2), price untouched though below the bid
        assertTrue(out.hasTake());
        assertEquals(Side.SELL, out.takeSide());
        assertEquals(95, out.takePrice());
        assertEquals(4, out.takeQuantity());

        shaper.take(Side.BUY, 105, 1, out.clear()); // 1 -> 0 < min 2: no take
        assertFalse(out.hasTake());
    }

    @Test
    void inconsistentSizeLimitsAreConfigurationErrors()
    {
        assertThrows(IllegalArgumentException.class, () -> new QuoteShaper(0, 1, 10, true));
        assertThrows(IllegalArgumentException.class, () -> new QuoteShaper(1, 5, 4, true));
        assertThrows(IllegalArgumentException.class, () -> new QuoteShaper(3, 1, 10, true)); // 10 not a multiple of 3
    }

    private static long touch(final String text)
    {
        return "NONE".equals(text) ? NONE : Long.parseLong(text);
    }
}
