package io.ticklane.journal.reader.binance;

import io.ticklane.journal.RealData;
import io.ticklane.journal.reader.InputFormatException;
import io.ticklane.sbe.BestBidOfferDecoder;
import io.ticklane.sbe.InstrumentDefinitionDecoder;
import io.ticklane.sbe.L2SnapshotDecoder;
import io.ticklane.sbe.L2UpdateDecoder;
import io.ticklane.sbe.TradeDecoder;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared Binance captures (see shared/data/README.md section 2): expected counts are the README's stream
 * line counts and its "dropped before sync" figures.
 */
class BinanceRealDataTest
{
    private static final String SPOT_0808 = "binance/spot/btcusdt_20240808.gz";
    private static final String SPOT_0809 = "binance/spot/btcusdt_20240809.gz";
    private static final String USDM_0718 = "binance/usdm/btcusdt_20240718.gz";
    private static final String USDM_0719 = "binance/usdm/btcusdt_20240719.gz";
    private static final String USDM_0808 = "binance/usdm/btcusdt_20240808.gz";
    /** The README observes spot quantities with up to 6 decimals; the snapshots only use 5. */
    private static final BigDecimal SPOT_LOT = new BigDecimal("0.000001");

    @Test
    void spotDayDropsTwoUpdatesBeforeSyncAndEmitsEveryLine()
    {
        final DecodedMessages messages = new DecodedMessages().countOnly();
        try (BinanceCaptureReader reader = read(BinanceMarket.SPOT, SPOT_LOT, messages, SPOT_0808))
        {
            assertEquals("tick=0.01 (inferred from snapshot at " + RealData.file(SPOT_0808) + ":8) lot=0.000001 (given)",
                reader.tickLotSizes().toString());
            assertEquals(41_249, reader.counters().lines());
            assertEquals(2, reader.counters().droppedBeforeSync());
            assertEquals(0, reader.counters().gaps());
        }
        assertCounts(messages, 3_451 - 2, 1, 28_040, 9_757);
    }

    @Test
    void spotLotIsInferredFromTheWrittenPrecisionSoDiffsFinerThanTheSnapshotStillFit()
    {
        // The snapshot's quantities use at most 5 decimals, but line 1886 carries 25.42618900 (6): the lot comes
        // from the 8 decimals Binance spot writes, not from the values the snapshot happens to hold.
        final Path file = RealData.file(SPOT_0808);
        final DecodedMessages messages = new DecodedMessages().countOnly();
        try (BinanceCaptureReader reader = new BinanceCaptureReader(new BinanceCaptureReader.Context()
            .market(BinanceMarket.SPOT).files(List.of(file))))
        {
            assertEquals("tick=0.01 lot=0.00000001 (inferred from snapshot at " + file + ":8)",
                reader.tickLotSizes().toString());
            reader.readAll(messages);
            assertEquals(0, reader.counters().gaps());
        }
        assertCounts(messages, 3_451 - 2, 1, 28_040, 9_757);
    }

    @Test
    void marketIsDetectedFromTheFirstDepthMessage()
    {
        final MarketDetection detection = new MarketDetection();
        assertEquals(BinanceMarket.SPOT, detection.detect(List.of(RealData.file(SPOT_0808))));
        assertEquals(BinanceMarket.SPOT, detection.detect(List.of(RealData.file("binance/spot/btcusdt_20240809.gz"))));
        assertEquals(BinanceMarket.USDM_FUTURES, detection.detect(List.of(RealData.file(USDM_0808))));
        assertEquals(BinanceMarket.USDM_FUTURES, detection.detect(List.of(RealData.file(USDM_0718))));
    }

    @Test
    void usdmDayDropsFourUpdatesBeforeSync()
    {
        final DecodedMessages messages = new DecodedMessages().countOnly();
        try (BinanceCaptureReader reader = read(BinanceMarket.USDM_FUTURES, null, messages, USDM_0808))
        {
            assertEquals("0.1", reader.tickLotSizes().tickSize().toPlainString());
            assertEquals("0.001", reader.tickLotSizes().lotSize().toPlainString());
            assertEquals(55, reader.tickLotSizes().line());
            assertEquals(4, reader.counters().droppedBeforeSync());
            assertEquals(0, reader.counters().gaps());
        }
        assertCounts(messages, 6_551 - 4, 1, 66_089, 21_313);
    }

    @Test
    void usdmJulyDayDropsFiveUpdatesBeforeSync()
    {
        final DecodedMessages messages = new DecodedMessages().countOnly();
        try (BinanceCaptureReader reader = read(BinanceMarket.USDM_FUTURES, null, messages, USDM_0718))
        {
            assertEquals(14, reader.tickLotSizes().line());
            assertEquals(5, reader.counters().droppedBeforeSync());
            assertEquals(0, reader.counters().gaps());
        }
        assertCounts(messages, 3_326 - 5, 1, 7_113, 974);
    }

    @Test
    void spotNextDayContinuesThePreviousFileWithoutGaps()
    {
        final DecodedMessages messages = new DecodedMessages().countOnly();
        try (BinanceCaptureReader reader = read(BinanceMarket.SPOT, SPOT_LOT, messages, SPOT_0808, SPOT_0809))
        {
            assertEquals(0, reader.counters().gaps());
            assertEquals(0, reader.counters().pendingUpdates());
            assertEquals(41_249 + 58_325, reader.counters().lines());
        }
        assertCounts(messages, 3_451 + 3_044 - 2, 1, 28_040 + 45_134, 9_757 + 10_147);
    }

    @Test
    void usdmNextDayContinuesThePreviousFileWithoutGaps()
    {
        final DecodedMessages messages = new DecodedMessages().countOnly();
        try (BinanceCaptureReader reader = read(BinanceMarket.USDM_FUTURES, null, messages, USDM_0718, USDM_0719))
        {
            assertEquals(0, reader.counters().gaps());
            assertEquals(0, reader.counters().pendingUpdates());
        }
        assertCounts(messages, 3_326 + 5_696 - 5, 1, 7_113 + 45_147, 974 + 9_727);
    }

    @Test
    void givenSizesMatchingTheDataGiveTheSameMessages()
    {
        final DecodedMessages inferred = new DecodedMessages();
        read(BinanceMarket.USDM_FUTURES, null, inferred, USDM_0718).close();
        final DecodedMessages given = new DecodedMessages();
        try (BinanceCaptureReader reader = new BinanceCaptureReader(new BinanceCaptureReader.Context()
            .market(BinanceMarket.USDM_FUTURES).files(List.of(RealData.file(USDM_0718)))
            .tickSize(new BigDecimal("0.1")).lotSize(new BigDecimal("0.001"))))
        {
            reader.readAll(given);
            assertFalse(reader.tickLotSizes().inferred());
        }
        assertEquals(inferred.lines, given.lines);
    }

    private static BinanceCaptureReader read(
        final BinanceMarket market, final BigDecimal lot, final DecodedMessages messages, final String... files)
    {
        final List<Path> paths = Arrays.stream(files).map(RealData::file).toList();
        final BinanceCaptureReader reader = new BinanceCaptureReader(new BinanceCaptureReader.Context()
            .market(market).files(paths).lotSize(lot));
        final long lines = reader.readAll(messages);
        assertEquals(reader.counters().lines(), lines);
        assertTrue(reader.isEndOfStream());
        return reader;
    }

    private static void assertCounts(
        final DecodedMessages messages, final int updates, final int snapshots, final int bookTickers, final int trades)
    {
        assertEquals(1, messages.count(InstrumentDefinitionDecoder.TEMPLATE_ID));
        assertEquals(snapshots, messages.count(L2SnapshotDecoder.TEMPLATE_ID));
        assertEquals(updates, messages.count(L2UpdateDecoder.TEMPLATE_ID));
        assertEquals(bookTickers, messages.count(BestBidOfferDecoder.TEMPLATE_ID));
        assertEquals(trades, messages.count(TradeDecoder.TEMPLATE_ID));
        assertEquals(0, messages.sequenceBreaks, "every L2Update's prevSequence is the sequence before it");
        for (int i = 1; i < messages.tradeIds.size(); i++)
        {
            assertEquals(messages.tradeIds.get(i - 1) + 1, messages.tradeIds.get(i), "trade ids contiguous at trade " + i);
        }
    }
}
