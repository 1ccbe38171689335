package io.ticklane.marketmaking.quote;

import io.ticklane.microstructure.Parameters;

/**
 * ASMP: any other quoter referenced to the micro-price (Stoikov 2018, "The micro-price: a high-frequency estimator
 * of future prices", Quantitative Finance 18(12)) instead of the mid. The micro-price is the better estimate of the
 * price the next trades will see, so quoting around it leans the quotes into imbalance before the mid moves.
 * <p>
 * The wrapped quoter is named with a nested spec, {@code as-microprice(base=glft(gamma=0.05,order_size=2))}: the
 * base keeps its own parameters, its own {@link QuoteShaper} (post-only against the real touch) and its own
 * validation, and no prefix scheme is needed. This quoter copies the event into a scratch {@link QuoteInputs}
 * (preallocated) with the mid replaced by {@link QuoteInputs#microPrice()} and lets the base quote it; the
 * reported skew is then micro-price − reservation. A NaN micro-price means no quote, unless
 * {@code mid_fallback=true} (default false) explicitly allows quoting around the mid while the micro-price is not
 * available.
 */
public final class AsMicropriceQuoter implements Quoter
{
    private final String id;
    private final Quoter base;
    private final boolean midFallback;
    private final QuoteInputs view = new QuoteInputs();

    private AsMicropriceQuoter(final String id, final Quoter base, final boolean midFallback)
    {
        this.id = id;
        this.base = base;
        this.midFallback = midFallback;
    }

    static Quoter create(final Parameters params, final QuoterRegistry registry)
    {
        final String baseSpec = params.stringParam("base", null);
        if (null == baseSpec || baseSpec.isBlank())
        {
            throw new IllegalArgumentException("'" + params.ownerId()
                + "': parameter base is required, the quoter to reference to the micro-price, e.g. base=glft(gamma=0.05)");
        }
        final Quoter base;
        try
        {
            base = registry.create(baseSpec);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("'" + params.ownerId() + "': base=" + baseSpec + ": " + ex.getMessage(), ex);
        }
        return new AsMicropriceQuoter(params.ownerId(), base, QuoterParameters.booleanParam(params, "mid_fallback", false));
    }

    public String id()
    {
        return id;
    }

    /**
     * @return the wrapped quoter.
     */
    public Quoter base()
    {
        return base;
    }

    public void quote(final QuoteInputs in, final TargetQuote out)
    {
        final double micro = in.microPrice();
        final double reference = Double.isNaN(micro) && midFallback ? in.midPrice() : micro;
        if (Double.isNaN(reference))
        {
            out.clear();
            return;
        }
        view.timeNs = in.timeNs;
        view.midPrice = reference;
        view.microPrice = micro;
        view.bestBid = in.bestBid;
        view.bestAsk = in.bestAsk;
        view.inventory = in.inventory;
        view.sigma = in.sigma;
        view.intensityA = in.intensityA;
        view.intensityK = in.intensityK;
        view.toxicity = in.toxicity;
        view.orderFlow = in.orderFlow;
        base.quote(view, out);
    }

    public long memory()
    {
        return base.memory();
    }

    public void restoreMemory(final long memory)
    {
        base.restoreMemory(memory);
    }
}
