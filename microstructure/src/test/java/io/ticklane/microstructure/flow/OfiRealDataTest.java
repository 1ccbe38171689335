package io.ticklane.microstructure.flow;

import io.ticklane.journal.RealData;
import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;
import io.ticklane.orderbook.L2Book;
import io.ticklane.sbe.Side;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OFI on LOBSTER book files (shared/data/README.md, section 1): each row is put into a book and published as one
 * BOOK event; the reference is e_n computed straight from consecutive rows, in LOBSTER's own price units, with the
 * paper's indicator formula written out here. Row layout per level k: ask price, ask size, bid price, bid size.
 */
class OfiRealDataTest
{
    private static final String AAPL_BOOK = "lobster/aapl-l10-first999/AAPL_2012-06-21_34200000_57600000_orderbook_10.csv";
    private static final String AMZN_BOOK = "lobster/AMZN_2012-06-21_34200000_57600000_orderbook_1.csv.gz";
    /** LOBSTER prices are dollars x 10000; the tick is one cent. */
    private static final long UNITS_PER_TICK = 100;

    @Test
    void amznLevel1BestLevelOfiMatchesConsecutiveRowsEventByEventAndSummedOverTheDay() throws IOException
    {
        final List<long[]> rows = read(AMZN_BOOK);
        assertEquals(57_515, rows.size());
        final OfiL1 ofi = new OfiL1("ofi_l1");
        final Replay replay = new Replay(1, ofi);

        long referenceSum = 0;
        double factorSum = 0;
        for (int n = 0; n < rows.size(); n++)
        {
            replay.publish(rows.get(n), n);
            if (0 == n)
            {
                assertTrue(Double.isNaN(ofi.value()));
                continue;
            }
            final long e = levelFlow(rows.get(n - 1), rows.get(n), 0);
            assertEquals(e, ofi.value(), "row " + (n + 1));
            referenceSum += e;
            factorSum += ofi.value();
        }
        assertEquals(referenceSum, factorSum);
    }

    @Test
    void aaplLevel10MultiLevelOfiMatchesConsecutiveRows() throws IOException
    {
        final List<long[]> rows = read(AAPL_BOOK);
        assertEquals(999, rows.size());
        final OfiMultiLevel ofi = new OfiMultiLevel("ofi_ml", 10);
        final OfiL1 best = new OfiL1("ofi_l1");
        final Replay replay = new Replay(10, ofi, best);

        for (int n = 0; n < rows.size(); n++)
        {
            replay.publish(rows.get(n), n);
            if (0 == n)
            {
                continue;
            }
            final long[] before = rows.get(n - 1);
            long flow = 0;
            long depth = 0;
            for (int m = 0; m < 10; m++)
            {
                flow += levelFlow(before, rows.get(n), m);
                depth += before[4 * m + 1] + before[4 * m + 3];
            }
            // D = depth / (2 x 10) lots per level.
            final double expected = flow / (depth / 20.0);
            assertEquals(expected, ofi.value(), Math.abs(expected) * 1e-12, "row " + (n + 1));
            assertEquals(levelFlow(before, rows.get(n), 0), best.value(), "row " + (n + 1));
        }
    }

    /**
     * e_n at level m, straight from two rows: bid up or equal adds the new bid size, bid down or equal removes the
     * old one; ask down or equal removes the new ask size, ask up or equal adds the old one.
     */
    private static long levelFlow(final long[] before, final long[] after, final int m)
    {
        final long askPrev = before[4 * m];
        final long askQPrev = before[4 * m + 1];
        final long bidPrev = before[4 * m + 2];
        final long bidQPrev = before[4 * m + 3];
        final long ask = after[4 * m];
        final long askQ = after[4 * m + 1];
        final long bid = after[4 * m + 2];
        final long bidQ = after[4 * m + 3];
        return (bid >= bidPrev ? bidQ : 0) - (bid <= bidPrev ? bidQPrev : 0)
            - (ask <= askPrev ? askQ : 0) + (ask >= askPrev ? askQPrev : 0);
    }

    private static List<long[]> read(final String relativePath) throws IOException
    {
        final List<long[]> rows = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(RealData.file(relativePath));
            InputStream in = relativePath.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)))
        {
            String line;
            while (null != (line = reader.readLine()))
            {
                final String[] fields = line.split(",");
                final long[] row = new long[fields.length];
                for (int i = 0; i < fields.length; i++)
                {
                    row[i] = Long.parseLong(fields[i].trim());
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * Puts each row into a book, replacing the previous row's levels, and publishes it as a BOOK event.
     */
    private static final class Replay
    {
        private final L2Book book = new L2Book(1);
        private final MarketEvent event = new MarketEvent();
        private final int levels;
        private final Factor[] factors;
        private long[] previous;

        Replay(final int levels, final Factor... factors)
        {
            this.levels = levels;
            this.factors = factors;
        }

        void publish(final long[] row, final long timeNs)
        {
            if (null != previous)
            {
                apply(previous, true);
            }
            apply(row, false);
            previous = row;
            event.book(timeNs, timeNs + 1, book);
            for (final Factor factor : factors)
            {
                factor.onEvent(event);
            }
        }

        private void apply(final long[] row, final boolean clear)
        {
            for (int m = 0; m < levels; m++)
            {
                set(Side.SELL, row[4 * m], clear ? 0 : row[4 * m + 1]);
                set(Side.BUY, row[4 * m + 2], clear ? 0 : row[4 * m + 3]);
            }
        }

        private void set(final Side side, final long price, final long quantity)
        {
            if (Math.abs(price) >= 9_999_999_999L)
            {
                return; // LOBSTER's dummy price of an empty level
            }
            assertEquals(0, price % UNITS_PER_TICK, "price on the cent grid");
            assertTrue(book.setLevel(side, price / UNITS_PER_TICK, quantity), "level fits the ladder");
        }
    }
}
