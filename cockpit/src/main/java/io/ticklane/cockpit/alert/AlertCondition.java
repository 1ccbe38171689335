package io.ticklane.cockpit.alert;

/**
 * What an alert is about: the conditions an operator must hear of without watching a screen. Each is evaluated
 * from the daemon's counters file by {@link AlertEvaluator}; its setting name is the key suffix under {@code alert.}.
 */
public enum AlertCondition
{
    /** The daemon's mode is HALTED (counter "mode" = 2). */
    HALTED("on_halted"),
    /** The daemon's mode is REDUCE_ONLY (counter "mode" = 1). */
    REDUCE_ONLY("on_reduce_only"),
    /** Net PnL has fallen at least {@code alert.drawdown} ticks x lots below its peak since the cockpit started. */
    DRAWDOWN("drawdown"),
    /** The venue heartbeat count has not moved for {@code alert.venue_silent_ms}. */
    VENUE_SILENT("venue_silent_ms"),
    /** The market data frame count has not moved for {@code alert.book_stale_ms}. */
    BOOK_STALE("book_stale_ms"),
    /** Venue and risk rejects per second, over the last {@code alert.reject_window_ms}, above the threshold. */
    REJECT_RATE("reject_rate_per_s"),
    /** No daemon counters file, or its owning process has exited. */
    DAEMON_GONE("on_daemon_gone");

    private final String setting;

    AlertCondition(final String setting)
    {
        this.setting = setting;
    }

    /**
     * @return the key that switches it on or sets its threshold, e.g. {@code alert.drawdown}.
     */
    public String key()
    {
        return AlertRules.PREFIX + setting;
    }

    /**
     * @return the name used in alert documents and logs, e.g. {@code venue_silent}.
     */
    public String id()
    {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
