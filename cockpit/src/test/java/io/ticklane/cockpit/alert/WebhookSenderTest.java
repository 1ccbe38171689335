package io.ticklane.cockpit.alert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSenderTest
{
    private final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop()
    {
        if (null != server)
        {
            server.stop(0);
        }
    }

    @Test
    void anAlertAndItsResolutionArriveOnceEachAsJsonWithATextField() throws Exception
    {
        final int port = receiver(0);
        try (WebhookSender sender = new WebhookSender(rules(port, 2), log::add))
        {
            sender.accept(new Alert(AlertCondition.HALTED, true, "mode HALTED (OPERATOR_STOP)", 1_700_000_000_000L, "pid 7"));
            sender.accept(new Alert(AlertCondition.HALTED, false, "mode ACTIVE", 1_700_000_001_000L, "pid 7"));
            final Map<String, String> first = fields(received.poll(10, TimeUnit.SECONDS));
            final Map<String, String> second = fields(received.poll(10, TimeUnit.SECONDS));
            assertEquals("[ticklane FIRING] halted: mode HALTED (OPERATOR_STOP) (pid 7)", first.get("text"));
            assertEquals("halted", first.get("condition"));
            assertEquals("FIRING", first.get("state"));
            assertEquals("2023-11-14T22:13:20Z", first.get("time"));
            assertEquals("1700000000000", first.get("time_ms"));
            assertEquals("RESOLVED", second.get("state"));
            assertNull(received.poll(300, TimeUnit.MILLISECONDS), "nothing more");
            assertEquals(2, sender.delivered());
        }
    }

    @Test
    void aWebhookDownBeyondTheRetriesGetsNothingLaterAndNothingWaitsOnIt() throws Exception
    {
        final int port = freePort();
        final WebhookSender sender = new WebhookSender(rules(port, 2), log::add);
        final long start = System.nanoTime();
        sender.accept(new Alert(AlertCondition.DAEMON_GONE, true, "gone", 1, "pid 7"));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1), "accept queues, never waits on the webhook");
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (0 == sender.givenUp() && System.nanoTime() < deadline)
        {
            Thread.sleep(20);
        }
        assertEquals(1, sender.givenUp());
        assertEquals(3, sender.failedAttempts(), "the first attempt and 2 retries");
        assertTrue(log.get(0).startsWith("alert webhook: given up after ConnectException"), log.toString());

        receiver(port);
        sender.accept(new Alert(AlertCondition.DAEMON_GONE, false, "back", 2, "pid 8"));
        final Map<String, String> only = fields(received.poll(10, TimeUnit.SECONDS));
        assertEquals("RESOLVED", only.get("state"), "the alert given up is never sent late");
        sender.close();
        assertNull(received.poll(300, TimeUnit.MILLISECONDS));
    }

    @Test
    void aFailingAnswerIsRetriedWithBackoffAndARefusalIsGivenUpAtOnce() throws Exception
    {
        final AtomicInteger calls = new AtomicInteger();
        final int[] statuses = {503, 500, 200, 404};
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", (exchange) ->
        {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(statuses[Math.min(calls.getAndIncrement(), statuses.length - 1)], -1);
            exchange.close();
        });
        server.start();
        try (WebhookSender sender = new WebhookSender(rules(server.getAddress().getPort(), 5), log::add))
        {
            sender.accept(new Alert(AlertCondition.HALTED, true, "halted", 1, "pid 7"));
            sender.accept(new Alert(AlertCondition.HALTED, false, "active", 2, "pid 7"));
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (sender.delivered() + sender.givenUp() < 2 && System.nanoTime() < deadline)
            {
                Thread.sleep(20);
            }
            assertEquals(1, sender.delivered(), "503, 500, then 200");
            assertEquals(1, sender.givenUp(), "a 404 is not retried");
            assertEquals(4, calls.get());
            assertTrue(log.get(0).startsWith("alert webhook: given up after HTTP 404"), log.toString());
        }
    }

    private int receiver(final int port) throws IOException
    {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/hook", (exchange) ->
        {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server.getAddress().getPort();
    }

    private static AlertRules rules(final int port, final int retries) throws IOException
    {
        return AlertRules.load(null, List.of("alert.webhook.url=http://127.0.0.1:" + port + "/hook",
            "alert.webhook.retries=" + retries, "alert.webhook.backoff_ms=50", "alert.webhook.backoff_max_ms=100",
            "alert.webhook.timeout_ms=2000"));
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }

    private static Map<String, String> fields(final String json) throws IOException
    {
        assertTrue(null != json, "no document arrived");
        final Map<String, String> fields = new HashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(json))
        {
            assertEquals(JsonToken.START_OBJECT, parser.nextToken());
            while (JsonToken.FIELD_NAME == parser.nextToken())
            {
                final String name = parser.currentName();
                parser.nextToken();
                fields.put(name, parser.getText());
            }
        }
        return fields;
    }
}
