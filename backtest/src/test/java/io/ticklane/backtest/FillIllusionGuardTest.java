package io.ticklane.backtest;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class FillIllusionGuardTest
{
    private final BacktestResult earnsLittle = result(-2.5);
    private final BacktestResult earnsMuch = result(10.0);

    @Test
    void aRiskAverseMainRunIsComparedWithTheOptimisticModel()
    {
        final FillIllusionGuard guard = new FillIllusionGuard("risk-averse", "prob-power:3");

        final BacktestReport.Guard comparison = guard.compare(earnsLittle, earnsMuch);

        assertEquals("prob-power:3", guard.guardQueueModel());
        assertSame(earnsLittle, comparison.riskAverse());
        assertSame(earnsMuch, comparison.optimistic());
        assertEquals("prob-power:3", comparison.optimisticName());
    }

    @Test
    void anyOtherMainRunIsTheOptimisticSideAndTheGuardRunsRiskAverse()
    {
        final FillIllusionGuard guard = new FillIllusionGuard("prob-log", "prob-power:3");

        final BacktestReport.Guard comparison = guard.compare(earnsMuch, earnsLittle);

        assertEquals(FillIllusionGuard.RISK_AVERSE, guard.guardQueueModel());
        assertSame(earnsLittle, comparison.riskAverse());
        assertSame(earnsMuch, comparison.optimistic());
        assertEquals("prob-log", comparison.optimisticName());
    }

    private static BacktestResult result(final double netPnl)
    {
        return new BacktestResult(0, 0, 0, 0, 0, Long.MIN_VALUE, netPnl, 0, 0, netPnl, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of(), "ACTIVE", "NONE",
            Long.MIN_VALUE, 0, 0, 0, 0);
    }
}
