package io.ticklane.gateway.sim.venue;

/**
 * Maker and taker fees in basis points of notional, the way venues publish them: a maker rebate is a negative
 * maker fee (e.g. maker −0.5 bps, taker 2.5 bps).
 */
public final class BpsFeeModel implements FeeModel
{
    private final double makerBps;
    private final double takerBps;

    /**
     * @param makerBps fee for adding liquidity, bps of notional; negative for a rebate.
     * @param takerBps fee for taking liquidity, bps of notional.
     */
    public BpsFeeModel(final double makerBps, final double takerBps)
    {
        if (Double.isNaN(makerBps) || Double.isInfinite(makerBps) || Double.isNaN(takerBps) || Double.isInfinite(takerBps))
        {
            throw new IllegalArgumentException("fees must be finite: maker=" + makerBps + " taker=" + takerBps);
        }
        this.makerBps = makerBps;
        this.takerBps = takerBps;
    }

    public double fee(final boolean maker, final long price, final long quantity)
    {
        return (double)price * quantity * (maker ? makerBps : takerBps) * 1e-4;
    }

    public String name()
    {
        return "bps(maker=" + makerBps + ",taker=" + takerBps + ")";
    }
}
