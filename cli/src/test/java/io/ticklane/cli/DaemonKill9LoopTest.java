package io.ticklane.cli;

import io.ticklane.journal.queue.Direction;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.runtime.daemon.DaemonCounters;
import io.ticklane.runtime.daemon.DaemonCountersReader;
import io.ticklane.runtime.daemon.OperatorClient;
import io.ticklane.runtime.daemon.OperatorToken;
import io.ticklane.gateway.transport.TransportContext;
import io.ticklane.sbe.AdminCommandType;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportDecoder;
import io.ticklane.sbe.L2UpdateDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import org.agrona.DirectBuffer;
import org.agrona.collections.LongHashSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The kill -9 loop (issue 18, item 8). {@code ticklane venue} runs as its own process (the media driver embedded in
 * it) and {@code ticklane daemon} as another, joining that driver. The daemon trades; at a random moment of active
 * trading it is killed with SIGKILL and started again, {@value #DEFAULT_KILLS} times by default. After each kill and
 * restart the loop checks:
 * <ul>
 *     <li>the journal holds at least every record the daemon's {@code journal records} counter showed just before
 *     the kill (the counter may lag the journal, never lead it), and no inbound record is in it twice;</li>
 *     <li>the restarted daemon restored the crashed run and continued its journal, and reconciled with the venue;</li>
 *     <li>after a STOP, neither side holds an open order (an order the venue keeps that the daemon does not know is
 *     an orphan), and the daemon's position equals the venue's net filled position (the venue's counter).</li>
 * </ul>
 * An operator RESUME then lets it trade until the next kill. At the end a SIGTERM stops it cleanly: the journal is
 * complete and the venue holds no order. The delays come from a seeded {@link Random}; the seed is printed.
 * {@code -Dticklane.kill9.kills=N}, {@code -Dticklane.kill9.seed=S} and {@code -Dticklane.kill9.max_delay_ms=MS}
 * change the loop ({@code scripts/kill9-loop} runs it by hand with N = 100).
 */
@Tag("kill9")
class DaemonKill9LoopTest
{
    /** Kills per run unless {@value #KILLS_PROPERTY} says otherwise. */
    static final int DEFAULT_KILLS = 20;
    static final String KILLS_PROPERTY = "ticklane.kill9.kills";
    static final String SEED_PROPERTY = "ticklane.kill9.seed";
    static final String MAX_DELAY_PROPERTY = "ticklane.kill9.max_delay_ms";
    private static final String TOKEN = "kill9-loop-operator-token";
    private static final long STEP_TIMEOUT_MS = 60_000;

    @TempDir
    Path tmp;

    private final List<String> venueOutput = new CopyOnWriteArrayList<>();
    private List<String> daemonOutput = new CopyOnWriteArrayList<>();
    private Process daemon;
    private String aeronDir;
    private DaemonCountersReader counters;
    private VenueCountersProbe venueCounters;

    @Test
    void aDaemonKilledAtRandomPointsOfTradingRestartsLosingNothingAndAgreeingWithTheVenue() throws Exception
    {
        final int kills = Integer.getInteger(KILLS_PROPERTY, DEFAULT_KILLS);
        final long seed = Long.getLong(SEED_PROPERTY, 18L);
        final int maxDelayMs = Integer.getInteger(MAX_DELAY_PROPERTY, 1_500);
        final Random random = new Random(seed);
        System.out.println("kill9 loop: kills=" + kills + " seed=" + seed + " max_delay_ms=" + maxDelayMs +
            " (-D" + SEED_PROPERTY + "=" + seed + " draws the same delays)");
        final long startNs = System.nanoTime();

        aeronDir = tmp.resolve("aeron").toString();
        final Path runs = tmp.resolve("runs");
        final Path config = Files.writeString(tmp.resolve("daemon.properties"),
            "daemon.admin_token_file=" + tokenFile() + "\nrisk.max_order_quantity=10\nrisk.max_position=100000\n" +
            "risk.max_notional=100000000000\nrisk.price_collar_ticks=50\nrisk.stale_market_data_ms=60000\n" +
            "risk.max_daily_loss=1000000000\nrisk.max_drawdown=1000000000\n" +
            "quoter=glft(gamma=0.1,sigma=1,a=50,k=0.5,order_size=1)\n" +
            "transport.embedded_driver=false\ntransport.aeron_dir=" + aeronDir + "\n" +
            "daemon.run_dir=" + runs + "\ndaemon.idle=sleeping\n");
        final Process venue = ChildJvm.ticklane(venueOutput, "venue", "--aeron-dir", aeronDir, "--rate", "2000",
            "--seed", "7", "--queue", "prob-power:2", "--idle", "sleeping", "--quiet");
        final Tally tally = new Tally();
        final JournalCheck journal = new JournalCheck();
        try
        {
            await("the venue up", () -> venueOutput.stream().anyMatch((l) -> l.startsWith("venue synthetic")), venue);
            venueCounters = new VenueCountersProbe(aeronDir);
            counters = new DaemonCountersReader(Path.of(aeronDir));

            startAndAwaitReconciled(config, tally, false);
            for (int kill = 1; kill <= kills; kill++)
            {
                stopAndCheckAgainstTheVenue(tally, "before kill " + kill);
                resumeAndAwaitTrading();

                final int delayMs = random.nextInt(maxDelayMs + 1);
                Thread.sleep(delayMs);
                final long countedRecords = counters.value(DaemonCounters.JOURNAL_RECORDS);
                final long ordersSent = counters.value(DaemonCounters.ORDERS_NEW);
                daemon.destroyForcibly(); // SIGKILL
                assertTrue(daemon.waitFor(30, TimeUnit.SECONDS), "the killed daemon is gone");
                tally.kills++;

                final Path run = onlyRun(runs);
                final long records = journal.check(run.resolve("journal"), countedRecords);
                tally.checks += 2;
                System.out.println("kill9 loop: kill " + kill + "/" + kills + " after " + delayMs + " ms of trading: " +
                    "journal " + records + " records (counter said " + countedRecords + "), " + ordersSent +
                    " new orders sent so far, venue position " + venueCounters.netFilledPosition() + ", venue live orders " +
                    venueCounters.liveOrders());

                startAndAwaitReconciled(config, tally, true);
            }
            stopAndCheckAgainstTheVenue(tally, "after the last restart");

            daemon.toHandle().destroy(); // SIGTERM: a clean stop
            assertTrue(daemon.waitFor(60, TimeUnit.SECONDS), "the daemon stops on SIGTERM\n" + tail(daemonOutput));
            try (JournalReader reader = JournalReader.open(onlyRun(runs).resolve("journal")))
            {
                assertTrue(reader.isComplete(), "the clean stop completed the journal the crashes continued");
            }
            assertEquals(0, venueCounters.liveOrders(), "the venue holds no order after the daemon's clean stop");
            tally.checks += 2;
            System.out.println("kill9 loop tally: kills=" + tally.kills + " restarts=" + tally.restarts +
                " invariant_checks=" + tally.checks + " violations=0 max_recovery_ms=" + tally.maxRecoveryMs +
                " mean_recovery_ms=" + (tally.restarts == 0 ? 0 : tally.totalRecoveryMs / tally.restarts) +
                " venue_position=" + venueCounters.netFilledPosition() + " venue_fills=" +
                venueCounters.value("fills") + " elapsed_s=" + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNs) +
                " seed=" + seed);
        }
        catch (final AssertionError | RuntimeException ex)
        {
            keepForInspection();
            throw ex;
        }
        finally
        {
            if (null != daemon)
            {
                daemon.destroyForcibly();
                daemon.waitFor(10, TimeUnit.SECONDS);
            }
            if (null != venueCounters)
            {
                venueCounters.close();
            }
            venue.toHandle().destroy();
            if (!venue.waitFor(30, TimeUnit.SECONDS))
            {
                venue.destroyForcibly();
            }
        }
    }

    /**
     * Starts the daemon and waits until it has reconciled with the venue: the venue answered a status request
     * made after this start, and the daemon reports its orders consistent with the answer.
     */
    private void startAndAwaitReconciled(final Path config, final Tally tally, final boolean restart) throws Exception
    {
        final long statusRequestsBefore = venueCounters.statusRequests();
        final long launchNs = System.nanoTime();
        daemonOutput = new CopyOnWriteArrayList<>();
        final List<String> output = daemonOutput;
        daemon = ChildJvm.ticklane(output, "daemon", "--config", config.toString(), "--quiet");
        await("the daemon started", () -> output.stream().anyMatch((l) -> l.startsWith("daemon state=")), daemon);
        final long startedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launchNs);
        if (restart)
        {
            assertTrue(output.stream().anyMatch((l) -> l.contains("restored run 1 at inbound record") &&
                l.contains("the run crashed: its journal continues")), "the restart continues the crashed run\n" +
                tail(output));
            tally.checks++;
        }
        await("reconciled with the venue", () -> venueCounters.statusRequests() > statusRequestsBefore &&
            counters.value(DaemonCounters.RECONCILED) == 1, daemon);
        if (restart)
        {
            final long recoveryMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launchNs);
            tally.restarts++;
            tally.maxRecoveryMs = Math.max(tally.maxRecoveryMs, recoveryMs);
            tally.totalRecoveryMs += recoveryMs;
            System.out.println("kill9 loop: restart " + tally.restarts + " started in " + startedMs + " ms, reconciled in " +
                recoveryMs + " ms: " + output.stream().filter((l) -> l.startsWith("daemon state=")).findFirst().orElse(""));
        }
    }

    /**
     * STOP, then: the daemon has no open order, the venue has none (else an orphan), and both positions agree.
     */
    private void stopAndCheckAgainstTheVenue(final Tally tally, final String when) throws Exception
    {
        final OperatorClient.Result stop = OperatorClient.send(aeronDir, TransportContext.DEFAULT_ADMIN_STREAM_ID,
            AdminCommandType.STOP, 0, OperatorToken.fromFile(tokenFile()), STEP_TIMEOUT_MS);
        assertEquals(OperatorClient.Outcome.APPLIED, stop.outcome(), when + ": STOP " + stop + "\n" + tail(daemonOutput));
        await(when + ": the daemon's orders all cancelled", () -> 0 == counters.value(DaemonCounters.OPEN_ORDERS), daemon);
        await(when + ": no orphan order at the venue (daemon open orders 0, venue live orders " +
            venueCounters.liveOrders() + ")", () -> 0 == venueCounters.liveOrders(), daemon);
        tally.checks++;
        // the daemon publishes its position on its timer ticks: wait for one after the last report
        final long ticks = counters.value("timer ticks");
        await(when + ": two daemon timer ticks", () -> counters.value("timer ticks") >= ticks + 2, daemon);
        final long venuePosition = venueCounters.netFilledPosition();
        final long daemonPosition = counters.value(DaemonCounters.POSITION);
        assertEquals(venuePosition, daemonPosition, when + ": the daemon's position against the venue's fills\n" +
            tail(daemonOutput));
        tally.checks++;
    }

    private void resumeAndAwaitTrading() throws Exception
    {
        await("a two-sided book", () -> counters.value(DaemonCounters.BEST_BID) > 0 &&
            counters.value(DaemonCounters.BEST_ASK) > 0, daemon);
        final long sentBefore = counters.value(DaemonCounters.ORDERS_NEW);
        final OperatorClient.Result resume = OperatorClient.send(aeronDir, TransportContext.DEFAULT_ADMIN_STREAM_ID,
            AdminCommandType.RESUME, 0, OperatorToken.fromFile(tokenFile()), STEP_TIMEOUT_MS);
        assertEquals(OperatorClient.Outcome.APPLIED, resume.outcome(), "RESUME " + resume + "\n" + tail(daemonOutput));
        await("quoting again", () -> counters.value(DaemonCounters.ORDERS_NEW) > sentBefore, daemon);
    }

    /**
     * A failed loop's runs (journal, state file) are copied to {@code target/kill9-failed-<time>} before the temporary
     * directory goes, so the journal can be read afterwards.
     */
    private void keepForInspection()
    {
        final Path kept = Path.of("target", "kill9-failed-" + System.currentTimeMillis()).toAbsolutePath();
        try (Stream<Path> files = Files.walk(tmp.resolve("runs")))
        {
            for (final Path file : (Iterable<Path>)files::iterator)
            {
                final Path target = kept.resolve(tmp.relativize(file).toString());
                if (Files.isDirectory(file))
                {
                    Files.createDirectories(target);
                }
                else
                {
                    Files.copy(file, target);
                }
            }
            System.out.println("kill9 loop: failed; its runs are kept in " + kept);
        }
        catch (final IOException ex)
        {
            System.out.println("kill9 loop: could not keep the runs: " + ex);
        }
    }

    private static Path onlyRun(final Path runs) throws IOException
    {
        try (Stream<Path> entries = Files.list(runs))
        {
            final List<Path> dirs = entries.filter(Files::isDirectory).toList();
            assertEquals(1, dirs.size(), "one run, continued after every crash: " + dirs);
            return dirs.get(0);
        }
    }

    private void await(final String what, final BooleanSupplier condition, final Process process)
        throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STEP_TIMEOUT_MS);
        while (!condition.getAsBoolean())
        {
            if (!process.isAlive())
            {
                fail("process exited (" + process.exitValue() + ") while waiting for: " + what + "\ndaemon:\n" +
                    tail(daemonOutput) + "\nvenue:\n" + tail(venueOutput));
            }
            if (System.nanoTime() - deadline > 0)
            {
                fail("timed out waiting for: " + what + "\ndaemon:\n" + tail(daemonOutput) + "\nvenue:\n" +
                    tail(venueOutput));
            }
            Thread.sleep(10);
        }
    }

    private static String tail(final List<String> lines)
    {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /**
     * Reads the journal after a kill: it holds at least what was counted, and no inbound frame twice. A record
     * written again (a restart's replay appending, a double append) repeats its receive stamp and bytes; a frame
     * delivered again by the transport (a restarted subscriber reading what its predecessor had journaled) repeats
     * its venue identity: a fill's exec id, a book update's sequence. Records are only ever appended, so each check
     * looks only at the records after the previous one.
     */
    private static final class JournalCheck
    {
        private final LongHashSet inbound = new LongHashSet();
        private final LongHashSet fillExecIds = new LongHashSet();
        private final LongHashSet bookSequences = new LongHashSet();
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final ExecutionReportDecoder report = new ExecutionReportDecoder();
        private final L2UpdateDecoder update = new L2UpdateDecoder();
        private final CRC32C crc = new CRC32C();
        private final byte[] bytes = new byte[1 << 16];
        private long checked;
        private String duplicate;

        long check(final Path journal, final long counted) throws IOException
        {
            final long[] index = {0};
            final long records;
            try (JournalReader reader = JournalReader.open(journal, true))
            {
                assertFalse(reader.isComplete(), "a killed daemon never writes the trailer");
                records = reader.readAll((direction, stream, timeNs, buffer, offset, length) ->
                {
                    final long record = index[0]++;
                    if (record >= checked && Direction.IN == direction)
                    {
                        onInbound(record, stream, timeNs, buffer, offset, length);
                    }
                });
            }
            assertTrue(records >= counted, "journaled before the kill: " + counted + ", found after it: " + records);
            assertEquals(null, duplicate, "an inbound frame journaled twice");
            checked = records;
            return records;
        }

        private void onInbound(
            final long record, final int stream, final long timeNs, final DirectBuffer buffer, final int offset, final int length)
        {
            buffer.getBytes(offset, bytes, 0, length);
            crc.reset();
            crc.update(bytes, 0, length);
            if (!inbound.add(timeNs * 31 + (crc.getValue() << 16) + stream * 7L + length))
            {
                duplicate("record " + record + ": the same bytes and receive stamp as an earlier record");
            }
            header.wrap(buffer, offset);
            if (ExecutionReportDecoder.TEMPLATE_ID == header.templateId())
            {
                report.wrapAndApplyHeader(buffer, offset, header);
                final short execType = report.execTypeRaw();
                if ((ExecType.FILL.value() == execType || ExecType.PARTIAL_FILL.value() == execType) &&
                    !fillExecIds.add(report.execId()))
                {
                    duplicate("record " + record + ": fill exec id " + report.execId() + " already journaled");
                }
            }
            else if (L2UpdateDecoder.TEMPLATE_ID == header.templateId())
            {
                update.wrapAndApplyHeader(buffer, offset, header);
                if (!bookSequences.add(update.sequence()))
                {
                    duplicate("record " + record + ": book update sequence " + update.sequence() + " already journaled");
                }
            }
        }

        private void duplicate(final String what)
        {
            if (null == duplicate)
            {
                duplicate = what;
            }
        }
    }

    /**
     * What the loop did.
     */
    private static final class Tally
    {
        int kills;
        int restarts;
        int checks;
        long maxRecoveryMs;
        long totalRecoveryMs;
    }

    private Path tokenFile() throws IOException
    {
        final Path file = tmp.resolve("admin.token");
        return Files.exists(file) ? file : OperatorTokens.write(file, TOKEN);
    }
}
