package io.ticklane.marketmaking.quote;

import io.ticklane.sbe.Side;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AS+++: past the hedge threshold, a reducing marketable order at the touch ± collar of min(|q| − target, max_take).
 */
class AsHedgeQuoterTest
{
    private static final String PARAMS = "gamma=0.1,horizon_s=1,sigma=2,k=1.5,hedge_threshold=5,hedge_target=1,collar_ticks=2";
    private final QuoterRegistry registry = QuoterRegistry.standard();
    private final TargetQuote out = new TargetQuote();
    private final QuoteInputs in = new QuoteInputs().midPrice(100).touch(99, 101);

    @Test
    void belowTheThresholdItOnlyQuotes()
    {
        registry.create("as-hedge(" + PARAMS + ",max_take=3)").quote(in.inventory(4), out);
        assertFalse(out.hasTake());
        assertTrue(out.hasBid());
        assertTrue(out.hasAsk());
    }

    @Test
    void longPastTheThresholdSellsIntoTheBidAndStopsBidding()
    {
        // q = 6: sell min(6 − 1, 3) = 3 at 99 − 2 = 97.
        registry.create("as-hedge(" + PARAMS + ",max_take=3)").quote(in.inventory(6), out);
        assertTrue(out.hasTake());
        assertEquals(Side.SELL, out.takeSide());
        assertEquals(97, out.takePrice());
        assertEquals(3, out.takeQuantity());
        assertFalse(out.hasBid());
        assertTrue(out.hasAsk());
    }

    @Test
    void shortAtTheThresholdBuysFromTheAskAndStopsOffering()
    {
        // q = −5: buy min(5 − 1, 10) = 4 at 101 + 2 = 103.
        registry.create("as-hedge(" + PARAMS + ",max_take=10)").quote(in.inventory(-5), out);
        assertEquals(Side.BUY, out.takeSide());
        assertEquals(103, out.takePrice());
        assertEquals(4, out.takeQuantity());
        assertFalse(out.hasAsk());
        assertTrue(out.hasBid());
    }

    @Test
    void takeSizeFollowsTheLotRule()
    {
        // q = 8: min(7, 10) = 7 → lot 2 → 6.
        registry.create("as-hedge(" + PARAMS + ",max_take=10,lot=2,order_size=2)").quote(in.inventory(8), out);
        assertEquals(6, out.takeQuantity());
    }

    @Test
    void withNoBidsToSellIntoThereIsNoTakeButTheBidStaysWithdrawn()
    {
        final QuoteInputs oneSided = new QuoteInputs().midPrice(100).touch(io.ticklane.orderbook.PriceLadder.NULL_PRICE, 101);
        registry.create("as-hedge(" + PARAMS + ")").quote(oneSided.inventory(6), out);
        assertFalse(out.hasTake());
        assertFalse(out.hasBid());
    }
}
