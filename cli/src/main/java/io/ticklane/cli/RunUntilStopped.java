package io.ticklane.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a long-running command (daemon, venue, demo) going until its duration ends or the process is asked to stop
 * (Ctrl-C, SIGTERM), calling a tick once per interval meanwhile.
 * <p>
 * SIGINT and SIGTERM are taken with signal handlers, not a shutdown hook: a shutdown hook runs while the JVM is
 * already exiting, concurrently with every other library's hook (Chronicle closes its queues and maps from its own),
 * so the graceful stop found its state store closed under it, reported an agent error and exited 143. A handler
 * only releases the main thread, which stops the command in an intact JVM and returns its exit code (0 for a clean
 * stop). A second signal, for an operator who will not wait, gets the JVM's own handling back. A shutdown hook still
 * waits for the graceful stop when the JVM exits for another reason (SIGHUP, {@code System.exit} elsewhere).
 */
public final class RunUntilStopped implements AutoCloseable
{
    private static final String[] SIGNALS = {"INT", "TERM"};

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private final long finishTimeoutMs;
    private final SignalHandler[] previous = new SignalHandler[SIGNALS.length];

    /**
     * @param finishTimeoutMs how long a JVM exit waits for the graceful shutdown before it goes on anyway.
     */
    public RunUntilStopped(final long finishTimeoutMs)
    {
        this.finishTimeoutMs = finishTimeoutMs;
        this.hook = new Thread(this::onExit, "ticklane-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        for (int i = 0; i < SIGNALS.length; i++)
        {
            previous[i] = handle(SIGNALS[i], this::onSignal);
        }
    }

    private static SignalHandler handle(final String name, final SignalHandler handler)
    {
        try
        {
            return Signal.handle(new Signal(name), handler);
        }
        catch (final IllegalArgumentException ex)
        {
            return null; // the signal is not available here (or reserved, e.g. with -Xrs): the shutdown hook covers it
        }
    }

    private void onSignal(final Signal signal)
    {
        if (0 == stopRequested.getCount())
        {
            restoreHandlers(); // the stop is already under way: the next signal is the JVM's again
        }
        stopRequested.countDown();
    }

    private synchronized void restoreHandlers()
    {
        for (int i = 0; i < SIGNALS.length; i++)
        {
            if (null != previous[i])
            {
                handle(SIGNALS[i], previous[i]);
                previous[i] = null;
            }
        }
    }

    private void onExit()
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
     * Says the graceful shutdown is done: a waiting JVM exit may go on.
     */
    public void finished()
    {
        finished.countDown();
    }

    /**
     * Marks the run finished, gives the signals back to the JVM and removes the shutdown hook unless the JVM is
     * already shutting down.
     */
    public void close()
    {
        finished();
        restoreHandlers();
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
