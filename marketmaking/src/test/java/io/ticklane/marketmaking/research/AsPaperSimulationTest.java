package io.ticklane.marketmaking.research;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The paper's numbers exist in two versions, and the tests hold the simulation to both:
 * <ul>
 * <li>the working paper (Avellaneda &amp; Stoikov, 5 October 2006, §3.3, Tables 1–3 for γ = 0.1, 0.01, 0.5; its
 * "Spread" column prints only the constant term (2/γ)ln(1+γ/k));</li>
 * <li>the published article (Quantitative Finance 8(3) 217–224, 2008, §3.3, Tables 1–3 pp. 222–223, for γ = 0.1,
 * 0.01 and 1; "Average spread" column 1.49 / 1.35 / 3.02, the time average of eq. (30)).</li>
 * </ul>
 * Tolerances are the issue's: mean profit within 5%, standard deviations of profit and of final inventory within
 * 15%, on 1,000 runs. Seed 1 is fixed; across seeds 1–200 the working-paper criteria hold for 173 seeds and the
 * published ones for 194 (the working paper's inventory-strategy dispersions sit 3–10% below the long-run values
 * this simulation converges to, the published ones within 4%), so a failure after a change to the draw order is
 * worth a second seed before a second look at the model.
 */
class AsPaperSimulationTest
{
    private static final int RUNS = 1000;
    private static final long SEED = 1;

    @Test
    void reproducesTheWorkingPaperTablesForGammaPointOneAndPointZeroOne()
    {
        // Working paper Table 1 (γ = 0.1) and Table 2 (γ = 0.01): profit, std(profit), std(final q).
        assertMatches(new AsPaperSimulation(0.1, RUNS, SEED).run(), 62.94, 5.89, 2.80, 67.21, 13.43, 8.66);
        assertMatches(new AsPaperSimulation(0.01, RUNS, SEED).run(), 66.78, 8.76, 4.70, 67.36, 13.40, 8.65);
    }

    @Test
    void reproducesThePublishedTablesForGammaPointOneAndPointZeroOne()
    {
        // Published Table 1 (γ = 0.1) and Table 2 (γ = 0.01).
        assertMatches(new AsPaperSimulation(0.1, RUNS, SEED).run(), 65.0, 6.6, 2.9, 68.4, 12.7, 8.4);
        assertMatches(new AsPaperSimulation(0.01, RUNS, SEED).run(), 68.6, 8.7, 5.1, 68.8, 12.8, 8.7);
    }

    @Test
    void averageSpreadIsTheTimeAverageOfTheQuotersSpreadAsThePublishedTablesPrint()
    {
        // mean over steps i = 0..199 of γσ²(1 − i·dt) + (2/γ)ln(1 + γ/k) = γσ²(1 − 199·dt/2) + (2/γ)ln(1 + γ/k)
        for (final double gamma : new double[] { 0.1, 0.01, 1.0 })
        {
            final double expected = gamma * 4 * (1 - 199 * 0.005 / 2) + 2 / gamma * Math.log(1 + gamma / 1.5);
            assertEquals(expected, new AsPaperSimulation(gamma, 2, SEED).averageSpread(), 1e-12, "gamma " + gamma);
        }
        assertEquals(1.49, new AsPaperSimulation(0.1, 2, SEED).averageSpread(), 0.005);
        assertEquals(1.35, new AsPaperSimulation(0.01, 2, SEED).averageSpread(), 0.005);
        assertEquals(3.02, new AsPaperSimulation(1.0, 2, SEED).averageSpread(), 0.015);
    }

    @Test
    void inventoryStrategyTradesSomeProfitForMuchLessDispersionAtEveryPaperGamma()
    {
        for (final double gamma : new double[] { 0.1, 0.01, 0.5, 1.0 })
        {
            final AsPaperResult result = new AsPaperSimulation(gamma, RUNS, SEED).run();
            final StrategyOutcome inventory = result.inventory();
            final StrategyOutcome symmetric = result.symmetric();
            assertAll("gamma " + gamma,
                () -> assertTrue(inventory.meanProfit() < symmetric.meanProfit(), "symmetric earns more"),
                () -> assertTrue(inventory.stdProfit() < 0.75 * symmetric.stdProfit(), "profit dispersion"),
                () -> assertTrue(inventory.stdInventory() < 0.65 * symmetric.stdInventory(), "inventory dispersion"),
                () -> assertEquals(0.0, inventory.meanInventory(), 0.5, "inventory ends near flat on average"));
        }
    }

    @Test
    void sameSeedGivesIdenticalResults()
    {
        assertEquals(new AsPaperSimulation(0.1, 200, 42).run(), new AsPaperSimulation(0.1, 200, 42).run());
    }

    @Test
    void differentSeedGivesDifferentResults()
    {
        final AsPaperResult first = new AsPaperSimulation(0.1, 200, 42).run();
        final AsPaperResult second = new AsPaperSimulation(0.1, 200, 43).run();

        assertNotEquals(first.inventory(), second.inventory());
        assertNotEquals(first.symmetric(), second.symmetric());
        assertEquals(first.averageSpread(), second.averageSpread(), "the spread is not random");
    }

    @Test
    void fillProbabilityIsIntensityTimesDtCappedAtOne()
    {
        assertEquals(140 * 0.005, AsPaperSimulation.fillProbability(0), 1e-15);
        assertEquals(140 * Math.exp(-1.5) * 0.005, AsPaperSimulation.fillProbability(1), 1e-15);
        assertEquals(1.0, AsPaperSimulation.fillProbability(-1), "quote through the mid: λ·dt = 3.1, capped");
    }

    @Test
    void invalidParametersAreRejected()
    {
        assertThrows(IllegalArgumentException.class, () -> new AsPaperSimulation(0, RUNS, SEED));
        assertThrows(IllegalArgumentException.class, () -> new AsPaperSimulation(-0.1, RUNS, SEED));
        assertThrows(IllegalArgumentException.class, () -> new AsPaperSimulation(Double.NaN, RUNS, SEED));
        assertThrows(IllegalArgumentException.class, () -> new AsPaperSimulation(Double.POSITIVE_INFINITY, RUNS, SEED));
        assertThrows(IllegalArgumentException.class, () -> new AsPaperSimulation(0.1, 1, SEED));
    }

    private static void assertMatches(
        final AsPaperResult result,
        final double inventoryProfit, final double inventoryStd, final double inventoryQStd,
        final double symmetricProfit, final double symmetricStd, final double symmetricQStd)
    {
        final StrategyOutcome inventory = result.inventory();
        final StrategyOutcome symmetric = result.symmetric();
        assertAll("gamma " + result.gamma() + ": " + result,
            () -> assertWithin(inventoryProfit, inventory.meanProfit(), 0.05, "inventory profit"),
            () -> assertWithin(inventoryStd, inventory.stdProfit(), 0.15, "inventory std(profit)"),
            () -> assertWithin(inventoryQStd, inventory.stdInventory(), 0.15, "inventory std(final q)"),
            () -> assertWithin(symmetricProfit, symmetric.meanProfit(), 0.05, "symmetric profit"),
            () -> assertWithin(symmetricStd, symmetric.stdProfit(), 0.15, "symmetric std(profit)"),
            () -> assertWithin(symmetricQStd, symmetric.stdInventory(), 0.15, "symmetric std(final q)"));
    }

    private static void assertWithin(final double paper, final double actual, final double relative, final String what)
    {
        assertTrue(Math.abs(actual / paper - 1) <= relative,
            what + ": " + actual + " vs paper " + paper + " (tolerance " + relative * 100 + "%)");
    }
}
