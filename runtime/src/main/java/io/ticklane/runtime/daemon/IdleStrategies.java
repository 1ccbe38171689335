package io.ticklane.runtime.daemon;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

/**
 * Agrona idle strategies by the names a configuration uses: {@code busy-spin} on an isolated core in production,
 * {@code backoff} (spin, yield, then park up to 1 ms) on shared or small machines, {@code yielding}, {@code sleeping}.
 */
public final class IdleStrategies
{
    private IdleStrategies()
    {
    }

    /**
     * @param name busy-spin, yielding, backoff or sleeping.
     * @return a new idle strategy (each runner needs its own).
     * @throws IllegalArgumentException for any other name.
     */
    public static IdleStrategy create(final String name)
    {
        switch (null == name ? "" : name)
        {
            case "busy-spin":
                return new BusySpinIdleStrategy();
            case "yielding":
                return new YieldingIdleStrategy();
            case "backoff":
                return new BackoffIdleStrategy(100, 10, 1_000, 1_000_000);
            case "sleeping":
                return new SleepingMillisIdleStrategy(1);
            default:
                throw new IllegalArgumentException("idle strategy must be busy-spin, yielding, backoff or sleeping, got '" +
                    name + "'");
        }
    }
}
