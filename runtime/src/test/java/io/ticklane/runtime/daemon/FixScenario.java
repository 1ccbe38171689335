package io.ticklane.runtime.daemon;

import io.ticklane.gateway.fix.session.FixSessionCounters;
import io.ticklane.gateway.fix.venue.FixVenue;
import io.ticklane.gateway.fix.venue.FixVenueConfig;
import org.agrona.CloseHelper;
import org.agrona.concurrent.OffsetEpochNanoClock;
import quickfix.DefaultMessageFactory;
import quickfix.InvalidMessage;
import quickfix.Message;
import quickfix.MessageUtils;
import quickfix.Session;
import quickfix.ValidationSettings;
import quickfix.field.ExecType;
import quickfix.field.MsgType;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static io.ticklane.runtime.daemon.VenueFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One FIX session scenario: the simulated exchange behind the QuickFIX/J venue, on a fixed loopback port, and a
 * daemon trading with it through its Artio initiator, startable again with the same FIX store (a restart). The test
 * holds the venue's QuickFIX/J {@link Session}, so it can do what a real venue may do to a session: drop it, refuse
 * logons, resend messages, reset sequence numbers.
 */
final class FixScenario implements AutoCloseable
{
    static final String PASSWORD = "fix-s3cret";

    final Path dir;
    final VenueFixture fixture;
    final int port;
    FixVenue venue;
    Daemon daemon;
    private long lastProgressNs = System.nanoTime();

    FixScenario(final Path dir) throws IOException
    {
        this.dir = dir;
        this.fixture = new VenueFixture(dir);
        this.port = freePort();
    }

    /**
     * Starts the QuickFIX/J venue (file store under the test directory), expecting {@link #PASSWORD}.
     */
    FixVenue startVenue() throws IOException
    {
        final long instrumentId = fixture.config().strategy().instrumentId();
        venue = FixVenue.launch(new FixVenueConfig("VENUE", "TICKLANE", "trader", PASSWORD, new BigDecimal("0.01"),
            BigDecimal.ONE, null, dir.resolve("venue-store")), port, fixture.transport, instrumentId, "SYNTH",
            new OffsetEpochNanoClock());
        return venue;
    }

    /**
     * Starts a daemon logging on with the given password and settings after the scenario's own.
     */
    Daemon startDaemon(final String password, final String... settings) throws IOException
    {
        final Path passwordFile = dir.resolve("fix.password");
        Files.writeString(passwordFile, password + "\n");
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        final List<String> all = new ArrayList<>(List.of(
            "gateway.orders=fix",
            "fix.port=" + port,
            "fix.sender_comp_id=TICKLANE",
            "fix.target_comp_id=VENUE",
            "fix.username=trader",
            "fix.password_file=" + passwordFile,
            "fix.store_dir=" + dir.resolve("fix-store"),
            "fix.heartbeat_interval_s=1",
            "fix.reconnect_initial_ms=200",
            "fix.reconnect_max_ms=1000"));
        all.addAll(List.of(settings));
        final DaemonConfig config = fixture.config(all.toArray(new String[0]));
        daemon = Daemon.start(config, fixture.transport, new OffsetEpochNanoClock());
        return daemon;
    }

    Session venueSession()
    {
        return Session.lookupSession(venue.sessionId());
    }

    FixSessionCounters fix()
    {
        return daemon.fixSessionCounters();
    }

    long counter(final String name)
    {
        return daemon.counters().counter(name);
    }

    /**
     * Waits until the daemon is logged on, reconciled, active and quoting at the venue.
     */
    void awaitQuoting(final long timeoutMs) throws InterruptedException
    {
        await("logged on, reconciled, active and quoting at the venue", timeoutMs, () -> progress() &&
            1 == fix().loggedOn() && 1 == counter(DaemonCounters.RECONCILED) && 0 == counter(DaemonCounters.MODE) &&
            counter(DaemonCounters.OPEN_ORDERS) >= 1 && fixture.exchange.counters().liveOrders() >= 1);
    }

    /**
     * Waits until the daemon is logged on and reconciled (a restarted daemon keeps the mode it stopped in: after a
     * graceful stop, halted until RESUME).
     */
    void awaitReconciled(final long timeoutMs) throws InterruptedException
    {
        await("logged on and reconciled", timeoutMs, () -> progress() &&
            1 == fix().loggedOn() && 1 == counter(DaemonCounters.RECONCILED));
    }

    /**
     * After a graceful stop: nothing rests at the venue, the daemon's position is what the venue filled, and every fill
     * matched an order of the daemon's.
     */
    void assertEndedAsTheVenue()
    {
        assertEquals(0, fixture.exchange.counters().liveOrders(), "nothing left resting at the venue");
        assertEquals(fixture.exchange.counters().netFilledPosition(), counter(DaemonCounters.POSITION),
            "the daemon's position is what the venue filled");
        assertEquals(0, counter(DaemonCounters.FILLS_UNKNOWN_ORDER) + counter(DaemonCounters.FILLS_OVERFILL) +
            counter(DaemonCounters.FILLS_CONFLICT), "every fill matched an order");
    }

    /**
     * @param fromSeqNum the first of the venue's sequence numbers to look at.
     * @return the execution reports with ExecType=Trade the venue sent (or stored, if the session was down) from
     * there on, as QuickFIX/J stored them.
     */
    List<Message> storedFills(final int fromSeqNum) throws Exception
    {
        final Session session = venueSession();
        final List<String> raw = new ArrayList<>();
        final int last = session.getExpectedSenderNum() - 1;
        if (last >= fromSeqNum)
        {
            session.getStore().get(fromSeqNum, last, raw);
        }
        final List<Message> fills = new ArrayList<>();
        for (final String text : raw)
        {
            final Message message = parse(session, text);
            if (MsgType.EXECUTION_REPORT.equals(message.getHeader().getString(MsgType.FIELD)) &&
                ExecType.TRADE == message.getChar(ExecType.FIELD))
            {
                fills.add(message);
            }
        }
        return fills;
    }

    /**
     * @return the message as QuickFIX/J parses what it sends and stores, with the venue's FIX 4.4 dictionary.
     */
    static Message parse(final Session session, final String text) throws InvalidMessage
    {
        return MessageUtils.parse(new DefaultMessageFactory(),
            session.getDataDictionaryProvider().getSessionDataDictionary(session.getSessionID().getBeginString()),
            new ValidationSettings(), text);
    }

    /**
     * Prints where things stand every 5 s while a wait lasts, so a timeout in CI says what was missing.
     */
    boolean progress()
    {
        if (System.nanoTime() - lastProgressNs > 5_000_000_000L)
        {
            lastProgressNs = System.nanoTime();
            final FixSessionCounters fix = fix();
            System.out.println("fix: logged on " + fix.loggedOn() + " logons " + fix.logons() + " logon failures " +
                fix.logonFailures() + " disconnects " + fix.disconnects() + " not sent " + fix.notSent() +
                " duplicates " + fix.duplicates() + " invalid " + fix.invalid() + " | venue logons " +
                venue.counters().logons() + " refused " + venue.counters().logonsRefused() + " requests " +
                venue.counters().requests() + " | halt " + daemon.haltReason() + " error " + daemon.firstError() +
                " reconciled " + counter(DaemonCounters.RECONCILED) + " mode " + counter(DaemonCounters.MODE) +
                " reason " + counter(DaemonCounters.MODE_REASON) + " open " + counter(DaemonCounters.OPEN_ORDERS) +
                " fills " + counter(DaemonCounters.FILLS) + "/" + fixture.exchange.counters().fills() +
                " unknown " + counter(DaemonCounters.FILLS_UNKNOWN_ORDER) + " overfill " +
                counter(DaemonCounters.FILLS_OVERFILL) + " conflict " + counter(DaemonCounters.FILLS_CONFLICT) +
                " duplicate " + counter(DaemonCounters.FILLS_DUPLICATE) + " late " + counter(DaemonCounters.FILLS_LATE) +
                " position " + counter(DaemonCounters.POSITION) + "/" + fixture.exchange.counters().netFilledPosition());
        }
        return true;
    }

    /**
     * Closes the daemon (if still running) without the graceful stop.
     */
    void closeDaemon()
    {
        CloseHelper.close(daemon);
    }

    public void close()
    {
        CloseHelper.closeAll(daemon, venue, fixture);
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }
}
