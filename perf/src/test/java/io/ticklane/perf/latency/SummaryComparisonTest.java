package io.ticklane.perf.latency;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummaryComparisonTest
{
    private static final LatencySummary OLD = LatencySummarySupport.summary(10, 20, 40, 80, 160, 1000);

    @Test
    void growthUpToTheThresholdPassesAndBeyondItFails()
    {
        final LatencySummary newer = LatencySummarySupport.summary(11, 22.5, 40, 70, 160, 1000);

        final SummaryComparison comparison = SummaryComparison.compare(OLD, newer, 0.10);

        assertFalse(comparison.rows().get(0).worsened(), "p50 +10% is at the threshold, not beyond it");
        assertTrue(comparison.rows().get(1).worsened(), "p90 +12.5%");
        assertFalse(comparison.rows().get(3).worsened(), "p99.9 improved");
        assertEquals(0.875, comparison.rows().get(3).ratio(), 1e-12);
        assertEquals(1, comparison.worsened());
    }

    @Test
    void maxIsShownButNeverJudged()
    {
        final LatencySummary newer = LatencySummarySupport.summary(10, 20, 40, 80, 160, 50_000);

        final SummaryComparison comparison = SummaryComparison.compare(OLD, newer, 0.10);

        final SummaryComparison.Row max = comparison.rows().get(5);
        assertEquals("max", max.label());
        assertFalse(max.judged());
        assertFalse(max.worsened());
        assertEquals(0, comparison.worsened());
    }

    @Test
    void zeroThresholdFlagsAnyGrowthAndNegativeIsRefused()
    {
        final LatencySummary newer = LatencySummarySupport.summary(10, 20, 40.001, 80, 160, 1000);

        assertEquals(1, SummaryComparison.compare(OLD, newer, 0.0).worsened());
        assertThrows(IllegalArgumentException.class, () -> SummaryComparison.compare(OLD, newer, -0.1));
    }
}
