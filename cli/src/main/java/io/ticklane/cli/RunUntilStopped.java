package io.ticklane.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a long-running command (daemon, venue, demo) going until its duration ends or the process is asked to stop
 * (Ctrl-C, SIGTERM), calling a tick once per interval meanwhile, and makes a signal wait for the command's own
 * graceful shutdown instead of killing it half-way: the shutdown hook only releases the main thread, then waits
 * until {@link #finished()} is called.
 */
public final class RunUntilStopped implements AutoCloseable
{
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private final long finishTimeoutMs;

    /**
     * @param finishTimeoutMs how long a signal waits for the graceful shutdown before the JVM exits anyway.
     */
    public RunUntilStopped(final long finishTimeoutMs)
    {
        this.finishTimeoutMs = finishTimeoutMs;
        this.hook = new Thread(this::onSignal, "ticklane-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private void onSignal()
    {
        stopRequested.countDown();
        try
        {
            finished.await(finishTimeoutMs, TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs until the duration passes or a stop is requested.
     *
     * @param durationMs how long to run, or 0 for until stopped.
     * @param intervalMs period of the tick.
     * @param tick       called once per interval on this thread.
     * @return true when stopped by a signal, false when the duration ended.
     * @throws InterruptedException if the thread is interrupted.
     */
    public boolean run(final long durationMs, final long intervalMs, final Runnable tick) throws InterruptedException
    {
        final long endNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(durationMs);
        while (true)
        {
            final long waitMs = 0 == durationMs ? intervalMs :
                Math.min(intervalMs, TimeUnit.NANOSECONDS.toMillis(endNs - System.nanoTime()));
            if (waitMs <= 0 && 0 != durationMs)
            {
                return false;
            }
            if (stopRequested.await(Math.max(1, waitMs), TimeUnit.MILLISECONDS))
            {
                return true;
            }
            tick.run();
        }
    }

    /**
     * Asks the run to stop, as a signal would (for tests and embedding).
     */
    public void requestStop()
    {
        stopRequested.countDown();
    }

    /**
     * Says the graceful shutdown is done: a waiting signal may let the JVM exit.
     */
    public void finished()
    {
        finished.countDown();
    }

    /**
     * Marks the run finished and removes the shutdown hook unless the JVM is already shutting down.
     */
    public void close()
    {
        finished();
        try
        {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (final IllegalStateException ex)
        {
            // the JVM is shutting down: the hook is running or ran
        }
    }
}
