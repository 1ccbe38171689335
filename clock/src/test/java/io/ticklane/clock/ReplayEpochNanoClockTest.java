package io.ticklane.clock;

import com.sun.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayEpochNanoClockTest
{
    private static final long T0 = 1_700_000_000_000_000_000L;

    @Test
    void readsInitialTimeUntilFirstEvent()
    {
        final ReplayEpochNanoClock clock = new ReplayEpochNanoClock(T0);

        assertEquals(T0, clock.nanoTime());
        assertEquals(0, clock.regressionCount());
    }

    @Test
    void laterEventTimestampAdvancesTheClock()
    {
        final ReplayEpochNanoClock clock = new ReplayEpochNanoClock(T0);

        final boolean applied = clock.update(T0 + 1_500);

        assertTrue(applied);
        assertEquals(T0 + 1_500, clock.nanoTime());
        assertEquals(0, clock.regressionCount());
    }

    @Test
    void eventWithSameTimestampIsAcceptedAndNotARegression()
    {
        final ReplayEpochNanoClock clock = new ReplayEpochNanoClock(T0);
        clock.update(T0 + 10);

        final boolean applied = clock.update(T0 + 10);

        assertTrue(applied);
        assertEquals(T0 + 10, clock.nanoTime());
        assertEquals(0, clock.regressionCount());
    }

    @Test
    void earlierEventTimestampIsRefusedAndCountedWithoutMovingTimeBack()
    {
        final ReplayEpochNanoClock clock = new ReplayEpochNanoClock(T0);
        clock.update(T0 + 1_000);

        final boolean firstApplied = clock.update(T0 + 400);
        final boolean secondApplied = clock.update(T0 + 900);

        assertFalse(firstApplied);
        assertFalse(secondApplied);
        assertEquals(T0 + 1_000, clock.nanoTime());
        assertEquals(2, clock.regressionCount());
        assertEquals(600, clock.maxRegressionNs());
    }

    @Test
    void clockResumesFromLatestTimeAfterARegression()
    {
        final ReplayEpochNanoClock clock = new ReplayEpochNanoClock(T0);
        clock.update(T0 + 1_000);
        clock.update(T0 + 5);

        final boolean applied = clock.update(T0 + 1_001);

        assertTrue(applied);
        assertEquals(T0 + 1_001, clock.nanoTime());
        assertEquals(1, clock.regressionCount());
        assertEquals(995, clock.maxRegressionNs());
    }

    @Test
    void regressionFromExtremeTimestampDoesNotOverflowTheMagnitude()
    {
        final ReplayEpochNanoClock clock = new ReplayEpochNanoClock(Long.MAX_VALUE);

        final boolean applied = clock.update(Long.MIN_VALUE);

        assertFalse(applied);
        assertEquals(Long.MAX_VALUE, clock.maxRegressionNs());
    }

    @Test
    void updatesDoNotAllocate()
    {
        final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long threadId = Thread.currentThread().getId();
        final ReplayEpochNanoClock clock = new ReplayEpochNanoClock(T0);
        runUpdates(clock, 10_000);

        final long before = threads.getThreadAllocatedBytes(threadId);
        runUpdates(clock, 1_000_000);
        final long allocated = threads.getThreadAllocatedBytes(threadId) - before;

        assertTrue(allocated < 1_024, "allocated " + allocated + " bytes in 1M updates");
        assertTrue(clock.regressionCount() > 0);
    }

    private static void runUpdates(final ReplayEpochNanoClock clock, final int count)
    {
        long time = clock.nanoTime();
        for (int i = 0; i < count; i++)
        {
            time += (i % 7 == 0) ? -3 : 11;
            clock.update(time);
        }
    }
}
