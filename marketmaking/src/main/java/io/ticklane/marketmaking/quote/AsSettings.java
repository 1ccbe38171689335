package io.ticklane.marketmaking.quote;

import io.ticklane.microstructure.Parameters;

/**
 * What the Avellaneda–Stoikov quoters of this package have in common: risk aversion γ, the order size, where σ and
 * k come from and the quote shaper, read under the same names with the same defaults, and the opening of every
 * quote (clear the output; no quote without a mid, σ and k) and its reservation price and half-spread for a given τ.
 * <p>
 * A final class each quoter holds, not an abstract base: the quoters are already reached through the {@link Quoter}
 * interface, and a base with a template {@code quote()} would add a second call through a type on every event,
 * where these small final methods are inlined.
 */
final class AsSettings
{
    /** Horizon parameter of the rolling- and finite-horizon quoters, seconds. */
    static final String HORIZON_S = "horizon_s";
    /** Default of {@link #HORIZON_S}. */
    static final double DEFAULT_HORIZON_S = 60.0;

    final String id;
    final double gamma;
    final long orderSize;
    final ModelInputs model;
    final QuoteShaper shaper;

    private AsSettings(
        final String id,
        final double gamma,
        final long orderSize,
        final ModelInputs model,
        final QuoteShaper shaper)
    {
        this.id = id;
        this.gamma = gamma;
        this.orderSize = orderSize;
        this.model = model;
        this.shaper = shaper;
    }

    /**
     * Reads {@code gamma} (default 0.1), {@code order_size} (default 1), σ and k (see {@link ModelInputs}) and the
     * shaper's parameters (see {@link QuoteShaper}).
     *
     * @param params the quoter's parameters.
     * @return the settings.
     * @throws IllegalArgumentException naming the first parameter out of range.
     */
    static AsSettings from(final Parameters params)
    {
        return new AsSettings(
            params.ownerId(),
            params.positiveDoubleParam("gamma", 0.1),
            params.intParam("order_size", 1, 1, Integer.MAX_VALUE),
            ModelInputs.from(params, false),
            QuoteShaper.from(params));
    }

    /**
     * @param params the quoter's parameters.
     * @return {@code horizon_s}, positive, default 60.
     */
    static double horizonS(final Parameters params)
    {
        return params.positiveDoubleParam(HORIZON_S, DEFAULT_HORIZON_S);
    }

    /**
     * Clears the output and resolves σ and k for the event.
     *
     * @param in  the event's inputs.
     * @param out cleared: no quote unless the caller writes one.
     * @return true when the mid, σ and k are known, so the quoter may go on.
     */
    boolean begin(final QuoteInputs in, final TargetQuote out)
    {
        out.clear();
        return !Double.isNaN(in.midPrice()) && model.resolveSigmaAndK(in);
    }

    /**
     * @return r = s − q·γ·σ²·τ with the σ resolved by {@link #begin}.
     */
    double reservation(final double s, final long q, final double tau)
    {
        return AvellanedaStoikov.reservation(s, q, gamma, model.sigma, tau);
    }

    /**
     * @return ½·γ·σ²·τ + (1/γ)·ln(1 + γ/k) with the σ and k resolved by {@link #begin}.
     */
    double halfSpread(final double tau)
    {
        return AvellanedaStoikov.halfSpread(gamma, model.sigma, tau, model.k);
    }
}
