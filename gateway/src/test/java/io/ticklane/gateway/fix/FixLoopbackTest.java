package io.ticklane.gateway.fix;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import io.aeron.logbuffer.ControlledFragmentHandler.Action;
import io.ticklane.fix44.FixDictionaryImpl;
import io.ticklane.gateway.fix.session.FixSessionEngine;
import io.ticklane.fix44.builder.NewOrderSingleEncoder;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportDecoder;
import io.ticklane.sbe.LiquidityFlag;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.NewOrderDecoder;
import io.ticklane.sbe.NewOrderEncoder;
import io.ticklane.sbe.OrderType;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TimeInForce;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Application;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.RejectLogon;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import uk.co.real_logic.artio.MonitoringAgentFactory;
import uk.co.real_logic.artio.Reply;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.library.FixLibrary;
import uk.co.real_logic.artio.library.LibraryConfiguration;
import uk.co.real_logic.artio.library.OnMessageInfo;
import uk.co.real_logic.artio.library.SessionConfiguration;
import uk.co.real_logic.artio.library.SessionHandler;
import uk.co.real_logic.artio.messages.DisconnectReason;
import uk.co.real_logic.artio.session.Session;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Artio as the initiator, QuickFIX/J (an independent FIX engine) as the acceptor, over TCP on loopback: logon with
 * credentials, one SBE NewOrder mapped to a NewOrderSingle, and the acceptor's ExecutionReports (new, then a fill)
 * mapped back to SBE reports. The engine is the daemon's ({@link FixSessionEngine}) in a temporary store.
 */
class FixLoopbackTest
{
    private static final String USERNAME = "ticklane";
    private static final String PASSWORD = "s3cret";
    private static final long TIMEOUT_NS = 30_000_000_000L;

    @TempDir
    Path dir;

    private final Map<String, String> venueSaw = new ConcurrentHashMap<>();
    private FixSessionEngine engine;
    private FixLibrary library;
    private SocketAcceptor acceptor;

    @AfterEach
    void close()
    {
        CloseHelper.closeAll(library, engine);
        if (null != acceptor)
        {
            acceptor.stop(true);
        }
    }

    @Test
    void newOrderSingleIsAcknowledgedAndFilledByQuickFixJ() throws Exception
    {
        final int port = freePort();
        acceptor = new SocketAcceptor(new Venue(), new MemoryStoreFactory(), acceptorSettings(port), null,
            new DefaultMessageFactory());
        acceptor.start();
        launchArtio();

        final FixInstruments instruments = new FixInstruments(List.of(FixOrderEncodingTest.BTCUSD));
        final FixReportDecoding decoding = new FixReportDecoding(instruments);
        final List<byte[]> reports = new ArrayList<>();
        final Reports handler = new Reports(decoding, reports);

        final Reply<Session> logon = library.initiate(SessionConfiguration.builder()
            .address("localhost", port)
            .senderCompId("TICKLANE")
            .targetCompId("VENUE")
            .credentials(USERNAME, PASSWORD)
            .resetSeqNum(true)
            .fixDictionary(FixDictionaryImpl.class)
            .build());
        pollUntil(() -> !logon.isExecuting(), "logon reply");
        assertTrue(logon.hasCompleted(), () -> "logon " + logon.state() + ": " + logon.error());
        final Session session = logon.resultIfPresent();
        pollUntil(session::isActive, "active session");

        final UnsafeBuffer sbe = new UnsafeBuffer(new byte[128]);
        final NewOrderEncoder order = new NewOrderEncoder().wrap(sbe, 0)
            .sendingTimeNs(FixOrderEncodingTest.SENDING_TIME_NS).clientOrderId(42).instrumentId(7).side(Side.BUY)
            .orderType(OrderType.LIMIT).timeInForce(TimeInForce.POST_ONLY).price(120_001).quantity(250);
        final NewOrderSingleEncoder nos = new NewOrderSingleEncoder();
        assertTrue(new FixOrderEncoding(instruments).newOrderSingle(
            new NewOrderDecoder().wrap(sbe, 0, order.sbeBlockLength(), order.sbeSchemaVersion()), nos));
        send(session, nos);

        pollUntil(() -> reports.size() >= 2, "two execution reports");
        assertEquals("42", venueSaw.get("11"));
        assertEquals("BTCUSD", venueSaw.get("55"));
        assertEquals(0, new BigDecimal("60000.5").compareTo(new BigDecimal(venueSaw.get("44"))), venueSaw.get("44"));
        assertEquals(0, new BigDecimal("0.25").compareTo(new BigDecimal(venueSaw.get("38"))), venueSaw.get("38"));
        assertEquals("6", venueSaw.get("18"));
        assertEquals("1", venueSaw.get("59"));

        final ExecutionReportDecoder ack = sbeReport(reports.get(0));
        assertEquals(ExecType.ACK, ack.execType());
        assertEquals(42, ack.clientOrderId());
        assertEquals(900, ack.venueOrderId());
        assertEquals(1, ack.execId());
        assertEquals(7, ack.instrumentId());
        assertEquals(Side.BUY, ack.side());
        assertEquals(120_001, ack.price());
        assertEquals(250, ack.orderQuantity());
        assertEquals(250, ack.leavesQuantity());
        assertEquals(1_700_000_000_123_000_000L, ack.venueTimeNs());

        final ExecutionReportDecoder fill = sbeReport(reports.get(1));
        assertEquals(ExecType.FILL, fill.execType());
        assertEquals(2, fill.execId());
        assertEquals(120_001, fill.lastPrice());
        assertEquals(250, fill.lastQuantity());
        assertEquals(0, fill.leavesQuantity());
        assertEquals(250, fill.cumQuantity());
        assertEquals(LiquidityFlag.MAKER, fill.liquidity());
        assertEquals(0, decoding.refusals(FixReportRefusal.BAD_ID) + decoding.refusals(FixReportRefusal.UNKNOWN_SYMBOL));

        session.startLogout();
        pollUntil(() -> handler.disconnected, "logout");
    }

    @Test
    void aWrongPasswordIsRefusedAtLogon() throws Exception
    {
        final int port = freePort();
        acceptor = new SocketAcceptor(new Venue(), new MemoryStoreFactory(), acceptorSettings(port), null,
            new DefaultMessageFactory());
        acceptor.start();
        launchArtio();
        new Reports(new FixReportDecoding(new FixInstruments(List.of(FixOrderEncodingTest.BTCUSD))), new ArrayList<>());

        final Reply<Session> logon = library.initiate(SessionConfiguration.builder()
            .address("localhost", port)
            .senderCompId("TICKLANE")
            .targetCompId("VENUE")
            .credentials(USERNAME, "wrong")
            .resetSeqNum(true)
            .timeoutInMs(10_000)
            .fixDictionary(FixDictionaryImpl.class)
            .build());
        pollUntil(() -> !logon.isExecuting(), "logon reply");
        assertTrue(logon.hasErrored(), () -> "logon " + logon.state() + " with a wrong password");
    }

    private void launchArtio() throws IOException
    {
        engine = FixSessionEngine.launch(dir.resolve("fix-store"));
        final LibraryConfiguration libraryConfiguration = new LibraryConfiguration()
            .libraryAeronChannels(List.of("aeron:ipc"))
            .sessionAcquireHandler((session, info) -> handlerFor(session))
            .monitoringFile(dir.resolve("library-monitoring").toString());
        libraryConfiguration.monitoringAgentFactory(MonitoringAgentFactory.none());
        libraryConfiguration.aeronContext().aeronDirectoryName(engine.aeronDirectoryName());
        library = FixLibrary.connect(libraryConfiguration);
        pollUntil(library::isConnected, "library connected to the engine");
    }

    private SessionHandler sessionHandler;

    private SessionHandler handlerFor(final Session session)
    {
        return sessionHandler;
    }

    private void send(final Session session, final Encoder message)
    {
        final long deadline = System.nanoTime() + TIMEOUT_NS;
        long position;
        while ((position = session.trySend(message)) <= 0)
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("not sent: " + position);
            }
            library.poll(10);
        }
    }

    private void pollUntil(final BooleanSupplier condition, final String what)
    {
        final long deadline = System.nanoTime() + TIMEOUT_NS;
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out waiting for " + what);
            }
            if (null != library && 0 == library.poll(10))
            {
                Thread.onSpinWait();
            }
        }
    }

    private static ExecutionReportDecoder sbeReport(final byte[] frame)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(frame);
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, 0);
        assertEquals(ExecutionReportDecoder.TEMPLATE_ID, header.templateId());
        return new ExecutionReportDecoder().wrapAndApplyHeader(buffer, 0, header);
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }

    private static SessionSettings acceptorSettings(final int port) throws Exception
    {
        final String settings = String.join("\n",
            "[default]",
            "ConnectionType=acceptor",
            "SocketAcceptAddress=127.0.0.1",
            "SocketAcceptPort=" + port,
            "StartTime=00:00:00",
            "EndTime=00:00:00",
            "BeginString=FIX.4.4",
            "UseDataDictionary=Y",
            "DataDictionary=FIX44.xml",
            "[session]",
            "SenderCompID=VENUE",
            "TargetCompID=TICKLANE",
            "");
        return new SessionSettings(new ByteArrayInputStream(settings.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * Collects each FIX ExecutionReport as the SBE frame {@link FixReportDecoding} makes of it.
     */
    private final class Reports implements SessionHandler
    {
        private final FixReportDecoding decoding;
        private final List<byte[]> reports;
        private final MutableAsciiBuffer ascii = new MutableAsciiBuffer();
        private final io.ticklane.fix44.decoder.ExecutionReportDecoder decoder =
            new io.ticklane.fix44.decoder.ExecutionReportDecoder();
        private final UnsafeBuffer out = new UnsafeBuffer(new byte[256]);
        private volatile boolean disconnected;

        Reports(final FixReportDecoding decoding, final List<byte[]> reports)
        {
            this.decoding = decoding;
            this.reports = reports;
            sessionHandler = this;
        }

        @Override
        public Action onMessage(
            final DirectBuffer buffer,
            final int offset,
            final int length,
            final int libraryId,
            final Session session,
            final int sequenceIndex,
            final long messageType,
            final long timestampInNs,
            final long position,
            final OnMessageInfo messageInfo)
        {
            if (messageInfo.isValid() && io.ticklane.fix44.decoder.ExecutionReportDecoder.MESSAGE_TYPE == messageType)
            {
                ascii.wrap(buffer, offset, length);
                decoder.reset();
                decoder.decode(ascii, 0, length);
                final int frameLength = decoding.executionReport(decoder, timestampInNs, out, 0);
                assertTrue(frameLength > 0, () -> "refused or ignored: " + decoder);
                final byte[] frame = new byte[frameLength];
                out.getBytes(0, frame);
                reports.add(frame);
            }
            return Action.CONTINUE;
        }

        @Override
        public void onTimeout(final int libraryId, final Session session)
        {
        }

        @Override
        public void onSlowStatus(final int libraryId, final Session session, final boolean hasBecomeSlow)
        {
        }

        @Override
        public Action onDisconnect(final int libraryId, final Session session, final DisconnectReason reason)
        {
            disconnected = true;
            return Action.CONTINUE;
        }

        @Override
        public void onSessionStart(final Session session)
        {
        }
    }

    /**
     * The QuickFIX/J side: checks the credentials on Logon, answers a NewOrderSingle with a New then a full fill at
     * the order's price, and records the order's fields as it received them.
     */
    private final class Venue implements Application
    {
        @Override
        public void fromAdmin(final Message message, final SessionID sessionId) throws FieldNotFound, RejectLogon
        {
            if (message instanceof quickfix.fix44.Logon &&
                (!message.isSetField(553) || !USERNAME.equals(message.getString(553)) ||
                !message.isSetField(554) || !PASSWORD.equals(message.getString(554))))
            {
                throw new RejectLogon("bad credentials");
            }
        }

        @Override
        public void fromApp(final Message message, final SessionID sessionId) throws FieldNotFound
        {
            if (!(message instanceof quickfix.fix44.NewOrderSingle))
            {
                return;
            }
            for (final int tag : new int[]{ 11, 55, 54, 38, 40, 44, 59, 18, 60 })
            {
                if (message.isSetField(tag))
                {
                    venueSaw.put(String.valueOf(tag), message.getString(tag));
                }
            }
            final BigDecimal price = message.getDecimal(44);
            final BigDecimal quantity = message.getDecimal(38);
            send(report(message, "1", '0', '0', quantity, BigDecimal.ZERO, BigDecimal.ZERO), sessionId);
            final Message fill = report(message, "2", 'F', '2', BigDecimal.ZERO, quantity, price);
            fill.setDecimal(32, quantity);
            fill.setDecimal(31, price);
            fill.setInt(851, 1);
            send(fill, sessionId);
        }

        private Message report(
            final Message order,
            final String execId,
            final char execType,
            final char ordStatus,
            final BigDecimal leaves,
            final BigDecimal cum,
            final BigDecimal averagePrice) throws FieldNotFound
        {
            final quickfix.fix44.ExecutionReport report = new quickfix.fix44.ExecutionReport();
            report.setString(37, "900");
            report.setString(17, execId);
            report.setChar(150, execType);
            report.setChar(39, ordStatus);
            report.setString(11, order.getString(11));
            report.setString(55, order.getString(55));
            report.setChar(54, order.getChar(54));
            report.setDecimal(38, order.getDecimal(38));
            report.setChar(40, order.getChar(40));
            report.setDecimal(44, order.getDecimal(44));
            report.setDecimal(151, leaves);
            report.setDecimal(14, cum);
            report.setDecimal(6, averagePrice);
            report.setUtcTimeStamp(60, LocalDateTime.of(2023, 11, 14, 22, 13, 20, 123_000_000), true);
            return report;
        }

        private void send(final Message message, final SessionID sessionId)
        {
            try
            {
                quickfix.Session.sendToTarget(message, sessionId);
            }
            catch (final SessionNotFound ex)
            {
                throw new IllegalStateException(ex);
            }
        }

        @Override
        public void onCreate(final SessionID sessionId)
        {
        }

        @Override
        public void onLogon(final SessionID sessionId)
        {
        }

        @Override
        public void onLogout(final SessionID sessionId)
        {
        }

        @Override
        public void toAdmin(final Message message, final SessionID sessionId)
        {
        }

        @Override
        public void toApp(final Message message, final SessionID sessionId)
        {
        }
    }
}
