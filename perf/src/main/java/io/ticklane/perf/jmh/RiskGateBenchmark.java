package io.ticklane.perf.jmh;

import io.ticklane.marketmaking.risk.RiskCheck;
import io.ticklane.marketmaking.risk.RiskGate;
import io.ticklane.marketmaking.risk.RiskLimits;
import io.ticklane.perf.jmh.reference.MapRiskGate;
import io.ticklane.sbe.Side;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Pre-trade risk: one {@link RiskGate#checkNewOrder}, {@link RiskGate#checkReplace} or {@link RiskGate#checkCancel}
 * on a live gate (fresh market data, reference 10,000, flat, 2 lots working on each side in 2 orders), against a
 * {@link MapRiskGate} (limits in a {@code HashMap<String, Long>}, {@code ArrayDeque<Long>} rate windows) doing the
 * same checks. Every order passes, so every check runs: sides alternate, prices within 10 ticks of the reference
 * (every 8th order aggressive), 1 to 10 lots. Event time advances 1 ms per check against limits of 2,000 orders and
 * 2,000 cancels per second, so the rate windows fill to 1,000 entries and never trip. One operation is one check;
 * each invocation runs {@value #CHECKS} of them after one market data update (stale after the default 2 s).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RiskGateBenchmark
{
    static final int CHECKS = 1024;
    private static final long STEP_NS = 1_000_000L;
    private static final long REFERENCE = 10_000;
    private static final long WORKING = 2;
    private static final int RATE = 2_000;

    private final Side[] sides = new Side[CHECKS];
    private final long[] prices = new long[CHECKS];
    private final long[] quantities = new long[CHECKS];
    private final boolean[] aggressive = new boolean[CHECKS];
    private RiskGate gate;
    private MapRiskGate reference;
    private long timeNs = 1_700_000_000_000_000_000L;
    private long checks;

    /**
     * Builds both gates with the same limits and state, and the orders.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        gate = new RiskGate(limits());
        gate.onMarketData(timeNs, REFERENCE, REFERENCE - 1, REFERENCE + 1);
        gate.onPosition(0, timeNs);
        gate.onWorkingOrders(WORKING, WORKING, 2);
        reference = new MapRiskGate(limits());
        reference.onMarketData(timeNs, REFERENCE);
        reference.onPosition(0);
        reference.onWorkingOrders(WORKING, WORKING, 2);

        final SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < CHECKS; i++)
        {
            sides[i] = 0 == (i & 1) ? Side.BUY : Side.SELL;
            prices[i] = REFERENCE + random.nextLong(-10, 11);
            quantities[i] = random.nextLong(1, 11);
            aggressive[i] = 0 == (i & 7);
        }
    }

    /**
     * Fails the run if either gate refused anything: a refusing gate answers early and would look fast.
     */
    @TearDown(Level.Trial)
    public void check()
    {
        long rejected = 0;
        for (final RiskCheck outcome : RiskCheck.values())
        {
            rejected += gate.rejections(outcome);
        }
        if (0 != rejected || 0 != reference.rejected() || checks != gate.passedOrders() + gate.passedCancels() +
            reference.passed())
        {
            throw new IllegalStateException("rejections: RiskGate " + rejected + ", MapRiskGate " + reference.rejected());
        }
    }

    private static RiskLimits limits()
    {
        // the fixed collar MapRiskGate implements (it knows no relative one): 100 ticks, the old default
        return new RiskLimits()
            .priceCollarTicks(100)
            .maxOrdersPerSecond(RATE)
            .maxCancelsPerSecond(RATE);
    }

    /**
     * @return checks passed.
     */
    @Benchmark
    @OperationsPerInvocation(CHECKS)
    public long ticklaneNewOrder()
    {
        gate.onMarketData(timeNs, REFERENCE, REFERENCE - 1, REFERENCE + 1);
        long passed = 0;
        for (int i = 0; i < CHECKS; i++)
        {
            timeNs += STEP_NS;
            if (RiskCheck.PASSED == gate.checkNewOrder(sides[i], prices[i], quantities[i], aggressive[i], timeNs))
            {
                passed++;
            }
        }
        checks += CHECKS;
        return passed;
    }

    /**
     * @return checks passed.
     */
    @Benchmark
    @OperationsPerInvocation(CHECKS)
    public long ticklaneReplace()
    {
        gate.onMarketData(timeNs, REFERENCE, REFERENCE - 1, REFERENCE + 1);
        long passed = 0;
        for (int i = 0; i < CHECKS; i++)
        {
            timeNs += STEP_NS;
            if (RiskCheck.PASSED == gate.checkReplace(sides[i], prices[i], quantities[i], WORKING, aggressive[i], timeNs))
            {
                passed++;
            }
        }
        checks += CHECKS;
        return passed;
    }

    /**
     * @return checks passed.
     */
    @Benchmark
    @OperationsPerInvocation(CHECKS)
    public long ticklaneCancel()
    {
        gate.onMarketData(timeNs, REFERENCE, REFERENCE - 1, REFERENCE + 1);
        long passed = 0;
        for (int i = 0; i < CHECKS; i++)
        {
            timeNs += STEP_NS;
            if (RiskCheck.PASSED == gate.checkCancel(timeNs))
            {
                passed++;
            }
        }
        checks += CHECKS;
        return passed;
    }

    /**
     * @return checks passed.
     */
    @Benchmark
    @OperationsPerInvocation(CHECKS)
    public long mapNewOrder()
    {
        reference.onMarketData(timeNs, REFERENCE);
        long passed = 0;
        for (int i = 0; i < CHECKS; i++)
        {
            timeNs += STEP_NS;
            if (RiskCheck.PASSED == reference.checkNewOrder(sides[i], prices[i], quantities[i], aggressive[i], timeNs))
            {
                passed++;
            }
        }
        checks += CHECKS;
        return passed;
    }

    /**
     * @return checks passed.
     */
    @Benchmark
    @OperationsPerInvocation(CHECKS)
    public long mapReplace()
    {
        reference.onMarketData(timeNs, REFERENCE);
        long passed = 0;
        for (int i = 0; i < CHECKS; i++)
        {
            timeNs += STEP_NS;
            if (RiskCheck.PASSED == reference.checkReplace(sides[i], prices[i], quantities[i], WORKING, aggressive[i], timeNs))
            {
                passed++;
            }
        }
        checks += CHECKS;
        return passed;
    }

    /**
     * @return checks passed.
     */
    @Benchmark
    @OperationsPerInvocation(CHECKS)
    public long mapCancel()
    {
        reference.onMarketData(timeNs, REFERENCE);
        long passed = 0;
        for (int i = 0; i < CHECKS; i++)
        {
            timeNs += STEP_NS;
            if (RiskCheck.PASSED == reference.checkCancel(timeNs))
            {
                passed++;
            }
        }
        checks += CHECKS;
        return passed;
    }
}
