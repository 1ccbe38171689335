package io.ticklane.gateway.sim.exchange;

import io.ticklane.orderbook.BookFeed;
import io.ticklane.orderbook.BookState;
import io.ticklane.orderbook.L2Book;
import io.ticklane.orderbook.PriceLadder;
import io.ticklane.sbe.AggressorSide;
import io.ticklane.sbe.InstrumentDefinitionDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TradeDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class SyntheticMarketTest
{
    private static final long NS = 1_000_000_000L;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[8192]);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final TradeDecoder trade = new TradeDecoder();

    @Test
    void aBookFedItsFramesStaysLiveAndMatchesItsTopOfBookForAMillionEvents()
    {
        final SyntheticMarket market = new SyntheticMarket(new SyntheticMarketContext().seed(7));
        final L2Book book = new L2Book(market.instrumentId(), 1024);
        final BookFeed feed = new BookFeed(book);
        long trades = 0;
        long tradedAtTouch = 0;
        long previousBid = 0;
        long previousAsk = 0;
        while (market.events() < 1_000_000)
        {
            final int length = market.writeNext(buffer, 0);
            header.wrap(buffer, 0);
            if (TradeDecoder.TEMPLATE_ID == header.templateId())
            {
                trade.wrap(buffer, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
                trades++;
                // a market order takes the best level of the side it hits, as the book shows it before the update
                final long touch = AggressorSide.BUY == trade.aggressorSide() ? previousAsk : previousBid;
                tradedAtTouch += trade.priceUnits() == touch ? 1 : 0;
                continue;
            }
            feed.onMessage(header.templateId(), buffer, 0, length);
            if (InstrumentDefinitionDecoder.TEMPLATE_ID == header.templateId())
            {
                continue;
            }
            assertEquals(BookState.LIVE, book.state(), () -> "book went " + book.staleReason() + " at event " + market.events());
            assertEquals(market.bestBidPrice(), book.bestBidPrice());
            assertEquals(market.bestAskPrice(), book.bestAskPrice());
            assertEquals(market.quantity(Side.BUY, market.bestBidPrice()), book.bids().bestQuantity());
            assertEquals(market.quantity(Side.SELL, market.bestAskPrice()), book.asks().bestQuantity());
            assertTrue(book.bestBidPrice() < book.bestAskPrice(), "the book never crosses or locks");
            assertTrue(book.bids().levelCount() >= 5 && book.asks().levelCount() >= 5, "a few levels each side");
            if (0 == market.events() % 10_000)
            {
                assertSameLevels(market, book.bids(), Side.BUY);
                assertSameLevels(market, book.asks(), Side.SELL);
            }
            previousBid = book.bestBidPrice();
            previousAsk = book.bestAskPrice();
        }
        assertEquals(market.trades(), trades);
        assertEquals(trades, tradedAtTouch, "every print is at the touch it takes");
        assertTrue(trades > 30_000, "market orders are about 5% of events: " + trades);
        assertEquals(0, book.gapCount());
        assertEquals(0, book.bids().droppedLevels() + book.asks().droppedLevels() + book.bids().refusedLevels() +
            book.asks().refusedLevels());
    }

    @Test
    void aNarrowWindowDeletesTheFarLevelsInTheSameUpdate()
    {
        // A wild fair mid and an 8-tick window: levels left behind must go, and the consumer must see them go.
        final SyntheticMarket market = new SyntheticMarket(new SyntheticMarketContext().seed(3).windowTicks(8)
            .maxDistanceTicks(4).minLevels(2).sigmaTicksPerSqrtSecond(200).targetDepthLots(2_000));
        final L2Book book = new L2Book(market.instrumentId(), 8);
        final BookFeed feed = new BookFeed(book);
        while (market.events() < 200_000)
        {
            final int length = market.writeNext(buffer, 0);
            header.wrap(buffer, 0);
            feed.onMessage(header.templateId(), buffer, 0, length);
            if (InstrumentDefinitionDecoder.TEMPLATE_ID == header.templateId() || TradeDecoder.TEMPLATE_ID == header.templateId())
            {
                continue; // a trade comes before the update that removes its lots
            }
            assertEquals(BookState.LIVE, book.state());
            assertEquals(market.bestBidPrice(), book.bestBidPrice());
            assertEquals(market.bestAskPrice(), book.bestAskPrice());
            assertTrue(book.bestBidPrice() < book.bestAskPrice());
            final PriceLadder bids = book.bids();
            assertTrue(bids.bestPrice() - bids.priceAtLevel(bids.levelCount() - 1) < 8, "a side spans less than the window");
        }
        assertEquals(0, book.bids().droppedLevels() + book.asks().droppedLevels() + book.bids().refusedLevels() +
            book.asks().refusedLevels(), "the generator deletes far levels itself: the ladder never has to");
        assertSameLevels(market, book.bids(), Side.BUY);
        assertSameLevels(market, book.asks(), Side.SELL);
    }

    @Test
    void eventsArriveAtTheConfiguredRate()
    {
        // N(T) of a Poisson process of rate R is Poisson(RT): mean RT, standard deviation sqrt(RT).
        final double rate = 20_000;
        final long horizonNs = 100 * NS;
        final SyntheticMarket market = new SyntheticMarket(new SyntheticMarketContext().seed(11).eventsPerSecond(rate));
        long events = 0;
        while (market.nextTimeNs() <= horizonNs)
        {
            final long before = market.events();
            market.writeNext(buffer, 0);
            events += market.events() - before;
        }
        final double expected = rate * horizonNs / NS;
        assertTrue(Math.abs(events - expected) < 3 * Math.sqrt(expected),
            "events in 100 s: " + events + ", expected " + expected + " ± " + 3 * Math.sqrt(expected));
    }

    @Test
    void theFairMidVarianceOverAHorizonIsSigmaSquaredT()
    {
        // Sample the fair mid at the first event after each 1 s boundary; each increment over the exact time between
        // samples, divided by sigma·sqrt(dt), is N(0, 1) (a sum of independent Gaussian steps). The mean of n squares
        // of N(0, 1) has standard deviation sqrt(2/n): with n = 2000 that is 0.032, and 4 of those (0.13) is the
        // tolerance, so a correct generator fails with probability ~1e-4 while a sigma off by 7% fails.
        final double sigma = 2.0;
        final int windows = 2_000;
        final SyntheticMarket market = new SyntheticMarket(new SyntheticMarketContext().seed(5).eventsPerSecond(500)
            .marketOrdersPerSecond(50).sigmaTicksPerSqrtSecond(sigma));
        final double[] fair = new double[windows + 1];
        final long[] atNs = new long[windows + 1];
        final double[] bookMid = new double[windows + 1];
        int sampled = 0;
        while (sampled <= windows)
        {
            market.writeNext(buffer, 0);
            if (market.timeNs() >= sampled * NS && market.nextTimeNs() > market.timeNs())
            {
                fair[sampled] = market.fairMidTicks();
                atNs[sampled] = market.timeNs();
                bookMid[sampled] = (market.bestBidPrice() + market.bestAskPrice()) / 2.0;
                sampled++;
            }
        }
        double sumSquares = 0;
        double bookSquares = 0;
        double elapsed = 0;
        double errorSquares = 0;
        for (int i = 1; i <= windows; i++)
        {
            final double dt = (atNs[i] - atNs[i - 1]) / (double)NS;
            final double z = (fair[i] - fair[i - 1]) / (sigma * Math.sqrt(dt));
            sumSquares += z * z;
            final double move = bookMid[i] - bookMid[i - 1];
            bookSquares += move * move;
            elapsed += dt;
            final double error = bookMid[i] - fair[i];
            errorSquares += error * error;
        }
        final double fairRatio = sumSquares / windows;
        assertTrue(Math.abs(fairRatio - 1) < 4 * Math.sqrt(2.0 / windows), "fair mid variance / sigma^2 t: " + fairRatio);

        // The published mid is the fair mid plus a bounded error e: Var(mid move) = sigma^2 t + 2 Var(e) (1 - rho).
        // So its ratio may exceed 1 by up to 2 E[e^2] / (sigma^2 t), on top of the same sampling tolerance.
        final double bookRatio = bookSquares / (sigma * sigma * elapsed);
        final double bias = 2 * (errorSquares / windows) / (sigma * sigma * elapsed / windows);
        assertTrue(bookRatio > 1 - 4 * Math.sqrt(2.0 / windows) && bookRatio < 1 + bias + 4 * Math.sqrt(2.0 / windows) * (1 + bias),
            "book mid variance / sigma^2 t: " + bookRatio + " (error allowance " + bias + ")");
        assertTrue(bias < 0.5, "the book follows the fair mid closely: 2 E[e^2] / sigma^2 t = " + bias);
    }

    @Test
    void oneSeedGivesTheSameBytesAndAnotherSeedOthers()
    {
        final SyntheticMarket first = new SyntheticMarket(new SyntheticMarketContext().seed(42));
        final SyntheticMarket second = new SyntheticMarket(new SyntheticMarketContext().seed(42));
        final SyntheticMarket other = new SyntheticMarket(new SyntheticMarketContext().seed(43));
        final UnsafeBuffer secondBuffer = new UnsafeBuffer(new byte[8192]);
        final UnsafeBuffer otherBuffer = new UnsafeBuffer(new byte[8192]);
        int differing = 0;
        for (int i = 0; i < 200_000; i++)
        {
            assertEquals(first.nextTimeNs(), second.nextTimeNs());
            final int length = first.writeNext(buffer, 0);
            assertEquals(length, second.writeNext(secondBuffer, 0));
            for (int b = 0; b < length; b++)
            {
                if (buffer.getByte(b) != secondBuffer.getByte(b))
                {
                    fail("frame " + i + " differs at byte " + b);
                }
            }
            final int otherLength = other.writeNext(otherBuffer, 0);
            differing += otherLength != length || !Arrays.equals(bytes(buffer, length), bytes(otherBuffer, otherLength)) ? 1 : 0;
        }
        assertTrue(differing > 190_000, "another seed is another market: " + differing);
    }

    @Test
    void aLateJoinerSyncsFromASnapshot()
    {
        final SyntheticMarket market = new SyntheticMarket(new SyntheticMarketContext().seed(9));
        for (int i = 0; i < 50_000; i++)
        {
            market.writeNext(buffer, 0);
        }
        final L2Book book = new L2Book(market.instrumentId(), 1024);
        final BookFeed feed = new BookFeed(book);
        int length = market.writeDefinition(buffer, 0);
        header.wrap(buffer, 0);
        feed.onMessage(header.templateId(), buffer, 0, length);
        length = market.writeSnapshot(buffer, 0);
        header.wrap(buffer, 0);
        feed.onMessage(header.templateId(), buffer, 0, length);
        for (int i = 0; i < 50_000; i++)
        {
            length = market.writeNext(buffer, 0);
            header.wrap(buffer, 0);
            feed.onMessage(header.templateId(), buffer, 0, length);
        }
        assertEquals(BookState.LIVE, book.state());
        assertSameLevels(market, book.bids(), Side.BUY);
        assertSameLevels(market, book.asks(), Side.SELL);
        assertTrue(market.writeSnapshot(buffer, 0) <= market.maxFrameLength());
    }

    @Test
    void aMillionEventsAllocateNothing()
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final SyntheticMarket market = new SyntheticMarket(new SyntheticMarketContext().seed(1));
        run(market, 500_000);
        final long[] windows = new long[3];
        for (int i = 0; i < windows.length && (0 == i || 0 != windows[i - 1]); i++)
        {
            final long id = Thread.currentThread().getId();
            threads.getThreadAllocatedBytes(id);
            final long first = threads.getThreadAllocatedBytes(id);
            final long overhead = threads.getThreadAllocatedBytes(id) - first;
            final long before = threads.getThreadAllocatedBytes(id);
            run(market, 1_000_000);
            windows[i] = threads.getThreadAllocatedBytes(id) - before - overhead;
        }
        for (final long window : windows)
        {
            if (0 == window)
            {
                return;
            }
        }
        fail("bytes allocated per window of a million events: " + Arrays.toString(windows));
    }

    @Test
    void aBadSettingIsNamed()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> new SyntheticMarket(new SyntheticMarketContext().eventsPerSecond(100).marketOrdersPerSecond(100)));
        assertTrue(ex.getMessage().startsWith("marketOrdersPerSecond"), ex.getMessage());
        assertNotEquals(null, assertThrows(IllegalArgumentException.class,
            () -> new SyntheticMarketContext().windowTicks(48).conclude()));
    }

    private void run(final SyntheticMarket market, final long events)
    {
        final long end = market.events() + events;
        while (market.events() < end)
        {
            market.writeNext(buffer, 0);
        }
    }

    private static byte[] bytes(final UnsafeBuffer source, final int length)
    {
        final byte[] copy = new byte[length];
        source.getBytes(0, copy);
        return copy;
    }

    private static void assertSameLevels(final SyntheticMarket market, final PriceLadder ladder, final Side side)
    {
        assertEquals(market.levels(side), ladder.levelCount());
        long total = 0;
        for (int level = 0; level < ladder.levelCount(); level++)
        {
            final long price = ladder.priceAtLevel(level);
            assertEquals(market.quantity(side, price), ladder.quantity(price), "level " + level + " at " + price);
            total += ladder.quantity(price);
        }
        assertEquals(market.depth(side), total);
    }
}
