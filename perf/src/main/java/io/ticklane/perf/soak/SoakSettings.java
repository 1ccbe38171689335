package io.ticklane.perf.soak;

import io.ticklane.runtime.daemon.IdleStrategies;
import io.ticklane.runtime.daemon.ThreadLayout;

import java.nio.file.Path;

/**
 * What a soak is asked to do, checked before anything starts so a bad value is one clear message.
 *
 * @param rate            market data updates per second.
 * @param durationSeconds measured seconds, after warm-up.
 * @param warmupSeconds   seconds at the same rate first, not measured (JIT, heap sizing, first journal chunks).
 * @param layout          daemon layout: one-thread or threads.
 * @param idle            idle strategy of the daemon's agents and of the generator.
 * @param fillEvery       the generator fills one order in this many it acknowledges; 0 for none.
 * @param out             directory for the media driver, the daemon's runs and the status log.
 * @param keepJournal     keep the journal after the run (it holds every update: gigabytes at 100,000/s).
 */
public record SoakSettings(
    double rate,
    double durationSeconds,
    double warmupSeconds,
    String layout,
    String idle,
    int fillEvery,
    Path out,
    boolean keepJournal)
{
    /** Seconds between two readings. */
    public static final int SAMPLE_SECONDS = 10;

    /**
     * @throws IllegalArgumentException naming the first bad value.
     */
    public SoakSettings
    {
        if (!(rate > 0) || rate > 10_000_000)
        {
            throw new IllegalArgumentException("--rate must be in (0, 10,000,000] updates/s: " + rate);
        }
        if (!(durationSeconds >= 1) || durationSeconds > 7 * 24 * 3600)
        {
            throw new IllegalArgumentException("--duration must be from 1 s to 7 days: " + durationSeconds);
        }
        if (!(warmupSeconds >= 0) || warmupSeconds > 24 * 3600)
        {
            throw new IllegalArgumentException("--warmup must be from 0 s to a day: " + warmupSeconds);
        }
        if (fillEvery < 0)
        {
            throw new IllegalArgumentException("--fill-every must be >= 0 (0: no fills): " + fillEvery);
        }
        ThreadLayout.fromName(layout);
        IdleStrategies.create(idle);
    }
}
