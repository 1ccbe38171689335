package io.ticklane.research.spark;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Combinatorial purged cross-validation and PBO over hand-made results (three combinations), every figure worked
 * out by hand.
 */
class CombinatorialPurgedCvTest
{
    private static final LocalDate D0 = LocalDate.of(2024, 7, 18);

    /**
     * Net PnL (and Sharpe) per day and combination. Combination 1 is best on days 0-1 and worst on days 2-3,
     * combination 0 the reverse; combination 2 is in between on each day and best over any mixed pair of days.
     */
    private static final double[][] NET = {
        { 1, 10, 5 },
        { 1, 10, 5 },
        { 2, -10, 0 },
        { 2, -10, 0 },
    };

    @Test
    void everyChoiceOfTestBlocksIsOneSplitAndPboCountsThePicksBelowTheOutOfSampleMedian()
    {
        final List<CatalogEntry> catalog = WalkForwardSelectionTest.catalog("BTCUSDT", 0, 1, 2, 3);
        final List<Map.Entry<WalkForwardWindow, List<Integer>>> splits = CombinatorialPurgedCv.splits(catalog, 4, 2, 0);

        final List<CombinatorialPurgedCv.Split> evaluated = CombinatorialPurgedCv.evaluate(splits,
            WalkForwardSelectionTest.results(catalog, NET, null), 3, Objective.NET_PNL);

        // splits in lexicographic order: {0,1} {0,2} {0,3} {1,2} {1,3} {2,3}
        assertEquals(6, evaluated.size());
        assertEquals(List.of(0, 1), evaluated.get(0).testBlocks());
        // {0,1}: trains on days 2-3 (4, -20, 0: picks 0), tests on days 0-1 (2, 20, 10): the pick is worst of 3,
        // rank 1, omega 1/4, logit ln(1/3)
        assertEquals(0, evaluated.get(0).split().bestCombination());
        assertEquals(2.0, evaluated.get(0).split().outOfSample());
        assertEquals(0.25, evaluated.get(0).relativeRank(), 1e-12);
        assertEquals(Math.log(1.0 / 3), evaluated.get(0).logit(), 1e-12);
        assertEquals(1.0, evaluated.get(0).outOfSampleSharpe(), "mean of the pick's two test-day Sharpes, 1 and 1");
        // {0,2}: trains on days 1, 3 (3, 0, 5: picks 2), tests on days 0, 2 (3, 0, 5): best, rank 3, omega 3/4
        assertEquals(2, evaluated.get(1).split().bestCombination());
        assertEquals(0.75, evaluated.get(1).relativeRank(), 1e-12);
        // {2,3}: trains on days 0-1 (2, 20, 10: picks 1), tests on days 2-3 (4, -20, 0): worst, omega 1/4
        assertEquals(1, evaluated.get(5).split().bestCombination());
        assertEquals(0.25, evaluated.get(5).relativeRank(), 1e-12);
        // the four mixed splits pick 2 and find it best out-of-sample: 2 of 6 splits have logit <= 0
        for (int s = 1; s <= 4; s++)
        {
            assertEquals(2, evaluated.get(s).split().bestCombination(), "split " + s);
            assertEquals(0.75, evaluated.get(s).relativeRank(), 1e-12, "split " + s);
        }
        assertEquals(2.0 / 6, CombinatorialPurgedCv.pbo(evaluated), 1e-12);
        assertEquals("-1.0000", CpcvReport.quantile(new double[]{ -1, 5 }, 0));
        assertEquals("2.0000", CpcvReport.quantile(new double[]{ -1, 5 }, 0.5));
    }

    @Test
    void theEmbargoLeavesOutTheDaysAfterEachTestBlockFromTraining()
    {
        final List<CatalogEntry> catalog = WalkForwardSelectionTest.catalog("BTCUSDT", 0, 1, 2, 3);

        final List<Map.Entry<WalkForwardWindow, List<Integer>>> splits = CombinatorialPurgedCv.splits(catalog, 4, 1, 1);

        // test block 1 = day 1; day 2 is embargoed; training days 0 and 3
        final WalkForwardWindow split = splits.get(1).getKey();
        assertEquals(List.of(D0.plusDays(1)), split.testDays());
        assertEquals(List.of(D0, D0.plusDays(3)), split.trainDays());
        // test block 3 = the last day: nothing after it to embargo
        assertEquals(List.of(D0, D0.plusDays(1), D0.plusDays(2)), splits.get(3).getKey().trainDays());
        assertThrows(IllegalArgumentException.class, () -> CombinatorialPurgedCv.splits(catalog, 5, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> CombinatorialPurgedCv.splits(catalog, 4, 4, 0));
    }
}
