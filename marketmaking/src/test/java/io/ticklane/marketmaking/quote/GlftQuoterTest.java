package io.ticklane.marketmaking.quote;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Guéant, Lehalle &amp; Fernandez-Tapia asymptotic quotes, against a published vector and a case by hand.
 */
class GlftQuoterTest
{
    private final QuoterRegistry registry = QuoterRegistry.standard();
    private final TargetQuote out = new TargetQuote();

    /**
     * Test vector from the hftbacktest tutorial "GLFT Market Making Model and Grid Trading" (nkaz001/hftbacktest,
     * docs/tutorials, which applies Guéant 2017 eqs. 4.6–4.7 to Binance BTCUSDT futures): γ = 0.05, Δ = 1,
     * σ = 10.69 ticks, A ≈ 2.98616, k ≈ 0.0423574 give half-spread ≈ 20.4721 and skew ≈ 9.7633 ticks.
     * Our own arithmetic: ξΔ/k = 0.05/0.0423574 = 1.1804313; c1 = 20·ln(2.1804313) = 20·0.7795227 = 15.590454;
     * (k/(ξΔ) + 1) = 1.847148, 2.1804313^1.847148 = e^(1.847148·0.7795227) = e^1.439894 = 4.220248;
     * γ/(2AΔk) = 0.05/0.2529719 = 0.1976504; c2 = √(0.1976504·4.220248) = √0.834134 = 0.9133091;
     * skew = 10.69·0.9133091 = 9.763274; half-spread = 15.590454 + 0.5·9.763274 = 20.472091.
     */
    @Test
    void halfSpreadAndSkewMatchThePublishedVector()
    {
        final Quoter quoter = registry.create("glft(gamma=0.05,order_size=1,sigma=10.69,a=2.98616,k=0.0423574)");
        quoter.quote(new QuoteInputs().midPrice(100_000).inventory(0), out);
        assertEquals(20.4721, out.halfSpread(), 5e-5);
        assertEquals(20.472091, out.halfSpread(), 1e-6);
        assertEquals(9.7633, 10.69 * GlftQuoter.c2(0.05, 0.05, 1, 2.98616, 0.0423574), 5e-5);
        assertEquals(9.763274, 10.69 * GlftQuoter.c2(0.05, 0.05, 1, 2.98616, 0.0423574), 1e-6);

        // q = 2: r = s − 2·9.763274 = 99 980.473452; bid = 100 000 − (20.472091 + 19.526548) = 99 960.001361 → 99 960;
        // ask = 100 000 + (20.472091 − 19.526548) = 100 000.945543 → 100 001.
        quoter.quote(new QuoteInputs().midPrice(100_000).inventory(2), out);
        assertEquals(9.763274, out.skew() / 2, 1e-6);
        assertEquals(99_960, out.bidPrice());
        assertEquals(100_001, out.askPrice());
    }

    @Test
    void unitParametersGiveTheClosedFormByHand()
    {
        // γ = ξ = 1, Δ = 1, A = 1, k = 1, σ = 1: c1 = ln 2 = 0.6931472; c2 = √(½·2²) = √2 = 1.4142136;
        // half = 0.6931472 + 0.7071068 = 1.4002540; skew = 1.4142136.
        // s = 100, q = 1: bid = 100 − 2.8144676 = 97.1855 → 97; ask = 100 − 0.0139596 = 99.98604 → 100.
        registry.create("glft(gamma=1,order_size=1,sigma=1,a=1,k=1)")
            .quote(new QuoteInputs().midPrice(100).inventory(1).touch(99, 101), out);
        assertEquals(Math.log(2) + Math.sqrt(0.5), out.halfSpread(), 1e-12);
        assertEquals(Math.sqrt(2), out.skew(), 1e-12);
        assertEquals(100 - Math.sqrt(2), out.reservationPrice(), 1e-12);
        assertEquals(97, out.bidPrice());
        assertEquals(100, out.askPrice());
    }

    @Test
    void xiDefaultsToGammaAndCanBeSetApart()
    {
        // ξ = 2, Δ = 1, k = 1: c1 = ½·ln 3 = 0.5493061 (independent of γ).
        assertEquals(0.5 * Math.log(3), GlftQuoter.c1(2, 1, 1), 1e-12);
        // γ = 1, ξ = 2, A = 1: c2 = √(½·3^(1.5)) = √2.5980762 = 1.6118549.
        assertEquals(Math.sqrt(0.5 * Math.pow(3, 1.5)), GlftQuoter.c2(1, 2, 1, 1, 1), 1e-12);
        registry.create("glft(gamma=1,xi=2,sigma=1,a=1,k=1)").quote(new QuoteInputs().midPrice(100), out);
        assertEquals(0.5 * Math.log(3) + 0.5 * Math.sqrt(0.5 * Math.pow(3, 1.5)), out.halfSpread(), 1e-12);
    }

    @Test
    void intensityFromInputsAndFallbacks()
    {
        final Quoter quoter = registry.create("glft(gamma=1,sigma=1,k=1,a_fallback=1)");
        final QuoteInputs in = new QuoteInputs().midPrice(100);
        quoter.quote(in, out); // A NaN in the inputs: the fallback A = 1 → the unit case above
        assertEquals(Math.log(2) + Math.sqrt(0.5), out.halfSpread(), 1e-12);
        // A = 4 from the engine: c2 = √(1/(2·4·1)·2²) = √0.5 = 0.7071068; q = 1 so the skew field s − r = σ·c2·q.
        quoter.quote(in.intensity(4, Double.NaN).inventory(1), out);
        assertEquals(Math.sqrt(0.5), out.skew(), 1e-12);
        assertEquals(Math.log(2) + 0.5 * Math.sqrt(0.5), out.halfSpread(), 1e-12);
    }
}
