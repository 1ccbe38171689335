package io.ticklane.backtest;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BacktestSettingsTest
{
    private final BacktestSettings settings = new BacktestSettings()
        .journal(Path.of("journal")).config(Path.of("glft.properties")).out(Path.of("out"));

    @Test
    void theDefaultsRunRiskAverseAgainstTheGuardsOptimisticModelWithLatencyFromTheDataAndNoFees()
    {
        settings.conclude();

        assertEquals("risk-averse", settings.queueModel());
        assertEquals("prob-power:3", settings.optimisticQueueModel());
        assertEquals("auto", settings.latencyModel());
        assertEquals(0, settings.makerBps());
        assertEquals(MetricSettings.DEFAULT_SAMPLE_INTERVAL_NS, settings.sampleIntervalNs());
        assertTrue(settings.sweeps().isEmpty());
    }

    @Test
    void aSampleIntervalThatDoesNotDivideADayIsRefused()
    {
        settings.sampleIntervalNs(7_000_000_000L);

        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, settings::conclude);
        assertTrue(ex.getMessage().contains("divides a day"), ex.getMessage());
    }

    @Test
    void negativeTimerIntervalsAndEmptyPoolsAreRefused()
    {
        assertThrows(IllegalArgumentException.class, () -> settings.timerIntervalMs(-1).conclude());
        assertThrows(IllegalArgumentException.class, () -> settings.timerIntervalMs(0).threads(0).conclude());
    }

    @Test
    void chartsAreThinnedToAFixedNumberOfPointsOverTheJournalsSpan()
    {
        final JournalDigest digest = new JournalDigest("0", 10, 0, 2_000_000_000_000L);

        final MetricSettings metrics = settings.metricSettings(digest);

        assertEquals(MetricSettings.chartIntervalFor(2_000_000_000_000L, BacktestSettings.CHART_POINTS),
            metrics.chartIntervalNs());
        assertEquals(settings.sampleIntervalNs(), metrics.sampleIntervalNs());
    }
}
