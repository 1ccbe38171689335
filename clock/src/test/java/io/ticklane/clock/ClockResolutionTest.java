package io.ticklane.clock;

import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClockResolutionTest
{
    @Test
    void smallestForwardStepIsReportedAndRepeatsAndBackwardStepsAreNot()
    {
        // given: a clock that ticks in uneven steps, repeats values and is stepped back once
        final long[] readings = { 1_000, 1_000, 2_000, 2_250, 2_250, 2_100, 3_100, 3_100 };
        final EpochNanoClock clock = scripted(readings);

        // when
        final ClockResolution resolution = ClockResolution.measure(clock, readings.length);

        // then: steps 1000, 250, 1000 forward; one step back of 150
        assertEquals(250, resolution.minStepNs());
        assertEquals(3, resolution.steps());
        assertEquals(1, resolution.backwardSteps());
        assertEquals(readings.length, resolution.reads());
    }

    @Test
    void frozenClockReportsNoStep()
    {
        final ClockResolution resolution = ClockResolution.measure(() -> 42L, 100);

        assertEquals(ClockResolution.NO_STEP_OBSERVED, resolution.minStepNs());
        assertEquals(0, resolution.steps());
    }

    @Test
    void fewerThanTwoReadsIsAConfigurationError()
    {
        assertThrows(IllegalArgumentException.class, () -> ClockResolution.measure(() -> 0L, 1));
    }

    @Test
    void nanoTimeSteps()
    {
        final ClockResolution resolution = ClockResolution.measureNanoTime(100_000);

        assertTrue(resolution.minStepNs() > 0, resolution.toString());
        assertEquals(0, resolution.backwardSteps(), "System.nanoTime is monotonic");
    }

    @Test
    void systemEpochClockStepsAtLeastOnceAMillisecond()
    {
        final ClockResolution resolution = ClockResolution.measure(new SystemEpochNanoClock(), 2_000_000);

        assertTrue(resolution.minStepNs() > 0 && resolution.minStepNs() <= 1_000_000, resolution.toString());
    }

    private static EpochNanoClock scripted(final long[] readings)
    {
        final int[] next = { 0 };
        return () -> readings[next[0]++];
    }
}
