package io.ticklane.backtest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How much of what a strategy tried was refused, by whom and why, in one wording for the console summary and the
 * report's table. Exists because totals hid the cause: a default price collar refused most of a default GLFT's orders
 * and the summary said only "risk 10803". A refusal share above {@link #WARN_SHARE} gets a WARNING line naming the
 * main reason.
 * <p>
 * Shares: the risk gate's refusals over the requests the strategy asked it for (sent plus refused); the venue's rejects
 * over the requests it was sent (new, cancel, replace).
 */
public final class RejectShares
{
    /** A refusal share above this (10 %) is a WARNING: the run measures the limits more than the strategy. */
    public static final double WARN_SHARE = 0.10;

    private RejectShares()
    {
    }

    /**
     * @param counts counts by reason, in their order.
     * @return "REASON n, REASON n" for the non-zero counts, largest first (ties in their order), or "none".
     */
    public static String byReason(final Map<String, Long> counts)
    {
        final List<Map.Entry<String, Long>> nonZero = new ArrayList<>();
        for (final Map.Entry<String, Long> count : counts.entrySet())
        {
            if (count.getValue() > 0)
            {
                nonZero.add(count);
            }
        }
        if (nonZero.isEmpty())
        {
            return "none";
        }
        nonZero.sort((a, b) -> Long.compare(b.getValue(), a.getValue())); // stable: ties keep their order
        final StringBuilder text = new StringBuilder();
        for (final Map.Entry<String, Long> count : nonZero)
        {
            text.append(text.length() == 0 ? "" : ", ").append(count.getKey()).append(' ')
                .append(String.format(Locale.ROOT, "%,d", count.getValue()));
        }
        return text.toString();
    }

    /**
     * @param r a run's result.
     * @return risk refusals over requests asked, 0 when nothing was asked.
     */
    public static double riskShare(final BacktestResult r)
    {
        return share(r.riskRejections(), r.requestsAsked());
    }

    /**
     * @param r a run's result.
     * @return venue rejects over requests sent, 0 when nothing was sent.
     */
    public static double venueShare(final BacktestResult r)
    {
        return share(r.venueRejects(), r.requestsSent());
    }

    /**
     * @param r a run's result.
     * @return "n of m requests asked (p%): REASON n, ..." for the risk gate.
     */
    public static String riskLine(final BacktestResult r)
    {
        return String.format(Locale.ROOT, "%,d of %,d requests asked (%.1f%%): %s", r.riskRejections(), r.requestsAsked(),
            100 * riskShare(r), byReason(r.riskRejectsByCheck()));
    }

    /**
     * @param r a run's result.
     * @return "n of m requests sent (p%): REASON n, ..." for the venue.
     */
    public static String venueLine(final BacktestResult r)
    {
        return String.format(Locale.ROOT, "%,d of %,d requests sent (%.1f%%): %s", r.venueRejects(), r.requestsSent(),
            100 * venueShare(r), byReason(r.venueRejectsByReason()));
    }

    /**
     * @param r a run's result.
     * @return a WARNING line for each of the risk gate and the venue whose share is above {@link #WARN_SHARE}.
     */
    public static List<String> warnings(final BacktestResult r)
    {
        final List<String> lines = new ArrayList<>();
        if (riskShare(r) > WARN_SHARE)
        {
            lines.add(String.format(Locale.ROOT, "WARNING: the risk gate refused %.1f%% of the requests the strategy asked " +
                "for (more than %.0f%%): %s; the run measures the risk.* limits more than the strategy",
                100 * riskShare(r), 100 * WARN_SHARE, byReason(r.riskRejectsByCheck())));
        }
        if (venueShare(r) > WARN_SHARE)
        {
            lines.add(String.format(Locale.ROOT, "WARNING: the venue rejected %.1f%% of the requests sent (more than %.0f%%): %s",
                100 * venueShare(r), 100 * WARN_SHARE, byReason(r.venueRejectsByReason())));
        }
        return lines;
    }

    /**
     * @param r a run's result.
     * @return "ACTIVE at the end" or "HALTED (DRAWDOWN) since 2024-...Z, n mode changes".
     */
    public static String modeLine(final BacktestResult r)
    {
        if (0 == r.riskModeChanges())
        {
            return r.riskMode() + " throughout";
        }
        return String.format(Locale.ROOT, "%s (%s) at the end, since %s; %,d mode change(s)", r.riskMode(), r.riskModeReason(),
            Instant.ofEpochSecond(0, r.riskModeSinceNs()), r.riskModeChanges());
    }

    /**
     * @param r a run's result.
     * @return a WARNING line when the run ended HALTED: the strategy stopped asking, which no reject count shows.
     */
    public static List<String> haltWarning(final BacktestResult r)
    {
        final List<String> lines = new ArrayList<>();
        if ("HALTED".equals(r.riskMode()))
        {
            lines.add(String.format(Locale.ROOT, "WARNING: the risk gate HALTED the strategy at %s (%s) and it sent nothing " +
                "after that: the rest of the data was not traded; the loss and drawdown limits (risk.max_daily_loss, " +
                "risk.max_drawdown) are in ticks x lots", Instant.ofEpochSecond(0, r.riskModeSinceNs()), r.riskModeReason()));
        }
        return lines;
    }

    private static double share(final long part, final long whole)
    {
        return whole > 0 ? (double)part / whole : 0;
    }
}
