package io.ticklane.marketmaking.quote;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Avellaneda &amp; Stoikov (2008) §2.4 with ω = ½γ²σ²(q_max + 1)², by hand. With q_max = 2, 2ω/(γ²σ²) = 9, so
 * u(n) = 9 − n², rᵇ = s + (1/γ)·ln(u(q+1)/u(q)), rᵃ = s + (1/γ)·ln(u(q)/u(q−1)); γ = 0.5, k = 1:
 * liquidity term (1/γ)·ln(1 + γ/k) = 2·ln 1.5 = 0.8109302.
 */
class AsInfiniteQuoterTest
{
    private static final double EPS = 1e-9;
    private static final double LIQUIDITY = 2 * Math.log(1.5);
    private final QuoterRegistry registry = QuoterRegistry.standard();
    private final TargetQuote out = new TargetQuote();
    private final Quoter quoter = registry.create("as-infinite(gamma=0.5,q_max=2,k=1,post_only=false)");

    @Test
    void flatInventoryQuotesSymmetrically()
    {
        // q = 0: rᵇ = 100 + 2·ln(8/9) = 99.7644335, rᵃ = 100 + 2·ln(9/8) = 100.2355665;
        // bid = 99.7644335 − 0.8109302 = 98.9535 → 98, ask = 101.0465 → 102.
        quoter.quote(new QuoteInputs().midPrice(100).inventory(0), out);
        assertEquals(100.0, out.reservationPrice(), EPS);
        assertEquals(2 * Math.log(9.0 / 8.0) + LIQUIDITY, out.halfSpread(), EPS);
        assertEquals(98, out.bidPrice());
        assertEquals(102, out.askPrice());
    }

    @Test
    void longInventoryLowersBothReservationPrices()
    {
        // q = 1: rᵇ = 100 + 2·ln(5/8) = 99.0599927, rᵃ = 100 + 2·ln(8/9) = 99.7644335;
        // bid = 98.2490625 → 98, ask = 100.5753637 → 101.
        quoter.quote(new QuoteInputs().midPrice(100).inventory(1), out);
        assertEquals(100 + Math.log(5.0 / 8.0) + Math.log(8.0 / 9.0), out.reservationPrice(), EPS);
        assertEquals(98, out.bidPrice());
        assertEquals(101, out.askPrice());
    }

    @Test
    void atTheInventoryBoundOnlyTheReducingSideIsQuoted()
    {
        // q = +2: u(3) = 0, rᵇ → −∞: no bid. rᵃ = 100 + 2·ln(5/8) = 99.0599927; ask = 99.8709 → 100.
        quoter.quote(new QuoteInputs().midPrice(100).inventory(2), out);
        assertFalse(out.hasBid());
        assertTrue(out.hasAsk());
        assertEquals(100, out.askPrice());
        assertEquals(100 + 2 * Math.log(5.0 / 8.0), out.reservationPrice(), EPS);

        // q = −2: mirror image, no ask; rᵇ = 100 + 2·ln(8/5) = 100.9400073; bid = 100.1291 → 100.
        quoter.quote(new QuoteInputs().midPrice(100).inventory(-2), out);
        assertFalse(out.hasAsk());
        assertEquals(100, out.bidPrice());

        // beyond the bound (q = 5): still only the ask, priced as at q = 2.
        quoter.quote(new QuoteInputs().midPrice(100).inventory(5), out);
        assertFalse(out.hasBid());
        assertEquals(100, out.askPrice());
    }

    @Test
    void anExplicitOmegaNeedsSigmaAndMatchesThePrintedBidFormula()
    {
        // σ = 1, γ = 0.5: γ²σ² = 0.25; ω = 1.125 is the paper's choice for q_max = 2 (½·0.25·9).
        // Paper's rᵇ at q = 1: s + (1/γ)·ln(1 + (−1 − 2)·0.25/(2.25 − 0.25)) = 100 + 2·ln(0.625).
        final Quoter fixed = registry.create("as-infinite(gamma=0.5,q_max=2,k=1,omega=1.125,post_only=false)");
        fixed.quote(new QuoteInputs().midPrice(100).inventory(1).intensity(Double.NaN, 1), out);
        assertFalse(out.hasBid(), "σ unknown: no quote");
        fixed.quote(new QuoteInputs().midPrice(100).inventory(1).sigma(1), out);
        assertEquals(100 + Math.log(0.625) + Math.log(8.0 / 9.0), out.reservationPrice(), EPS);
        assertEquals(98, out.bidPrice());
    }
}
