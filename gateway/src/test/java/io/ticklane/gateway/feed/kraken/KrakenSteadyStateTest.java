package io.ticklane.gateway.feed.kraken;

import io.ticklane.orderbook.BookState;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.ticklane.gateway.feed.kraken.KrakenMessages.bidsUpdate;
import static io.ticklane.gateway.feed.kraken.KrakenMessages.level;
import static io.ticklane.gateway.feed.kraken.KrakenMessages.republished;
import static io.ticklane.gateway.feed.kraken.KrakenMessages.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KrakenSteadyStateTest
{
    private static final String VOL = "0.00000500";
    private static final List<String[]> ASKS = List.of(level("0.05005", VOL), level("0.05010", VOL), level("0.05015", VOL));
    private static final List<String[]> BIDS = List.of(level("0.05000", VOL), level("0.04995", VOL), level("0.04990", VOL));

    private long framesSeen;

    private KrakenBookHandler handler()
    {
        return new KrakenBookHandler(new KrakenBookContext().priceDecimals(5).lotDecimals(8),
            (t, b, o, l) -> framesSeen += l, () -> { });
    }

    /** Change, delete and republish the second bid, and back: a cycle that ends where it started. */
    private static byte[][] cycle()
    {
        final ReferenceBook book = new ReferenceBook(10);
        ASKS.forEach((l) -> book.ask(l[0], l[1]));
        BIDS.forEach((l) -> book.bid(l[0], l[1]));
        final List<String> messages = new ArrayList<>();
        book.bid("0.04995", "0.12345678");
        messages.add(bidsUpdate(List.<String[]>of(level("0.04995", "0.12345678")), book.checksum()));
        book.bid("0.04995", "0.00000000");
        messages.add(bidsUpdate(List.<String[]>of(level("0.04995", "0.00000000")), book.checksum()));
        book.bid("0.04995", VOL);
        messages.add(bidsUpdate(List.<String[]>of(republished("0.04995", VOL)), book.checksum()));
        final byte[][] bytes = new byte[messages.size()][];
        for (int i = 0; i < bytes.length; i++)
        {
            bytes[i] = messages.get(i).getBytes(StandardCharsets.US_ASCII);
        }
        return bytes;
    }

    @Test
    void aTruncatedMessageDoesNotPoisonTheNextOne()
    {
        final KrakenBookHandler handler = handler();
        final byte[][] cycle = cycle();
        handler.onMessage(snapshot(ASKS, BIDS), 1);
        final byte[] truncated = new byte[cycle[0].length / 2];
        System.arraycopy(cycle[0], 0, truncated, 0, truncated.length);

        handler.onMessage(truncated, 0, truncated.length, 2);
        assertEquals(BookState.STALE, handler.state());
        handler.onMessage(snapshot(ASKS, BIDS), 3);
        for (final byte[] update : cycle)
        {
            handler.onMessage(update, 0, update.length, 4);
        }

        assertEquals(BookState.LIVE, handler.state());
        assertEquals(3, handler.counters().checksumsOk());
        assertEquals(1, handler.counters().malformed());
    }

    @Test
    void everyPrefixOfAMessageIsMalformedAndTheNextWholeMessageStillParses()
    {
        final KrakenMessageParser parser = new KrakenMessageParser("XBT/USD", 10, 64);
        final String[] messages = {
            "{\"channelID\":336,\"channelName\":\"book-10\",\"event\":\"subscriptionStatus\",\"pair\":\"XBT/USD\"," +
                "\"status\":\"subscribed\",\"subscription\":{\"depth\":10,\"name\":\"book\"}}",
            snapshot(ASKS, BIDS),
            new String(cycle()[2], StandardCharsets.US_ASCII),
            "[340,{\"a\":[\"5525.40000\",1,\"1.000\"],\"c\":[\"5525.10000\",\"0.00398963\"]},\"ticker\",\"XBT/USD\"]" };
        final KrakenMessageKind[] kinds = {
            KrakenMessageKind.SUBSCRIPTION_STATUS, KrakenMessageKind.BOOK_SNAPSHOT, KrakenMessageKind.BOOK_UPDATE,
            KrakenMessageKind.NOT_OUR_CHANNEL };
        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
        {
            for (int m = 0; m < messages.length; m++)
            {
                final byte[] whole = messages[m].getBytes(StandardCharsets.US_ASCII);
                for (int length = 0; length < whole.length; length++)
                {
                    assertEquals(KrakenMessageKind.MALFORMED, parser.parse(whole, 0, length), messages[m].substring(0, length));
                    assertEquals(kinds[m], parser.parse(whole, 0, whole.length), messages[m]);
                }
            }
        });
    }

    @Test
    void steadyStateUpdatesAllocateNothing()
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long thread = Thread.currentThread().getId();
        final KrakenBookHandler handler = handler();
        final byte[][] cycle = cycle();
        handler.onMessage(snapshot(ASKS, BIDS), 1);
        for (int i = 0; i < 90_000; i++)
        {
            final byte[] update = cycle[i % cycle.length];
            handler.onMessage(update, 0, update.length, i);
        }
        final long[] windows = new long[5];
        for (int w = 0; w < windows.length; w++)
        {
            final long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < 30_000; i++)
            {
                final byte[] update = cycle[i % cycle.length];
                handler.onMessage(update, 0, update.length, i);
            }
            windows[w] = threads.getThreadAllocatedBytes(thread) - before;
        }

        assertEquals(240_000, handler.counters().checksumsOk());
        assertTrue(framesSeen > 0);
        long best = Long.MAX_VALUE;
        for (final long bytes : windows)
        {
            best = Math.min(best, bytes);
        }
        assertEquals(0, best, "bytes allocated per window of 30,000 updates: " + java.util.Arrays.toString(windows));
    }
}
