package io.ticklane.microstructure.toxicity;

/**
 * How a VPIN bucket's volume is split into buys and sells; chosen by the {@code classification} parameter, because
 * the right choice depends on what the feed tells us.
 */
public enum TradeClassification
{
    /**
     * Bulk volume classification (the 2012 paper): V_B = V·Φ(ΔP/σ_ΔP) per bucket. Needs no trade side; the paper's
     * choice for feeds without one.
     */
    BVC("bvc"),
    /**
     * Tick rule per trade: a trade above the last different price is a buy, below it a sell, at it inherits the
     * previous trade's sign; before any price change the sign is unknown and the volume is split evenly.
     */
    TICK("tick"),
    /**
     * The venue's aggressor side per trade: the truth when the feed says who took liquidity. Trades without one
     * (auctions, crosses) fall back to the tick rule.
     */
    AGGRESSOR("aggressor");

    private final String parameterValue;

    TradeClassification(final String parameterValue)
    {
        this.parameterValue = parameterValue;
    }

    /**
     * @return the value of the {@code classification} parameter that selects it.
     */
    public String parameterValue()
    {
        return parameterValue;
    }

    /**
     * @param factorId for the error message.
     * @param value    the parameter's text.
     * @return the classification.
     * @throws IllegalArgumentException for an unknown value (a configuration error, found at start).
     */
    public static TradeClassification fromParameter(final String factorId, final String value)
    {
        for (final TradeClassification classification : values())
        {
            if (classification.parameterValue.equals(value))
            {
                return classification;
            }
        }
        throw new IllegalArgumentException(
            "factor '" + factorId + "': parameter classification=" + value + " must be one of bvc, tick, aggressor");
    }
}
