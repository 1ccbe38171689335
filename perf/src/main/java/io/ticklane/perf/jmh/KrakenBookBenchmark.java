package io.ticklane.perf.jmh;

import io.ticklane.gateway.feed.kraken.KrakenBookContext;
import io.ticklane.gateway.feed.kraken.KrakenBookCounters;
import io.ticklane.gateway.feed.kraken.KrakenBookHandler;
import io.ticklane.orderbook.BookState;
import org.agrona.MutableDirectBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * Kraken v1 book: cost of one update message from the bytes (or the String a WebSocket listener gets) to the
 * published SBE L2Update: Jackson streaming parse, grid conversion, apply with depth truncation, CRC32 checksum over
 * the top 10 levels, encode. The stream is a depth-10 book with one- and two-level updates (volume changes, deletes
 * and the republish that brings the level back), built so it returns to its start and can be replayed forever; its
 * checksums are computed here independently (strings and {@link CRC32}) and checked once in setup.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.NANOSECONDS)
public class KrakenBookBenchmark
{
    private static final int PAIRS = 512;
    private static final int DEPTH = 10;
    private static final String TAIL = ",\"book-10\",\"XBT/USD\"]";
    private static final String TIME = "\"1700000000.123456\"";

    private KrakenBookHandler handler;
    private byte[][] updates;
    private String[] texts;
    private int next;
    private long receiveTimeNs;
    private long publishedBytes;

    /**
     * Builds the stream and the handler, replays the stream once and refuses to run unless every checksum held.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        final long[] askPrices = new long[DEPTH];
        final long[] bidPrices = new long[DEPTH];
        final long[] askVolumes = new long[DEPTH];
        final long[] bidVolumes = new long[DEPTH];
        final Random random = new Random(42);
        for (int i = 0; i < DEPTH; i++)
        {
            askPrices[i] = 4_300_010 + 10L * i;
            bidPrices[i] = 4_300_000 - 10L * i;
            askVolumes[i] = 1 + random.nextInt(500_000_000);
            bidVolumes[i] = 1 + random.nextInt(500_000_000);
        }
        final List<String> messages = new ArrayList<>();
        for (int pair = 0; pair < PAIRS; pair++)
        {
            final boolean bid = random.nextBoolean();
            final long[] prices = bid ? bidPrices : askPrices;
            final long[] volumes = bid ? bidVolumes : askVolumes;
            final int level = random.nextInt(DEPTH);
            final long original = volumes[level];
            if (random.nextBoolean())
            {
                volumes[level] = 1 + random.nextInt(500_000_000);
                messages.add(update(bid, level(prices[level], volumes[level], false), askPrices, askVolumes, bidPrices, bidVolumes));
            }
            else
            {
                volumes[level] = 0;
                messages.add(update(bid, level(prices[level], 0, false), askPrices, askVolumes, bidPrices, bidVolumes));
            }
            volumes[level] = original;
            messages.add(update(bid, level(prices[level], original, true), askPrices, askVolumes, bidPrices, bidVolumes));
        }
        updates = new byte[messages.size()][];
        texts = new String[messages.size()];
        for (int i = 0; i < messages.size(); i++)
        {
            texts[i] = messages.get(i);
            updates[i] = texts[i].getBytes(StandardCharsets.UTF_8);
        }

        handler = new KrakenBookHandler(new KrakenBookContext().pair("XBT/USD").depth(DEPTH).priceDecimals(1).lotDecimals(8),
            this::onFrame, () ->
            {
                throw new IllegalStateException("the benchmark stream must never fail a checksum");
            });
        final StringBuilder snapshot = new StringBuilder("[1,{\"as\":[");
        appendLevels(snapshot, askPrices, askVolumes);
        snapshot.append("],\"bs\":[");
        appendLevels(snapshot, bidPrices, bidVolumes);
        snapshot.append("]}").append(TAIL);
        handler.onMessage(snapshot, 0);
        for (final byte[] update : updates)
        {
            handler.onMessage(update, 0, update.length, 1);
        }
        final KrakenBookCounters counters = handler.counters();
        if (BookState.LIVE != handler.state() || counters.checksumsOk() != updates.length)
        {
            throw new IllegalStateException("stream does not verify: " + counters.summaryLine() + " " + handler.lastProblem());
        }
    }

    /**
     * Checks nothing went STALE while measuring (the resubscriber would have thrown anyway).
     */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        if (BookState.LIVE != handler.state() || 0 != handler.counters().checksumsFailed())
        {
            throw new IllegalStateException("book went " + handler.state() + ": " + handler.lastProblem());
        }
    }

    /**
     * One update message, UTF-8 bytes to SBE frame.
     *
     * @return bytes published so far, so the work cannot be eliminated.
     */
    @Benchmark
    public long updateFromBytes()
    {
        final byte[] update = updates[next];
        next = next + 1 == updates.length ? 0 : next + 1;
        handler.onMessage(update, 0, update.length, ++receiveTimeNs);
        return publishedBytes;
    }

    /**
     * One update message from a String (what the JDK WebSocket listener hands over) to SBE frame.
     *
     * @return bytes published so far.
     */
    @Benchmark
    public long updateFromText()
    {
        final String text = texts[next];
        next = next + 1 == texts.length ? 0 : next + 1;
        handler.onMessage(text, ++receiveTimeNs);
        return publishedBytes;
    }

    private void onFrame(final int templateId, final MutableDirectBuffer buffer, final int offset, final int length)
    {
        publishedBytes += length + buffer.getByte(offset);
    }

    private static String level(final long price, final long volume, final boolean republished)
    {
        return "[\"" + decimal(price, 1) + "\",\"" + decimal(volume, 8) + "\"," + TIME + (republished ? ",\"r\"]" : "]");
    }

    private static String update(
        final boolean bid,
        final String level,
        final long[] askPrices,
        final long[] askVolumes,
        final long[] bidPrices,
        final long[] bidVolumes)
    {
        final StringBuilder checksumText = new StringBuilder();
        appendChecksum(checksumText, askPrices, askVolumes);
        appendChecksum(checksumText, bidPrices, bidVolumes);
        final CRC32 crc = new CRC32();
        crc.update(checksumText.toString().getBytes(StandardCharsets.US_ASCII));
        return "[1,{\"" + (bid ? "b" : "a") + "\":[" + level + "],\"c\":\"" + crc.getValue() + "\"}" + TAIL;
    }

    private static void appendChecksum(final StringBuilder text, final long[] prices, final long[] volumes)
    {
        for (int i = 0; i < prices.length; i++)
        {
            if (volumes[i] > 0)
            {
                text.append(strip(decimal(prices[i], 1))).append(strip(decimal(volumes[i], 8)));
            }
        }
    }

    private static void appendLevels(final StringBuilder text, final long[] prices, final long[] volumes)
    {
        for (int i = 0; i < prices.length; i++)
        {
            text.append(i > 0 ? "," : "").append(level(prices[i], volumes[i], false));
        }
    }

    private static String strip(final String decimal)
    {
        return decimal.replace(".", "").replaceFirst("^0+", "");
    }

    private static String decimal(final long units, final int decimals)
    {
        final StringBuilder text = new StringBuilder(Long.toString(units));
        while (text.length() <= decimals)
        {
            text.insert(0, '0');
        }
        return text.insert(text.length() - decimals, '.').toString();
    }
}
