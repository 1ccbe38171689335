package io.ticklane.marketmaking.quote;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * ASAS: half = h₀·(1 + α·v), r = r₀ + β·f, by hand with γ = 0.1, σ = 2, τ = 1, k = 1.5: h₀ = 0.2 + 10·ln(16/15)
 * = 0.8453852, q = 0 so r₀ = s = 100.
 */
class AsAdverseQuoterTest
{
    private static final double H0 = 0.2 + 10 * Math.log(16.0 / 15.0);
    private final TargetQuote out = new TargetQuote();
    private final Quoter quoter = QuoterRegistry.standard().create(
        "as-adverse(gamma=0.1,horizon_s=1,sigma=2,k=1.5,alpha=2,beta=1.5,post_only=false)");

    @Test
    void toxicityWidensAndFlowShifts()
    {
        // v = 0.5, α = 2: half = 0.8453852·2 = 1.6907704; f = 0.8, β = 1.5: r = 101.2;
        // bid = 99.5092 → 99, ask = 102.8908 → 103.
        quoter.quote(new QuoteInputs().midPrice(100).flow(0.5, 0.8), out);
        assertEquals(2 * H0, out.halfSpread(), 1e-9);
        assertEquals(101.2, out.reservationPrice(), 1e-9);
        assertEquals(99, out.bidPrice());
        assertEquals(103, out.askPrice());
    }

    @Test
    void missingSignalsMeanNoAdjustment()
    {
        // plain AS: r = 100, half 0.8453852: bid 99.1546 → 99, ask 100.8454 → 101.
        quoter.quote(new QuoteInputs().midPrice(100).flow(Double.NaN, Double.NaN), out);
        assertEquals(H0, out.halfSpread(), 1e-9);
        assertEquals(100, out.reservationPrice(), 1e-9);
        assertEquals(99, out.bidPrice());
        assertEquals(101, out.askPrice());

        quoter.quote(new QuoteInputs().midPrice(100).flow(Double.NaN, -2), out); // shift only: r = 100 − 3 = 97
        assertEquals(H0, out.halfSpread(), 1e-9);
        assertEquals(97, out.reservationPrice(), 1e-9);
    }

    @Test
    void toxicityIsClampedToOne()
    {
        quoter.quote(new QuoteInputs().midPrice(100).flow(7, Double.NaN), out); // v = 7 → 1: half = 3·h₀
        assertEquals(3 * H0, out.halfSpread(), 1e-9);
    }
}
