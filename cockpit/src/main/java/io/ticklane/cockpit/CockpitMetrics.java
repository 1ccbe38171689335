package io.ticklane.cockpit;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import io.ticklane.marketmaking.risk.ModeReason;
import io.ticklane.runtime.daemon.DaemonCounters;
import io.ticklane.runtime.daemon.ModeName;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Maps a {@link LiveSample} (the daemon's counters file) and the cockpit's own security counts to Prometheus metrics
 * by the client's conventions: a {@code ticklane_} prefix, {@code _total} on counters, the unit in the name, one
 * metric with a label where the counters file has one counter per stream, kind or reason. Written in the standard text
 * exposition format by the Prometheus Java client's own writer. What the counters file does not carry (a latency
 * histogram, per-stream byte counts) is not invented here; see docs/cockpit.md.
 */
public final class CockpitMetrics
{
    /** Prefix of the counters that count venue rejects by reason. */
    static final String VENUE_REJECTS = "venue rejects: ";
    /** Prefix of the counters that count risk rejects by check. */
    static final String RISK_REJECTS = "risk rejects: ";

    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final LongSupplier badTokenAttempts;
    private final Map<RequestGuard.Refusal, Long> refusals = new EnumMap<>(RequestGuard.Refusal.class);

    /**
     * @param badTokenAttempts the cockpit's count of bad operator token attempts.
     */
    public CockpitMetrics(final LongSupplier badTokenAttempts)
    {
        this.badTokenAttempts = badTokenAttempts;
        for (final RequestGuard.Refusal refusal : RequestGuard.Refusal.values())
        {
            if (RequestGuard.Refusal.NONE != refusal)
            {
                refusals.put(refusal, 0L);
            }
        }
    }

    /**
     * Counts a request the guard refused.
     *
     * @param refusal why.
     */
    public synchronized void refused(final RequestGuard.Refusal refusal)
    {
        refusals.merge(refusal, 1L, Long::sum);
    }

    /**
     * @param sample the latest reading of the daemon.
     * @return the metrics, in the Prometheus text exposition format (version 0.0.4).
     */
    public String exposition(final LiveSample sample)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(8_192);
        try
        {
            writer.write(out, snapshots(sample));
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("writing to memory failed", ex);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * @return the content type of {@link #exposition}.
     */
    public String contentType()
    {
        return writer.getContentType();
    }

    /**
     * @param sample the latest reading of the daemon.
     * @return every metric.
     */
    public MetricSnapshots snapshots(final LiveSample sample)
    {
        final List<MetricSnapshot> metrics = new ArrayList<>();
        metrics.add(gauge("ticklane_daemon_up", null, "1 if the cockpit reads a running daemon's counters, else 0",
            sample.hasDaemon() && null != sample.daemon() && !sample.daemon().endsWith("(not running)") ? 1 : 0));
        metrics.add(counter("ticklane_cockpit_bad_token_attempts", "Operator token attempts refused: malformed, or" +
            " rejected by the daemon", Labels.EMPTY, badTokenAttempts.getAsLong()));
        metrics.add(cockpitRefusals());
        if (!sample.hasDaemon())
        {
            return new MetricSnapshots(metrics);
        }
        metrics.add(labelledCounter("ticklane_inbound_frames", "Inbound frames taken in, by stream", "stream",
            new String[]{"market_data", "execution_reports", "admin"},
            new long[]{sample.value(DaemonCounters.MARKET_DATA), sample.value(DaemonCounters.REPORTS),
                sample.value(DaemonCounters.ADMIN_COMMANDS)}));
        metrics.add(prefixedCounter(sample, "ticklane_inbound_frames_refused", "Inbound frames refused at the edge," +
            " by reason", DaemonCounters.INBOUND_REFUSED, "reason"));
        metrics.add(labelledCounter("ticklane_orders_sent", "Orders sent to the venue, by kind", "kind",
            new String[]{"new", "cancel", "replace", "other"},
            new long[]{sample.value(DaemonCounters.ORDERS_NEW), sample.value(DaemonCounters.ORDERS_CANCEL),
                sample.value(DaemonCounters.ORDERS_REPLACE), sample.value(DaemonCounters.ORDERS_OTHER)}));
        metrics.add(counter("ticklane_fills", "Fills booked", Labels.EMPTY, sample.value(DaemonCounters.FILLS)));
        metrics.add(rejects(sample));
        metrics.add(gauge("ticklane_position_lots", new Unit("lots"), "Position, lots",
            sample.value(DaemonCounters.POSITION)));
        metrics.add(gauge("ticklane_net_pnl_tick_lots", new Unit("tick_lots"), "Net PnL at mid, ticks x lots",
            sample.value(DaemonCounters.NET_PNL)));
        final long mode = sample.value(DaemonCounters.MODE);
        metrics.add(gauge("ticklane_mode", null, "Trading mode: 0 active, 1 reduce-only, 2 halted", mode));
        final long reason = sample.value(DaemonCounters.MODE_REASON);
        metrics.add(InfoSnapshot.builder().name("ticklane_mode_state").help("Trading mode and the reason for it, by name")
            .dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder().labels(Labels.of("mode", ModeName.of(mode),
                "reason", reason >= 0 && reason < ModeReason.values().length ? ModeReason.values()[(int)reason].name() :
                    Long.toString(reason))).build())
            .build());
        metrics.add(gauge("ticklane_open_orders", null, "Orders open at the venue", sample.value(DaemonCounters.OPEN_ORDERS)));
        metrics.add(GaugeSnapshot.builder().name("ticklane_book_touch_ticks").unit(new Unit("ticks"))
            .help("Best bid and ask of the book, ticks")
            .dataPoint(point("side", "bid", sample.value(DaemonCounters.BEST_BID)))
            .dataPoint(point("side", "ask", sample.value(DaemonCounters.BEST_ASK))).build());
        metrics.add(GaugeSnapshot.builder().name("ticklane_quote_ticks").unit(new Unit("ticks"))
            .help("Our quoted bid and ask, ticks (0: none)")
            .dataPoint(point("side", "bid", sample.value(DaemonCounters.QUOTED_BID)))
            .dataPoint(point("side", "ask", sample.value(DaemonCounters.QUOTED_ASK))).build());
        metrics.add(GaugeSnapshot.builder().name("ticklane_tick_to_quote_seconds").unit(Unit.SECONDS)
            .help("Tick-to-quote latency over the daemon's last second, by quantile")
            .dataPoint(point("quantile", "0.5", sample.value(DaemonCounters.TICK_TO_QUOTE_P50) / 1e9))
            .dataPoint(point("quantile", "0.99", sample.value(DaemonCounters.TICK_TO_QUOTE_P99) / 1e9)).build());
        metrics.add(GaugeSnapshot.builder().name("ticklane_ring_occupancy_slots").unit(new Unit("slots"))
            .help("Slots in use in the daemon's rings")
            .dataPoint(point("ring", "inbound", sample.value(DaemonCounters.INBOUND_RING_OCCUPANCY)))
            .dataPoint(point("ring", "outbound", sample.value(DaemonCounters.OUTBOUND_RING_OCCUPANCY))).build());
        metrics.add(gauge("ticklane_journal_lag_frames", new Unit("frames"), "Frames taken in but not yet journaled",
            sample.value(DaemonCounters.JOURNAL_LAG)));
        metrics.add(counter("ticklane_journal_records", "Journal records written", Labels.EMPTY,
            sample.value(DaemonCounters.JOURNAL_RECORDS)));
        metrics.add(counter("ticklane_venue_heartbeats", "Venue heartbeats received", Labels.EMPTY,
            sample.value(DaemonCounters.VENUE_HEARTBEATS)));
        metrics.add(gauge("ticklane_venue_heartbeat_age_seconds", Unit.SECONDS, "Seconds since the cockpit saw the venue" +
            " heartbeat count move (a lower bound until it first moves)", sample.heartbeatAgeMs() / 1e3));
        metrics.add(labelledCounter("ticklane_admin_commands", "Admin commands by outcome", "outcome",
            new String[]{"applied", "rejected_wrong_token", "throttled", "unknown_command", "refused_breach_active",
                "refused_nothing_to_resume"},
            new long[]{sample.value(DaemonCounters.ADMIN_APPLIED), sample.value(DaemonCounters.ADMIN_REJECTED),
                sample.value(DaemonCounters.ADMIN_THROTTLED), sample.value(DaemonCounters.ADMIN_UNKNOWN),
                sample.value(DaemonCounters.ADMIN_REFUSED_BREACH), sample.value(DaemonCounters.ADMIN_REFUSED_NOTHING)}));
        metrics.add(counter("ticklane_handler_errors", "Inbound frames that threw (skipped)", Labels.EMPTY,
            sample.value(DaemonCounters.HANDLER_ERRORS)));
        return new MetricSnapshots(metrics);
    }

    private synchronized MetricSnapshot cockpitRefusals()
    {
        final CounterSnapshot.Builder builder = CounterSnapshot.builder().name("ticklane_cockpit_requests_refused")
            .help("Cockpit requests refused by the same-origin, session or anti-forgery checks, by reason");
        refusals.forEach((refusal, count) -> builder.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
            .labels(Labels.of("reason", refusal.name().toLowerCase(java.util.Locale.ROOT))).value(count).build()));
        return builder.build();
    }

    private static MetricSnapshot rejects(final LiveSample sample)
    {
        final CounterSnapshot.Builder builder = CounterSnapshot.builder().name("ticklane_rejects")
            .help("Orders rejected, by source (venue, risk) and reason");
        sample.counters().forEach((label, value) ->
        {
            if (label.startsWith(VENUE_REJECTS))
            {
                builder.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                    .labels(Labels.of("source", "venue", "reason", label.substring(VENUE_REJECTS.length()))).value(value).build());
            }
            else if (label.startsWith(RISK_REJECTS))
            {
                builder.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                    .labels(Labels.of("source", "risk", "reason", label.substring(RISK_REJECTS.length()))).value(value).build());
            }
        });
        return builder.build();
    }

    private static MetricSnapshot prefixedCounter(final LiveSample sample, final String name, final String help,
        final String prefix, final String labelName)
    {
        final CounterSnapshot.Builder builder = CounterSnapshot.builder().name(name).help(help);
        sample.counters().forEach((label, value) ->
        {
            if (label.startsWith(prefix))
            {
                builder.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                    .labels(Labels.of(labelName, label.substring(prefix.length()))).value(value).build());
            }
        });
        return builder.build();
    }

    private static MetricSnapshot labelledCounter(final String name, final String help, final String labelName,
        final String[] labelValues, final long[] values)
    {
        final CounterSnapshot.Builder builder = CounterSnapshot.builder().name(name).help(help);
        for (int i = 0; i < labelValues.length; i++)
        {
            builder.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                .labels(Labels.of(labelName, labelValues[i])).value(values[i]).build());
        }
        return builder.build();
    }

    private static MetricSnapshot counter(final String name, final String help, final Labels labels, final double value)
    {
        return CounterSnapshot.builder().name(name).help(help)
            .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().labels(labels).value(value).build()).build();
    }

    private static MetricSnapshot gauge(final String name, final Unit unit, final String help, final double value)
    {
        final GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name).help(help)
            .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value).build());
        if (null != unit)
        {
            builder.unit(unit);
        }
        return builder.build();
    }

    private static GaugeSnapshot.GaugeDataPointSnapshot point(final String label, final String value, final double v)
    {
        return GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(Labels.of(label, value)).value(v).build();
    }
}
