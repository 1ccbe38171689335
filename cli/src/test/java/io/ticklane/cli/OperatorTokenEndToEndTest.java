package io.ticklane.cli;

import io.ticklane.journal.queue.Direction;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.runtime.daemon.Daemon;
import io.ticklane.runtime.daemon.DaemonConfig;
import io.ticklane.runtime.daemon.DaemonCounters;
import io.ticklane.runtime.daemon.DaemonCountersReader;
import io.ticklane.runtime.daemon.OperatorToken;
import io.ticklane.sbe.AdminCommandDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.Side;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.ticklane.cli.ScriptedVenue.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator token for real: a daemon on an embedded media driver reading its token from an owner-only file, a
 * scripted venue, the real {@code ticklane admin} CLI with the token from a file and, in a child JVM, from the
 * environment; wrong tokens rejected and then throttled; and afterwards not one byte of the token in the run
 * directory, the state file or the journal, read back record by record and through {@code journal cat}.
 */
class OperatorTokenEndToEndTest
{
    private static final String TOKEN = "e2e-operator-token-0123456789ab";
    private static final String CONFIG =
        "risk.max_order_quantity=1000\nrisk.max_notional=100000000000\nrisk.price_collar_ticks=1000\n" +
        "risk.stale_market_data_ms=60000\nquoter=glft(gamma=0.05,sigma_fallback=1,a_fallback=1,k_fallback=1,order_size=1)\n";

    @TempDir
    Path tmp;

    @Test
    void commandsAuthenticateAtTheEdgeAndTheTokenIsNowhereOnDisk() throws Exception
    {
        final String aeronDir = tmp.resolve("aeron").toString();
        final Path runs = tmp.resolve("runs");
        final String token = OperatorTokens.write(tmp.resolve("admin.token"), TOKEN).toString();
        final String wrong = OperatorTokens.write(tmp.resolve("wrong.token"), "e2e-operator-token-0123456789aB").toString();
        final DaemonConfig config = DaemonConfig.load(Files.writeString(tmp.resolve("daemon.properties"), CONFIG), List.of(
            "daemon.run_dir=" + runs, "transport.aeron_dir=" + aeronDir, "daemon.admin_token_file=" + token,
            "daemon.admin_bad_token_limit=3", "daemon.admin_bad_token_window_ms=600000", "daemon.admin_lockout_ms=600000"),
            tmp, Map.of());
        final Daemon daemon = Daemon.start(config, null, new OffsetEpochNanoClock());
        try (ScriptedVenue venue = new ScriptedVenue(aeronDir, config.transportContext()))
        {
            venue.definitionAndSnapshot(999, 1001);
            await("two-sided quotes", 30_000, () -> null != venue.lastQuote(Side.BUY) && null != venue.lastQuote(Side.SELL));

            // the right token from a file: applied
            final CliRun stop = CliRun.run("admin", "stop", "--token-file", token, "--aeron-dir", aeronDir);
            assertEquals(ExitCodes.OK, stop.exitCode, stop.toString());
            assertTrue(stop.out.contains("mode=HALTED"), stop.toString());

            // the right token from the environment, in another process: applied
            final List<String> lines = Collections.synchronizedList(new ArrayList<>());
            final Process resume = ChildJvm.ticklane(lines, Map.of(OperatorToken.ENVIRONMENT_VARIABLE, TOKEN),
                "admin", "resume", "--aeron-dir", aeronDir);
            assertTrue(resume.waitFor(60, TimeUnit.SECONDS), "admin resume in a child JVM: " + lines);
            assertEquals(ExitCodes.OK, resume.exitValue(), lines.toString());
            assertTrue(String.join("\n", lines).contains("admin: resume applied; mode=ACTIVE"), lines.toString());

            // a wrong token: REJECTED, exit 1, nothing changes
            final CliRun rejected = CliRun.run("admin", "stop", "--token-file", wrong, "--aeron-dir", aeronDir);
            assertEquals(ExitCodes.CHECK_FAILED, rejected.exitCode, rejected.toString());
            assertTrue(rejected.err.contains("stop REJECTED by the daemon (wrong token); mode=ACTIVE"), rejected.toString());
            assertEquals(1L, counter(aeronDir, DaemonCounters.ADMIN_REJECTED));

            // two more make three wrong tokens: now even the right one is refused, uncompared, and counted apart
            for (int i = 0; i < 2; i++)
            {
                assertEquals(ExitCodes.CHECK_FAILED, CliRun.run("admin", "flatten", "--token-file", wrong, "--aeron-dir", aeronDir).exitCode);
            }
            final CliRun throttled = CliRun.run("admin", "stop", "--token-file", token, "--aeron-dir", aeronDir);
            assertEquals(ExitCodes.CHECK_FAILED, throttled.exitCode, throttled.toString());
            assertTrue(throttled.err.contains("stop REJECTED by the daemon: too many wrong tokens lately"), throttled.toString());
            assertEquals(3L, counter(aeronDir, DaemonCounters.ADMIN_REJECTED));
            assertEquals(1L, counter(aeronDir, DaemonCounters.ADMIN_THROTTLED));
            assertEquals(0L, counter(aeronDir, DaemonCounters.MODE), "still ACTIVE: no refused command reached the strategy");
        }
        finally
        {
            daemon.shutdown();
        }
        assertEquals(null, daemon.firstError());

        // no file the daemon wrote holds the token: run directory (journal, settings, latencies) and state file
        final byte[] secret = TOKEN.getBytes(StandardCharsets.US_ASCII);
        final List<Path> written;
        try (Stream<Path> files = Files.walk(runs))
        {
            written = files.filter(Files::isRegularFile).toList();
        }
        assertTrue(written.stream().anyMatch((file) -> file.getFileName().toString().endsWith(".cq4")), written.toString());
        assertTrue(written.contains(daemon.runDirectory().resolve("strategy.properties")), written.toString());
        assertTrue(written.contains(daemon.runDirectory().resolve("daemon.properties")), written.toString());
        for (final Path file : written)
        {
            assertFalse(contains(file, secret), "the token is in " + file);
        }

        // the journal, record by record: the applied commands are there, their token fields zero
        final int[] commands = new int[1];
        final List<String> leaks = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(daemon.journalDirectory()))
        {
            reader.poll((direction, stream, receiveTimeNs, buffer, offset, length) ->
            {
                final byte[] record = new byte[length];
                buffer.getBytes(offset, record);
                if (indexOf(record, secret, record.length) >= 0)
                {
                    leaks.add(direction + " stream " + stream);
                }
                if (Direction.IN == direction && AdminCommandDecoder.TEMPLATE_ID == buffer.getShort(offset + 2))
                {
                    commands[0]++;
                    final int field = offset + MessageHeaderDecoder.ENCODED_LENGTH + AdminCommandDecoder.authTokenEncodingOffset();
                    for (int i = 0; i < AdminCommandDecoder.authTokenLength(); i++)
                    {
                        if (0 != buffer.getByte(field + i))
                        {
                            leaks.add("token byte " + i + " of an admin command is not zero");
                        }
                    }
                }
            }, Integer.MAX_VALUE);
        }
        assertEquals(List.of(), leaks);
        assertEquals(3, commands[0], "STOP and RESUME, applied, and the shutdown STOP; no refused command");

        final CliRun cat = CliRun.run("journal", "cat", daemon.journalDirectory().toString());
        assertEquals(ExitCodes.OK, cat.exitCode, cat.toString());
        assertTrue(cat.out.contains("AdminCommand"), cat.out);
        assertFalse(cat.out.contains(TOKEN), "journal cat prints no token");
    }

    private static long counter(final String aeronDir, final String label)
    {
        return new DaemonCountersReader(Path.of(aeronDir)).read().get(label);
    }

    private static boolean contains(final Path file, final byte[] needle) throws IOException
    {
        final byte[] chunk = new byte[1 << 20];
        int kept = 0;
        try (InputStream in = Files.newInputStream(file))
        {
            int read;
            while ((read = in.read(chunk, kept, chunk.length - kept)) > 0)
            {
                final int filled = kept + read;
                if (indexOf(chunk, needle, filled) >= 0)
                {
                    return true;
                }
                kept = Math.min(needle.length - 1, filled);
                System.arraycopy(chunk, filled - kept, chunk, 0, kept);
            }
        }
        return false;
    }

    private static int indexOf(final byte[] haystack, final byte[] needle, final int length)
    {
        outer:
        for (int i = 0; i <= length - needle.length; i++)
        {
            for (int j = 0; j < needle.length; j++)
            {
                if (haystack[i + j] != needle[j])
                {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
