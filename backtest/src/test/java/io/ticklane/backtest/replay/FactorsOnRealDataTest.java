package io.ticklane.backtest.replay;

import io.ticklane.microstructure.catalogue.FactorCatalogue;
import io.ticklane.journal.RealData;
import io.ticklane.microstructure.FactorEngine;
import io.ticklane.microstructure.FactorSnapshot;
import io.ticklane.orderbook.OrderBook;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every default factor on real data through the real path: reader → SBE frames → book → factor engine. Checks
 * what can be checked independently: best-level OFI summed over the day equals the sum computed straight from the
 * LOBSTER orderbook rows; VPIN stays in [0, 1]; nothing is infinite.
 */
class FactorsOnRealDataTest
{
    private static final String AMZN = "lobster/AMZN_2012-06-21_34200000_57600000_";

    @Test
    void amznLevel5BestLevelOfiSumEqualsTheSumFromConsecutiveBookRows() throws IOException
    {
        final Observed observed = new Observed();
        final String summary = ReplaySource.resolve(List.of(RealData.file(AMZN + "message_5.csv.gz")), null, null)
            .replay(observed::engineFor, (records) -> { });
        assertTrue(summary.contains("mismatches=0"), summary);

        // Reference: e_n (Cont, Kukanov & Stoikov 2014) between consecutive orderbook rows, rows 1..N.
        long reference = 0;
        long[] previous = null;
        try (BufferedReader rows = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(java.nio.file.Files.newInputStream(RealData.file(AMZN + "orderbook_5.csv.gz"))),
            StandardCharsets.US_ASCII)))
        {
            String line;
            while (null != (line = rows.readLine()))
            {
                final String[] f = line.split(",");
                final long[] top = { Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]) };
                if (null != previous)
                {
                    reference += ofi(previous, top);
                }
                previous = top;
            }
        }

        // The engine's first defined ofi_l1 is message 1 against the seeded book before it: not a row pair.
        assertEquals(reference, observed.ofiSum - observed.firstOfi, 0.0);
        assertTrue(observed.vpinDefined > 0, "VPIN warmed up on a full day");
        assertEquals(0, observed.vpinOutOfRange, "VPIN outside [0, 1]");
        assertEquals(0, observed.infinite, "infinite factor values: " + observed.infiniteIds);
    }

    @Test
    void binanceFuturesTwoDaysKeepEveryFactorFiniteAndVpinInRange()
    {
        final Observed observed = new Observed();
        final String summary = ReplaySource.resolve(List.of(
            RealData.file("binance/usdm/btcusdt_20240718.gz"), RealData.file("binance/usdm/btcusdt_20240719.gz")), null, null)
            .replay(observed::engineFor, (records) -> { });

        assertTrue(summary.contains("gaps=0") && summary.contains("top_mismatches=0"), summary);
        assertTrue(observed.vpinDefined > 0, "VPIN warmed up");
        assertEquals(0, observed.vpinOutOfRange, "VPIN outside [0, 1]");
        assertEquals(0, observed.infinite, "infinite factor values: " + observed.infiniteIds);
    }

    private static long ofi(final long[] before, final long[] after)
    {
        // row layout: ask price, ask size, bid price, bid size
        final long askBefore = before[0];
        final long askSizeBefore = before[1];
        final long bidBefore = before[2];
        final long bidSizeBefore = before[3];
        final long ask = after[0];
        final long askSize = after[1];
        final long bid = after[2];
        final long bidSize = after[3];
        return (bid >= bidBefore ? bidSize : 0) - (bid <= bidBefore ? bidSizeBefore : 0) -
            (ask <= askBefore ? askSize : 0) + (ask >= askBefore ? askSizeBefore : 0);
    }

    /**
     * Runs the engine observing the replay's book and watches the values after each event.
     */
    private static final class Observed
    {
        double ofiSum;
        double firstOfi = Double.NaN;
        long vpinDefined;
        long vpinOutOfRange;
        long infinite;
        final StringBuilder infiniteIds = new StringBuilder();

        org.agrona.concurrent.MessageHandler engineFor(final OrderBook book)
        {
            final FactorEngine engine = FactorEngine.observing(book, FactorCatalogue.standard().createAll());
            final FactorSnapshot snapshot = engine.snapshot();
            final int ofi = snapshot.indexOf("ofi_l1");
            final int vpin = snapshot.indexOf("vpin");
            final long[] seen = new long[1];
            return (msgTypeId, buffer, index, length) ->
            {
                engine.onMessage(msgTypeId, buffer, index, length);
                if (snapshot.events() == seen[0])
                {
                    return;
                }
                seen[0] = snapshot.events();
                final double e = snapshot.value(ofi);
                if (!Double.isNaN(e))
                {
                    if (Double.isNaN(firstOfi))
                    {
                        firstOfi = e;
                    }
                    ofiSum += e;
                }
                final double v = snapshot.value(vpin);
                if (!Double.isNaN(v))
                {
                    vpinDefined++;
                    vpinOutOfRange += v < 0 || v > 1 ? 1 : 0;
                }
                for (int i = 0; i < snapshot.size(); i++)
                {
                    if (Double.isInfinite(snapshot.value(i)))
                    {
                        if (0 == infinite++)
                        {
                            infiniteIds.append(snapshot.id(i));
                        }
                    }
                }
            };
        }
    }
}
