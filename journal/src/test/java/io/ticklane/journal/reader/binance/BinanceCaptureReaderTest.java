package io.ticklane.journal.reader.binance;

import io.ticklane.journal.reader.InputFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static io.ticklane.journal.reader.binance.CaptureFiles.futuresDepth;
import static io.ticklane.journal.reader.binance.CaptureFiles.futuresSnapshot;
import static io.ticklane.journal.reader.binance.CaptureFiles.gzip;
import static io.ticklane.journal.reader.binance.CaptureFiles.spotDepth;
import static io.ticklane.journal.reader.binance.CaptureFiles.spotSnapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BinanceCaptureReaderTest
{
    private static final String BOOK = "[[\"100.00\",\"2.000\"],[\"99.99\",\"0.500\"]]";
    private static final String ASKS = "[[\"100.01\",\"1.250\"]]";

    @TempDir
    Path dir;

    @Test
    void firstApplicableUpdateWrittenBeforeTheSnapshotIsBufferedAndApplied() throws IOException
    {
        final Path file = gzip(dir, "spot.gz",
            spotDepth(1000, 90, 95, "[[\"99.98\",\"1.000\"]]", "[]"),
            spotDepth(1001, 96, 103, "[[\"99.99\",\"0\"]]", "[[\"100.02\",\"3.5\"]]"),
            spotSnapshot(1002, 100, BOOK, ASKS),
            spotDepth(1003, 104, 106, "[[\"100.00\",\"2.5\"]]", "[]"));

        final DecodedMessages messages = new DecodedMessages();
        final BinanceCaptureReader reader = spot(file);
        reader.readAll(messages);

        assertEquals(List.of(
            "Definition BTCUSDT id=7 price=1e-2 qty=1e-3",
            "Snapshot seq=100 ex=0 rx=1002 BUY 10000x2000 BUY 9999x500 SELL 10001x1250",
            "Update seq=103 prev=100 ex=1700000000123000000 rx=1001 BUY DELETE 9999x0 SELL CHANGE 10002x3500",
            "Update seq=106 prev=103 ex=1700000000123000000 rx=1003 BUY CHANGE 10000x2500"), messages.lines);
        assertEquals(3, reader.counters().depthUpdates());
        assertEquals(1, reader.counters().droppedBeforeSync());
        assertEquals(0, reader.counters().gaps());
        assertEquals(1, reader.counters().snapshotsApplied());
        assertEquals(0, reader.counters().pendingUpdates());
        reader.close();
    }

    @Test
    void staleUpdatesAfterTheSnapshotAreDroppedUntilOneBridgesIt() throws IOException
    {
        final Path file = gzip(dir, "spot.gz",
            spotSnapshot(1000, 100, BOOK, ASKS),
            spotDepth(1001, 95, 99, "[]", "[]"),
            spotDepth(1002, 100, 100, "[]", "[]"),
            spotDepth(1003, 101, 102, "[[\"99.97\",\"1\"]]", "[]"));

        final DecodedMessages messages = new DecodedMessages();
        try (BinanceCaptureReader reader = spot(file))
        {
            reader.readAll(messages);
            assertEquals(2, reader.counters().droppedBeforeSync());
            assertEquals(0, reader.counters().gaps());
        }
        assertEquals(3, messages.lines.size());
        assertTrue(messages.lines.get(1).startsWith("Snapshot seq=100 ex=0 rx=1000"));
        assertTrue(messages.lines.get(2).startsWith("Update seq=102 prev=100 "), messages.lines.get(2));
    }

    @Test
    void gapIsEmittedCountedAndRecoveredAtTheNextSnapshot() throws IOException
    {
        final Path file = gzip(dir, "spot.gz",
            spotSnapshot(1000, 100, BOOK, ASKS),
            spotDepth(1001, 101, 105, "[]", "[]"),
            spotDepth(1002, 110, 112, "[]", "[]"),
            spotDepth(1003, 113, 115, "[]", "[]"),
            spotSnapshot(1004, 113, BOOK, ASKS),
            spotDepth(1005, 116, 118, "[]", "[]"));

        final DecodedMessages messages = new DecodedMessages();
        try (BinanceCaptureReader reader = spot(file))
        {
            reader.readAll(messages);
            assertEquals(1, reader.counters().gaps());
            assertEquals(2, reader.counters().snapshotsApplied());
            assertEquals(1, reader.counters().droppedBeforeSync());
            assertEquals(0, reader.counters().resyncs());
            assertEquals(0, reader.counters().pendingUpdates());
        }
        assertEquals(List.of(
            "Definition BTCUSDT id=7 price=1e-2 qty=1e-3",
            "Snapshot seq=100",
            "Update seq=105 prev=100",
            "Update seq=112 prev=109",
            "Snapshot seq=113",
            "Update seq=115 prev=113",
            "Update seq=118 prev=115"), headers(messages.lines));
    }

    @Test
    void snapshotWhileSynchronisedIsCountedAsResyncAndAppliedWhenAhead() throws IOException
    {
        final Path file = gzip(dir, "spot.gz",
            spotSnapshot(1000, 100, BOOK, ASKS),
            spotDepth(1001, 101, 105, "[]", "[]"),
            spotSnapshot(1002, 107, BOOK, ASKS),
            spotDepth(1003, 106, 106, "[]", "[]"),
            spotDepth(1004, 107, 109, "[]", "[]"),
            spotSnapshot(1005, 108, BOOK, ASKS));

        final DecodedMessages messages = new DecodedMessages();
        try (BinanceCaptureReader reader = spot(file))
        {
            reader.readAll(messages);
            assertEquals(2, reader.counters().resyncs());
            assertEquals(2, reader.counters().snapshotsApplied());
            assertEquals(1, reader.counters().staleSnapshotsIgnored());
            assertEquals(1, reader.counters().droppedBeforeSync());
            assertEquals(0, reader.counters().gaps());
        }
        assertEquals(List.of(
            "Definition BTCUSDT id=7 price=1e-2 qty=1e-3",
            "Snapshot seq=100",
            "Update seq=105 prev=100",
            "Snapshot seq=107",
            "Update seq=109 prev=107"), headers(messages.lines));
    }

    @Test
    void futuresBridgeOnLastUpdateIdAndChainOnPu() throws IOException
    {
        final Path file = gzip(dir, "usdm.gz",
            futuresDepth(2000, 990, 999, 980, "[[\"100.0\",\"1.000\"]]", "[]"),
            futuresSnapshot(2001, 1000, "[[\"100.0\",\"1.001\"]]", "[[\"100.1\",\"2.000\"]]"),
            futuresDepth(2002, 995, 1000, 999, "[[\"100.0\",\"1.500\"]]", "[]"),
            futuresDepth(2003, 1001, 1010, 1000, "[]", "[[\"100.1\",\"0.000\"]]"),
            futuresDepth(2004, 1020, 1030, 1015, "[]", "[]"));

        final DecodedMessages messages = new DecodedMessages();
        try (BinanceCaptureReader reader = new BinanceCaptureReader(new BinanceCaptureReader.Context()
            .market(BinanceMarket.USDM_FUTURES).files(List.of(file))))
        {
            reader.readAll(messages);
            assertEquals("tick=0.1 lot=0.001 (inferred from snapshot at " + file + ":2)", reader.tickLotSizes().toString());
            assertEquals(1, reader.counters().droppedBeforeSync());
            assertEquals(1, reader.counters().gaps());
            assertEquals(1, reader.counters().pendingUpdates());
        }
        assertEquals(List.of(
            "Definition BTCUSDT id=1 price=1e-1 qty=1e-3",
            "Snapshot seq=1000 ex=1700000000049000000 rx=2001 BUY 1000x1001 SELL 1001x2000",
            "Update seq=1000 prev=1000 ex=1700000000199000000 rx=2002 BUY CHANGE 1000x1500",
            "Update seq=1010 prev=1000 ex=1700000000199000000 rx=2003 SELL DELETE 1001x0",
            "Update seq=1030 prev=1015 ex=1700000000199000000 rx=2004"), messages.lines);
    }

    @Test
    void bookTickersAndTradesBecomeBestBidOfferAndTrade() throws IOException
    {
        final Path file = gzip(dir, "spot.gz",
            "1000 {\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":77,\"s\":\"BTCUSDT\",\"b\":\"100.00\",\"B\":\"1.5\"," +
                "\"a\":\"100.01\",\"A\":\"0.001\"}}",
            "1001 {\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1700000000002,\"s\":\"BTCUSDT\",\"t\":42," +
                "\"p\":\"100.01\",\"q\":\"0.250\",\"T\":1700000000001,\"m\":false,\"M\":true}}",
            "1002 {\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1700000000003,\"s\":\"BTCUSDT\",\"t\":43," +
                "\"p\":\"100.00000000\",\"q\":\"1\",\"T\":1700000000003,\"m\":true,\"M\":true}}");

        final DecodedMessages messages = new DecodedMessages();
        try (BinanceCaptureReader reader = spot(file))
        {
            reader.readAll(messages);
            assertEquals(1, reader.counters().bookTickers());
            assertEquals(2, reader.counters().trades());
        }
        assertEquals(List.of(
            "Definition BTCUSDT id=7 price=1e-2 qty=1e-3",
            "BBO seq=77 ex=0 rx=1000 10000x1500 / 10001x1",
            "Trade id=42 seq=42 ex=1700000000001000000 rx=1001 10001x250 BUY REGULAR",
            "Trade id=43 seq=43 ex=1700000000003000000 rx=1002 10000x1000 SELL REGULAR"), messages.lines);
    }

    @Test
    void futuresBookTickerCarriesTransactionTime() throws IOException
    {
        final Path file = gzip(dir, "usdm.gz",
            "1000 {\"stream\":\"btcusdt@bookTicker\",\"data\":{\"e\":\"bookTicker\",\"u\":5,\"s\":\"BTCUSDT\",\"b\":\"100.0\"," +
                "\"B\":\"1.000\",\"a\":\"100.5\",\"A\":\"0.002\",\"T\":1700000000010,\"E\":1700000000011}}");

        final DecodedMessages messages = new DecodedMessages();
        try (BinanceCaptureReader reader = new BinanceCaptureReader(new BinanceCaptureReader.Context()
            .market(BinanceMarket.USDM_FUTURES).files(List.of(file))
            .tickSize(new BigDecimal("0.5")).lotSize(new BigDecimal("0.001"))))
        {
            reader.readAll(messages);
            assertEquals("tick=0.5 lot=0.001 (given)", reader.tickLotSizes().toString());
        }
        assertEquals(List.of(
            "Definition BTCUSDT id=1 price=5e-1 qty=1e-3",
            "BBO seq=5 ex=1700000000010000000 rx=1000 200x1000 / 201x2"), messages.lines);
    }

    @Test
    void dayFileWithoutSnapshotContinuesThePreviousFile() throws IOException
    {
        final Path first = gzip(dir, "day1.gz",
            spotSnapshot(1000, 100, BOOK, ASKS),
            spotDepth(1001, 101, 105, "[]", "[]"));
        final Path second = gzip(dir, "day2.gz",
            spotDepth(1002, 106, 107, "[]", "[]"));

        final DecodedMessages messages = new DecodedMessages();
        try (BinanceCaptureReader reader = spot(first, second))
        {
            reader.readAll(messages);
            assertEquals(0, reader.counters().gaps());
            assertEquals(3, reader.counters().lines());
        }
        assertEquals("Update seq=107 prev=105", headers(messages.lines).get(3));
    }

    @Test
    void eachMalformedLineNamesFileAndLine() throws IOException
    {
        final String good = spotSnapshot(1000, 100, BOOK, ASKS);
        final String[][] cases = {
            {"1001 {\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\"", "malformed JSON"},
            {"1001 {\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BTCUSDT\",\"U\":101," +
                "\"b\":[],\"a\":[]}}", "missing field 'u' in depth update"},
            {"17x0 " + good.substring(5), "bad local timestamp"},
            {"{\"lastUpdateId\":1}", "bad local timestamp"},
            {"", "bad local timestamp"},
            {"1001 {\"stream\":\"btcusdt@aggTrade\",\"data\":{}}", "unrecognised stream 'btcusdt@aggTrade'"},
            {"1001 {\"result\":null,\"id\":1}", "unknown top-level field 'result'"},
            {"1001 [1,2]", "expected a JSON object"},
            {"1001 {\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1,\"s\":\"BTCUSDT\",\"t\":1,\"p\":\"1e5\"," +
                "\"q\":\"1\",\"T\":1,\"m\":true}}", "price '1e5' in 'p' is not a decimal number"},
            {"1001 {\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1,\"s\":\"BTCUSDT\",\"t\":1,\"p\":\"100.00\"," +
                "\"q\":\"0.0001\",\"T\":1,\"m\":true}}", "quantity '0.0001' in 'q' is not a multiple of 0.001"},
            {"1001 {\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1,\"s\":\"ETHUSDT\",\"t\":1,\"p\":\"100.00\"," +
                "\"q\":\"1\",\"T\":1,\"m\":true}}", "symbol ETHUSDT differs from BTCUSDT"},
            {futuresDepth(1001, 101, 102, 100, "[]", "[]"), "field 'pu' in a spot depth update"},
            {spotDepth(1001, 101, 102, "[[\"100.00\"]]", "[]"), "a level in 'b' is not [price, quantity]"},
        };
        for (int i = 0; i < cases.length; i++)
        {
            final String[] badCase = cases[i];
            final Path file = gzip(dir, "bad" + i + ".gz", good, spotDepth(1000, 101, 101, "[]", "[]"), cases[i][0]);
            final InputFormatException ex = assertThrows(InputFormatException.class,
                () -> spot(file).readAll(new DecodedMessages()), cases[i][0]);
            assertEquals(file.toString(), ex.source(), cases[i][0]);
            assertEquals(3, ex.line(), cases[i][0]);
            assertTrue(ex.getMessage().startsWith(file + ":3: "), ex.getMessage());
            assertTrue(ex.getMessage().contains(cases[i][1]), () -> "expected '" + Arrays.toString(badCase) + "' got " + ex.getMessage());
        }
    }

    @Test
    void priceOffTheTickGridIsAnErrorNamingFileAndLine() throws IOException
    {
        final Path file = gzip(dir, "spot.gz",
            spotSnapshot(1000, 100, BOOK, ASKS),
            spotDepth(1001, 101, 102, "[[\"99.995\",\"1\"]]", "[]"));

        final InputFormatException ex = assertThrows(InputFormatException.class, () -> spot(file).readAll(new DecodedMessages()));
        assertEquals(file + ":2: price '99.995' in 'b' is not a multiple of 0.01", ex.getMessage());
    }

    @Test
    void givenTickSizeRejectsAPriceBetweenTicks() throws IOException
    {
        final Path file = gzip(dir, "spot.gz", spotSnapshot(1000, 100, "[[\"100.50\",\"1\"],[\"100.30\",\"1\"]]", "[]"));
        final BinanceCaptureReader reader = new BinanceCaptureReader(new BinanceCaptureReader.Context()
            .market(BinanceMarket.SPOT).files(List.of(file)).tickSize(new BigDecimal("0.50")).lotSize(BigDecimal.ONE));

        final InputFormatException ex = assertThrows(InputFormatException.class, () -> reader.readAll(new DecodedMessages()));
        assertEquals(file + ":1: price '100.30' in 'bids' is not a multiple of 0.5", ex.getMessage());
    }

    @Test
    void emptyFileIsAnError() throws IOException
    {
        final Path empty = Files.createFile(dir.resolve("empty.gz"));
        final InputFormatException ex = assertThrows(InputFormatException.class, () -> spotGiven(empty).readAll(new DecodedMessages()));
        assertEquals(empty + ": empty file", ex.getMessage());

        final Path noLines = gzip(dir, "nolines.gz");
        final InputFormatException none = assertThrows(InputFormatException.class,
            () -> spotGiven(noLines).readAll(new DecodedMessages()));
        assertEquals(noLines + ": empty file: the gzip holds no lines", none.getMessage());
    }

    @Test
    void truncatedGzipNamesTheFile() throws IOException
    {
        final Path whole = gzip(dir, "whole.gz", spotSnapshot(1000, 100, BOOK, ASKS), spotDepth(1001, 101, 102, "[]", "[]"),
            spotDepth(1002, 103, 104, "[]", "[]"));
        final byte[] bytes = Files.readAllBytes(whole);
        final Path truncated = dir.resolve("truncated.gz");
        try (OutputStream out = Files.newOutputStream(truncated))
        {
            out.write(bytes, 0, bytes.length - 12);
        }

        final InputFormatException ex = assertThrows(InputFormatException.class,
            () -> spotGiven(truncated).readAll(new DecodedMessages()));
        assertEquals(truncated.toString(), ex.source());
        assertTrue(ex.getMessage().contains("truncated gzip"), ex.getMessage());
    }

    @Test
    void notGzipIsAnError() throws IOException
    {
        final Path plain = Files.writeString(dir.resolve("plain.gz"), spotSnapshot(1000, 100, BOOK, ASKS) + "\n");
        final InputFormatException ex = assertThrows(InputFormatException.class, () -> spotGiven(plain).readAll(new DecodedMessages()));
        assertTrue(ex.getMessage().startsWith(plain + ": not a gzip file"), ex.getMessage());
    }

    @Test
    void inferringSizesWithoutAnySnapshotIsAnError() throws IOException
    {
        final Path file = gzip(dir, "nosnapshot.gz", spotDepth(1000, 101, 102, "[]", "[]"));
        final InputFormatException ex = assertThrows(InputFormatException.class,
            () -> new BinanceCaptureReader(new BinanceCaptureReader.Context().market(BinanceMarket.SPOT).files(List.of(file))));
        assertTrue(ex.getMessage().contains("no depth snapshot to infer tick and lot sizes from"), ex.getMessage());
    }

    @Test
    void tickIgnoresTrailingZerosAndLotTakesTheWrittenPrecision() throws IOException
    {
        final Path file = gzip(dir, "spot.gz",
            spotDepth(1000, 90, 95, "[]", "[]"),
            spotSnapshot(1001, 100, "[[\"61837.63000000\",\"3.78826000\"],[\"61837.60000000\",\"0.00000000\"]]",
                "[[\"61840.00000000\",\"0.00105000\"]]"));
        try (BinanceCaptureReader reader = new BinanceCaptureReader(new BinanceCaptureReader.Context()
            .market(BinanceMarket.SPOT).files(List.of(file))))
        {
            assertEquals(new BigDecimal("0.01"), reader.tickLotSizes().tickSize());
            assertEquals(new BigDecimal("0.00000001"), reader.tickLotSizes().lotSize());
            assertEquals(2, reader.tickLotSizes().line());
        }
    }

    private BinanceCaptureReader spot(final Path... files)
    {
        return new BinanceCaptureReader(new BinanceCaptureReader.Context()
            .market(BinanceMarket.SPOT).instrumentId(7).files(List.of(files))
            .tickSize(new BigDecimal("0.01")).lotSize(new BigDecimal("0.001")));
    }

    private BinanceCaptureReader spotGiven(final Path file)
    {
        return new BinanceCaptureReader(new BinanceCaptureReader.Context()
            .market(BinanceMarket.SPOT).files(List.of(file)).tickSize(new BigDecimal("0.01")).lotSize(new BigDecimal("0.001")));
    }

    private static List<String> headers(final List<String> lines)
    {
        return lines.stream().map(l -> l.startsWith("Definition") ? l : l.replaceAll(" ex=.*$", "")).toList();
    }
}
