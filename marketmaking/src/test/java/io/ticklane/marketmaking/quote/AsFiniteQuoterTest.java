package io.ticklane.marketmaking.quote;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Avellaneda &amp; Stoikov (2008): r = s − qγσ²(T − t), δᵃ + δᵇ = γσ²(T − t) + (2/γ)ln(1 + γ/k), by hand.
 */
class AsFiniteQuoterTest
{
    private static final double EPS = 1e-9;
    private final QuoterRegistry registry = QuoterRegistry.standard();
    private final TargetQuote out = new TargetQuote();

    @Test
    void reservationAndSpreadFollowThePaperAndShrinkWithTimeLeft()
    {
        // γ = 0.1, σ = 2, k = 1.5, T − t = 1 s at the first quote, s = 100, q = 2.
        final Quoter quoter = registry.create("as-finite(gamma=0.1,horizon_s=1,sigma=2,k=1.5)");
        final QuoteInputs in = new QuoteInputs().timeNs(1_000_000_000L).midPrice(100).inventory(2).touch(99, 101);
        quoter.quote(in, out);
        // r = 100 − 2·0.1·4·1 = 99.2; spread = 0.4 + 20·ln(1 + 0.1/1.5) = 0.4 + 20·0.0645385211 = 1.6907704;
        // half = 0.8453852; bid 99.2 − 0.8453852 = 98.3546 → 98; ask 100.0453852 → ceil 101.
        assertEquals(99.2, out.reservationPrice(), EPS);
        assertEquals(0.2 + 10 * Math.log(16.0 / 15.0), out.halfSpread(), EPS);
        assertEquals(0.8, out.skew(), EPS);
        assertEquals(98, out.bidPrice());
        assertEquals(101, out.askPrice());

        // half-way: T − t = 0.5 s: r = 100 − 2·0.1·4·0.5 = 99.6, half = 0.1 + 0.6453852 = 0.7453852.
        quoter.quote(in.timeNs(1_500_000_000L), out);
        assertEquals(99.6, out.reservationPrice(), EPS);
        assertEquals(0.7453852, out.halfSpread(), 1e-7);

        // after T: r = s, half = (1/γ)ln(1 + γ/k) = 0.6453852.
        quoter.quote(in.timeNs(3_000_000_000L), out);
        assertEquals(100.0, out.reservationPrice(), EPS);
        assertEquals(0.6453852, out.halfSpread(), 1e-7);
    }

    @Test
    void noQuoteWhileSigmaIsUnknownUnlessAFallbackIsConfigured()
    {
        final QuoteInputs in = new QuoteInputs().timeNs(0).midPrice(100).intensity(Double.NaN, 1.5);
        registry.create("as-finite(gamma=0.1,horizon_s=1)").quote(in, out);
        assertFalse(out.hasBid());
        assertFalse(out.hasAsk());

        registry.create("as-finite(gamma=0.1,horizon_s=1,sigma_fallback=2)").quote(in, out);
        assertEquals(0.2 + 10 * Math.log(16.0 / 15.0), out.halfSpread(), EPS); // σ = 2 from the fallback

        in.sigma(4); // the estimate wins over the fallback once available: half = ½·0.1·16 + 0.6453852
        registry.create("as-finite(gamma=0.1,horizon_s=1,sigma_fallback=2)").quote(in, out);
        assertEquals(0.8 + 10 * Math.log(16.0 / 15.0), out.halfSpread(), EPS);
    }
}
