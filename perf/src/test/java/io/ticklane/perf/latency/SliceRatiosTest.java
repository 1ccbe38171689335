package io.ticklane.perf.latency;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The slice statistics and the INVALID rule against hand-computed cases: type-7 quantiles (R's default, numpy's
 * linear), ratios per slice, what counts as "the echo worse", and the overall and at-least-half conditions.
 */
class SliceRatiosTest
{
    private static final double EPS = 1e-12;

    @Test
    void quantilesInterpolateBetweenOrderStatistics()
    {
        final double[] sorted = {1, 2, 3, 4};
        // h = 3p: p=0.25 -> 0.75 -> 1 + 0.75 (2 - 1); p=0.5 -> 1.5 -> 2.5; p=0.75 -> 2.25 -> 3.25
        assertEquals(1.75, SliceRatios.quantile(sorted, 0.25), EPS);
        assertEquals(2.5, SliceRatios.quantile(sorted, 0.5), EPS);
        assertEquals(3.25, SliceRatios.quantile(sorted, 0.75), EPS);
        assertEquals(1, SliceRatios.quantile(sorted, 0), EPS);
        assertEquals(4, SliceRatios.quantile(sorted, 1), EPS);
        assertEquals(7, SliceRatios.quantile(new double[]{7}, 0.5), EPS);
        // R: quantile(c(0.8, 1.5, 2, 2.5, 3), c(.25, .5, .75)) = 1.5 2.0 2.5 (h = 1, 2, 3 fall on order statistics)
        final SliceRatios.Spread spread = SliceRatios.spread(new double[]{2.5, 0.8, 3, 2, 1.5});
        assertEquals(new SliceRatios.Spread(5, 0.8, 1.5, 2.0, 2.5, 3.0), spread);
    }

    @Test
    void fiveSlicesOneEchoWorseIsValidWithMedianAndSpread()
    {
        final SliceRatios ratios = new SliceRatios(List.of(
            slice(1, 12, 6, 40, 20),   // p50 ratio 2.0, p99 2.0
            slice(2, 9, 6, 30, 10),    // 1.5, 3.0
            slice(3, 10, 4, 50, 100),  // 2.5, 0.5
            slice(4, 8, 10, 45, 15),   // 0.8 (echo worse), 3.0
            slice(5, 15, 5, 60, 40)),  // 3.0, 1.5
            10, 6);
        assertEquals(2.0, ratios.slices().get(0).ratioP50(), EPS);
        assertEquals(1, ratios.slicesBaselineWorse());
        assertTrue(ratios.slices().get(3).baselineWorse());
        assertTrue(ratios.valid(), ratios.invalidReason());
        assertEquals("", ratios.invalidReason());
        // p50 ratios sorted 0.8 1.5 2.0 2.5 3.0: median 2.0, q1 1.5, q3 2.5
        assertEquals(new SliceRatios.Spread(5, 0.8, 1.5, 2.0, 2.5, 3.0), ratios.p50());
        // p99 ratios sorted 0.5 1.5 2.0 3.0 3.0: median 2.0, q1 1.5, q3 3.0
        assertEquals(new SliceRatios.Spread(5, 0.5, 1.5, 2.0, 3.0, 3.0), ratios.p99());
        assertEquals("2.00 (IQR 1.50-2.50, min-max 0.80-3.00, 5 slices)", ratios.p50().text());
    }

    @Test
    void theEchoWorseInHalfTheSlicesIsInvalid()
    {
        // two of four: a tie is not a baseline that held
        final SliceRatios tie = new SliceRatios(List.of(slice(1, 10, 5, 50, 25), slice(2, 10, 11, 50, 25),
            slice(3, 10, 5, 50, 25), slice(4, 10, 12, 50, 25)), 10, 8);
        assertEquals(2, tie.slicesBaselineWorse());
        assertFalse(tie.valid());
        assertTrue(tie.invalidReason().contains("in 2 of 4 slices"), tie.invalidReason());
        assertFalse(tie.invalidReason().contains("whole run"), tie.invalidReason());
        // one of three is fewer than half
        final SliceRatios fewer = new SliceRatios(List.of(slice(1, 10, 5, 50, 25), slice(2, 10, 11, 50, 25),
            slice(3, 10, 5, 50, 25)), 10, 8);
        assertTrue(fewer.valid(), fewer.invalidReason());
    }

    @Test
    void theEchoWorseOverTheWholeRunIsInvalidWhateverTheSlicesSay()
    {
        // every slice has the echo faster, yet the merged p50s say otherwise (e.g. slices of very different counts)
        final SliceRatios ratios = new SliceRatios(List.of(slice(1, 10, 5, 50, 25), slice(2, 10, 5, 50, 25)), 7.5, 7.6);
        assertEquals(0, ratios.slicesBaselineWorse());
        assertFalse(ratios.valid());
        assertTrue(ratios.invalidReason().startsWith("over the whole run the echo's p50 (7.60 us) is above the pipeline's" +
            " (7.50 us)"), ratios.invalidReason());
    }

    @Test
    void equalP50sAreNotWorseButAnEmptySideIs()
    {
        final SliceRatios.Slice equal = slice(1, 6, 6, 9, 9);
        assertFalse(equal.baselineWorse());
        assertEquals(1.0, equal.ratioP50(), EPS);
        final SliceRatios.Slice noEchoes = new SliceRatios.Slice(2, 100, 6, 9, 0, 0, 0);
        assertTrue(noEchoes.baselineWorse());
        assertTrue(Double.isNaN(noEchoes.ratioP50()) && Double.isNaN(noEchoes.ratioP99()));
        final SliceRatios.Slice noQuotes = new SliceRatios.Slice(3, 0, 0, 0, 100, 5, 8);
        assertTrue(noQuotes.baselineWorse());

        // 1 of 3 slices empty: valid; the spread counts only the two slices with a ratio (1.0 and 2.0)
        final SliceRatios ratios = new SliceRatios(List.of(equal, noEchoes, slice(3, 12, 6, 18, 9)), 6, 6);
        assertTrue(ratios.valid(), ratios.invalidReason());
        assertEquals(new SliceRatios.Spread(2, 1.0, 1.25, 1.5, 1.75, 2.0), ratios.p50());
        // nothing recorded at all: no median, and INVALID
        final SliceRatios nothing = new SliceRatios(List.of(noEchoes), Double.NaN, Double.NaN);
        assertEquals(0, nothing.p50().count());
        assertEquals("n/a (no slice has both sides)", nothing.p50().text());
        assertFalse(nothing.valid());
    }

    private static SliceRatios.Slice slice(
        final int index, final double pipelineP50, final double echoP50, final double pipelineP99, final double echoP99)
    {
        return new SliceRatios.Slice(index, 1000, pipelineP50, pipelineP99, 1000, echoP50, echoP99);
    }
}
