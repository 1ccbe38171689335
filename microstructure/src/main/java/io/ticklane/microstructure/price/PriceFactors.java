package io.ticklane.microstructure.price;

import io.ticklane.microstructure.Parameters;
import io.ticklane.microstructure.FactorRegistry;
import io.ticklane.microstructure.fit.MicropriceModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Registers the price family: mid, weighted mid, micro-price, tick momentum and returns over event and time
 * horizons. See {@code microstructure/FACTORS.md}.
 */
public final class PriceFactors
{
    /** Value of {@code model} that selects {@link MicropriceModel#weightedMidApproximation(int, int)}. */
    public static final String WEIGHTED_MID_APPROX = MicropriceModel.KIND_WEIGHTED_MID_APPROX;

    private PriceFactors()
    {
    }

    /**
     * @param registry receives the family's factors.
     */
    public static void register(final FactorRegistry registry)
    {
        registry.register("mid", "mid price (best bid + best ask) / 2, ticks", (params) -> new MidPrice("mid"));
        registry.register("weighted_mid", "imbalance-weighted mid I*ask + (1-I)*bid, I = Qb/(Qb+Qa), ticks",
            (params) -> new WeightedMid("weighted_mid"));
        registry.registerRequiring("microprice",
            "Stoikov (2018) micro-price mid + G*(I, S) from a fitted model (model=path), ticks", "model",
            PriceFactors::microprice);
        registry.register("tick_momentum", "mid up-ticks minus down-ticks over the last N mid changes (changes=20), count",
            (params) -> new TickMomentum("tick_momentum", params.intParam("changes", 20, 1, 1 << 20)));
        registry.register("return_events", "log return of the mid over the last N book events (events=100), dimensionless",
            (params) -> new ReturnOverEvents("return_events", params.intParam("events", 100, 1, 1 << 24)));
        registry.register("return_time",
            "log return of the mid over a trailing horizon (horizon_ms=1000, max_samples=4096), dimensionless",
            (params) -> new ReturnOverTime("return_time",
                params.intParam("horizon_ms", 1000, 1, 86_400_000) * 1_000_000L,
                params.intParam("max_samples", 4096, 2, 1 << 24)));
    }

    private static Microprice microprice(final Parameters params)
    {
        final String model = params.stringParam("model", null);
        if (null == model || model.isBlank())
        {
            throw new IllegalArgumentException("factor 'microprice' needs a fitted model: microprice(model=<model.json>) " +
                "from 'ticklane fit microprice', or explicitly microprice(model=" + WEIGHTED_MID_APPROX +
                ") for the weighted mid at bucket resolution");
        }
        final String outOfSpread = params.stringParam("out_of_spread", "reject");
        if (!"reject".equals(outOfSpread) && !"clamp".equals(outOfSpread))
        {
            throw new IllegalArgumentException("factor 'microprice': parameter out_of_spread=" + outOfSpread +
                " must be reject or clamp");
        }
        final boolean clamp = "clamp".equals(outOfSpread);
        if (WEIGHTED_MID_APPROX.equals(model))
        {
            return new Microprice("microprice", MicropriceModel.weightedMidApproximation(
                params.intParam("imbalance_buckets", 10, 1, 100), params.intParam("spread_buckets", 2, 1, 20)), clamp);
        }
        final Path path = Path.of(model);
        if (!Files.isReadable(path))
        {
            throw new IllegalArgumentException("factor 'microprice': model file " + path + " does not exist or is not readable");
        }
        try
        {
            return new Microprice("microprice", MicropriceModel.readJson(path), clamp);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("factor 'microprice': cannot read model " + path, ex);
        }
    }
}
