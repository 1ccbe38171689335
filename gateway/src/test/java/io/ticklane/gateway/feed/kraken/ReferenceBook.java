package io.ticklane.gateway.feed.kraken;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * A deliberately different implementation of Kraken's documented book rules for the tests: BigDecimal keys, the
 * venue's strings kept as strings, truncation after each level, and the checksum built as a String exactly as the
 * documentation words it (remove '.', strip leading zeros, concatenate top 10 asks then top 10 bids).
 */
final class ReferenceBook
{
    private final int depth;
    private final TreeMap<BigDecimal, String[]> asks = new TreeMap<>();
    private final TreeMap<BigDecimal, String[]> bids = new TreeMap<>(Comparator.reverseOrder());

    ReferenceBook(final int depth)
    {
        this.depth = depth;
    }

    void clear()
    {
        asks.clear();
        bids.clear();
    }

    void ask(final String price, final String volume)
    {
        apply(asks, price, volume);
    }

    void bid(final String price, final String volume)
    {
        apply(bids, price, volume);
    }

    private void apply(final TreeMap<BigDecimal, String[]> side, final String price, final String volume)
    {
        final BigDecimal key = new BigDecimal(price);
        if (new BigDecimal(volume).signum() == 0)
        {
            side.remove(key);
            return;
        }
        side.put(key, new String[] { price, volume });
        while (side.size() > depth)
        {
            side.pollLastEntry();
        }
    }

    List<String[]> asks()
    {
        return new ArrayList<>(asks.values());
    }

    List<String[]> bids()
    {
        return new ArrayList<>(bids.values());
    }

    long checksum()
    {
        return checksum(asks(), bids());
    }

    static String checksumText(final List<String[]> asksBestFirst, final List<String[]> bidsBestFirst)
    {
        final StringBuilder text = new StringBuilder();
        append(text, asksBestFirst);
        append(text, bidsBestFirst);
        return text.toString();
    }

    static long checksum(final List<String[]> asksBestFirst, final List<String[]> bidsBestFirst)
    {
        final CRC32 crc = new CRC32();
        crc.update(checksumText(asksBestFirst, bidsBestFirst).getBytes(StandardCharsets.US_ASCII));
        return crc.getValue();
    }

    private static void append(final StringBuilder text, final List<String[]> side)
    {
        for (int i = 0; i < Math.min(10, side.size()); i++)
        {
            text.append(strip(side.get(i)[0])).append(strip(side.get(i)[1]));
        }
    }

    static String strip(final String decimal)
    {
        return decimal.replace(".", "").replaceFirst("^0+", "");
    }
}
