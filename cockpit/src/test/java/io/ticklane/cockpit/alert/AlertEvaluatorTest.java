package io.ticklane.cockpit.alert;

import io.ticklane.marketmaking.risk.ModeReason;
import io.ticklane.runtime.daemon.DaemonCounters;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertEvaluatorTest
{
    private static final String PID = "pid 4242";

    private final List<Alert> alerts = new ArrayList<>();
    private final Map<String, Long> counters = new HashMap<>();

    @Test
    void aHaltAndResumeIsOneAlertAndOneResolutionHoweverLongTheHaltLasts() throws IOException
    {
        final AlertEvaluator evaluator = new AlertEvaluator(AlertRules.defaults(), alerts::add);
        active();
        counters.put(DaemonCounters.OPEN_ORDERS, 0L);
        evaluator.onCounters(counters, PID, 0);
        assertTrue(alerts.isEmpty(), "an active daemon raises nothing: " + alerts);

        counters.put(DaemonCounters.MODE, 2L);
        counters.put(DaemonCounters.MODE_REASON, (long)ModeReason.OPERATOR_STOP.ordinal());
        for (long t = 500; t <= 60_000; t += 500)
        {
            evaluator.onCounters(counters, PID, t);
        }
        assertEquals(1, alerts.size(), alerts.toString());
        final Alert halted = alerts.get(0);
        assertEquals(AlertCondition.HALTED, halted.condition());
        assertTrue(halted.firing());
        assertEquals(500, halted.timeMs());
        assertEquals("mode HALTED (OPERATOR_STOP); position 3 lots, net PnL -40 ticks x lots, open orders 0", halted.message());
        assertEquals(PID, halted.daemon());

        active();
        counters.put(DaemonCounters.OPEN_ORDERS, 2L);
        evaluator.onCounters(counters, PID, 60_500);
        evaluator.onCounters(counters, PID, 61_000);
        assertEquals(2, alerts.size(), alerts.toString());
        assertEquals(AlertCondition.HALTED, alerts.get(1).condition());
        assertFalse(alerts.get(1).firing());
        assertEquals("[ticklane RESOLVED] halted: mode ACTIVE; position 3 lots, net PnL -40 ticks x lots, open orders 2 (pid 4242)",
            alerts.get(1).text());
    }

    @Test
    void aConditionThatReturnsWithinTheMinimumIntervalIsHeldBackUntilTheIntervalHasPassed() throws IOException
    {
        final AlertEvaluator evaluator = new AlertEvaluator(
            AlertRules.load(null, List.of("alert.min_interval_ms=10000")), alerts::add);
        active();
        evaluator.onCounters(counters, PID, 0);
        counters.put(DaemonCounters.MODE, 1L);
        evaluator.onCounters(counters, PID, 1_000);   // REDUCE_ONLY: notified
        counters.put(DaemonCounters.MODE, 0L);
        evaluator.onCounters(counters, PID, 2_000);   // resolved
        counters.put(DaemonCounters.MODE, 1L);
        evaluator.onCounters(counters, PID, 3_000);   // again within 10 s of the first: held back
        counters.put(DaemonCounters.MODE, 0L);
        evaluator.onCounters(counters, PID, 4_000);   // clears while held back: neither it nor its resolution
        assertEquals(List.of("reduce_only FIRING 1000", "reduce_only RESOLVED 2000"), summary());
        assertEquals(1, evaluator.heldBack());

        counters.put(DaemonCounters.MODE, 1L);
        evaluator.onCounters(counters, PID, 5_000);   // held back again ...
        evaluator.onCounters(counters, PID, 10_999);
        assertEquals(2, alerts.size());
        evaluator.onCounters(counters, PID, 11_000);  // ... and still there when the interval has passed: notified
        assertEquals("reduce_only FIRING 11000", summary().get(2));
        assertEquals(2, evaluator.heldBack());
    }

    @Test
    void drawdownIsMeasuredFromThePeakSeenAndClearsWhenPnlRecovers() throws IOException
    {
        final AlertEvaluator evaluator = new AlertEvaluator(
            AlertRules.load(null, List.of("alert.drawdown=100", "alert.min_interval_ms=0")), alerts::add);
        active();
        counters.put(DaemonCounters.NET_PNL, 50L);
        evaluator.onCounters(counters, PID, 0);
        counters.put(DaemonCounters.NET_PNL, 250L);  // peak 250
        evaluator.onCounters(counters, PID, 1);
        counters.put(DaemonCounters.NET_PNL, 151L);  // 99 below: no alert
        evaluator.onCounters(counters, PID, 2);
        counters.put(DaemonCounters.NET_PNL, 150L);  // 100 below: alert
        evaluator.onCounters(counters, PID, 3);
        counters.put(DaemonCounters.NET_PNL, 200L);  // 50 below: resolved
        evaluator.onCounters(counters, PID, 4);
        assertEquals(List.of("drawdown FIRING 3", "drawdown RESOLVED 4"), summary());
        assertEquals("net PnL 150 is 100 ticks x lots below its peak 250 (threshold 100)", alerts.get(0).message());
    }

    @Test
    void venueSilenceAndStaleBookAreCountersStandingStillForTheThreshold() throws IOException
    {
        final AlertEvaluator evaluator = new AlertEvaluator(AlertRules.load(null,
            List.of("alert.venue_silent_ms=3000", "alert.book_stale_ms=1000", "alert.min_interval_ms=0")), alerts::add);
        active();
        evaluator.onCounters(counters, PID, 10_000);
        counters.put(DaemonCounters.MARKET_DATA, 101L);
        evaluator.onCounters(counters, PID, 10_900);   // market data moved at 10.9 s; heartbeats still at 10 s
        evaluator.onCounters(counters, PID, 11_899);
        assertTrue(alerts.isEmpty(), alerts.toString());
        evaluator.onCounters(counters, PID, 11_900);   // 1,000 ms without a frame
        evaluator.onCounters(counters, PID, 12_999);
        evaluator.onCounters(counters, PID, 13_000);   // 3,000 ms without a heartbeat
        counters.put(DaemonCounters.VENUE_HEARTBEATS, 8L);
        counters.put(DaemonCounters.MARKET_DATA, 102L);
        evaluator.onCounters(counters, PID, 13_500);
        assertEquals(List.of("book_stale FIRING 11900", "venue_silent FIRING 13000", "venue_silent RESOLVED 13500",
            "book_stale RESOLVED 13500"), summary());
        assertEquals("no market data frame for 1000 ms (threshold 1000 ms)", alerts.get(0).message());
    }

    @Test
    void rejectRateIsVenueAndRiskRejectsOverTheWholeWindow() throws IOException
    {
        final AlertEvaluator evaluator = new AlertEvaluator(AlertRules.load(null,
            List.of("alert.reject_rate_per_s=2", "alert.reject_window_ms=5000", "alert.min_interval_ms=0")), alerts::add);
        active();
        counters.put("venue rejects: PRICE_OUT_OF_BAND", 0L);
        counters.put("risk rejects: MAX_POSITION", 0L);
        counters.put(DaemonCounters.ADMIN_REJECTED, 1_000L);   // not an order reject
        evaluator.onCounters(counters, PID, 0);
        counters.put("venue rejects: PRICE_OUT_OF_BAND", 6L);
        counters.put("risk rejects: MAX_POSITION", 4L);     // 10 in the window of 5 s: 2/s, not above
        evaluator.onCounters(counters, PID, 1_000);
        assertTrue(alerts.isEmpty(), alerts.toString());
        counters.put("risk rejects: MAX_POSITION", 5L);     // 11 / 5 s = 2.2/s
        evaluator.onCounters(counters, PID, 2_000);
        assertEquals(List.of("reject_rate FIRING 2000"), summary());
        assertEquals("2.2 rejects/s over the last 5000 ms (threshold 2.0/s)", alerts.get(0).message());
        evaluator.onCounters(counters, PID, 5_999);     // base still the reading at 0 s: 11 / 5 s
        assertEquals(1, alerts.size(), alerts.toString());
        // no more rejects: at 6 s the reading at 1 s (10) is the newest at least 5 s old, so 1 / 5 s = 0.2/s
        evaluator.onCounters(counters, PID, 6_000);
        assertEquals(List.of("reject_rate FIRING 2000", "reject_rate RESOLVED 6000"), summary());
        assertEquals("0.2 rejects/s, at or below the threshold", alerts.get(1).message());
    }

    @Test
    void aDaemonThatGoesIsOneAlertAndItsReturnAResolutionWithFreshBaselines() throws IOException
    {
        final AlertEvaluator evaluator = new AlertEvaluator(
            AlertRules.load(null, List.of("alert.venue_silent_ms=1000", "alert.min_interval_ms=0")), alerts::add);
        active();
        evaluator.onCounters(counters, PID, 0);
        evaluator.onDaemonGone("pid 4242 (not running)", 500);
        evaluator.onDaemonGone("pid 4242 (not running)", 1_000);
        evaluator.onDaemonGone("pid 4242 (not running)", 5_000);
        // a new daemon: its heartbeat silence counts from its first reading, not from the old daemon's last beat
        evaluator.onCounters(counters, "pid 5000", 5_500);
        evaluator.onCounters(counters, "pid 5000", 6_000);
        assertEquals(List.of("daemon_gone FIRING 500", "daemon_gone RESOLVED 5500"), summary());
        assertEquals("pid 5000", alerts.get(1).daemon());
        evaluator.onCounters(counters, "pid 5000", 6_500);
        assertEquals("venue_silent FIRING 6500", summary().get(2));
    }

    @Test
    void conditionsSwitchedOffNeverAlert() throws IOException
    {
        final AlertEvaluator evaluator = new AlertEvaluator(AlertRules.load(null,
            List.of("alert.on_halted=false", "alert.on_reduce_only=false", "alert.on_daemon_gone=false")), alerts::add);
        active();
        counters.put(DaemonCounters.MODE, 2L);
        evaluator.onCounters(counters, PID, 0);
        counters.put(DaemonCounters.MODE, 1L);
        evaluator.onCounters(counters, PID, 100_000);
        evaluator.onDaemonGone("gone", 200_000);
        assertTrue(alerts.isEmpty(), alerts.toString());
    }

    private void active()
    {
        counters.put(DaemonCounters.MODE, 0L);
        counters.put(DaemonCounters.MODE_REASON, (long)ModeReason.NONE.ordinal());
        counters.put(DaemonCounters.POSITION, 3L);
        counters.put(DaemonCounters.NET_PNL, -40L);
        counters.putIfAbsent(DaemonCounters.VENUE_HEARTBEATS, 7L);
        counters.putIfAbsent(DaemonCounters.MARKET_DATA, 100L);
    }

    private List<String> summary()
    {
        final List<String> lines = new ArrayList<>();
        for (final Alert alert : alerts)
        {
            lines.add(alert.condition().id() + " " + alert.state() + " " + alert.timeMs());
        }
        return lines;
    }
}
