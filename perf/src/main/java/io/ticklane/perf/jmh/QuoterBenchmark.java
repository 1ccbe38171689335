package io.ticklane.perf.jmh;

import io.ticklane.marketmaking.quote.QuoteInputs;
import io.ticklane.marketmaking.quote.Quoter;
import io.ticklane.marketmaking.quote.QuoterRegistry;
import io.ticklane.marketmaking.quote.TargetQuote;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One quote decision of each quoter Ticklane ships ({@link QuoterRegistry#standard()}): {@link Quoter#quote} from
 * prepared {@link QuoteInputs} (touch 9,999 / 10,001, mid, micro-price, σ, A, k, toxicity and order flow all
 * available, as after warm-up) into a reused {@link TargetQuote}, the inventory changed on every call (a bounded random
 * walk over −12..12 lots, so the one-sided limits at ±10 and the hedge at 8 are crossed). Event time stays fixed, so
 * finite-horizon models keep their whole horizon.
 * <p>
 * No naive reference: a quoter is a few lines of double arithmetic, and a copy with boxed or map-held parameters would
 * measure the boxing, not the model. The rows compare the models with each other, in ns per quote.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class QuoterBenchmark
{
    private static final int INVENTORIES = 1024;
    private static final int MAX_INVENTORY = 12;
    private static final Map<String, String> SPECS = Map.of(
        "as-finite", "as-finite(gamma=0.1,horizon_s=60,order_size=2)",
        "as-infinite", "as-infinite(gamma=0.1,q_max=10,order_size=2)",
        "glft", "glft(gamma=0.05,order_size=2)",
        "as-inventory", "as-inventory(gamma=0.1,horizon_s=60,inventory_penalty=0.01,q_max=10,order_size=2)",
        "as-adverse", "as-adverse(gamma=0.1,horizon_s=60,alpha=1,beta=0.5,order_size=2)",
        "as-hedge", "as-hedge(gamma=0.1,horizon_s=60,hedge_threshold=8,max_take=2,collar_ticks=1,order_size=2)",
        "as-microprice", "as-microprice(base=glft(gamma=0.05,order_size=2))");

    /** Quoter id; the full spec each one runs with is in {@code SPECS}. */
    @Param({"as-finite", "as-infinite", "glft", "as-inventory", "as-adverse", "as-hedge", "as-microprice"})
    public String quoter;

    private final long[] inventories = new long[INVENTORIES];
    private final QuoteInputs in = new QuoteInputs();
    private final TargetQuote out = new TargetQuote();
    private Quoter model;
    private int next;

    /**
     * Creates the quoter, prepares the inputs and checks that every inventory of the walk gives a quote (a quoter that
     * returned early would look fast).
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        model = QuoterRegistry.standard().create(SPECS.get(quoter));
        in.timeNs(1_700_000_000_000_000_000L)
            .touch(9_999, 10_001)
            .midPrice(10_000.0)
            .microPrice(10_000.3)
            .sigma(0.8)
            .intensity(2.0, 1.5)
            .flow(0.3, 0.4);

        final SplittableRandom random = new SplittableRandom(42);
        long inventory = 0;
        for (int i = 0; i < INVENTORIES; i++)
        {
            final long step = random.nextBoolean() ? 1 : -1;
            inventory = Math.abs(inventory + step) > MAX_INVENTORY ? inventory - step : inventory + step;
            inventories[i] = inventory;
            model.quote(in.inventory(inventory), out);
            if (!out.hasBid() && !out.hasAsk())
            {
                throw new IllegalStateException(SPECS.get(quoter) + " does not quote at inventory " + inventory);
            }
        }
    }

    /**
     * @return both prices and any take quantity, so the quote is not dead code.
     */
    @Benchmark
    public long quote()
    {
        next = (next + 1) & (INVENTORIES - 1);
        model.quote(in.inventory(inventories[next]), out);
        return out.bidPrice() + out.askPrice() + out.takeQuantity();
    }
}
