package io.ticklane.cli;

import io.ticklane.feedserve.Faults;
import io.ticklane.feedserve.FeedServer;
import io.ticklane.feedserve.Pace;
import io.ticklane.feedserve.ServeContext;
import io.ticklane.gateway.feed.kraken.KrakenBookContext;
import io.ticklane.gateway.feed.kraken.KrakenFeed;
import io.ticklane.gateway.feed.kraken.KrakenFeedAgent;
import io.ticklane.gateway.feed.kraken.KrakenFeedContext;
import io.ticklane.gateway.feed.kraken.KrakenFileVerification;
import io.ticklane.gateway.feed.kraken.KrakenSubscription;
import io.ticklane.orderbook.BookFeed;
import io.ticklane.orderbook.BookState;
import io.ticklane.orderbook.L2Book;
import io.ticklane.orderbook.OrderBook;
import io.ticklane.orderbook.PriceLadder;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live Kraken v1 handler against {@code feed serve --lines} over a real loopback socket, on the sample files
 * generated from the independent reference book (gateway's {@code KrakenSampleFileTest}): a clean stream gives exactly
 * {@code --verify-file}'s tallies; a checksum mismatch, a corrupted message, a dropped connection and a silent
 * connection each publish the break (the daemon's book goes STALE), make the handler ask Kraken again (unsubscribe
 * and subscribe, or reconnect and subscribe), and end with the book exact.
 */
class KrakenFeedOverSocketTest
{
    private static final Path SAMPLES = Path.of("../gateway/src/test/resources/kraken");
    private static final Path CLEAN = SAMPLES.resolve("xbtusd-book10.jsonl");
    private static final Path CORRUPTED = SAMPLES.resolve("xbtusd-book10-corrupted.jsonl");
    private static final int TOP = 10;
    private static final long RUN_LIMIT_NS = 60_000_000_000L;

    private static final KrakenSubscription SUBSCRIPTION = new KrakenSubscription(book().conclude());
    private static final String SUBSCRIBE = SUBSCRIPTION.subscribe();
    private static final String UNSUBSCRIBE = SUBSCRIPTION.unsubscribe();

    @TempDir
    Path dir;

    @Test
    void cleanStreamVerifiesEveryChecksumWithTheSameTalliesAsVerifyFile() throws Exception
    {
        final Reference reference = reference(CLEAN);

        final Run run = run(CLEAN, Faults.NONE, 10_000);

        assertEquals("updates=7 checksums_ok=7 checksums_failed=0 resyncs=0 crossed=0", run.summary());
        assertEquals(reference.result.counters().summaryLine(), run.summary());
        assertEquals(reference.result.counters().detailLine(), run.agent.book().counters().detailLine(), "every tally, not only the last line");
        assertEquals(List.of(SUBSCRIBE), run.requests, "one subscribe, in Kraken's documented form");
        assertEquals(BookState.LIVE, run.daemon.state());
        assertEquals(0, run.daemon.staleCount());
        assertBooksEqual(reference.daemon, run.daemon);
    }

    @Test
    void checksumMismatchPublishesStaleUnsubscribesSubscribesAndEndsExact() throws Exception
    {
        final Reference reference = reference(CORRUPTED);

        final Run run = run(CORRUPTED, Faults.NONE, 10_000);

        assertEquals("updates=10 checksums_ok=8 checksums_failed=1 resyncs=1 crossed=0", run.summary());
        assertEquals(reference.result.counters().summaryLine(), run.summary());
        assertEquals(List.of(SUBSCRIBE, UNSUBSCRIBE, SUBSCRIBE), run.requests,
            "the server held its unsubscribed/subscribed replies until these requests came: " + run.server);
        assertEquals(1, run.agent.counters().resubscribes());
        assertEquals(1, run.daemon.staleCount(), "the mismatch reached the daemon as a break");
        assertEquals(1, run.daemon.resyncCount());
        assertEquals(BookState.LIVE, run.daemon.state());
        assertBooksEqual(finalTruth(), run.daemon);
    }

    @Test
    void corruptedMessageMakesTheBookStaleAndTheFreshSnapshotAfterTheResubscribeMakesItExact() throws Exception
    {
        final Path file = tail(List.of("unsubscribed", "subscribed"));

        final Run run = run(file, new Faults(0, 8, 0), 10_000);

        assertTrue(run.server.contains("corrupted=1"), run.server);
        assertEquals(List.of(SUBSCRIBE, UNSUBSCRIBE, SUBSCRIBE), run.requests, run.server);
        assertEquals(1, run.agent.book().counters().malformed());
        assertEquals(3, run.agent.book().counters().ignoredWhileNotLive(), "lines 9 to 11 came while stale");
        assertEquals("updates=7 checksums_ok=4 checksums_failed=0 resyncs=1 crossed=0", run.summary());
        assertEquals(1, run.daemon.staleCount());
        assertEquals(BookState.LIVE, run.daemon.state());
        assertBooksEqual(finalTruth(), run.daemon);
    }

    @Test
    void droppedConnectionIsPublishedReconnectedResubscribedAndEndsExact() throws Exception
    {
        final Path file = tail(List.of("systemStatus", "subscribed"));

        final Run run = run(file, new Faults(0, 0, 11), 10_000);

        assertTrue(run.server.contains("connections=2 connections_dropped=1"), run.server);
        assertEquals(2, run.agent.counters().connects());
        assertEquals(List.of(SUBSCRIBE, SUBSCRIBE), run.requests, "the new connection subscribes again");
        assertEquals(0, run.agent.counters().resubscribes(), "a reconnect subscribes anyway: no unsubscribe");
        assertEquals("updates=8 checksums_ok=8 checksums_failed=0 resyncs=1 crossed=0", run.summary());
        assertEquals(1, run.daemon.staleCount(), "the lost connection reached the daemon as a break");
        assertEquals(BookState.LIVE, run.daemon.state());
        assertBooksEqual(finalTruth(), run.daemon);
    }

    @Test
    void silentConnectionIsDroppedAfterTheTimeoutReconnectedAndEndsExact() throws Exception
    {
        // The server holds a second subscribed reply until a request it answers comes; nothing asks, so the
        // connection goes silent (no heartbeat in this file) until the client's silence timeout drops it. The
        // reconnect's subscribe is the request that releases the reply.
        final Path file = tail(List.of("subscribed"));

        final Run run = run(file, Faults.NONE, 500);

        assertEquals(1, run.agent.counters().silentConnections(), run.agent.counters().toString());
        assertEquals(2, run.agent.counters().connects());
        assertEquals(List.of(SUBSCRIBE, SUBSCRIBE), run.requests);
        assertEquals("updates=8 checksums_ok=8 checksums_failed=0 resyncs=1 crossed=0", run.summary());
        assertEquals(1, run.daemon.staleCount());
        assertEquals(BookState.LIVE, run.daemon.state());
        assertBooksEqual(finalTruth(), run.daemon);
    }

    /**
     * The clean sample, then what Kraken sends after asking again (the named replies), the fresh snapshot and one
     * update: the last four lines of the corrupted sample, whose book is the clean sample's last.
     */
    private Path tail(final List<String> replies) throws IOException
    {
        final List<String> clean = Files.readAllLines(CLEAN, StandardCharsets.UTF_8);
        final List<String> corrupted = Files.readAllLines(CORRUPTED, StandardCharsets.UTF_8);
        final List<String> lines = new ArrayList<>(clean);
        for (final String reply : replies)
        {
            switch (reply)
            {
                case "systemStatus":
                    lines.add(clean.get(0));
                    break;
                case "unsubscribed":
                    lines.add(corrupted.get(13));
                    break;
                case "subscribed":
                    lines.add(corrupted.get(14));
                    break;
                default:
                    throw new IllegalArgumentException(reply);
            }
        }
        lines.add(corrupted.get(15));
        lines.add(corrupted.get(16));
        assertTrue(corrupted.get(13).contains("\"unsubscribed\"") && corrupted.get(14).contains("\"subscribed\"") &&
            corrupted.get(15).contains("\"as\""), "the corrupted sample's layout");
        return Files.write(dir.resolve("tail.jsonl"), lines, StandardCharsets.UTF_8);
    }

    private static KrakenBookContext book()
    {
        return new KrakenBookContext().pair("XBT/USD").depth(10);
    }

    private Run run(final Path file, final Faults faults, final long silenceTimeoutMs) throws Exception
    {
        final L2Book daemon = new L2Book(1);
        final BookFeed feed = new BookFeed(daemon);
        try (FeedServer server = FeedServer.start(new ServeContext().lines(file).pace(Pace.MAX).faults(faults)))
        {
            final KrakenFeedContext context = new KrakenFeedContext()
                .book(book())
                .wsUrl("ws://127.0.0.1:" + server.port() + "/")
                .stopOnNormalClose(true)
                .giveUpAfterFailedConnects(8)
                .reconnectBackoffMs(50, 400)
                .silenceTimeoutMs(silenceTimeoutMs);
            final long deadline = System.nanoTime() + RUN_LIMIT_NS;
            final KrakenFeedAgent agent = KrakenFeed.run(context, feed, HttpClient.newHttpClient(), new BackoffIdleStrategy(),
                () -> System.nanoTime() > deadline);
            assertTrue(agent.isDone() && !agent.gaveUp(), "ended by the server's normal close: " + server.summary());
            assertTrue(server.awaitFinished(5_000), server.summary());
            return new Run(agent, daemon, server.requests(), server.summary());
        }
    }

    private static Reference reference(final Path file) throws IOException
    {
        final L2Book daemon = new L2Book(1);
        final KrakenFileVerification.Result result = new KrakenFileVerification(book(), new BookFeed(daemon)).run(file);
        return new Reference(result, daemon);
    }

    /**
     * The venue's book at the end of every file here: the corrupted sample's fresh snapshot and its one update,
     * whose checksum the reference book computed.
     */
    private OrderBook finalTruth() throws IOException
    {
        final List<String> corrupted = Files.readAllLines(CORRUPTED, StandardCharsets.UTF_8);
        final Path truth = Files.write(dir.resolve("truth.jsonl"), corrupted.subList(15, 17), StandardCharsets.UTF_8);
        final Reference reference = reference(truth);
        assertEquals(1, reference.result.counters().checksumsOk());
        return reference.daemon;
    }

    private static void assertBooksEqual(final OrderBook expected, final OrderBook actual)
    {
        assertLaddersEqual(expected.bids(), actual.bids(), "bids");
        assertLaddersEqual(expected.asks(), actual.asks(), "asks");
    }

    private static void assertLaddersEqual(final PriceLadder expected, final PriceLadder actual, final String side)
    {
        final long[] expectedPrices = new long[TOP + 1];
        final long[] expectedQuantities = new long[TOP + 1];
        final long[] actualPrices = new long[TOP + 1];
        final long[] actualQuantities = new long[TOP + 1];
        final int count = expected.levels(expectedPrices, expectedQuantities, TOP + 1);
        assertTrue(count >= TOP - 1 && count <= TOP, side + " of the reference: " + count);
        assertEquals(count, actual.levels(actualPrices, actualQuantities, TOP + 1), side + " levels " + Arrays.toString(actualPrices));
        assertArrayEquals(expectedPrices, actualPrices, side + " prices " + Arrays.toString(actualPrices));
        assertArrayEquals(expectedQuantities, actualQuantities, side + " quantities");
    }

    private record Run(KrakenFeedAgent agent, L2Book daemon, List<String> requests, String server)
    {
        String summary()
        {
            return agent.book().counters().summaryLine();
        }
    }

    private record Reference(KrakenFileVerification.Result result, L2Book daemon)
    {
    }
}
