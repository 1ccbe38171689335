package io.ticklane.runtime.daemon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Layering (defaults, then the file, then --set) and validation of the daemon's settings, each error naming the
 * key, the value and where it came from.
 */
class DaemonConfigTest
{
    @TempDir
    Path tmp;

    @Test
    void laterLayersReplaceEarlierOnes() throws Exception
    {
        final Path file = write("daemon.layout=threads\ndaemon.ring_slots=1024\nquotes.replace_ticks=3\n");
        final DaemonConfig config = DaemonConfig.load(file, List.of("daemon.ring_slots=2048", "quotes.replace_ticks=4"), tmp);

        assertEquals(ThreadLayout.THREADS, config.threadLayout(), "from the file");
        assertEquals(2048, config.ringSlots(), "--set beats the file");
        assertEquals(4096, config.slotBytes(), "default");
        assertTrue(config.strategyProperties().contains("quotes.replace_ticks=4\n"), config.strategyProperties());
        assertTrue(config.describe().contains("daemon.ring_slots=2048  # --set"), config.describe());
        assertTrue(config.describe().contains("daemon.layout=threads  # " + file), config.describe());
    }

    @Test
    void theStrategyFileItWritesRebuildsTheSameStrategySettings() throws Exception
    {
        final DaemonConfig config = DaemonConfig.load(write(""), List.of("quoter=glft(gamma=0.2)"), tmp);
        final Path strategyFile = Files.writeString(tmp.resolve("strategy.properties"), config.strategyProperties());
        assertEquals(config.strategy().sha256(), io.ticklane.marketmaking.config.StrategyConfig.load(strategyFile).sha256());
        assertEquals("glft(gamma=0.2)", config.strategy().quoterSpec());
    }

    @Test
    void errorsNameTheKeyTheValueAndWhereItCameFrom() throws Exception
    {
        final Path file = write("daemon.ring_slots=1000\n");
        assertMessage(() -> DaemonConfig.load(file, List.of(), tmp), file + ": daemon.ring_slots=1000: must be a power of two");
        assertMessage(() -> DaemonConfig.load(file, List.of("daemon.ring_slot=8"), tmp), "--set: unknown key daemon.ring_slot");
        assertMessage(() -> DaemonConfig.load(write("qoter=x\n"), List.of(), tmp),
            "unknown key qoter (neither a daemon.*/transport.*/gateway.*/fix.* key nor a strategy key)");
        assertMessage(() -> DaemonConfig.load(write(""), List.of("daemon.idle=nap"), tmp),
            "--set: daemon.idle=nap: idle strategy must be busy-spin, yielding, backoff or sleeping");
        assertMessage(() -> DaemonConfig.load(write(""), List.of("transport.admin_channel=aeron:udp?endpoint=x:1"), tmp),
            "admin channel must be IPC");
        assertMessage(() -> DaemonConfig.load(writeWithoutToken("daemon.layout=threads\n"), List.of(), tmp, Map.of()),
            "no operator token: name a file only you can read with daemon.admin_token_file, or set TICKLANE_ADMIN_TOKEN");
        assertMessage(() -> DaemonConfig.load(write(""), List.of("daemon.admin_bad_token_limit=0"), tmp),
            "--set: daemon.admin_bad_token_limit=0: must be in [1, 1000]");
        assertMessage(() -> DaemonConfig.load(write(""), List.of("nonsense"), tmp),
            "--set nonsense: expected key=value");
    }

    @Test
    void handlerErrorsHaltAndTheJournalKeepsAGibibyteFreeUnlessToldOtherwise() throws Exception
    {
        final DaemonConfig defaults = DaemonConfig.load(write(""), List.of(), tmp);
        assertTrue(defaults.haltOnHandlerError());
        assertEquals(1L << 30, defaults.journalMinFreeBytes());
        final DaemonConfig set = DaemonConfig.load(write(""),
            List.of("daemon.on_handler_error=continue", "daemon.journal_min_free_bytes=0"), tmp);
        assertFalse(set.haltOnHandlerError());
        assertEquals(0, set.journalMinFreeBytes());

        assertMessage(() -> DaemonConfig.load(write(""), List.of("daemon.on_handler_error=ignore"), tmp),
            "--set: daemon.on_handler_error=ignore: must be halt or continue");
        assertMessage(() -> DaemonConfig.load(write(""), List.of("daemon.journal_min_free_bytes=-1"), tmp),
            "--set: daemon.journal_min_free_bytes=-1: must be >= 0");
    }

    @Test
    void coresComeFromTheSettingOrFromATuningLayoutFile() throws Exception
    {
        final DaemonConfig cores = DaemonConfig.load(write(""),
            List.of("daemon.cores=receiver=2,trading=3"), tmp);
        assertEquals(Map.of("receiver", 2, "trading", 3), cores.cores());

        final Path layout = Files.writeString(tmp.resolve("pinned.properties"), "receiver=2\ntrading=3\norder-sender=4\njournal=none\n");
        final DaemonConfig fromFile = DaemonConfig.load(write(""),
            List.of("daemon.core_layout=" + layout), tmp);
        assertEquals(Map.of("receiver", 2, "trading", 3, "order-sender", 4), fromFile.cores());

        final Path odd = Files.writeString(tmp.resolve("odd.properties"), "market-data=2\n");
        assertMessage(() -> DaemonConfig.load(write(""), List.of("daemon.core_layout=" + odd), tmp),
            "unknown role 'market-data'");
        assertMessage(() -> DaemonConfig.load(write(""),
            List.of("daemon.core_layout=" + layout, "daemon.cores=trading=1"), tmp), "not both");
    }

    @Test
    void theShippedLayoutFilesAreValid() throws Exception
    {
        for (final String name : new String[]{"pinned", "one-thread"})
        {
            final Path file = Path.of("..", "tuning", "layouts", name + ".properties");
            DaemonConfig.load(write(""), List.of("daemon.core_layout=" + file), tmp).cores();
        }
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedNamingTheFileAndLine() throws Exception
    {
        // found by DaemonConfigFuzzTest: was java.nio.charset.MalformedInputException "Input length = 1", naming nothing
        final Path file = Files.write(tmp.resolve("latin1.properties"),
            "risk.max_position=5\ndaemon.instrument_symbol=caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertMessage(() -> DaemonConfig.load(file, List.of(), tmp), file + ": line 2 is not UTF-8 text");
    }

    @Test
    void aLineBreakInAValueCannotSmuggleASettingIntoTheStrategyFile() throws Exception
    {
        // found by DaemonConfigFuzzTest: the escaped \r ended the value in the strategy file the run keeps, so the
        // strategy (and a replay of the run) got risk.max_notional=5, which nobody set. Unescaped, this value would load
        // as an empty order-flow input plus that smuggled limit; escaped, it is one value, which names no factor.
        assertMessage(() -> DaemonConfig.load(write("inputs.order_flow=\\rrisk.max_notional=5\n"), List.of(), tmp),
            "inputs.order_flow=risk.max_notional=5 (no factor 'risk.max_notional=5' configured"); // the value, trimmed
        final DaemonConfig config = DaemonConfig.load(write("risk.max_notional=7\n"), List.of(), tmp);
        final Path strategyFile = Files.writeString(tmp.resolve("strategy.properties"), config.strategyProperties());
        assertEquals(config.strategy().sha256(), io.ticklane.marketmaking.config.StrategyConfig.load(strategyFile).sha256());
    }

    @Test
    void aCoreLayoutPathWithoutAFileNameIsRefusedNamingTheKey() throws Exception
    {
        // found by DaemonConfigFuzzTest: was a NullPointerException from CoreLayout.load (Path.of("/").getFileName())
        assertMessage(() -> DaemonConfig.load(write("risk.max_position=5\n"), List.of("daemon.core_layout=/"), tmp),
            "--set: daemon.core_layout=/: ");
    }

    @Test
    void aRunDirectoryThatIsNoPathIsRefusedAtLoad() throws Exception
    {
        // found by DaemonConfigFuzzTest: loaded, then InvalidPathException from runDir() at start-up
        assertMessage(() -> DaemonConfig.load(write("risk.max_position=5\n"), List.of("daemon.run_dir=runs\u0000x"), tmp),
            "--set: daemon.run_dir=runs\u0000x: not a path: Nul character not allowed");
        assertMessage(() -> DaemonConfig.load(write("risk.max_position=5\n"), List.of("daemon.state_file=s\u0000x"), tmp),
            "--set: daemon.state_file=s\u0000x: not a path");
    }

    @Test
    void fixSettingsAreValidatedAtStartNamingTheKeyAndThePasswordComesOnlyFromItsFile() throws Exception
    {
        final Path password = tmp.resolve("fix.password");
        Files.writeString(password, "pw-123\n");
        Files.setPosixFilePermissions(password, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        final List<String> fix = List.of("gateway.orders=fix", "fix.port=9876", "fix.sender_comp_id=TICKLANE",
            "fix.target_comp_id=VENUE", "fix.username=trader", "fix.password_file=" + password,
            "daemon.instrument_tick_size=5", "daemon.instrument_price_exponent=-2", "daemon.instrument_symbol=BTCUSD");

        final DaemonConfig config = DaemonConfig.load(write(""), fix, tmp);
        assertEquals(null, DaemonConfig.load(write(""), List.of(), tmp).fixSession(), "aeron: no FIX session");
        final String described = config.fixSession().toString();
        assertTrue(described.startsWith("FIX.4.4:TICKLANE->VENUE@127.0.0.1:9876 user=trader heartbeat=10s"), described);
        assertTrue(!described.contains("pw-123") && !config.describe().contains("pw-123") &&
            !config.strategyProperties().contains("pw-123"), "the password is in no description or settings file");
        assertEquals(config.runDir().resolve("fix-session"), config.fixSession().storeDir());
        assertEquals(1103, config.fixReportStreamId());

        assertMessage(() -> DaemonConfig.load(write(""), List.of("gateway.orders=tcp"), tmp),
            "--set: gateway.orders=tcp: must be aeron (Ticklane's venue over Aeron) or fix");
        assertMessage(() -> DaemonConfig.load(write(""), with(fix, "fix.port=0"), tmp),
            "--set: fix.port=0: must be the venue's FIX port, 1-65535");
        assertMessage(() -> DaemonConfig.load(write(""), with(fix, "fix.target_comp_id="), tmp),
            "--set: fix.target_comp_id=: must be set when gateway.orders=fix");
        assertMessage(() -> DaemonConfig.load(write(""), with(fix, "fix.sender_comp_id=TICK LANE"), tmp),
            "fix.sender_comp_id=TICK LANE: must be 1-64 letters, digits");
        assertMessage(() -> DaemonConfig.load(write(""), with(fix, "fix.reconnect_max_ms=10"), tmp),
            "fix.reconnect_max_ms=10: must be >= fix.reconnect_initial_ms");
        assertMessage(() -> DaemonConfig.load(write(""), with(fix, "fix.report_stream=1003"), tmp),
            "fix.report_stream=1003: must differ from the transport.* stream ids");
        assertMessage(() -> DaemonConfig.load(write(""), with(fix, "fix.tick_size=-0.5"), tmp),
            "fix.tick_size=-0.5: the FIX increment -0.5 must be positive");
        assertMessage(() -> DaemonConfig.load(write(""), with(fix, "fix.active_timeout_ms=0"), tmp),
            "fix.active_timeout_ms=0");
        assertMessage(() -> DaemonConfig.load(write(""), with(fix, "fix.heartbeat_interval_s=0"), tmp),
            "fix.heartbeat_interval_s=0: must be 1-3600 seconds");
        Files.setPosixFilePermissions(password, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        assertMessage(() -> DaemonConfig.load(write(""), fix, tmp), "fix.password_file: " + password +
            " is readable or writable by group or others (rw-r--r--): chmod 600");
    }

    @Test
    void aBadFixValueIsRefusedEvenWhileOrdersGoOverAeronAndFixKeysNeverReachTheStrategyFile() throws Exception
    {
        // found by DaemonConfigFuzzTest: "fix.active_timeout_ms=" was taken and ignored until the gateway was switched
        assertMessage(() -> DaemonConfig.load(write("fix.active_timeout_ms=\n"), List.of(), tmp),
            "fix.active_timeout_ms=: must be a whole number");
        assertMessage(() -> DaemonConfig.load(write(""), List.of("fix.port=abc"), tmp), "--set: fix.port=abc: must be a whole number");
        assertMessage(() -> DaemonConfig.load(write(""), List.of("fix.reset_on_logon=yes"), tmp),
            "fix.reset_on_logon=yes: must be true or false");

        final DaemonConfig config = DaemonConfig.load(write("fix.active_timeout_ms=5000\nfix.host=venue.example\n"),
            List.of("gateway.orders=aeron"), tmp);
        assertNull(config.fixSession(), "orders go over Aeron");
        assertFalse(config.strategyProperties().contains("fix.") || config.strategyProperties().contains("gateway."),
            config.strategyProperties());
    }

    private static List<String> with(final List<String> settings, final String extra)
    {
        final List<String> all = new java.util.ArrayList<>(settings);
        all.add(extra);
        return all;
    }

    private Path write(final String text) throws Exception
    {
        return writeWithoutToken("daemon.admin_token_file=" + tmp.resolve("admin.token") + "\n" + text);
    }

    private Path writeWithoutToken(final String text) throws Exception
    {
        return Files.writeString(Files.createTempFile(tmp, "daemon", ".properties"), text);
    }

    private static void assertMessage(final org.junit.jupiter.api.function.Executable executable, final String expected)
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, executable);
        assertTrue(ex.getMessage().contains(expected), ex.getMessage());
    }
}
