package io.ticklane.cockpit;

import io.ticklane.marketmaking.risk.ModeReason;
import io.ticklane.runtime.daemon.DaemonCounters;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CockpitMetricsTest
{
    private static final Map<String, Long> SET = Map.ofEntries(
        Map.entry(DaemonCounters.MARKET_DATA, 50_921L),
        Map.entry(DaemonCounters.REPORTS, 775L),
        Map.entry(DaemonCounters.ORDERS_NEW, 64L),
        Map.entry(DaemonCounters.ORDERS_REPLACE, 653L),
        Map.entry(DaemonCounters.FILLS, 58L),
        Map.entry(DaemonCounters.POSITION, -7L),
        Map.entry(DaemonCounters.NET_PNL, 1_234L),
        Map.entry(DaemonCounters.MODE, 2L),
        Map.entry(DaemonCounters.MODE_REASON, (long)ModeReason.OPERATOR_STOP.ordinal()),
        Map.entry(DaemonCounters.TICK_TO_QUOTE_P50, 25_000L),
        Map.entry(DaemonCounters.TICK_TO_QUOTE_P99, 1_500_000L),
        Map.entry(DaemonCounters.INBOUND_RING_OCCUPANCY, 3L),
        Map.entry(DaemonCounters.JOURNAL_LAG, 11L),
        Map.entry("venue rejects: POST_ONLY_WOULD_TAKE", 6L),
        Map.entry("risk rejects: MAX_POSITION", 4L),
        Map.entry(DaemonCounters.INBOUND_REFUSED + "TOO_SHORT", 2L));

    private final CockpitMetrics metrics = new CockpitMetrics(() -> 3);

    @Test
    void countersMapToConventionalNamesWithHandCheckedValues()
    {
        final String text = metrics.exposition(DaemonCountersFixture.sample(DaemonCountersFixture.counters(SET)));

        final List<String> lines = List.of(text.split("\n"));
        for (final String expected : List.of(
            "# TYPE ticklane_inbound_frames_total counter",
            "ticklane_inbound_frames_total{stream=\"market_data\"} 50921.0",
            "ticklane_inbound_frames_total{stream=\"execution_reports\"} 775.0",
            "ticklane_orders_sent_total{kind=\"new\"} 64.0",
            "ticklane_orders_sent_total{kind=\"replace\"} 653.0",
            "ticklane_orders_sent_total{kind=\"cancel\"} 0.0",
            "ticklane_fills_total 58.0",
            "# TYPE ticklane_position_lots gauge",
            "ticklane_position_lots -7.0",
            "ticklane_net_pnl_tick_lots 1234.0",
            "ticklane_mode 2.0",
            "ticklane_mode_state_info{mode=\"HALTED\",reason=\"OPERATOR_STOP\"} 1",
            // 25,000 ns and 1,500,000 ns in seconds
            "ticklane_tick_to_quote_seconds{quantile=\"0.5\"} 2.5E-5",
            "ticklane_tick_to_quote_seconds{quantile=\"0.99\"} 0.0015",
            "ticklane_ring_occupancy_slots{ring=\"inbound\"} 3.0",
            "ticklane_journal_lag_frames 11.0",
            "ticklane_rejects_total{reason=\"POST_ONLY_WOULD_TAKE\",source=\"venue\"} 6.0",
            "ticklane_rejects_total{reason=\"MAX_POSITION\",source=\"risk\"} 4.0",
            "ticklane_inbound_frames_refused_total{reason=\"TOO_SHORT\"} 2.0",
            "ticklane_venue_heartbeat_age_seconds 2.5",
            "ticklane_daemon_up 1.0",
            "ticklane_cockpit_bad_token_attempts_total 3.0"))
        {
            assertTrue(lines.contains(expected), "missing line: " + expected + "\n" + text);
        }
    }

    @Test
    void exposedTextParsesByTheFormatRulesAndFollowsTheNamingConventions()
    {
        final String text = metrics.exposition(DaemonCountersFixture.sample(DaemonCountersFixture.counters(SET)));

        final Map<String, ExpositionFormat.Family> families = ExpositionFormat.parse(text);

        assertTrue(families.size() >= 20, families.keySet().toString());
        for (final ExpositionFormat.Family family : families.values())
        {
            assertTrue(family.name().startsWith("ticklane_"), family.name());
            assertFalse(null == family.help() || family.help().isBlank(), "HELP of " + family.name());
            assertFalse(family.samples().isEmpty(), "samples of " + family.name());
            assertEquals("counter".equals(family.type()), family.name().endsWith("_total"), family.name());
        }
        // every venue and risk reject reason the daemon counts is a label value, not a metric of its own
        final long rejectReasons = DaemonCountersFixture.counters(Map.of()).keySet().stream()
            .filter((l) -> l.startsWith("venue rejects: ") || l.startsWith("risk rejects: ")).count();
        assertEquals(rejectReasons, families.get("ticklane_rejects_total").samples().size());
    }

    @Test
    void withoutADaemonOnlyTheCockpitsOwnMetricsAndDaemonUpZero()
    {
        final LiveSample none = new LiveSample(1, null, "no daemon counters file", Map.of(), -1, true, List.of(), "");

        final Map<String, ExpositionFormat.Family> families = ExpositionFormat.parse(metrics.exposition(none));

        assertEquals(Set.of("ticklane_daemon_up", "ticklane_cockpit_bad_token_attempts_total",
            "ticklane_cockpit_requests_refused_total"), families.keySet());
        assertEquals(0.0, families.get("ticklane_daemon_up").samples().get(0).value());
    }

    @Test
    void everyMetricTheGrafanaDashboardQueriesIsExported() throws IOException
    {
        final Path dashboard = Path.of("..", "docs", "cockpit", "grafana-dashboard.json");
        final String json = Files.readString(dashboard);
        final Set<String> exported = new TreeSet<>();
        ExpositionFormat.parse(metrics.exposition(DaemonCountersFixture.sample(DaemonCountersFixture.counters(SET))))
            .values().forEach((f) -> f.samples().forEach((s) -> exported.add(s.name())));

        final Set<String> used = new TreeSet<>();
        final Matcher m = Pattern.compile("ticklane_[a-z0-9_]+").matcher(json);
        while (m.find())
        {
            used.add(m.group());
        }

        assertTrue(used.size() >= 10, "the dashboard should use the metrics: " + used);
        final Set<String> missing = new TreeSet<>(used);
        missing.removeAll(exported);
        assertTrue(missing.isEmpty(), "the dashboard queries metrics /metrics does not export: " + missing);
        final String scrape = Files.readString(Path.of("..", "docs", "cockpit", "prometheus.yml"));
        assertTrue(scrape.contains("metrics_path: /metrics") && scrape.contains("127.0.0.1:8080"), scrape);
    }
}
