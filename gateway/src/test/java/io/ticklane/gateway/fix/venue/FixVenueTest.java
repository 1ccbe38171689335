package io.ticklane.gateway.fix.venue;

import io.ticklane.gateway.sim.exchange.ExchangeAgent;
import io.ticklane.gateway.sim.exchange.ExchangeContext;
import io.ticklane.gateway.sim.exchange.MarketFlow;
import io.ticklane.gateway.sim.venue.VenueContext;
import io.ticklane.gateway.transport.Transport;
import io.ticklane.gateway.transport.TransportContext;
import io.ticklane.sbe.L2SnapshotEncoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.Side;
import org.agrona.CloseHelper;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.ClOrdID;
import quickfix.field.ExecID;
import quickfix.field.MsgType;
import quickfix.field.Password;
import quickfix.field.Username;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The FIX venue end to end over TCP on loopback: an embedded media driver, the exchange agent matching on a book the
 * test fixes (bids 10.00 x 5, 9.99 x 10; asks 10.01 x 5, 10.02 x 10; tick 0.01, lot 1; no market events after it),
 * the QuickFIX/J acceptor in front of it, and a plain QuickFIX/J initiator as the client, validating what it receives
 * against FIX44.xml. Every expected value below is worked out by hand from that book.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FixVenueTest
{
    private static final int INSTRUMENT = 1;
    private static final String VENUE = "VENUE";
    private static final String CLIENT = "CLIENT";
    private static final String PASSWORD = "s3cret-pw";
    private static final long TIMEOUT_MS = 10_000;

    @TempDir
    static Path tmp;

    private Transport transport;
    private AgentRunner exchange;
    private FixVenue venue;
    private int port;
    private Client client;

    @BeforeAll
    void launch() throws Exception
    {
        transport = Transport.launch(new TransportContext().aeronDirectoryName(tmp.resolve("aeron").toString()));
        final ExchangeAgent agent = new ExchangeAgent(new ExchangeContext().flow(new FixedBook())
            .venueContext(new VenueContext().instrumentId(INSTRUMENT)), transport);
        exchange = new AgentRunner(new SleepingMillisIdleStrategy(1), Throwable::printStackTrace, null, agent);
        AgentRunner.startOnThread(exchange);
        try (ServerSocket socket = new ServerSocket(0))
        {
            port = socket.getLocalPort();
        }
        final Path passwordFile = tmp.resolve("password");
        Files.writeString(passwordFile, PASSWORD + "\n");
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        final Path config = tmp.resolve("fix-venue.properties");
        Files.writeString(config, String.join("\n",
            "sender_comp_id=" + VENUE, "target_comp_id=" + CLIENT, "username=trader", "password_file=password",
            "tick_size=0.01", "lot_size=1", ""));
        venue = FixVenue.launch(FixVenueConfig.load(config), port, transport, INSTRUMENT, "SYNTH",
            new SystemEpochNanoClock());
    }

    @AfterAll
    void close()
    {
        if (null != client)
        {
            client.stop();
        }
        CloseHelper.closeAll(venue, exchange, transport);
        assertEquals(null, venue.firstError());
    }

    @Test
    @Order(1)
    void aLogonWithTheWrongPasswordIsRefused() throws ConfigError
    {
        final Client intruder = new Client(port, "trader", "guess");
        try
        {
            await("the logon refused", () -> 1 == venue.counters().logonsRefused());
            assertFalse(intruder.isLoggedOn());
            assertEquals(0, venue.counters().logons());
        }
        finally
        {
            intruder.stop();
        }
    }

    @Test
    @Order(2)
    void aLogonWithTheRightPasswordSucceeds() throws ConfigError
    {
        client = new Client(port, "trader", PASSWORD);
        await("logged on", client::isLoggedOn);
        assertEquals(1, venue.counters().logons());
    }

    @Test
    @Order(3)
    void anOrderThatRestsIsNewAndACancelCancelsIt() throws Exception
    {
        client.send(newOrder("101", '1', "9.95", "2", '1', null));
        final Message ack = client.next(MsgType.EXECUTION_REPORT);
        assertFields(ack, "11=101", "150=0", "39=0", "54=1", "55=SYNTH", "44=9.95", "38=2", "151=2", "14=0", "6=0", "59=1");
        assertFalse(ack.isSetField(32), "no LastQty on a New");

        client.send(cancel("102", "101", '1'));
        final Message cancelled = client.next(MsgType.EXECUTION_REPORT);
        assertFields(cancelled, "11=102", "41=101", "150=4", "39=4", "151=0", "14=0", "37=" + ack.getString(37));
    }

    @Test
    @Order(4)
    void anAggressiveOrderFillsAcrossTwoLevels() throws Exception
    {
        // Buy 8 up to 10.02: 5 at 10.01 (the whole first level), then 3 at 10.02.
        client.send(newOrder("201", '1', "10.02", "8", '1', null));
        assertFields(client.next(MsgType.EXECUTION_REPORT), "11=201", "150=0", "39=0", "151=8", "14=0");
        final Message first = client.next(MsgType.EXECUTION_REPORT);
        assertFields(first, "11=201", "150=F", "39=1", "32=5", "31=10.01", "14=5", "151=3", "6=10.01");
        final Message second = client.next(MsgType.EXECUTION_REPORT);
        // AvgPx = (5 x 10.01 + 3 x 10.02) / 8 = 80.11 / 8 = 10.01375
        assertFields(second, "11=201", "150=F", "39=2", "32=3", "31=10.02", "14=8", "151=0", "6=10.01375");
        assertFalse(first.getString(17).equals(second.getString(17)), "each fill has its own ExecID");

        // A cancel of the filled order is too late: the engine no longer has it.
        client.send(cancel("202", "201", '1'));
        assertFields(client.next(MsgType.ORDER_CANCEL_REJECT), "11=202", "41=201", "39=2", "434=1", "102=0");
    }

    @Test
    @Order(5)
    void aCancelOfAnUnknownOrderIsRejectedAsUnknown() throws Exception
    {
        client.send(cancel("301", "999999", '2'));
        assertFields(client.next(MsgType.ORDER_CANCEL_REJECT), "11=301", "41=999999", "39=8", "434=1", "102=1", "37=NONE");
    }

    @Test
    @Order(6)
    void aReplaceIsReplacedWithTheNewPriceAndQuantity() throws Exception
    {
        client.send(newOrder("401", '2', "10.50", "3", '0', "6"));
        assertFields(client.next(MsgType.EXECUTION_REPORT), "11=401", "150=0", "39=0", "54=2", "44=10.5", "18=6", "59=0");

        client.send(replace("402", "401", '2', "10.40", "4"));
        final Message replaced = client.next(MsgType.EXECUTION_REPORT);
        assertFields(replaced, "11=402", "41=401", "150=5", "39=0", "44=10.4", "38=4", "151=4", "14=0");

        // An off-tick replace is refused, never rounded.
        client.send(replace("403", "402", '2', "10.405", "4"));
        assertFields(client.next(MsgType.ORDER_CANCEL_REJECT), "11=403", "41=402", "39=0", "434=2", "102=99");

        client.send(cancel("404", "402", '2'));
        assertFields(client.next(MsgType.EXECUTION_REPORT), "11=404", "41=402", "150=4", "39=4");
    }

    @Test
    @Order(7)
    void anOffTickPriceAndANonNumericClOrdIdAreRefused() throws Exception
    {
        client.send(newOrder("501", '1', "9.995", "1", '1', null));
        assertFields(client.next(MsgType.EXECUTION_REPORT), "11=501", "150=8", "39=8", "103=99", "44=9.995", "151=0");

        client.send(newOrder("A-1", '1', "9.95", "1", '1', null));
        final Message reject = client.next(MsgType.BUSINESS_MESSAGE_REJECT);
        assertFields(reject, "372=D", "379=A-1", "380=0");

        // A post-only order that would take is refused by the engine.
        client.send(newOrder("502", '1', "10.02", "1", '1', "6"));
        final Message postOnly = client.next(MsgType.EXECUTION_REPORT);
        assertFields(postOnly, "11=502", "150=8", "39=8", "103=99", "58=POST_ONLY_WOULD_TAKE");
        assertEquals(0, venue.counters().publishFailures());
    }

    @Test
    @Order(8)
    void aMassStatusAnswerEndsWithLastRptRequested() throws Exception
    {
        client.send(newOrder("601", '1', "9.90", "1", '1', null));
        client.send(newOrder("602", '2', "10.60", "2", '1', null));
        assertFields(client.next(MsgType.EXECUTION_REPORT), "11=601", "150=0");
        assertFields(client.next(MsgType.EXECUTION_REPORT), "11=602", "150=0");

        final Message request = new quickfix.fix44.OrderMassStatusRequest();
        request.setString(584, "MS-1");
        request.setInt(585, 7);
        client.send(request);
        final Message first = client.next(MsgType.EXECUTION_REPORT);
        final Message last = client.next(MsgType.EXECUTION_REPORT);
        assertFields(first, "150=I", "584=MS-1", "911=2", "11=601", "39=0", "151=1", "44=9.9");
        assertFalse(first.isSetField(912), "only the last report is flagged");
        assertFields(last, "150=I", "584=MS-1", "911=2", "912=Y", "11=602", "39=0", "151=2", "44=10.6");

        client.send(cancel("603", "601", '1'));
        client.send(cancel("604", "602", '2'));
        assertFields(client.next(MsgType.EXECUTION_REPORT), "11=603", "150=4");
        assertFields(client.next(MsgType.EXECUTION_REPORT), "11=604", "150=4");

        final Message empty = new quickfix.fix44.OrderMassStatusRequest();
        empty.setString(584, "MS-2");
        empty.setInt(585, 7);
        client.send(empty);
        final Message none = client.next(MsgType.EXECUTION_REPORT);
        assertFields(none, "150=I", "584=MS-2", "911=0", "912=Y", "37=NONE");
        // the venue's ids are alphanumeric, as many real venues' are: its own ExecIDs apart from the engine's
        for (final Message own : List.of(first, last, none))
        {
            final String execId = own.getString(ExecID.FIELD);
            assertTrue(execId.matches(FixVenueFields.OWN_EXEC_ID_PREFIX + "[1-9][0-9]*"),
                "an ExecID of the venue's own: " + execId);
        }
    }

    @Test
    @Order(9)
    void aConfigWithAPasswordFileOthersCanReadIsRefusedNamingTheKey() throws IOException
    {
        final Path passwordFile = tmp.resolve("shared-password");
        Files.writeString(passwordFile, PASSWORD);
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-r--r--"));
        final Path config = tmp.resolve("bad.properties");
        Files.writeString(config, "sender_comp_id=V\ntarget_comp_id=C\nusername=u\npassword_file=shared-password\n" +
            "tick_size=0.01\nlot_size=1\n");
        final IllegalArgumentException shared = assertThrows(IllegalArgumentException.class, () -> FixVenueConfig.load(config));
        assertTrue(shared.getMessage().startsWith("password_file: "), shared.getMessage());
        assertFalse(shared.getMessage().contains(PASSWORD));

        Files.writeString(config, "sender_comp_id=V\ntarget_comp_id=C\nusername=u\npassword_file=password\ntick_size=0\n" +
            "lot_size=1\n");
        final IllegalArgumentException tick = assertThrows(IllegalArgumentException.class, () -> FixVenueConfig.load(config));
        assertTrue(tick.getMessage().startsWith("tick_size must be > 0"), tick.getMessage());

        Files.writeString(config, "sender_comp_id=V\ntarget_comp_id=C\npassword_file=password\ntick_size=0.01\nlot_size=1\n");
        assertEquals("username is required",
            assertThrows(IllegalArgumentException.class, () -> FixVenueConfig.load(config)).getMessage());
    }

    private static Message newOrder(
        final String clOrdId, final char side, final String price, final String quantity, final char tif, final String execInst)
    {
        final Message order = new quickfix.fix44.NewOrderSingle();
        order.setString(11, clOrdId);
        order.setString(55, "SYNTH");
        order.setChar(54, side);
        order.setUtcTimeStamp(60, LocalDateTime.now());
        order.setString(38, quantity);
        order.setChar(40, '2');
        order.setString(44, price);
        order.setChar(59, tif);
        if (null != execInst)
        {
            order.setString(18, execInst);
        }
        return order;
    }

    private static Message cancel(final String clOrdId, final String origClOrdId, final char side)
    {
        final Message cancel = new quickfix.fix44.OrderCancelRequest();
        cancel.setString(11, clOrdId);
        cancel.setString(41, origClOrdId);
        cancel.setString(55, "SYNTH");
        cancel.setChar(54, side);
        cancel.setUtcTimeStamp(60, LocalDateTime.now());
        return cancel;
    }

    private static Message replace(
        final String clOrdId, final String origClOrdId, final char side, final String price, final String quantity)
    {
        final Message replace = new quickfix.fix44.OrderCancelReplaceRequest();
        replace.setString(11, clOrdId);
        replace.setString(41, origClOrdId);
        replace.setString(55, "SYNTH");
        replace.setChar(54, side);
        replace.setUtcTimeStamp(60, LocalDateTime.now());
        replace.setString(38, quantity);
        replace.setChar(40, '2');
        replace.setString(44, price);
        return replace;
    }

    /**
     * Asserts "tag=value" pairs; decimal fields compare by value (10.50 equals 10.5).
     */
    private static void assertFields(final Message message, final String... expected) throws FieldNotFound
    {
        for (final String pair : expected)
        {
            final int equals = pair.indexOf('=');
            final int tag = Integer.parseInt(pair.substring(0, equals));
            final String value = pair.substring(equals + 1);
            assertTrue(message.isSetField(tag), "tag " + tag + " missing in " + message);
            final String actual = message.getString(tag);
            if (value.matches("-?[0-9]+\\.[0-9]+|-?[0-9]+") && actual.matches("-?[0-9]+(\\.[0-9]+)?"))
            {
                assertEquals(0, new BigDecimal(value).compareTo(new BigDecimal(actual)),
                    "tag " + tag + ": expected " + value + ", was " + actual + " in " + message);
            }
            else
            {
                assertEquals(value, actual, "tag " + tag + " in " + message);
            }
        }
    }

    private static void await(final String what, final BooleanSupplier condition)
    {
        final long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!condition.getAsBoolean())
        {
            if (System.currentTimeMillis() > deadline)
            {
                fail("timed out waiting for " + what);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    /**
     * A plain QuickFIX/J initiator: logs on with the given credentials and queues every application message.
     */
    private static final class Client implements Application
    {
        private final SessionID sessionId = new SessionID("FIX.4.4", CLIENT, VENUE);
        private final String username;
        private final String password;
        private final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
        private final List<Message> sessionRejects = new ArrayList<>();
        private final SocketInitiator initiator;

        Client(final int port, final String username, final String password) throws ConfigError
        {
            this.username = username;
            this.password = password;
            final SessionSettings settings = new SessionSettings();
            final Map<String, String> values = new LinkedHashMap<>();
            values.put("ConnectionType", "initiator");
            values.put("SocketConnectHost", "127.0.0.1");
            values.put("SocketConnectPort", Integer.toString(port));
            values.put("StartTime", "00:00:00");
            values.put("EndTime", "00:00:00");
            values.put("NonStopSession", "Y");
            values.put("HeartBtInt", "30");
            values.put("ReconnectInterval", "60");
            values.put("ResetOnLogon", "Y");
            values.put("UseDataDictionary", "Y");
            values.put("DataDictionary", "FIX44.xml");
            values.forEach(settings::setString);
            settings.setString(sessionId, "SenderCompID", CLIENT);
            settings.setString(sessionId, "TargetCompID", VENUE);
            initiator = new SocketInitiator(this, new MemoryStoreFactory(), settings, null, new DefaultMessageFactory());
            initiator.start();
        }

        boolean isLoggedOn()
        {
            final Session session = Session.lookupSession(sessionId);
            return null != session && session.isLoggedOn();
        }

        void send(final Message message) throws SessionNotFound
        {
            assertTrue(Session.sendToTarget(message, sessionId));
        }

        Message next(final String msgType) throws InterruptedException, FieldNotFound
        {
            final Message message = received.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            assertNotNull(message, "no message within " + TIMEOUT_MS + " ms; session rejects " + sessionRejects);
            assertEquals(msgType, message.getHeader().getString(MsgType.FIELD), "message " + message);
            return message;
        }

        void stop()
        {
            initiator.stop(true);
        }

        public void onCreate(final SessionID sessionId)
        {
        }

        public void onLogon(final SessionID sessionId)
        {
        }

        public void onLogout(final SessionID sessionId)
        {
        }

        public void toAdmin(final Message message, final SessionID sessionId)
        {
            try
            {
                if (MsgType.LOGON.equals(message.getHeader().getString(MsgType.FIELD)))
                {
                    message.setString(Username.FIELD, username);
                    message.setString(Password.FIELD, password);
                }
            }
            catch (final FieldNotFound ex)
            {
                throw new IllegalStateException(ex);
            }
        }

        public void fromAdmin(final Message message, final SessionID sessionId) throws FieldNotFound
        {
            if (MsgType.REJECT.equals(message.getHeader().getString(MsgType.FIELD)))
            {
                synchronized (sessionRejects)
                {
                    sessionRejects.add(message);
                }
            }
        }

        public void toApp(final Message message, final SessionID sessionId)
        {
        }

        public void fromApp(final Message message, final SessionID sessionId)
        {
            received.add(message);
        }
    }

    /**
     * One L2 snapshot at flow time 0 and nothing after: the venue matches on exactly this book.
     */
    private static final class FixedBook implements MarketFlow
    {
        private final L2SnapshotEncoder snapshot = new L2SnapshotEncoder();
        private final MessageHeaderEncoder header = new MessageHeaderEncoder();
        private boolean written;

        public long instrumentId()
        {
            return INSTRUMENT;
        }

        public long nextTimeNs()
        {
            return written ? END_OF_FLOW : 0;
        }

        public int writeNext(final MutableDirectBuffer buffer, final int offset)
        {
            if (written)
            {
                return 0;
            }
            written = true;
            return writeSnapshot(buffer, offset);
        }

        public int writeDefinition(final MutableDirectBuffer buffer, final int offset)
        {
            return 0;
        }

        public int writeSnapshot(final MutableDirectBuffer buffer, final int offset)
        {
            snapshot.wrapAndApplyHeader(buffer, offset, header).exchangeTimeNs(0).receiveTimeNs(0).instrumentId(INSTRUMENT)
                .sequence(1);
            final L2SnapshotEncoder.LevelsEncoder levels = snapshot.levelsCount(4);
            levels.next().side(Side.BUY).price(1000).quantity(5);
            levels.next().side(Side.BUY).price(999).quantity(10);
            levels.next().side(Side.SELL).price(1001).quantity(5);
            levels.next().side(Side.SELL).price(1002).quantity(10);
            return MessageHeaderEncoder.ENCODED_LENGTH + snapshot.encodedLength();
        }

        public int maxFrameLength()
        {
            return 256;
        }
    }
}
