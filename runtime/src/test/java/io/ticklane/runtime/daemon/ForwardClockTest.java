package io.ticklane.runtime.daemon;

import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A clock that steps back is absorbed: time goes on from where it was at the clock's rate; steps forward pass.
 */
class ForwardClockTest
{
    private static final long SECOND = 1_000_000_000L;

    private long wallNs = 1_000 * SECOND;
    private final AtomicCounter steps = new CountersManager(
        new UnsafeBuffer(new byte[1 << 16]), new UnsafeBuffer(new byte[1 << 12])).newCounter("steps");
    private final ForwardClock clock = new ForwardClock(() -> wallNs, steps);

    @Test
    void aStepBackIsAbsorbedAndTimeGoesOnAtTheClocksRate()
    {
        assertEquals(1_000 * SECOND, clock.nanoTime());
        wallNs += SECOND;
        assertEquals(1_001 * SECOND, clock.nanoTime());

        wallNs -= 300 * SECOND; // set back five minutes
        assertEquals(1_001 * SECOND, clock.nanoTime(), "not back: where it was");
        wallNs += SECOND;
        assertEquals(1_002 * SECOND, clock.nanoTime(), "then on, a second per second");
        assertEquals(1, steps.get());

        wallNs += 60 * SECOND; // a step forward passes
        assertEquals(1_062 * SECOND, clock.nanoTime());
        wallNs -= 1_000; // jitter: absorbed, not counted
        assertEquals(1_062 * SECOND, clock.nanoTime());
        assertEquals(1, steps.get());
    }
}
