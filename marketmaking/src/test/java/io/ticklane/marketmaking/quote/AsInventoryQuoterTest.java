package io.ticklane.marketmaking.quote;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AS++: r = s − q·τ·(γσ² + 2φ), half = ½γσ²τ + (1/γ)ln(1 + γ/k), hard limits ±q_max, by hand with γ = 0.1,
 * σ = 2, τ = 1, φ = 0.5, k = 1.5, q_max = 3, order_size = 2: half = 0.2 + 10·ln(16/15) = 0.8453852.
 */
class AsInventoryQuoterTest
{
    private static final double HALF = 0.2 + 10 * Math.log(16.0 / 15.0);
    private final TargetQuote out = new TargetQuote();
    private final Quoter quoter = QuoterRegistry.standard().create(
        "as-inventory(gamma=0.1,horizon_s=1,inventory_penalty=0.5,q_max=3,order_size=2,sigma=2,k=1.5)");

    @Test
    void penaltyAddsToTheInventorySkew()
    {
        // q = 1: r = 100 − 1·1·(0.4 + 1.0) = 98.6; bid 97.7546 → 97 (2 lots), ask 99.4454 → 100 (2 lots).
        quoter.quote(new QuoteInputs().midPrice(100).inventory(1).touch(99, 101), out);
        assertEquals(98.6, out.reservationPrice(), 1e-9);
        assertEquals(HALF, out.halfSpread(), 1e-9);
        assertEquals(97, out.bidPrice());
        assertEquals(2, out.bidQuantity());
        assertEquals(100, out.askPrice());
        assertEquals(2, out.askQuantity());
    }

    @Test
    void bidSizeShrinksSoAFillCannotPassTheLimit()
    {
        // q = 2: room to +3 is 1 lot.
        quoter.quote(new QuoteInputs().midPrice(100).inventory(2).touch(99, 101), out);
        assertEquals(1, out.bidQuantity());
        assertEquals(2, out.askQuantity());
    }

    @Test
    void atTheLimitsQuotingIsOneSided()
    {
        quoter.quote(new QuoteInputs().midPrice(100).inventory(3).touch(99, 101), out);
        assertFalse(out.hasBid());
        assertTrue(out.hasAsk());

        quoter.quote(new QuoteInputs().midPrice(100).inventory(-3).touch(99, 101), out);
        assertTrue(out.hasBid());
        assertFalse(out.hasAsk());

        quoter.quote(new QuoteInputs().midPrice(100).inventory(-7).touch(99, 101), out); // beyond: still reducing only
        assertTrue(out.hasBid());
        assertEquals(2, out.bidQuantity());
        assertFalse(out.hasAsk());
    }
}
