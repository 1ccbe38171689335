package io.ticklane.gateway.feed.binance;

import io.ticklane.journal.reader.binance.BinanceMarket;
import io.ticklane.journal.reader.binance.BinanceStreamDecoder;
import org.agrona.CloseHelper;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A stream that stays open and says nothing (a half-open connection, a venue whose sender died) must not hold the
 * book for ever: the handler drops it after the silence timeout and reconnects. A server that pings keeps the
 * connection alive through the same timeout. The server here is a bare RFC 6455 handshake on a socket, so silence
 * and pings are exactly what the test says.
 */
class BinanceFeedSilenceTest
{
    private static final long SILENCE_MS = 400;
    private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger handshakes = new AtomicInteger();
    private ServerSocket server;
    private Thread acceptor;

    @AfterEach
    void close()
    {
        CloseHelper.quietClose(server);
        accepted.forEach(CloseHelper::quietClose);
        if (null != acceptor)
        {
            acceptor.interrupt();
        }
    }

    @Test
    void aSilentStreamIsDroppedAndReconnected() throws Exception
    {
        startServer(false);
        final BinanceFeedAgent agent = agent();
        runUntil(agent, () -> agent.counters().silentConnections() >= 2 && agent.counters().connects() >= 3, 20_000);

        assertTrue(handshakes.get() >= 3, "the server saw each reconnection: " + handshakes.get());
        assertEquals(0, agent.counters().messages(), "the server never spoke");
        assertTrue(agent.counters().disconnects() >= agent.counters().silentConnections(), agent.counters().toString());
        agent.onClose();
    }

    @Test
    void pingsKeepAQuietStreamOpen() throws Exception
    {
        startServer(true);
        final BinanceFeedAgent agent = agent();
        final long endNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SILENCE_MS * 5);
        runUntil(agent, () -> System.nanoTime() - endNs > 0, 20_000);

        assertEquals(0, agent.counters().silentConnections(), agent.counters().toString());
        assertEquals(1, agent.counters().connects(), agent.counters().toString());
        assertTrue(agent.connection().pings() >= 5, "pings answered: " + agent.connection().pings());
        agent.onClose();
    }

    private BinanceFeedAgent agent()
    {
        final BinanceFeedContext context = new BinanceFeedContext()
            .market(BinanceMarket.USDM_FUTURES)
            .symbol("BTCUSDT")
            .wsUrl("ws://127.0.0.1:" + server.getLocalPort())
            .restUrl("http://127.0.0.1:" + server.getLocalPort())
            .tickSize(new BigDecimal("0.1"))
            .lotSize(new BigDecimal("0.001"))
            .reconnectBackoffMs(50, 100)
            .silenceTimeoutMs(SILENCE_MS);
        final BinanceFeedAgent agent = new BinanceFeedAgent(context,
            BinanceStreamDecoder.givenSizes(context.tickSize(), context.lotSize()), (type, buffer, index, length) ->
            {
            }, HttpClient.newHttpClient(), new SystemEpochNanoClock(), new SystemNanoClock());
        agent.onStart();
        return agent;
    }

    private static void runUntil(final BinanceFeedAgent agent, final BooleanSupplier done, final long timeoutMs)
        throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!done.getAsBoolean())
        {
            if (System.nanoTime() - deadlineNs > 0)
            {
                fail("timed out: " + agent.counters());
            }
            if (0 == agent.doWork())
            {
                Thread.sleep(1);
            }
        }
    }

    private void startServer(final boolean ping) throws IOException
    {
        server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() ->
        {
            try
            {
                while (!server.isClosed())
                {
                    final Socket socket = server.accept();
                    accepted.add(socket);
                    handshake(socket);
                    handshakes.incrementAndGet();
                    if (ping)
                    {
                        final Thread pinger = new Thread(() -> ping(socket), "pinger");
                        pinger.setDaemon(true);
                        pinger.start();
                    }
                }
            }
            catch (final IOException ex)
            {
                // closed by the test
            }
        }, "silent-ws-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static void handshake(final Socket socket) throws IOException
    {
        final InputStream in = socket.getInputStream();
        final StringBuilder request = new StringBuilder();
        while (!request.toString().endsWith("\r\n\r\n"))
        {
            final int b = in.read();
            if (b < 0)
            {
                throw new IOException("closed during the handshake");
            }
            request.append((char)b);
        }
        String key = null;
        for (final String line : request.toString().split("\r\n"))
        {
            if (line.toLowerCase().startsWith("sec-websocket-key:"))
            {
                key = line.substring(line.indexOf(':') + 1).trim();
            }
        }
        if (null == key)
        {
            throw new IOException("no Sec-WebSocket-Key: " + request);
        }
        final String accept;
        try
        {
            accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                .digest((key + WEBSOCKET_GUID).getBytes(StandardCharsets.US_ASCII)));
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException(ex);
        }
        final OutputStream out = socket.getOutputStream();
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void ping(final Socket socket)
    {
        try
        {
            final OutputStream out = socket.getOutputStream();
            while (!socket.isClosed())
            {
                out.write(new byte[] {(byte)0x89, 0}); // FIN + ping, no payload, unmasked (server to client)
                out.flush();
                Thread.sleep(SILENCE_MS / 4);
            }
        }
        catch (final IOException | InterruptedException ex)
        {
            // the test ended
        }
    }
}
