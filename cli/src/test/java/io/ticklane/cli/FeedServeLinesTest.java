package io.ticklane.cli;

import io.ticklane.feedserve.Faults;
import io.ticklane.feedserve.FeedServer;
import io.ticklane.feedserve.Pace;
import io.ticklane.feedserve.ServeContext;
import io.ticklane.gateway.feed.ws.FeedInbox;
import io.ticklane.gateway.feed.ws.WebSocketConnection;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code feed serve --lines}: any file of one JSON message per line is a WebSocket stream, in order, with the faults
 * applied; and the handler's connection discards a message longer than its bound whole, counts it, and keeps going.
 */
class FeedServeLinesTest
{
    @TempDir
    Path dir;

    @Test
    void linesAreStreamedInOrderAnOversizedOneIsDiscardedWholeAndTheEndIsANormalClose() throws Exception
    {
        final String big = "{\"pad\":\"" + "x".repeat(3_000) + "\"}";
        final Path file = Files.write(dir.resolve("kraken.jsonl"),
            List.of("{\"event\":\"systemStatus\"}", big, "[1,{\"a\":[[\"5541.3\",\"2.5\",\"1534614248.1\"]]},\"book-10\",\"XBT/USD\"]",
                "{\"n\":4}", "{\"n\":5}"));
        try (FeedServer server = FeedServer.start(new ServeContext().lines(file).pace(Pace.MAX).faults(new Faults(4, 5, 0))))
        {
            final FeedInbox inbox = new FeedInbox(1 << 16);
            final List<String> events = new ArrayList<>();
            try (WebSocketConnection connection = new WebSocketConnection(HttpClient.newHttpClient(),
                URI.create("ws://127.0.0.1:" + server.port() + "/any/path"), inbox, 1_024, new SystemEpochNanoClock(),
                Duration.ofSeconds(5)))
            {
                connection.connect();
                final long deadline = System.nanoTime() + 10_000_000_000L;
                while (!events.contains("closed 1000") && System.nanoTime() < deadline)
                {
                    inbox.drain((type, buffer, index, length) ->
                    {
                        switch (type)
                        {
                            case FeedInbox.OPENED:
                                events.add("opened");
                                break;
                            case FeedInbox.MESSAGE:
                                final byte[] bytes = new byte[length - FeedInbox.PAYLOAD_OFFSET];
                                buffer.getBytes(index + FeedInbox.PAYLOAD_OFFSET, bytes);
                                events.add(new String(bytes, StandardCharsets.UTF_8));
                                break;
                            case FeedInbox.DISCARDED:
                                events.add("discarded");
                                break;
                            case FeedInbox.CLOSED:
                                events.add("closed " + FeedInbox.status(buffer, index));
                                break;
                            default:
                                events.add("type " + type);
                                break;
                        }
                    }, 16);
                    Thread.sleep(1);
                }
                assertEquals(1, connection.oversizedMessages());
            }
            assertEquals(List.of("opened", "{\"event\":\"systemStatus\"}", "discarded",
                "[1,{\"a\":[[\"5541.3\",\"2.5\",\"1534614248.1\"]]},\"book-10\",\"XBT/USD\"]", "{\"n", "closed 1000"), events,
                "line 4 dropped, line 5 cut in half, line 2 over the bound and reported in its place");
            assertTrue(server.awaitFinished(1_000));
            assertTrue(server.summary().startsWith("sent=4 dropped=1 corrupted=1 connections=1"), server.summary());
        }
    }
}
