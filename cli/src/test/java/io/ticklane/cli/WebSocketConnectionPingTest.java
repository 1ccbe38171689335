package io.ticklane.cli;

import io.ticklane.gateway.feed.ws.FeedInbox;
import io.ticklane.gateway.feed.ws.WebSocketConnection;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.server.config.JettyWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The feed handler's WebSocket answers a venue's ping without code of ours: the JDK client queues a Pong carrying
 * the Ping's payload (RFC 6455 5.5.3). A bare Jetty endpoint pings the connection and records the Pong it gets back;
 * a venue that pings (Binance pings every few minutes and drops connections that do not answer) is kept happy.
 */
class WebSocketConnectionPingTest
{
    @Test
    void aPingFromTheVenueIsAnsweredWithAPongCarryingItsPayload() throws Exception
    {
        final BlockingQueue<String> pongs = new ArrayBlockingQueue<>(4);
        final Server server = new Server();
        final ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        final ServletContextHandler context = new ServletContextHandler();
        JettyWebSocketServletContainerInitializer.configure(context, (servletContext, container) ->
            container.addMapping("/ping", (request, response) -> new PingingEndpoint(pongs)));
        server.setHandler(context);
        server.start();
        try
        {
            final FeedInbox inbox = new FeedInbox(1 << 16);
            try (WebSocketConnection connection = new WebSocketConnection(HttpClient.newHttpClient(),
                URI.create("ws://127.0.0.1:" + connector.getLocalPort() + "/ping"), inbox, 4096, new SystemEpochNanoClock(),
                Duration.ofSeconds(5)))
            {
                connection.connect();
                final String pong = pongs.poll(10, TimeUnit.SECONDS);
                assertNotNull(pong, "no pong came back within 10 s");
                assertEquals("ticklane-ping", pong);
                // The JDK queues the Pong before it calls the listener's onPing: the count may lag the Pong a little.
                final long deadline = System.nanoTime() + 5_000_000_000L;
                while (connection.pings() == 0 && System.nanoTime() < deadline)
                {
                    Thread.sleep(1);
                }
                assertEquals(1, connection.pings());
            }
        }
        finally
        {
            server.stop();
        }
    }

    /**
     * Pings once on open; records the payload of each Pong.
     */
    public static final class PingingEndpoint implements Session.Listener.AutoDemanding
    {
        private final BlockingQueue<String> pongs;

        PingingEndpoint(final BlockingQueue<String> pongs)
        {
            this.pongs = pongs;
        }

        @Override
        public void onWebSocketOpen(final Session session)
        {
            session.sendPing(ByteBuffer.wrap("ticklane-ping".getBytes(StandardCharsets.US_ASCII)), Callback.NOOP);
        }

        @Override
        public void onWebSocketPong(final ByteBuffer payload)
        {
            pongs.add(StandardCharsets.US_ASCII.decode(payload).toString());
        }
    }
}
