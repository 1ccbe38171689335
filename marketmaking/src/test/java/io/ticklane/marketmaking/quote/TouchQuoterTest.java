package io.ticklane.marketmaking.quote;

import io.ticklane.orderbook.PriceLadder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * touch: join, or improve by offset_ticks while our bid stays below our ask and each side at least one tick inside
 * the opposite best; every expected price is worked out by hand from k = min(offset, ⌊(spread − 1)/2⌋).
 */
class TouchQuoterTest
{
    private final QuoterRegistry registry = QuoterRegistry.standard();
    private final TargetQuote out = new TargetQuote();

    @ParameterizedTest(name = "best {0}/{1}, offset {2} -> {3}/{4}")
    @CsvSource({
        // bid, ask, offset, our bid, our ask
        "100, 101, 0, 100, 101",  // join
        "100, 101, 1, 100, 101",  // one-tick spread: nothing to improve into, join
        "100, 102, 1, 100, 102",  // two ticks: 101/101 would lock our own quotes, join
        "100, 103, 1, 101, 102",  // three ticks: one inside each side
        "100, 103, 5, 101, 102",  // capped at ⌊(3 − 1)/2⌋ = 1
        "100, 104, 5, 101, 103",  // ⌊3/2⌋ = 1: 102/103 would improve the bid by more than the ask
        "100, 105, 2, 102, 103",  // ⌊4/2⌋ = 2
        "100, 110, 2, 102, 108",  // wide spread: the full offset
    })
    void improvesByTheOffsetButNeverLocksOrCrosses(
        final long bestBid, final long bestAsk, final int offset, final long bid, final long ask)
    {
        registry.create("touch(offset_ticks=" + offset + ",size=2)").quote(new QuoteInputs().touch(bestBid, bestAsk), out);
        assertTrue(out.hasBid());
        assertTrue(out.hasAsk());
        assertEquals(bid, out.bidPrice());
        assertEquals(ask, out.askPrice());
        assertEquals(2, out.bidQuantity());
        assertEquals(2, out.askQuantity());
        assertEquals(0.5 * (bestBid + bestAsk), out.reservationPrice(), 0.0);
        assertEquals(0.5 * (ask - bid), out.halfSpread(), 0.0);
        assertEquals(0.0, out.skew(), 0.0);
    }

    @Test
    void defaultsJoinWithOneLot()
    {
        registry.create("touch").quote(new QuoteInputs().touch(5000, 5007).inventory(9), out);
        assertEquals(5000, out.bidPrice());
        assertEquals(5007, out.askPrice());
        assertEquals(1, out.bidQuantity());
        assertEquals(1, out.askQuantity());
    }

    @Test
    void anEmptySideOfTheBookIsNotQuotedAndTheOtherJoins()
    {
        final Quoter quoter = registry.create("touch(offset_ticks=3)");
        quoter.quote(new QuoteInputs().touch(100, PriceLadder.NULL_PRICE), out);
        assertTrue(out.hasBid());
        assertEquals(100, out.bidPrice());
        assertFalse(out.hasAsk());
        assertTrue(Double.isNaN(out.reservationPrice()));

        quoter.quote(new QuoteInputs().touch(PriceLadder.NULL_PRICE, 110), out);
        assertFalse(out.hasBid());
        assertTrue(out.hasAsk());
        assertEquals(110, out.askPrice());

        quoter.quote(new QuoteInputs(), out);
        assertFalse(out.hasBid());
        assertFalse(out.hasAsk());
    }

    @Test
    void atTheInventoryLimitOnlyTheReducingSideIsQuoted()
    {
        final Quoter quoter = registry.create("touch(size=4,max_position=10)");
        quoter.quote(new QuoteInputs().touch(100, 101).inventory(9), out); // below: both, full size (a fill may reach 13)
        assertTrue(out.hasBid() && out.hasAsk());
        assertEquals(4, out.bidQuantity());
        quoter.quote(new QuoteInputs().touch(100, 101).inventory(10), out);
        assertFalse(out.hasBid());
        assertTrue(out.hasAsk());
        quoter.quote(new QuoteInputs().touch(100, 101).inventory(-12), out);
        assertTrue(out.hasBid());
        assertFalse(out.hasAsk());
    }

    @Test
    void aLockedOrCrossedBookIsNotQuoted()
    {
        final Quoter quoter = registry.create("touch");
        quoter.quote(new QuoteInputs().touch(100, 100), out);
        assertFalse(out.hasBid() || out.hasAsk());
        quoter.quote(new QuoteInputs().touch(101, 100), out);
        assertFalse(out.hasBid() || out.hasAsk());
    }

    @Test
    void sizesFollowTheShaperRules()
    {
        // size 7 with lot 2: 6; max_size 4 caps it; min_size 5 above what is left drops both sides.
        registry.create("touch(size=7,lot=2)").quote(new QuoteInputs().touch(100, 101), out);
        assertEquals(6, out.bidQuantity());
        assertEquals(6, out.askQuantity());
        registry.create("touch(size=7,max_size=4)").quote(new QuoteInputs().touch(100, 101), out);
        assertEquals(4, out.bidQuantity());
        registry.create("touch(size=3,lot=2,min_size=4)").quote(new QuoteInputs().touch(100, 101), out);
        assertFalse(out.hasBid() || out.hasAsk());
    }
}
