package io.ticklane.marketmaking.quote;

/**
 * The closed forms of Avellaneda &amp; Stoikov (2008), "High-frequency trading in a limit order book", Quantitative
 * Finance 8(3), 217–224, shared by the quoters built on them. Exponential utility with risk aversion γ, mid-price a
 * Brownian motion with volatility σ, fills at distance δ arriving with intensity A·e^(−kδ):
 * <pre>
 * r(s, q, τ)        = s − q·γ·σ²·τ                         (τ = T − t)
 * δᵃ + δᵇ            = γ·σ²·τ + (2/γ)·ln(1 + γ/k)        
 * δ(γ, k) (one side) = (1/γ)·ln(1 + γ/k)                    (the liquidity term, §3)
 * </pre>
 */
final class AvellanedaStoikov
{
    private AvellanedaStoikov()
    {
    }

    /**
     * @return r = s − q·γ·σ²·τ.
     */
    static double reservation(final double s, final long q, final double gamma, final double sigma, final double tau)
    {
        return s - q * gamma * sigma * sigma * tau;
    }

    /**
     * @return half the optimal total spread, ½·(γ·σ²·τ + (2/γ)·ln(1 + γ/k)).
     */
    static double halfSpread(final double gamma, final double sigma, final double tau, final double k)
    {
        return 0.5 * gamma * sigma * sigma * tau + liquidityTerm(gamma, k);
    }

    /**
     * @return (1/γ)·ln(1 + γ/k), the distance from a reservation price to the optimal quote.
     */
    static double liquidityTerm(final double gamma, final double k)
    {
        return Math.log1p(gamma / k) / gamma;
    }
}
