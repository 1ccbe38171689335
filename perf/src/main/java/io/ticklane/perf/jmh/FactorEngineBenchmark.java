package io.ticklane.perf.jmh;

import io.ticklane.microstructure.catalogue.FactorCatalogue;
import io.ticklane.microstructure.FactorEngine;
import io.ticklane.microstructure.FactorRegistry;
import io.ticklane.microstructure.SyntheticMarketStream;
import io.ticklane.microstructure.flow.FlowFactors;
import io.ticklane.microstructure.intensity.IntensityFactors;
import io.ticklane.microstructure.liquidity.LiquidityFactors;
import io.ticklane.microstructure.price.PriceFactors;
import io.ticklane.microstructure.toxicity.ToxicityFactors;
import io.ticklane.microstructure.volatility.VolatilityFactors;
import io.ticklane.orderbook.BookState;
import io.ticklane.orderbook.L2Book;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Cost per event of the factor engine: one SBE frame (a two-level book update, or every fourth event a trade)
 * applied to the book and given to every factor of a family, or of all families at once ({@code family=none} is the
 * book alone, the baseline the families add to). Events are 1 ms apart, so time windows open and close.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FactorEngineBenchmark
{
    /** Which factors run. */
    @Param({ "none", "price", "flow", "toxicity", "volatility", "liquidity", "intensity", "all" })
    public String family;

    private FactorEngine engine;
    private SyntheticMarketStream stream;

    /**
     * Builds the engine for the family over a 10-level book and the event stream.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        final L2Book book = new L2Book(SyntheticMarketStream.INSTRUMENT, 1 << 12);
        engine = new FactorEngine(book, "none".equals(family) ? List.of() : registry(family).createAll());
        stream = new SyntheticMarketStream(engine);
    }

    /**
     * Fails the run if the book stopped applying updates: a stale book would make every event look cheap.
     */
    @TearDown(Level.Trial)
    public void checkBook()
    {
        if (BookState.LIVE != engine.book().state() || 0 != engine.eventsWhileNotLive())
        {
            throw new IllegalStateException("book " + engine.book().state() + " " + engine.book().staleReason());
        }
    }

    /**
     * @return the number of events the engine has applied, so the work is not dead code.
     */
    @Benchmark
    public long event()
    {
        stream.next();
        return engine.snapshot().events();
    }

    private static FactorRegistry registry(final String family)
    {
        final FactorRegistry registry;
        switch (family)
        {
            case "all":
                return FactorCatalogue.standard();
            default:
                registry = new FactorRegistry();
                familyRegistration(family).accept(registry);
                return registry;
        }
    }

    private static Consumer<FactorRegistry> familyRegistration(final String family)
    {
        switch (family)
        {
            case "price":
                return PriceFactors::register;
            case "flow":
                return FlowFactors::register;
            case "toxicity":
                return ToxicityFactors::register;
            case "volatility":
                return VolatilityFactors::register;
            case "liquidity":
                return LiquidityFactors::register;
            case "intensity":
                return IntensityFactors::register;
            default:
                throw new IllegalArgumentException("unknown family " + family);
        }
    }
}
