package io.ticklane.gateway.feed.kraken;

import io.ticklane.orderbook.BookFeed;
import io.ticklane.orderbook.BookState;
import io.ticklane.orderbook.L2Book;
import io.ticklane.orderbook.StaleReason;
import io.ticklane.sbe.InstrumentDefinitionDecoder;
import io.ticklane.sbe.L2Action;
import io.ticklane.sbe.L2SnapshotDecoder;
import io.ticklane.sbe.L2UpdateDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.Side;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static io.ticklane.gateway.feed.kraken.KrakenMessages.asksUpdate;
import static io.ticklane.gateway.feed.kraken.KrakenMessages.bidsUpdate;
import static io.ticklane.gateway.feed.kraken.KrakenMessages.bothUpdate;
import static io.ticklane.gateway.feed.kraken.KrakenMessages.level;
import static io.ticklane.gateway.feed.kraken.KrakenMessages.republished;
import static io.ticklane.gateway.feed.kraken.KrakenMessages.snapshot;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KrakenBookHandlerTest
{
    private static final String VOL = "0.00000500";
    /** The book state of Kraken's v1 checksum example (docs.kraken.com, spot websockets v1 book checksum). */
    private static final List<String[]> DOC_ASKS = levels(VOL,
        "0.05005", "0.05010", "0.05015", "0.05020", "0.05025", "0.05030", "0.05035", "0.05040", "0.05045", "0.05050");
    private static final List<String[]> DOC_BIDS = levels(VOL,
        "0.05000", "0.04995", "0.04990", "0.04980", "0.04975", "0.04970", "0.04965", "0.04960", "0.04955", "0.04950");
    private static final long DOC_CHECKSUM = 974_947_235L;

    private final List<byte[]> frames = new ArrayList<>();
    private final L2Book daemonBook = new L2Book(1);
    private final BookFeed daemonFeed = new BookFeed(daemonBook);
    private int resubscribes;

    private KrakenBookHandler handler()
    {
        return handler(new KrakenBookContext().pair("XBT/USD").depth(10).priceDecimals(5).lotDecimals(8));
    }

    private KrakenBookHandler handler(final KrakenBookContext context)
    {
        return new KrakenBookHandler(context, this::onFrame, () -> resubscribes++);
    }

    private void onFrame(final int templateId, final MutableDirectBuffer buffer, final int offset, final int length)
    {
        final byte[] copy = new byte[length];
        buffer.getBytes(offset, copy);
        frames.add(copy);
        daemonFeed.onMessage(templateId, buffer, offset, length);
    }

    @Test
    void documentedChecksumTextIsBuiltByTheDocumentedRules()
    {
        final String byHand =
            "5005500" + "5010500" + "5015500" + "5020500" + "5025500" + "5030500" + "5035500" + "5040500" + "5045500" + "5050500" +
            "5000500" + "4995500" + "4990500" + "4980500" + "4975500" + "4970500" + "4965500" + "4960500" + "4955500" + "4950500";
        assertEquals(byHand, ReferenceBook.checksumText(DOC_ASKS, DOC_BIDS));
        assertEquals(DOC_CHECKSUM, ReferenceBook.checksum(DOC_ASKS, DOC_BIDS));
    }

    @Test
    void updateReachingTheDocumentedBookVerifiesAgainstTheDocumentedChecksum()
    {
        final KrakenBookHandler handler = handler();
        final List<String[]> asks = new ArrayList<>(DOC_ASKS);
        asks.set(9, level("0.05050", "0.00001000"));
        handler.onMessage(snapshot(asks, DOC_BIDS), 1);

        handler.onMessage(asksUpdate(List.<String[]>of(level("0.05050", VOL)), DOC_CHECKSUM), 2);

        assertEquals(BookState.LIVE, handler.state());
        assertEquals(DOC_CHECKSUM, handler.lastComputedChecksum());
        assertEquals("updates=1 checksums_ok=1 checksums_failed=0 resyncs=0 crossed=0", handler.counters().summaryLine());
        assertEquals(5050, handler.asks().price(9));
        assertEquals(500, handler.asks().volume(9));
    }

    @Test
    void snapshotPublishesTheDefinitionThenTheWholeBookOnTheGrid()
    {
        final KrakenBookHandler handler = handler();
        handler.onMessage(snapshot(DOC_ASKS, DOC_BIDS), 77);

        assertEquals(2, frames.size());
        final UnsafeBuffer definitionFrame = new UnsafeBuffer(frames.get(0));
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(definitionFrame, 0);
        assertEquals(InstrumentDefinitionDecoder.TEMPLATE_ID, header.templateId());
        final InstrumentDefinitionDecoder definition = new InstrumentDefinitionDecoder()
            .wrapAndApplyHeader(definitionFrame, 0, header);
        assertEquals(-5, definition.priceExponent());
        assertEquals(-8, definition.quantityExponent());
        assertEquals("XBT/USD", definition.symbol());

        final UnsafeBuffer snapshotFrame = new UnsafeBuffer(frames.get(1));
        final L2SnapshotDecoder decoded = new L2SnapshotDecoder().wrapAndApplyHeader(snapshotFrame, 0, header.wrap(snapshotFrame, 0));
        assertEquals(77, decoded.receiveTimeNs());
        assertEquals(1_582_905_487_684_110_000L, decoded.exchangeTimeNs());
        assertEquals(20, decoded.levels().count());
        assertEquals(BookState.LIVE, daemonBook.state());
        assertEquals(5000, daemonBook.bestBidPrice());
        assertEquals(5005, daemonBook.bestAskPrice());
        assertEquals(500, daemonBook.bids().quantity(4950));
    }

    @Test
    void insertPushesTheTenthBidOutAndALaterDeleteDoesNotBringItBackUntilRepublished()
    {
        final KrakenBookHandler handler = handler();
        final ReferenceBook reference = new ReferenceBook(10);
        handler.onMessage(snapshot(DOC_ASKS, DOC_BIDS), 1);
        DOC_ASKS.forEach((l) -> reference.ask(l[0], l[1]));
        DOC_BIDS.forEach((l) -> reference.bid(l[0], l[1]));

        reference.bid("0.04985", VOL);
        final List<String> afterInsert =
            List.of("0.05000", "0.04995", "0.04990", "0.04985", "0.04980", "0.04975", "0.04970", "0.04965", "0.04960", "0.04955");
        assertEquals(afterInsert, prices(reference.bids()), "the reference itself drops 0.04950");
        handler.onMessage(bidsUpdate(List.<String[]>of(level("0.04985", VOL)), reference.checksum()), 2);
        assertEquals(1, handler.counters().checksumsOk());
        assertEquals(1, handler.counters().truncatedLevels());
        final L2UpdateDecoder insert = lastUpdate();
        final L2UpdateDecoder.LevelsDecoder inserted = insert.levels();
        assertEquals(2, inserted.count());
        assertLevel(inserted.next(), Side.BUY, L2Action.NEW, 4985, 500);
        assertLevel(inserted.next(), Side.BUY, L2Action.DELETE, 4950, 0);

        reference.bid("0.05000", "0.00000000");
        assertEquals(9, reference.bids().size());
        handler.onMessage(bidsUpdate(List.<String[]>of(level("0.05000", "0.00000000")), reference.checksum()), 3);
        assertEquals(2, handler.counters().checksumsOk());
        assertEquals(9, handler.bids().size());
        assertEquals(4955, handler.bids().price(8), "0.04950 stays out");

        reference.bid("0.04950", VOL);
        handler.onMessage(bidsUpdate(List.<String[]>of(republished("0.04950", VOL)), reference.checksum()), 4);
        assertEquals(3, handler.counters().checksumsOk());
        assertEquals(1, handler.counters().republishedLevels());
        assertEquals(10, handler.bids().size());
        assertEquals(BookState.LIVE, daemonBook.state());
        assertArrayEquals(handlerBids(handler), daemonBids(), "the daemon's book holds exactly the handler's levels");
    }

    @Test
    void keepingTheTruncatedLevelWouldFailTheChecksum()
    {
        final List<String[]> untruncated = levels(VOL,
            "0.04995", "0.04990", "0.04985", "0.04980", "0.04975", "0.04970", "0.04965", "0.04960", "0.04955", "0.04950");
        final List<String[]> truncated = levels(VOL,
            "0.04995", "0.04990", "0.04985", "0.04980", "0.04975", "0.04970", "0.04965", "0.04960", "0.04955");
        assertTrue(ReferenceBook.checksum(DOC_ASKS, untruncated) != ReferenceBook.checksum(DOC_ASKS, truncated));
        final KrakenBookHandler handler = handler();
        handler.onMessage(snapshot(DOC_ASKS, DOC_BIDS), 1);
        handler.onMessage(bidsUpdate(List.<String[]>of(level("0.04985", VOL)), checksumOf(DOC_ASKS, "0.05000", "0.04995", "0.04990",
            "0.04985", "0.04980", "0.04975", "0.04970", "0.04965", "0.04960", "0.04955")), 2);
        handler.onMessage(bidsUpdate(List.<String[]>of(level("0.05000", "0")), ReferenceBook.checksum(DOC_ASKS, untruncated)), 3);

        assertEquals(1, handler.counters().checksumsFailed(), "a book that kept 0.04950 is what this checksum describes");
    }

    @Test
    void bothSidesInOneMessageAsTwoObjectsApplyBeforeTheChecksum()
    {
        final KrakenBookHandler handler = handler();
        final ReferenceBook reference = new ReferenceBook(10);
        handler.onMessage(snapshot(DOC_ASKS, DOC_BIDS), 1);
        DOC_ASKS.forEach((l) -> reference.ask(l[0], l[1]));
        DOC_BIDS.forEach((l) -> reference.bid(l[0], l[1]));
        reference.ask("0.05005", "0.00000000");
        reference.ask("0.05055", "1.25000000");
        reference.bid("0.05000", "0.00100000");
        reference.bid("0.05000", "0.00200000");

        handler.onMessage(bothUpdate(List.<String[]>of(level("0.05005", "0.00000000"), level("0.05055", "1.25000000")),
            List.<String[]>of(level("0.05000", "0.00100000"), level("0.05000", "0.00200000")), reference.checksum()), 2);

        assertEquals(1, handler.counters().checksumsOk());
        assertEquals(200_000, handler.bids().volume(0), "the last entry for a price is the most recent");
        assertEquals(200_000, daemonBook.bids().quantity(5000));
        assertEquals(125_000_000, daemonBook.asks().quantity(5055));
        assertEquals(5010, daemonBook.bestAskPrice());
    }

    @Test
    void corruptedUpdateFailsItsChecksumResubscribesOnceAndStaysStaleUntilTheFreshSnapshot()
    {
        final KrakenBookHandler handler = handler();
        handler.onMessage(snapshot(DOC_ASKS, DOC_BIDS), 1);
        final long right = checksumOf(DOC_ASKS, "0.05000", "0.04995", "0.04990", "0.04985", "0.04980", "0.04975", "0.04970",
            "0.04965", "0.04960", "0.04955");

        handler.onMessage(bidsUpdate(List.<String[]>of(level("0.04985", VOL)), right ^ 1), 2);

        assertEquals(BookState.STALE, handler.state());
        assertEquals(1, handler.counters().checksumsFailed());
        assertEquals(1, resubscribes);
        assertEquals(BookState.STALE, daemonBook.state(), "the daemon's book sees the withheld update as a gap");
        assertEquals(StaleReason.SEQUENCE_GAP, daemonBook.staleReason());
        assertEquals(0, lastUpdate().levels().count());
        assertEquals(5000, daemonBook.bestBidPrice());

        handler.onMessage(bidsUpdate(List.<String[]>of(level("0.04985", VOL)), right), 3);
        handler.onMessage(bidsUpdate(List.<String[]>of(level("0.04985", VOL)), right ^ 2), 4);
        handler.onMessage("{not json", 5);
        assertEquals(1, resubscribes, "one resubscribe per loss of trust");
        assertEquals(2, handler.counters().ignoredWhileNotLive());
        assertEquals(BookState.STALE, handler.state());

        handler.onMessage(snapshot(DOC_ASKS, DOC_BIDS), 6);
        assertEquals(BookState.LIVE, handler.state());
        assertEquals(BookState.LIVE, daemonBook.state());
        assertEquals(1, daemonBook.resyncCount());
        assertEquals("updates=3 checksums_ok=0 checksums_failed=1 resyncs=1 crossed=0", handler.counters().summaryLine());
        handler.onMessage(bidsUpdate(List.<String[]>of(level("0.04985", VOL)), right), 7);
        assertEquals(1, handler.counters().checksumsOk());
        assertEquals(BookState.LIVE, daemonBook.state());
    }

    @Test
    void messageDiscardedByTheTransportMakesALiveBookStaleAndResubscribesOnce()
    {
        final KrakenBookHandler handler = handler();
        handler.onMessage(snapshot(DOC_ASKS, DOC_BIDS), 1);

        handler.onDiscardedMessage(2);
        handler.onDiscardedMessage(3);

        assertEquals(BookState.STALE, handler.state());
        assertEquals(BookState.STALE, daemonBook.state(), "the daemon sees the lost message as a gap");
        assertEquals(1, resubscribes, "one resubscribe per loss of trust");
        assertEquals(2, handler.counters().oversized());
        assertEquals(2, handler.counters().malformed());
        assertEquals(3, handler.counters().messages());
        handler.onMessage(snapshot(DOC_ASKS, DOC_BIDS), 4);
        assertEquals(BookState.LIVE, daemonBook.state());
    }

    @Test
    void everyHostileMessageIsCountedMakesALiveBookStaleAndNeverThrows()
    {
        final String tail = ",\"book-10\",\"XBT/USD\"]";
        final String ts = "\"1582905487.684110\"";
        final List<String> hostile = List.of(
            "", "{", "[336,", "null", "42", "\"text\"", "{\"event\":7}", "{}",
            "[\"x\",{\"a\":[[\"0.05\",\"0.1\"," + ts + "]],\"c\":\"1\"}" + tail,
            "[336,{\"a\":[[\"0.05000\",\"0.10000000\"]],\"c\":\"1\"}" + tail,
            "[336,{\"a\":[[\"-0.05000\",\"0.10000000\"," + ts + "]],\"c\":\"1\"}" + tail,
            "[336,{\"a\":[[\"1e-2\",\"0.10000000\"," + ts + "]],\"c\":\"1\"}" + tail,
            "[336,{\"a\":[[\" 0.05000\",\"0.10000000\"," + ts + "]],\"c\":\"1\"}" + tail,
            "[336,{\"a\":[[\"0.05.00\",\"0.10000000\"," + ts + "]],\"c\":\"1\"}" + tail,
            "[336,{\"a\":[[\".\",\"0.10000000\"," + ts + "]],\"c\":\"1\"}" + tail,
            "[336,{\"a\":[[0.05,\"0.10000000\"," + ts + "]],\"c\":\"1\"}" + tail,
            "[336,{\"a\":[[\"0.05000\",\"1234567890123456789\"," + ts + "]],\"c\":\"1\"}" + tail,
            "[336,{\"a\":[[\"0.050001\",\"0.10000000\"," + ts + "]],\"c\":\"1\"}" + tail,
            "[336,{\"a\":[[\"0.05000\",\"0.10000000\"," + ts + "]],\"c\":\"4294967296\"}" + tail,
            "[336,{\"a\":[[\"0.05000\",\"0.10000000\"," + ts + "]],\"c\":\"-1\"}" + tail,
            "[336,{\"a\":[[\"0.05000\",\"0.10000000\"," + ts + "]],\"c\":12}" + tail,
            "[336,{\"a\":[[\"0.05000\",\"0.10000000\"," + ts + "]]}" + tail,
            "[336,{\"a\":[[\"0.05000\",\"0.10000000\"," + ts + ",\"x\"]],\"c\":\"1\"}" + tail,
            "[336,{\"a\":[[\"0.05000\",\"0.10000000\"," + ts + ",\"r\",\"r\"]],\"c\":\"1\"}" + tail,
            "[336,{\"a\":[[\"0.05000\",\"0.10000000\"," + ts + "]],\"bs\":[],\"c\":\"1\"}" + tail,
            "[336,{\"a\":[[\"0.05000\",\"0.10000000\"," + ts + "]],\"z\":1,\"c\":\"1\"}" + tail,
            "[336,{\"a\":[]},{\"b\":[]},{\"c\":\"1\"}" + tail,
            "[336,{\"c\":\"1\"}" + tail,
            "[336,{\"a\":{}}" + tail,
            "[336,{\"a\":[[\"0.05000\",\"0.10000000\"," + ts + "]],\"c\":\"1\"}" + tail + " []",
            "[336,{\"a\":[[\"0.05000\",\"0.10000000\"," + ts + "]],\"c\":\"1\"},\"book-10\"]",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
            "[" + "9".repeat(40) + ",{\"a\":[]}" + tail,
            "[336,{\"as\":[[\"0.05000\",\"0.00000000\"," + ts + "]],\"bs\":[]}" + tail,
            "[336,{\"as\":[[\"0.05000\",\"0.1\"," + ts + "],[\"0.05000\",\"0.2\"," + ts + "]],\"bs\":[]}" + tail);
        for (final String message : hostile)
        {
            final KrakenBookHandler handler = handler();
            resubscribes = 0;
            handler.onMessage(snapshot(DOC_ASKS, DOC_BIDS), 1);

            handler.onMessage(message, 2);

            assertEquals(1, handler.counters().malformed(), message);
            assertEquals(BookState.STALE, handler.state(), message);
            assertEquals(1, resubscribes, message);
            assertTrue(null != handler.lastProblem(), message);
        }
    }

    @Test
    void boundsAreEnforcedOnMessageSizeAndLevelsPerMessage()
    {
        final KrakenBookHandler handler = handler(new KrakenBookContext().depth(10).priceDecimals(5).lotDecimals(8)
            .maxMessageBytes(2048).maxLevelsPerMessage(20));
        handler.onMessage(snapshot(DOC_ASKS, DOC_BIDS), 1);
        final List<String[]> many = new ArrayList<>();
        for (int i = 0; i < 21; i++)
        {
            many.add(level("0.0" + (6000 + i), VOL));
        }
        handler.onMessage(asksUpdate(many, 1), 2);
        assertEquals(1, handler.counters().malformed());
        assertEquals(BookState.STALE, handler.state());

        handler.onMessage(snapshot(DOC_ASKS, DOC_BIDS), 3);
        handler.onMessage("[336,{\"a\":[],\"c\":\"1\"}," + " ".repeat(3000) + "\"book-10\",\"XBT/USD\"]", 4);
        final byte[] big = new byte[4096];
        handler.onMessage(big, 0, big.length, 5);
        assertEquals(2, handler.counters().oversized());
        assertEquals(BookState.STALE, handler.state());
    }

    @Test
    void randomBytesAndMutatedUpdatesNeverThrowAndAreAllAccountedFor()
    {
        final KrakenBookHandler handler = handler();
        final Random random = new Random(14);
        final byte[] valid = bidsUpdate(List.<String[]>of(level("0.04985", VOL)), 12345).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 20_000; i++)
        {
            if (0 == i % 100)
            {
                handler.onMessage(snapshot(DOC_ASKS, DOC_BIDS), i);
            }
            final byte[] message;
            final int variant = random.nextInt(3);
            if (0 == variant)
            {
                message = new byte[random.nextInt(64)];
                random.nextBytes(message);
            }
            else
            {
                message = Arrays.copyOf(valid, valid.length);
                int at = random.nextInt(message.length);
                if (1 == variant)
                {
                    message[at] = (byte)random.nextInt(256);
                }
                else
                {
                    while (message[at] < '0' || message[at] > '9')
                    {
                        at = random.nextInt(message.length);
                    }
                    message[at] = (byte)('0' + random.nextInt(10));
                }
            }
            handler.onMessage(message, 0, message.length, i);
        }
        final KrakenBookCounters counters = handler.counters();
        assertEquals(20_200, counters.messages());
        assertEquals(200, counters.snapshots());
        assertTrue(counters.checksumsOk() + counters.checksumsFailed() + counters.ignoredWhileNotLive() <= counters.updates());
        assertTrue(counters.checksumsFailed() > 0, "digit swaps keep a valid shape; only the checksum (never right here) catches them");
        assertTrue(counters.malformed() > 6_000, "random bytes are malformed: " + counters.malformed());
        assertTrue(counters.resubscribeRequests() <= 200, "at most one resubscribe per snapshot: " + counters.resubscribeRequests());
    }

    @Test
    void eventsOtherChannelsAndOtherPairsLeaveTheBookLive()
    {
        final KrakenBookHandler handler = handler();
        handler.onMessage("{\"connectionID\":8628615390848610000,\"event\":\"systemStatus\",\"status\":\"online\",\"version\":\"1.0.0\"}", 1);
        handler.onMessage("{\"channelID\":336,\"channelName\":\"book-10\",\"event\":\"subscriptionStatus\",\"pair\":\"XBT/USD\"," +
            "\"status\":\"subscribed\",\"subscription\":{\"depth\":10,\"name\":\"book\"}}", 2);
        handler.onMessage(snapshot(DOC_ASKS, DOC_BIDS), 3);
        handler.onMessage("{\"event\":\"heartbeat\"}", 4);
        handler.onMessage("{\"event\":\"pong\",\"reqid\":42}", 5);
        handler.onMessage("[340,{\"a\":[\"5525.40000\",1,\"1.000\"],\"b\":[\"5525.10000\",1,\"1.000\"],\"c\":[\"5525.10000\",\"0.00398963\"]," +
            "\"v\":[\"2634.11501494\",\"3591.17907851\"]},\"ticker\",\"XBT/USD\"]", 6);
        handler.onMessage("[341,{\"a\":[[\"0.05000\",\"0.10000000\",\"1582905487.684110\"]],\"c\":\"1\"},\"book-10\",\"ETH/USD\"]", 7);
        handler.onMessage("[342,[[\"5541.20000\",\"0.15850568\",\"1534614057.321597\",\"s\",\"l\",\"\"]],\"trade\",\"XBT/USD\"]", 8);
        handler.onMessage("{\"errorMessage\":\"Subscription depth not supported\",\"event\":\"subscriptionStatus\",\"pair\":\"XBT/USD\"," +
            "\"status\":\"error\",\"subscription\":{\"depth\":42,\"name\":\"book\"}}", 9);

        assertEquals(BookState.LIVE, handler.state());
        assertEquals(336, handler.channelId());
        assertEquals(1, handler.counters().heartbeats());
        assertEquals(3, handler.counters().notOurChannel());
        assertEquals(1, handler.counters().subscriptionErrors());
        assertEquals(0, handler.counters().malformed());
        assertEquals(0, resubscribes);
    }

    @Test
    void decimalsNotConfiguredAreDerivedFromTheFirstSnapshot()
    {
        final KrakenBookHandler handler = handler(new KrakenBookContext().pair("XBT/USD").depth(10));
        assertEquals(-1, handler.priceDecimals());
        handler.onMessage(snapshot(List.<String[]>of(level("5541.30000", "2.50700000")), List.<String[]>of(level("5541.20000", "1.52900000"))), 1);
        assertEquals(5, handler.priceDecimals());
        assertEquals(8, handler.lotDecimals());
        assertEquals(554_130_000L, daemonBook.bestAskPrice());
        handler.onMessage(asksUpdate(List.<String[]>of(level("5541.30000", "0.00000000")),
            ReferenceBook.checksum(List.<String[]>of(), List.<String[]>of(level("5541.20000", "1.52900000")))), 2);
        assertEquals(1, handler.counters().checksumsOk());
    }

    @Test
    void crossedBookIsCounted()
    {
        final KrakenBookHandler handler = handler();
        handler.onMessage(snapshot(List.<String[]>of(level("0.05000", VOL)), List.<String[]>of(level("0.05000", VOL))), 1);
        assertEquals(1, handler.counters().crossed());
    }

    @Test
    void subscriptionTextsAreTheDocumentedOnes()
    {
        final KrakenSubscription subscription = new KrakenSubscription(new KrakenBookContext().pair("XBT/USD").depth(10).conclude());
        assertEquals("{\"event\":\"subscribe\",\"pair\":[\"XBT/USD\"],\"subscription\":{\"name\":\"book\",\"depth\":10}}",
            subscription.subscribe());
        assertEquals("{\"event\":\"unsubscribe\",\"pair\":[\"XBT/USD\"],\"subscription\":{\"name\":\"book\",\"depth\":10}}",
            subscription.unsubscribe());
    }

    private static long checksumOf(final List<String[]> asks, final String... bidPrices)
    {
        return ReferenceBook.checksum(asks, levels(VOL, bidPrices));
    }

    private static List<String[]> levels(final String volume, final String... prices)
    {
        final List<String[]> levels = new ArrayList<>();
        for (final String price : prices)
        {
            levels.add(level(price, volume));
        }
        return levels;
    }

    private static List<String> prices(final List<String[]> levels)
    {
        final List<String> prices = new ArrayList<>();
        levels.forEach((l) -> prices.add(l[0]));
        return prices;
    }

    private L2UpdateDecoder lastUpdate()
    {
        final UnsafeBuffer frame = new UnsafeBuffer(frames.get(frames.size() - 1));
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(frame, 0);
        assertEquals(L2UpdateDecoder.TEMPLATE_ID, header.templateId());
        return new L2UpdateDecoder().wrapAndApplyHeader(frame, 0, header);
    }

    private static void assertLevel(
        final L2UpdateDecoder.LevelsDecoder level, final Side side, final L2Action action, final long price, final long quantity)
    {
        assertEquals(side, level.side());
        assertEquals(action, level.action());
        assertEquals(price, level.price());
        assertEquals(quantity, level.quantity());
    }

    private static long[] handlerBids(final KrakenBookHandler handler)
    {
        final long[] levels = new long[2 * handler.bids().size()];
        for (int i = 0; i < handler.bids().size(); i++)
        {
            levels[2 * i] = handler.bids().price(i);
            levels[2 * i + 1] = handler.bids().volume(i);
        }
        return levels;
    }

    private long[] daemonBids()
    {
        final long[] prices = new long[32];
        final long[] quantities = new long[32];
        final int count = daemonBook.bids().levels(prices, quantities, 32);
        final long[] levels = new long[2 * count];
        for (int i = 0; i < count; i++)
        {
            levels[2 * i] = prices[i];
            levels[2 * i + 1] = quantities[i];
        }
        return levels;
    }
}
