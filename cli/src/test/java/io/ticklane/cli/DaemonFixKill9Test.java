package io.ticklane.cli;

import io.ticklane.journal.queue.Direction;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.gateway.fix.venue.FixVenue;
import io.ticklane.gateway.fix.venue.FixVenueConfig;
import io.ticklane.gateway.sim.exchange.ExchangeAgent;
import io.ticklane.gateway.sim.exchange.ExchangeContext;
import io.ticklane.gateway.sim.exchange.SyntheticMarket;
import io.ticklane.gateway.sim.exchange.SyntheticMarketContext;
import io.ticklane.gateway.sim.venue.VenueContext;
import io.ticklane.gateway.transport.Transport;
import io.ticklane.gateway.transport.TransportContext;
import io.ticklane.runtime.daemon.DaemonCounters;
import io.ticklane.runtime.daemon.DaemonCountersReader;
import io.ticklane.runtime.daemon.OperatorClient;
import io.ticklane.runtime.daemon.OperatorToken;
import io.ticklane.sbe.AdminCommandType;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.DefaultMessageFactory;
import quickfix.Message;
import quickfix.MessageUtils;
import quickfix.Session;
import quickfix.ValidationSettings;
import quickfix.field.MsgType;
import quickfix.field.ResetSeqNumFlag;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code kill -9} of a daemon trading over FIX, and its restart at once with the same FIX store: the exchange and the
 * QuickFIX/J venue run in this JVM (so the test reads the venue's session), {@code ticklane daemon} in a child JVM
 * joining the exchange's media driver. The restarted daemon's engine takes the store the dead one left (the OS
 * released its lock), logs on continuing the sequence numbers (the venue sees no reset: a Logon below what it expects
 * would end the session), reconciles, and after a STOP its position is the exchange's and no order is left.
 */
class DaemonFixKill9Test
{
    private static final String PASSWORD = "fix-s3cret";
    private static final String TOKEN = "fix-kill9-operator-token";
    private static final long STEP_TIMEOUT_MS = 60_000;

    @TempDir
    Path tmp;

    private List<String> daemonOutput = new CopyOnWriteArrayList<>();
    private Process daemon;

    private String aeronDir;
    private int port;
    private Transport transport;
    private ExchangeAgent exchange;
    private AgentRunner exchangeRunner;
    private FixVenue venue;
    private Session venueSession;

    @BeforeEach
    void startVenue() throws IOException
    {
        aeronDir = tmp.resolve("aeron").toString();
        port = freePort();
        transport = Transport.launch(new TransportContext().aeronDirectoryName(aeronDir));
        final SyntheticMarketContext market = new SyntheticMarketContext().seed(11).eventsPerSecond(2_000).conclude();
        exchange = new ExchangeAgent(new ExchangeContext()
            .flow(new SyntheticMarket(market))
            .venueContext(new VenueContext().instrumentId(market.instrumentId())
                .priceUnitsPerTick(market.priceUnitsPerTick()).queueModel("prob-power:2"))
            .clock(new OffsetEpochNanoClock()).conclude(), transport);
        exchangeRunner = new AgentRunner(new SleepingMillisIdleStrategy(1), Throwable::printStackTrace, null, exchange);
        AgentRunner.startOnThread(exchangeRunner);
        venue = FixVenue.launch(new FixVenueConfig("VENUE", "TICKLANE", "trader", PASSWORD, new BigDecimal("0.01"),
            BigDecimal.ONE, null, tmp.resolve("venue-store")), port, transport, market.instrumentId(), "SYNTH",
            new OffsetEpochNanoClock());
        venueSession = Session.lookupSession(venue.sessionId());
    }

    @AfterEach
    void stop() throws InterruptedException
    {
        if (null != daemon)
        {
            daemon.destroyForcibly();
            daemon.waitFor(10, TimeUnit.SECONDS);
        }
        CloseHelper.closeAll(venue, exchangeRunner, transport);
    }

    @Test
    void aDaemonKilledMidSessionRestartsContinuingItsSequenceNumbersAndAgreesWithTheVenue() throws Exception
    {
        final Path config = config(aeronDir, port);
        final DaemonCountersReader counters = new DaemonCountersReader(Path.of(aeronDir));

        startDaemon(config);
        await("logged on, reconciled, quoting and filled", () -> venueSession.isLoggedOn() &&
            counters.value(DaemonCounters.RECONCILED) == 1 && exchange.counters().liveOrders() >= 1 &&
            counters.value(DaemonCounters.FILLS) >= 1);
        daemon.destroyForcibly(); // SIGKILL, mid-session
        assertTrue(daemon.waitFor(30, TimeUnit.SECONDS), "the killed daemon is gone");
        await("the venue saw the connection go", () -> !venueSession.isLoggedOn());
        final int expectedFromDaemon = venueSession.getExpectedTargetNum();
        final int venueNext = venueSession.getExpectedSenderNum();
        final long statusRequestsBefore = exchange.counters().statusRequests();

        final long restartNs = System.nanoTime();
        startDaemon(config); // at once: no wait for a stale engine heartbeat to age
        await("logged on again and reconciled", () -> venueSession.isLoggedOn() &&
            exchange.counters().statusRequests() > statusRequestsBefore && counters.value(DaemonCounters.RECONCILED) == 1);
        System.out.println("fix kill9: restarted, logged on and reconciled in " +
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restartNs) + " ms; venue expected " + expectedFromDaemon +
            " from the daemon, now " + venueSession.getExpectedTargetNum());
        final List<Message> sent = venueSent(venueSession, venueNext);
        // the venue may have stored reports while the daemon was dead (sent after logon, in the resend): the Logon
        // answer is the first Logon from there on
        Message logonAnswer = null;
        for (final Message message : sent)
        {
            if (null == logonAnswer && MsgType.LOGON.equals(message.getHeader().getString(MsgType.FIELD)))
            {
                logonAnswer = message;
            }
        }
        assertTrue(null != logonAnswer, "no Logon answer from " + venueNext + ": " + sent);
        assertFalse(logonAnswer.isSetField(ResetSeqNumFlag.FIELD) && logonAnswer.getBoolean(ResetSeqNumFlag.FIELD),
            "no sequence reset after the crash");
        assertTrue(venueSession.getExpectedTargetNum() > expectedFromDaemon, "the daemon's numbers went on");
        for (final Message message : sent)
        {
            final String type = message.getHeader().getString(MsgType.FIELD);
            if (MsgType.RESEND_REQUEST.equals(type))
            {
                System.out.println("fix kill9: the venue asked for a resend (the daemon's Logon was ahead): " + message);
            }
        }

        final OperatorClient.Result stop = OperatorClient.send(aeronDir, TransportContext.DEFAULT_ADMIN_STREAM_ID,
            AdminCommandType.STOP, 0, OperatorToken.fromFile(tmp.resolve("admin.token")), STEP_TIMEOUT_MS);
        assertEquals(OperatorClient.Outcome.APPLIED, stop.outcome(), "STOP " + stop + "\n" + tail(daemonOutput));
        await("no order open on either side", () -> 0 == counters.value(DaemonCounters.OPEN_ORDERS) &&
            0 == exchange.counters().liveOrders());
        final long ticks = counters.value("timer ticks");
        await("two daemon timer ticks", () -> counters.value("timer ticks") >= ticks + 2);
        assertEquals(exchange.counters().netFilledPosition(), counters.value(DaemonCounters.POSITION),
            "the daemon's position against the exchange's fills\n" + tail(daemonOutput));
        assertEquals(0, counters.value(DaemonCounters.FILLS_UNKNOWN_ORDER) +
            counters.value(DaemonCounters.FILLS_OVERFILL) + counters.value(DaemonCounters.FILLS_CONFLICT));

        daemon.toHandle().destroy(); // SIGTERM: a clean stop, logs out
        assertTrue(daemon.waitFor(60, TimeUnit.SECONDS), "the daemon stops on SIGTERM\n" + tail(daemonOutput));
        await("logged out", () -> !venueSession.isLoggedOn());
    }

    @Test
    void aFixRunsJournalReplaysToItsOutboundOrdersExactly() throws Exception
    {
        final Path config = config(aeronDir, port);
        final DaemonCountersReader counters = new DaemonCountersReader(Path.of(aeronDir));
        startDaemon(config);
        await("logged on, reconciled, quoting and two fills", () -> venueSession.isLoggedOn() &&
            counters.value(DaemonCounters.RECONCILED) == 1 && counters.value(DaemonCounters.FILLS) >= 2);
        daemon.toHandle().destroy(); // SIGTERM: a clean stop
        assertTrue(daemon.waitFor(60, TimeUnit.SECONDS), "the daemon stops on SIGTERM\n" + tail(daemonOutput));
        assertEquals(0, exchange.counters().liveOrders(), "the clean stop cancelled everything over FIX");

        final Path run;
        try (Stream<Path> runs = Files.list(tmp.resolve("runs")))
        {
            run = runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        final MessageDigest live = MessageDigest.getInstance("SHA-256");
        final long[] out = new long[1];
        try (JournalReader reader = JournalReader.open(run.resolve("journal")))
        {
            assertTrue(reader.isComplete(), "the clean stop completed the journal");
            reader.poll((direction, stream, receiveTimeNs, buffer, offset, length) ->
            {
                if (Direction.OUT == direction)
                {
                    final byte[] bytes = new byte[length];
                    buffer.getBytes(offset, bytes);
                    live.update(bytes);
                    out[0]++;
                }
            }, Integer.MAX_VALUE);
        }
        assertTrue(out[0] >= 4, "orders went out over FIX: " + out[0]);
        final CliRun replay = CliRun.run("replay", "--journal", run.resolve("journal").toString(),
            "--config", run.resolve("strategy.properties").toString());
        assertEquals(ExitCodes.OK, replay.exitCode, replay.toString());
        assertEquals("sha256=" + HexFormat.of().formatHex(live.digest()), replay.lastLine(),
            "the replay of the FIX run's journal sends the same " + out[0] + " orders, byte for byte\n" + replay.out);
    }

    private void startDaemon(final Path config) throws IOException
    {
        daemonOutput = new CopyOnWriteArrayList<>();
        daemon = ChildJvm.ticklane(daemonOutput, "daemon", "--config", config.toString(), "--quiet");
    }

    private Path config(final String aeronDir, final int port) throws IOException
    {
        final Path passwordFile = OperatorTokens.write(tmp.resolve("fix.password"), PASSWORD);
        OperatorTokens.write(tmp.resolve("admin.token"), TOKEN);
        return Files.writeString(tmp.resolve("daemon.properties"),
            "daemon.admin_token_file=" + tmp.resolve("admin.token") + "\nrisk.max_order_quantity=10\n" +
            "risk.max_position=100000\nrisk.max_notional=100000000000\nrisk.price_collar_ticks=50\n" +
            "risk.stale_market_data_ms=60000\nrisk.max_daily_loss=1000000000\nrisk.max_drawdown=1000000000\n" +
            "quoter=glft(gamma=0.1,sigma=1,a=50,k=0.5,order_size=1)\n" +
            "transport.embedded_driver=false\ntransport.aeron_dir=" + aeronDir + "\n" +
            "daemon.run_dir=" + tmp.resolve("runs") + "\ndaemon.idle=sleeping\n" +
            "gateway.orders=fix\nfix.port=" + port + "\nfix.sender_comp_id=TICKLANE\nfix.target_comp_id=VENUE\n" +
            "fix.username=trader\nfix.password_file=" + passwordFile + "\nfix.store_dir=" + tmp.resolve("fix-store") +
            "\nfix.heartbeat_interval_s=1\nfix.reconnect_initial_ms=200\nfix.reconnect_max_ms=1000\n");
    }

    private static List<Message> venueSent(final Session session, final int fromSeqNum) throws Exception
    {
        final List<String> raw = new ArrayList<>();
        session.getStore().get(fromSeqNum, session.getExpectedSenderNum() - 1, raw);
        final List<Message> messages = new ArrayList<>();
        for (final String text : raw)
        {
            messages.add(MessageUtils.parse(new DefaultMessageFactory(),
                session.getDataDictionaryProvider().getSessionDataDictionary(session.getSessionID().getBeginString()),
                new ValidationSettings(), text));
        }
        return messages;
    }

    private void await(final String what, final BooleanSupplier condition) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STEP_TIMEOUT_MS);
        while (!condition.getAsBoolean())
        {
            if (null != daemon && !daemon.isAlive() && !what.startsWith("the venue saw") && !what.startsWith("logged out"))
            {
                fail("the daemon exited (" + daemon.exitValue() + ") while waiting for: " + what + "\n" + tail(daemonOutput));
            }
            if (System.nanoTime() - deadline > 0)
            {
                fail("timed out waiting for: " + what + "\n" + state() + "\n" + tail(daemonOutput));
            }
            Thread.sleep(10);
        }
    }

    /**
     * What a timed-out wait needs to be understood: the venue's session and counts, and the daemon's counters.
     */
    private String state()
    {
        final StringBuilder text = new StringBuilder("venue: logged on ").append(venueSession.isLoggedOn())
            .append(", status requests ").append(exchange.counters().statusRequests())
            .append(", live orders ").append(exchange.counters().liveOrders())
            .append(", net filled ").append(exchange.counters().netFilledPosition()).append("\ndaemon counters:");
        try
        {
            new DaemonCountersReader(Path.of(aeronDir)).read()
                .forEach((label, value) -> text.append("\n  ").append(label).append(" = ").append(value));
        }
        catch (final RuntimeException ex)
        {
            text.append(" unreadable: ").append(ex);
        }
        return text.toString();
    }

    private static String tail(final List<String> lines)
    {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }
}
