package io.ticklane.clock;

import org.agrona.concurrent.EpochNanoClock;

/**
 * The finest step a clock can be seen to take: the smallest non-zero difference between successive reads. It is
 * the larger of the clock's tick and the cost of one read, and it bounds how finely latencies stamped with that
 * clock can be told apart (a microsecond-resolution epoch clock cannot time a 300 ns tick-to-quote path).
 */
public final class ClockResolution
{
    /** {@link #minStepNs()} when the clock never changed during the measurement. */
    public static final long NO_STEP_OBSERVED = -1;

    private final long minStepNs;
    private final long reads;
    private final long steps;
    private final long backwardSteps;

    /**
     * A measurement's outcome.
     *
     * @param minStepNs     smallest positive difference seen, or {@link #NO_STEP_OBSERVED}.
     * @param reads         clock reads made.
     * @param steps         reads that returned a later value than the previous read.
     * @param backwardSteps reads that returned an earlier value than the previous read.
     */
    public ClockResolution(final long minStepNs, final long reads, final long steps, final long backwardSteps)
    {
        this.minStepNs = minStepNs;
        this.reads = reads;
        this.steps = steps;
        this.backwardSteps = backwardSteps;
    }

    /**
     * Reads an epoch clock {@code reads} times back to back.
     *
     * @param clock clock to measure.
     * @param reads number of reads, at least 2.
     * @return the measurement.
     */
    public static ClockResolution measure(final EpochNanoClock clock, final int reads)
    {
        checkReads(reads);
        long previous = clock.nanoTime();
        long minStepNs = Long.MAX_VALUE;
        long steps = 0;
        long backwardSteps = 0;
        for (int i = 1; i < reads; i++)
        {
            final long now = clock.nanoTime();
            final long step = now - previous;
            if (step > 0)
            {
                steps++;
                minStepNs = Math.min(minStepNs, step);
            }
            else if (step < 0)
            {
                backwardSteps++;
            }
            previous = now;
        }
        return new ClockResolution(steps == 0 ? NO_STEP_OBSERVED : minStepNs, reads, steps, backwardSteps);
    }

    /**
     * Reads {@link System#nanoTime()} {@code reads} times back to back. The clock is monomorphic here, so the JIT
     * inlines the call and the step seen is the monotonic clock's own.
     *
     * @param reads number of reads, at least 2.
     * @return the measurement.
     */
    public static ClockResolution measureNanoTime(final int reads)
    {
        return measure(System::nanoTime, reads);
    }

    private static void checkReads(final int reads)
    {
        if (reads < 2)
        {
            throw new IllegalArgumentException("need at least 2 reads to see a step: " + reads);
        }
    }

    /**
     * Smallest positive step seen.
     *
     * @return nanoseconds, or {@link #NO_STEP_OBSERVED}.
     */
    public long minStepNs()
    {
        return minStepNs;
    }

    /**
     * Clock reads made.
     *
     * @return count.
     */
    public long reads()
    {
        return reads;
    }

    /**
     * Reads that moved forward.
     *
     * @return count.
     */
    public long steps()
    {
        return steps;
    }

    /**
     * Reads that moved backwards: never for a monotonic clock, possible for a wall clock being stepped.
     *
     * @return count.
     */
    public long backwardSteps()
    {
        return backwardSteps;
    }

    public String toString()
    {
        return "ClockResolution{minStepNs=" + minStepNs + ", reads=" + reads + ", steps=" + steps +
            ", backwardSteps=" + backwardSteps + '}';
    }
}
