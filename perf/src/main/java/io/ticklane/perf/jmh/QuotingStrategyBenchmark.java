package io.ticklane.perf.jmh;

import io.ticklane.marketmaking.strategy.StrategyHarness;
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

import java.util.concurrent.TimeUnit;

/**
 * Cost per market data event of the whole strategy: book update → factor (mid) → binder → quoter → quote manager →
 * risk gate → SBE order frames, with the loopback venue's acknowledgements (execution reports through orders,
 * position and risk) included. The touch moves every event, so both quotes are replaced every event: the worst case
 * for the order path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class QuotingStrategyBenchmark
{
    private static final long SECOND = 1_000_000_000L;

    /** Quoting model. */
    @Param({ "as-finite(gamma=0.1,horizon_s=60,sigma=1,k=1.5,order_size=2)",
        "glft(gamma=0.05,sigma=1,a=1,k=1.5,order_size=2)" })
    public String quoter;

    private StrategyHarness harness;
    private long timeNs;

    /**
     * Builds the strategy and quotes once on a snapshot.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        harness = new StrategyHarness(quoter);
        harness.snapshot(SECOND, 995, 1005);
        harness.acknowledgeAll(SECOND);
        timeNs = 2 * SECOND;
    }

    /**
     * Fails the run if risk refused orders: a refusing gate would make events look cheap.
     */
    @TearDown(Level.Trial)
    public void check()
    {
        if (0 != harness.strategy.riskRejections() || harness.replaces < 2)
        {
            throw new IllegalStateException("risk rejections " + harness.strategy.riskRejections() + ", replaces " +
                harness.replaces);
        }
    }

    /**
     * @return replaces sent so far, so the work is not dead code.
     */
    @Benchmark
    public long event()
    {
        timeNs += 1_000_000;
        if (0 == (harness.sequence & 1))
        {
            harness.touch(timeNs, 995, 1005, 996, 1006);
        }
        else
        {
            harness.touch(timeNs, 996, 1006, 995, 1005);
        }
        harness.acknowledgeAll(timeNs);
        return harness.replaces;
    }
}
