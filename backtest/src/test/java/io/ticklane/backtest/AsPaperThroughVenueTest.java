package io.ticklane.backtest;

import io.ticklane.gateway.sim.venue.BpsFeeModel;
import io.ticklane.gateway.sim.venue.VenueContext;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.marketmaking.research.AsPaperResult;
import io.ticklane.marketmaking.research.AsPaperSimulation;
import io.ticklane.marketmaking.research.StrategyOutcome;
import io.ticklane.marketmaking.config.StrategyConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Avellaneda–Stoikov (2008) experiment run through the real backtest: the {@code as-finite} quoter inside the
 * full strategy (book, quote manager, risk gate, SBE orders) against the {@code SimulatedVenue} with its risk-averse
 * queue, over synthetic journals of the paper's market ({@link AsPaperJournal}), one journal and one fresh strategy
 * per path. Its terminal profit (cash + q·s_T, the backtest's net PnL) and inventory must agree with
 * {@code research as-paper} ({@link AsPaperSimulation}, which computes the fills from the quoter's continuous prices
 * directly) for the same γ, within statistical error.
 * <p>
 * Tolerance: both sides are Monte Carlo estimates from independent paths. For the means, |difference| &lt; 4·SE with
 * SE = √(s₁²/n₁ + s₂²/n₂); for the standard deviations, SE(s) ≈ s/√(2(n − 1)) each (normal approximation), combined
 * the same way. Four standard errors: a correct reproduction fails with probability about 6·10⁻⁵ per comparison.
 * Units: the quoter works in ticks of 0.001, so γ is γ·tick, σ is σ/tick and k is k·tick (δ and r scale with the
 * price unit); PnL in ticks × lots times the tick is price units.
 */
class AsPaperThroughVenueTest
{
    private static final int RUNS = 400;
    private static final int REFERENCE_RUNS = 20_000;
    private static final double Z = 4;
    private static final String LIMITS = "risk.max_order_quantity=10\nrisk.max_position=1000\nrisk.max_notional=1000000000000\n" +
        "risk.price_collar_ticks=20000\nrisk.max_open_orders=20\nrisk.max_orders_per_second=1000000\n" +
        "risk.max_cancels_per_second=1000000\nrisk.max_daily_loss=1000000000\nrisk.max_drawdown=1000000000\n" +
        "quotes.max_orders_per_second=1000000\nbook.ladder_capacity=16384\n" +
        "factors=mid\ninputs.sigma=\ninputs.a_bid=\ninputs.a_ask=\ninputs.k_bid=\ninputs.k_ask=\ninputs.toxicity=\n";

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "gamma = {0}")
    @ValueSource(doubles = { 0.1, 0.01 })
    void inventoryStrategyThroughTheVenueAgreesWithThePaperSimulation(final double gamma) throws IOException
    {
        final StrategyOutcome venue = throughVenue(gamma, RUNS, 11);
        final AsPaperResult paper = new AsPaperSimulation(gamma, REFERENCE_RUNS, 7).run();
        final StrategyOutcome reference = paper.inventory();
        System.out.printf("as-paper gamma=%s: venue (%d paths) profit %.2f sd %.2f, q %.3f sd %.3f; " +
            "research as-paper (%d paths) profit %.2f sd %.2f, q %.3f sd %.3f%n", gamma, RUNS,
            venue.meanProfit(), venue.stdProfit(), venue.meanInventory(), venue.stdInventory(), REFERENCE_RUNS,
            reference.meanProfit(), reference.stdProfit(), reference.meanInventory(), reference.stdInventory());

        assertMeanAgrees("mean profit", venue.meanProfit(), venue.stdProfit(), RUNS,
            reference.meanProfit(), reference.stdProfit(), REFERENCE_RUNS);
        assertStdAgrees("std profit", venue.stdProfit(), RUNS, reference.stdProfit(), REFERENCE_RUNS);
        assertMeanAgrees("mean inventory", venue.meanInventory(), venue.stdInventory(), RUNS,
            reference.meanInventory(), reference.stdInventory(), REFERENCE_RUNS);
        assertStdAgrees("std inventory", venue.stdInventory(), RUNS, reference.stdInventory(), REFERENCE_RUNS);
    }

    /**
     * The generator's print depth has the paper's law: P(D &gt; δ) = min(1, A·dt·e^(−kδ)), checked by hand at three
     * distances (A·dt = 0.7, k = 1.5): δ = 0 → 0.7, δ = 1 → 0.7·e^(−1.5) = 0.15619, δ = −0.3 → min(1, 0.7·e^(0.45)) = 1.
     */
    @Test
    void printsReachPastADistanceWithThePapersFillProbability()
    {
        final SplittableRandom random = new SplittableRandom(3);
        final int n = 200_000;
        int pastZero = 0;
        int pastOne = 0;
        int pastMinus = 0;
        for (int i = 0; i < n; i++)
        {
            final long depth = AsPaperJournal.depthTicks(random.nextDouble());
            pastZero += depth > 0 ? 1 : 0;
            pastOne += depth > 1000 ? 1 : 0;
            pastMinus += depth > -300 ? 1 : 0;
        }
        // binomial standard errors: sqrt(p(1 - p)/n) = 0.0010 and 0.0008
        assertEquals(0.7, (double)pastZero / n, 0.005);
        assertEquals(0.7 * Math.exp(-1.5), (double)pastOne / n, 0.004);
        assertEquals(1.0, (double)pastMinus / n, 0.0);
    }

    private StrategyOutcome throughVenue(final double gamma, final int runs, final long seed) throws IOException
    {
        final double tick = AsPaperJournal.TICK;
        final StrategyConfig config = StrategyConfig.load(Files.writeString(tmp.resolve("as-paper.properties"), LIMITS +
            "quoter=as-finite(gamma=" + gamma * tick + ",horizon_s=" + AsPaperSimulation.HORIZON_S + ",sigma=" +
            AsPaperSimulation.SIGMA / tick + ",k=" + AsPaperSimulation.K * tick + ",order_size=1)\n"));
        final AsPaperJournal generator = new AsPaperJournal();
        final SplittableRandom random = new SplittableRandom(seed);
        final double[] profit = new double[runs];
        final double[] inventory = new double[runs];
        for (int run = 0; run < runs; run++)
        {
            final Path journal = tmp.resolve("path-" + run);
            final long lastMid = generator.write(journal, random.split());
            final BacktestResult result;
            try (JournalReader reader = JournalReader.open(journal))
            {
                final BacktestDriver driver = new BacktestDriver(new VenueContext().instrumentId(1).priceUnitsPerTick(1)
                    .ladderCapacity(16384).queueModel("risk-averse").latencyModel("constant:0,0,0")
                    .feeModel(new BpsFeeModel(0, 0)), config::newStrategy);
                result = driver.run(reader, null);
            }
            delete(journal);
            assertEquals(lastMid, result.lastMid(), "the venue marks at the path's last mid");
            // the venue rejects only a replace that reaches it after its order filled in the same instant (the
            // requote after the other side's print): never more than the fills
            assertTrue(result.venueRejects() <= result.fills(), "venue rejects " + result.venueRejects());
            assertEquals(0, result.riskRejections(), "risk rejections");
            profit[run] = result.netPnl() * tick;
            inventory[run] = result.position();
        }
        return new StrategyOutcome(mean(profit), std(profit), mean(inventory), std(inventory));
    }

    private static void assertMeanAgrees(
        final String what, final double mean, final double std, final int n,
        final double referenceMean, final double referenceStd, final int referenceN)
    {
        final double se = Math.sqrt(std * std / n + referenceStd * referenceStd / referenceN);
        assertTrue(Math.abs(mean - referenceMean) < Z * se,
            what + ": venue " + mean + " vs paper simulation " + referenceMean + ", tolerance " + Z * se);
    }

    private static void assertStdAgrees(final String what, final double std, final int n, final double referenceStd,
        final int referenceN)
    {
        final double se = Math.sqrt(std * std / (2.0 * (n - 1)) + referenceStd * referenceStd / (2.0 * (referenceN - 1)));
        assertTrue(Math.abs(std - referenceStd) < Z * se,
            what + ": venue " + std + " vs paper simulation " + referenceStd + ", tolerance " + Z * se);
    }

    private static double mean(final double[] values)
    {
        double sum = 0;
        for (final double value : values)
        {
            sum += value;
        }
        return sum / values.length;
    }

    private static double std(final double[] values)
    {
        final double mean = mean(values);
        double sum = 0;
        for (final double value : values)
        {
            sum += (value - mean) * (value - mean);
        }
        return Math.sqrt(sum / (values.length - 1));
    }

    private static void delete(final Path dir) throws IOException
    {
        try (Stream<Path> paths = Files.walk(dir))
        {
            paths.sorted(Comparator.reverseOrder()).forEach((p) ->
            {
                try
                {
                    Files.delete(p);
                }
                catch (final IOException ex)
                {
                    throw new UncheckedIOException(ex);
                }
            });
        }
    }
}
