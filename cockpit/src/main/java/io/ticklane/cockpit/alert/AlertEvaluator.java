package io.ticklane.cockpit.alert;

import io.ticklane.marketmaking.StrategyMode;
import io.ticklane.runtime.daemon.DaemonCounters;
import io.ticklane.runtime.daemon.ModeName;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns successive readings of a daemon's counters into alerts: pure state driven by the readings and their times, so
 * a test replays any sequence exactly. Each condition notifies when it starts and when it clears, never while it
 * holds (de-duplication); two notifications of one condition are at least {@link AlertRules#minIntervalMs()} apart
 * (a condition that starts again sooner is notified when the interval has passed if it still holds, and a held-back
 * one that clears first is never notified, nor is its resolution). A daemon that restarts (another owner) starts its
 * silence, staleness and drawdown measures afresh.
 */
public final class AlertEvaluator
{
    private static final AlertCondition[] CONDITIONS = AlertCondition.values();
    private static final String VENUE_REJECTS = "venue rejects: ";
    private static final String RISK_REJECTS = "risk rejects: ";

    private final AlertRules rules;
    private final Consumer<Alert> sink;
    private final boolean[] holding = new boolean[CONDITIONS.length];
    private final boolean[] notified = new boolean[CONDITIONS.length];
    private final long[] lastNotifiedMs = new long[CONDITIONS.length];
    private final String[] firingMessage = new String[CONDITIONS.length];
    private final boolean[] countedHeldBack = new boolean[CONDITIONS.length];
    private final ArrayDeque<long[]> rejectReadings = new ArrayDeque<>();
    private String daemon = "";
    private long pnlPeak;
    private long heartbeats;
    private long heartbeatsMovedMs;
    private long marketData;
    private long marketDataMovedMs;
    private boolean baseline;
    private long heldBack;

    /**
     * @param rules what to alert on.
     * @param sink  told every notification, on the caller's thread; must not block (see {@link WebhookSender}).
     */
    public AlertEvaluator(final AlertRules rules, final Consumer<Alert> sink)
    {
        this.rules = rules;
        this.sink = sink;
        Arrays.fill(lastNotifiedMs, Long.MIN_VALUE / 2);
    }

    /**
     * A reading of a running daemon's counters.
     *
     * @param counters label (without the prefix) to value, as {@code DaemonCountersReader.read()} gives them.
     * @param owner    the daemon that wrote them, e.g. "pid 1234".
     * @param nowMs    when they were read, epoch ms.
     */
    public void onCounters(final Map<String, Long> counters, final String owner, final long nowMs)
    {
        if (!owner.equals(daemon) || !baseline)
        {
            daemon = owner;
            baseline = true;
            pnlPeak = value(counters, DaemonCounters.NET_PNL);
            heartbeats = value(counters, DaemonCounters.VENUE_HEARTBEATS);
            heartbeatsMovedMs = nowMs;
            marketData = value(counters, DaemonCounters.MARKET_DATA);
            marketDataMovedMs = nowMs;
            rejectReadings.clear();
        }
        update(AlertCondition.DAEMON_GONE, false, "", "the daemon's counters are back", nowMs);

        final long mode = value(counters, DaemonCounters.MODE);
        final String modeName = ModeName.of(mode, value(counters, DaemonCounters.MODE_REASON));
        final String state = "position " + value(counters, DaemonCounters.POSITION) + " lots, net PnL " +
            value(counters, DaemonCounters.NET_PNL) + " ticks x lots, open orders " + value(counters, DaemonCounters.OPEN_ORDERS);
        update(AlertCondition.HALTED, StrategyMode.HALTED.ordinal() == mode, "mode " + modeName + "; " + state,
            "mode " + modeName + "; " + state, nowMs);
        update(AlertCondition.REDUCE_ONLY, StrategyMode.REDUCE_ONLY.ordinal() == mode, "mode " + modeName + "; " + state,
            "mode " + modeName + "; " + state, nowMs);

        final long pnl = value(counters, DaemonCounters.NET_PNL);
        pnlPeak = Math.max(pnlPeak, pnl);
        final long drawdown = pnlPeak - pnl;
        update(AlertCondition.DRAWDOWN, drawdown >= rules.drawdown(),
            "net PnL " + pnl + " is " + drawdown + " ticks x lots below its peak " + pnlPeak + " (threshold " +
            rules.drawdown() + ")",
            "drawdown " + drawdown + " ticks x lots, below the threshold " + rules.drawdown(), nowMs);

        final long beats = value(counters, DaemonCounters.VENUE_HEARTBEATS);
        if (beats != heartbeats)
        {
            heartbeats = beats;
            heartbeatsMovedMs = nowMs;
        }
        final long silentMs = nowMs - heartbeatsMovedMs;
        update(AlertCondition.VENUE_SILENT, silentMs >= rules.venueSilentMs(),
            "no venue heartbeat for " + silentMs + " ms (threshold " + rules.venueSilentMs() + " ms)",
            "venue heartbeats again (" + beats + " in all)", nowMs);

        final long frames = value(counters, DaemonCounters.MARKET_DATA);
        if (frames != marketData)
        {
            marketData = frames;
            marketDataMovedMs = nowMs;
        }
        final long staleMs = nowMs - marketDataMovedMs;
        update(AlertCondition.BOOK_STALE, staleMs >= rules.bookStaleMs(),
            "no market data frame for " + staleMs + " ms (threshold " + rules.bookStaleMs() + " ms)",
            "market data flows again (" + frames + " frames in all)", nowMs);

        final double rate = rejectRate(counters, nowMs);
        update(AlertCondition.REJECT_RATE, rate > rules.rejectRatePerSecond(),
            String.format(Locale.ROOT, "%.1f rejects/s over the last %d ms (threshold %s/s)",
                rate, rules.rejectWindowMs(), rules.rejectRatePerSecond()),
            String.format(Locale.ROOT, "%.1f rejects/s, at or below the threshold", rate), nowMs);
        notifyHeldBack(nowMs);
    }

    /**
     * A failed reading: no counters file, or its owner has exited.
     *
     * @param why   what was found, e.g. "no daemon counters in /dev/shm/aeron" or "pid 1234 (not running)".
     * @param nowMs when, epoch ms.
     */
    public void onDaemonGone(final String why, final long nowMs)
    {
        baseline = false;
        update(AlertCondition.DAEMON_GONE, true, why, "", nowMs);
        notifyHeldBack(nowMs);
    }

    /**
     * @return notifications held back by the minimum interval so far.
     */
    public long heldBack()
    {
        return heldBack;
    }

    /**
     * @param condition a condition.
     * @return whether it holds as of the last reading.
     */
    public boolean holding(final AlertCondition condition)
    {
        return holding[condition.ordinal()];
    }

    private double rejectRate(final Map<String, Long> counters, final long nowMs)
    {
        long rejects = 0;
        for (final Map.Entry<String, Long> entry : counters.entrySet())
        {
            if (entry.getKey().startsWith(VENUE_REJECTS) || entry.getKey().startsWith(RISK_REJECTS))
            {
                rejects += entry.getValue();
            }
        }
        rejectReadings.addLast(new long[]{nowMs, rejects});
        // keep the newest reading at or before the window's start as the base, drop older ones
        while (rejectReadings.size() > 1)
        {
            final long[] second = secondOldest();
            if (nowMs - second[0] >= rules.rejectWindowMs())
            {
                rejectReadings.removeFirst();
            }
            else
            {
                break;
            }
        }
        final long[] base = rejectReadings.peekFirst();
        // divided by the whole window, not the time seen so far: a cockpit that just started under-reports, never
        // over-reports, a burst
        return (rejects - base[1]) * 1000.0 / rules.rejectWindowMs();
    }

    private long[] secondOldest()
    {
        final Iterator<long[]> readings = rejectReadings.iterator();
        readings.next();
        return readings.next();
    }

    private void update(
        final AlertCondition condition, final boolean holds, final String message, final String resolution, final long nowMs)
    {
        final int i = condition.ordinal();
        final boolean now = holds && rules.enabled(condition);
        if (now && !holding[i])
        {
            holding[i] = true;
            notified[i] = false;
        }
        else if (!now && holding[i])
        {
            holding[i] = false;
            if (notified[i])
            {
                notified[i] = false;
                sink.accept(new Alert(condition, false, resolution, nowMs, daemon()));
            }
        }
        if (now)
        {
            firingMessage[i] = message;
        }
    }

    private void notifyHeldBack(final long nowMs)
    {
        for (final AlertCondition condition : CONDITIONS)
        {
            final int i = condition.ordinal();
            if (holding[i] && !notified[i])
            {
                if (nowMs - lastNotifiedMs[i] >= rules.minIntervalMs())
                {
                    notified[i] = true;
                    lastNotifiedMs[i] = nowMs;
                    sink.accept(new Alert(condition, true, firingMessage[i], nowMs, daemon()));
                }
                else if (!countedHeldBack[i])
                {
                    countedHeldBack[i] = true;
                    heldBack++;
                }
            }
            else
            {
                countedHeldBack[i] = false;
            }
        }
    }

    private String daemon()
    {
        return daemon.isEmpty() ? "no daemon seen yet" : daemon;
    }

    private static long value(final Map<String, Long> counters, final String label)
    {
        final Long value = counters.get(label);
        return null == value ? 0 : value;
    }
}
