package io.ticklane.cockpit.alert;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertRulesTest
{
    @TempDir
    Path dir;

    @Test
    void defaultsAlertOnModeChangesAndAGoneDaemonToTheLogOnly()
    {
        final AlertRules rules = AlertRules.defaults();
        assertTrue(rules.enabled(AlertCondition.HALTED));
        assertTrue(rules.enabled(AlertCondition.REDUCE_ONLY));
        assertTrue(rules.enabled(AlertCondition.DAEMON_GONE));
        assertFalse(rules.enabled(AlertCondition.DRAWDOWN));
        assertFalse(rules.enabled(AlertCondition.VENUE_SILENT));
        assertFalse(rules.enabled(AlertCondition.BOOK_STALE));
        assertFalse(rules.enabled(AlertCondition.REJECT_RATE));
        assertNull(rules.webhook());
        assertEquals(60_000, rules.minIntervalMs());
    }

    @Test
    void theFileIsLayeredOverTheDefaultsAndSetOverTheFileIgnoringOtherKeys() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("daemon.properties"),
            "quoter=glft(gamma=0.1)\ndaemon.layout=threads\n" +
            "alert.drawdown=500\nalert.venue_silent_ms=4000\nalert.webhook.url=http://127.0.0.1:9/hook\n");
        final AlertRules rules = AlertRules.load(file, List.of("alert.venue_silent_ms=2500", "alert.on_reduce_only=false"));
        assertEquals(500, rules.drawdown());
        assertEquals(2500, rules.venueSilentMs());
        assertFalse(rules.enabled(AlertCondition.REDUCE_ONLY));
        assertEquals("http://127.0.0.1:9/hook", rules.webhook().toString());
    }

    @Test
    void badOrUnknownKeysAreRefusedNamingTheKey() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("a.properties"), "alert.drawdwn=500\n");
        final IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> AlertRules.load(file, List.of()));
        assertTrue(unknown.getMessage().startsWith("alert.drawdwn (" + file + "): unknown alert setting"), unknown.getMessage());

        assertEquals("alert.venue_silent_ms=-1: must be >= 0 (0: off)", message("alert.venue_silent_ms=-1"));
        assertEquals("alert.on_halted=yes: must be true or false", message("alert.on_halted=yes"));
        assertEquals("alert.reject_rate_per_s=NaN: must be a finite number >= 0 (0: off)", message("alert.reject_rate_per_s=NaN"));
        assertEquals("alert.poll_ms=0: must be > 0", message("alert.poll_ms=0"));
        assertEquals("alert.webhook.backoff_max_ms=100: must be >= alert.webhook.backoff_ms",
            message("alert.webhook.backoff_max_ms=100"));
        assertEquals("--set daemon.layout=threads: the cockpit takes alert.* keys only", message("daemon.layout=threads"));
    }

    @Test
    void aWebhookUrlIsNeverEchoedInAnError()
    {
        final String message = message("alert.webhook.url=ftp://hooks.example/T000/B000/s3cr3t");
        assertEquals("alert.webhook.url=(redacted): must be an http:// or https:// URL with a host", message);
        assertFalse(message("alert.webhook.url=http://exa mple/s3cr3t").contains("s3cr3t"));
    }

    private static String message(final String set)
    {
        return assertThrows(IllegalArgumentException.class, () -> AlertRules.load(null, List.of(set))).getMessage();
    }
}
