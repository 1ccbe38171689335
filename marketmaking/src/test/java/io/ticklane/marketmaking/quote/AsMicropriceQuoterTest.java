package io.ticklane.marketmaking.quote;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * ASMP: the wrapped quoter sees the micro-price as its reference. Base: GLFT with unit parameters (γ = ξ = Δ = A =
 * k = σ = 1): half = ln 2 + √½ = 1.4002540, skew = √2 = 1.4142136 per lot.
 */
class AsMicropriceQuoterTest
{
    private static final String BASE = "glft(gamma=1,sigma=1,a=1,k=1)";
    private final QuoterRegistry registry = QuoterRegistry.standard();
    private final TargetQuote out = new TargetQuote();

    @Test
    void quotesAroundTheMicroPrice()
    {
        // s = micro = 101.5, q = 1: r = 101.5 − 1.4142136 = 100.0857864; bid = 98.6855 → 98; ask = 101.4860 → 102.
        registry.create("as-microprice(base=" + BASE + ")")
            .quote(new QuoteInputs().midPrice(100).microPrice(101.5).inventory(1).touch(99, 101), out);
        assertEquals(101.5 - Math.sqrt(2), out.reservationPrice(), 1e-12);
        assertEquals(Math.sqrt(2), out.skew(), 1e-12);
        assertEquals(98, out.bidPrice());
        assertEquals(102, out.askPrice());
    }

    @Test
    void noMicroPriceMeansNoQuoteUnlessMidFallbackIsAskedFor()
    {
        final QuoteInputs in = new QuoteInputs().midPrice(100).inventory(1).touch(99, 101);
        registry.create("as-microprice(base=" + BASE + ")").quote(in, out);
        assertFalse(out.hasBid());
        assertFalse(out.hasAsk());

        // around the mid: bid 100 − 2.8144676 = 97.19 → 97; ask 99.986 → 100.
        registry.create("as-microprice(base=" + BASE + ",mid_fallback=true)").quote(in, out);
        assertEquals(97, out.bidPrice());
        assertEquals(100, out.askPrice());
    }

    @Test
    void postOnlyUsesTheRealTouch()
    {
        // micro 104: ask = 104 − 0.0139596 = 103.986 → 104; bid 101.1855 → 101 ≥ best ask 101 → 100.
        registry.create("as-microprice(base=" + BASE + ")")
            .quote(new QuoteInputs().midPrice(100).microPrice(104).inventory(1).touch(99, 101), out);
        assertEquals(100, out.bidPrice());
        assertEquals(104, out.askPrice());
    }
}
