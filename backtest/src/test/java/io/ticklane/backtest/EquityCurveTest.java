package io.ticklane.backtest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Equity 0, 2, 1, 4, 3 at 0, 60, 120, 180, 240 s with a 60 s interval: returns 2, −1, 3, −1.
 * Mean 0.75; deviations 1.25, −1.75, 2.25, −1.75, squares sum 12.75, sample variance 12.75 / 3 = 4.25.
 * Intervals per year 365 × 1440 = 525,600. Sharpe = 0.75 / √4.25 × √525,600 ≈ 263.75.
 * Downside: squares of the negative returns 1 + 1 = 2 over all 4 returns = 0.5; Sortino = 0.75 / √0.5 × √525,600.
 * Drawdown: peak 2 at 60 s, trough 1 at 120 s (the later fall 4 → 3 is no deeper), back to 2 at 180 s: depth 1,
 * duration 120 s. Calmar: 3 over 240 s, a year is 31,536,000 s: 3 × 131,400 / 1 = 394,200.
 */
class EquityCurveTest
{
    private static final long S = 1_000_000_000L;
    private static final long MINUTE = 60 * S;

    private final EquityCurve curve = new EquityCurve(
        new long[]{0, MINUTE, 2 * MINUTE, 3 * MINUTE, 4 * MINUTE}, new double[]{0, 2, 1, 4, 3}, MINUTE);

    @Test
    void sharpeIsMeanOverSampleStdAnnualisedOverAContinuousYear()
    {
        assertEquals(4, curve.returnCount());
        assertEquals(0.75 / Math.sqrt(4.25) * Math.sqrt(525_600), curve.sharpe().value(), 1e-9);
        assertEquals(263.75, curve.sharpe().value(), 0.01);
    }

    @Test
    void sortinoDividesByTheDownsideDeviationOverAllReturns()
    {
        assertEquals(0.75 / Math.sqrt(0.5) * Math.sqrt(525_600), curve.sortino().value(), 1e-9);
    }

    @Test
    void maxDrawdownIsTheFirstDeepestFallWithItsRecovery()
    {
        final EquityCurve.Drawdown drawdown = curve.maxDrawdown();

        assertEquals(1, drawdown.depth(), 0);
        assertEquals(MINUTE, drawdown.peakNs());
        assertEquals(2 * MINUTE, drawdown.troughNs());
        assertEquals(3 * MINUTE, drawdown.endNs());
        assertEquals(2 * MINUTE, drawdown.durationNs());
        assertTrue(drawdown.recovered());
    }

    @Test
    void calmarIsYearlyPnlOverMaxDrawdown()
    {
        assertEquals(394_200, curve.calmar().value(), 1e-6);
    }

    @Test
    void unrecoveredDrawdownLastsToTheEnd()
    {
        final EquityCurve falling = new EquityCurve(new long[]{0, MINUTE, 2 * MINUTE}, new double[]{0, 5, 2}, MINUTE);

        final EquityCurve.Drawdown drawdown = falling.maxDrawdown();

        assertEquals(3, drawdown.depth(), 0);
        assertEquals(MINUTE, drawdown.durationNs());
        assertFalse(drawdown.recovered());
    }

    @Test
    void partialIntervalsAreNotReturnsSoOneReturnLeavesSharpeUndefined()
    {
        final EquityCurve partial = new EquityCurve(new long[]{30 * S, MINUTE, 2 * MINUTE, 2 * MINUTE + 5 * S},
            new double[]{0, 1, 3, 2}, MINUTE);

        assertEquals(1, partial.returnCount());
        assertFalse(partial.sharpe().defined());
        assertTrue(partial.sharpe().undefined().contains("1 return"), partial.sharpe().undefined());
        assertFalse(partial.sortino().defined());
    }

    @Test
    void flatCurveHasNoSharpeNoSortinoAndNoCalmar()
    {
        final EquityCurve flat = new EquityCurve(new long[]{0, MINUTE, 2 * MINUTE}, new double[]{1, 1, 1}, MINUTE);

        assertFalse(flat.sharpe().defined());
        assertFalse(flat.sortino().defined());
        assertFalse(flat.calmar().defined());
        assertEquals(0, flat.maxDrawdown().depth(), 0);
    }
}
