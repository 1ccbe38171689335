package io.ticklane.cockpit;

import io.ticklane.runtime.daemon.DaemonCounters;
import io.ticklane.runtime.daemon.DaemonCountersReader;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The cockpit's one reader of the daemon: a thread that reads the counters file every sample interval (as
 * {@code ticklane stat} does, mapping it afresh so a restarted daemon's new file is the one read), follows the run's
 * journal for recent fills (on a thread of its own: opening a Chronicle queue the first time takes seconds, and the
 * counters must not wait for it), keeps the session's position and PnL history for the chart, and hands each
 * {@link LiveSample} to its listeners (the live page's event stream). The daemon never knows it is watched.
 */
public final class DaemonWatch implements AutoCloseable
{
    /** Points of position and PnL history kept for the session chart: an hour at two samples a second. */
    static final int HISTORY_POINTS = 7_200;

    private final DaemonCountersReader reader;
    private final String aeronDir;
    private final long intervalMs;
    private final FillTail fills;
    private final List<Consumer<LiveSample>> listeners = new CopyOnWriteArrayList<>();
    private final long[] historyTimeMs = new long[HISTORY_POINTS];
    private final long[] historyPosition = new long[HISTORY_POINTS];
    private final long[] historyPnl = new long[HISTORY_POINTS];
    private final Thread thread;
    private final Thread journalThread;
    private int historyCount;
    private int historyNext;
    private long lastHeartbeats = Long.MIN_VALUE;
    private long lastHeartbeatChangeMs;
    private boolean heartbeatSeenMoving;
    private volatile LiveSample latest;
    private volatile boolean running = true;

    /**
     * @param aeronDir   the daemon's media driver directory.
     * @param runs       the daemon's runs directory for recent fills, or null.
     * @param intervalMs sample interval.
     */
    public DaemonWatch(final String aeronDir, final Path runs, final long intervalMs)
    {
        this.aeronDir = aeronDir;
        this.reader = new DaemonCountersReader(Path.of(aeronDir));
        this.intervalMs = intervalMs;
        this.fills = new FillTail(runs);
        this.latest = sample(System.currentTimeMillis());
        this.thread = new Thread(this::run, "cockpit-daemon-watch");
        this.thread.setDaemon(true);
        this.journalThread = new Thread(this::followJournal, "cockpit-journal-tail");
        this.journalThread.setDaemon(true);
    }

    /**
     * Starts sampling.
     *
     * @return this.
     */
    public DaemonWatch start()
    {
        thread.start();
        journalThread.start();
        return this;
    }

    /**
     * @param listener told every new sample, on the watch thread: must not block.
     */
    public void addListener(final Consumer<LiveSample> listener)
    {
        listeners.add(listener);
    }

    /**
     * @param listener no longer told.
     */
    public void removeListener(final Consumer<LiveSample> listener)
    {
        listeners.remove(listener);
    }

    /**
     * @return the latest sample.
     */
    public LiveSample latest()
    {
        return latest;
    }

    /**
     * @return the session's history, oldest first: three rows of equal length (epoch ms, position lots, net PnL).
     */
    public synchronized long[][] history()
    {
        final long[][] rows = new long[3][historyCount];
        final int first = (historyNext - historyCount + HISTORY_POINTS) % HISTORY_POINTS;
        for (int i = 0; i < historyCount; i++)
        {
            final int at = (first + i) % HISTORY_POINTS;
            rows[0][i] = historyTimeMs[at];
            rows[1][i] = historyPosition[at];
            rows[2][i] = historyPnl[at];
        }
        return rows;
    }

    private void run()
    {
        while (running)
        {
            try
            {
                Thread.sleep(intervalMs);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return;
            }
            final LiveSample sample = sample(System.currentTimeMillis());
            latest = sample;
            for (final Consumer<LiveSample> listener : listeners)
            {
                listener.accept(sample);
            }
        }
    }

    private void followJournal()
    {
        while (running)
        {
            fills.poll(System.currentTimeMillis());
            try
            {
                Thread.sleep(intervalMs);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    LiveSample sample(final long nowMs)
    {
        Map<String, Long> counters = Map.of();
        String daemon = null;
        String problem = null;
        try
        {
            counters = reader.read();
            if (counters.isEmpty())
            {
                problem = "no ticklane daemon counters in " + aeronDir;
            }
            else
            {
                daemon = reader.owner();
            }
        }
        catch (final IllegalArgumentException ex)
        {
            problem = ex.getMessage();
        }
        long ageMs = -1;
        if (!counters.isEmpty())
        {
            final long heartbeats = counters.getOrDefault(DaemonCounters.VENUE_HEARTBEATS, 0L);
            if (Long.MIN_VALUE == lastHeartbeats)
            {
                lastHeartbeatChangeMs = nowMs;
            }
            else if (heartbeats != lastHeartbeats)
            {
                lastHeartbeatChangeMs = nowMs;
                heartbeatSeenMoving = true;
            }
            lastHeartbeats = heartbeats;
            ageMs = nowMs - lastHeartbeatChangeMs;
            record(nowMs, counters.getOrDefault(DaemonCounters.POSITION, 0L), counters.getOrDefault(DaemonCounters.NET_PNL, 0L));
        }
        else
        {
            lastHeartbeats = Long.MIN_VALUE;
            heartbeatSeenMoving = false;
        }
        return new LiveSample(nowMs, daemon, problem, counters, ageMs, !heartbeatSeenMoving, fills.fills(),
            fills.note());
    }

    private synchronized void record(final long nowMs, final long position, final long pnl)
    {
        historyTimeMs[historyNext] = nowMs;
        historyPosition[historyNext] = position;
        historyPnl[historyNext] = pnl;
        historyNext = (historyNext + 1) % HISTORY_POINTS;
        historyCount = Math.min(HISTORY_POINTS, historyCount + 1);
    }

    public void close()
    {
        running = false;
        thread.interrupt();
        journalThread.interrupt();
        try
        {
            thread.join(5_000);
            journalThread.join(5_000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        fills.close();
    }
}
