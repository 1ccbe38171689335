package io.ticklane.journal.reader.lobster;

import io.ticklane.journal.reader.InputFormatException;
import io.ticklane.sbe.AggressorSide;
import io.ticklane.sbe.InstrumentDefinitionDecoder;
import io.ticklane.sbe.L3EventType;
import io.ticklane.sbe.L3OrderEventDecoder;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TradeDecoder;
import io.ticklane.sbe.TradeType;
import io.ticklane.sbe.TradingStatusType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LobsterMessageReaderTest
{
    private static final String NAME = "TEST_2012-06-21_34200000_57600000_message_1.csv";
    /** 2012-06-21 00:00 America/New_York (EDT, UTC-4) = 2012-06-21T04:00:00Z. */
    private static final long MIDNIGHT_NS = 1_340_251_200L * 1_000_000_000L;
    private static final long T_34200_5 = MIDNIGHT_NS + 34_200_500_000_000L;

    @TempDir
    Path dir;

    private CapturedFrames readAll(final Path file, final LobsterContext context)
    {
        final CapturedFrames frames = new CapturedFrames();
        try (LobsterMessageReader reader = new LobsterMessageReader(file, context))
        {
            reader.readAll(frames);
        }
        return frames;
    }

    private CapturedFrames readAll(final String content)
    {
        return readAll(TestFiles.plain(dir, NAME, content), new LobsterContext());
    }

    @Test
    void instrumentDefinitionComesFirstWithSymbolAndScalesFromFileNameAndContext()
    {
        final Path file = TestFiles.plain(dir, NAME, "34200.5,1,11,100,2238200,1\n");

        final CapturedFrames frames = readAll(file, new LobsterContext().instrumentId(42).tickSize(50));

        assertEquals(2, frames.size());
        final InstrumentDefinitionDecoder def = frames.definition(0);
        assertEquals(T_34200_5, def.exchangeTimeNs());
        assertEquals(T_34200_5, def.receiveTimeNs());
        assertEquals(42, def.instrumentId());
        assertEquals(0, def.sequence());
        assertEquals("TEST", def.symbol().trim());
        assertEquals(-4, def.priceExponent());
        assertEquals(50, def.tickSize());
        assertEquals(0, def.quantityExponent());
        assertEquals(1, def.lotSize());
        assertEquals(2238200 / 50, frames.orderEvent(1).price(), "price in ticks of the configured size");
        assertEquals(42, frames.orderEvent(1).instrumentId());
    }

    @Test
    void submitBecomesL3AddOnTheBidSideInTicks()
    {
        final CapturedFrames frames = readAll("34200.5,1,16113575,18,5853300,1\n");

        final L3OrderEventDecoder add = frames.orderEvent(1);
        assertEquals(T_34200_5, add.exchangeTimeNs());
        assertEquals(T_34200_5, add.receiveTimeNs());
        assertEquals(LobsterContext.DEFAULT_INSTRUMENT_ID, add.instrumentId());
        assertEquals(1, add.sequence());
        assertEquals(0, add.prevSequence());
        assertEquals(16113575, add.orderId());
        assertEquals(L3EventType.ADD, add.eventType());
        assertEquals(Side.BUY, add.side());
        assertEquals(58533, add.price());
        assertEquals(18, add.quantity());
    }

    @Test
    void partialCancelBecomesL3CancelOfTheCancelledQuantityOnTheAskSide()
    {
        final CapturedFrames frames = readAll("34200.5,1,7,100,2239500,-1\n34200.6,2,7,40,2239500,-1\n");

        assertEquals(3, frames.size());
        final L3OrderEventDecoder cancel = frames.orderEvent(2);
        assertEquals(L3EventType.CANCEL, cancel.eventType());
        assertEquals(Side.SELL, cancel.side());
        assertEquals(7, cancel.orderId());
        assertEquals(22395, cancel.price());
        assertEquals(40, cancel.quantity());
        assertEquals(2, cancel.sequence());
        assertEquals(1, cancel.prevSequence());
        assertEquals(MIDNIGHT_NS + 34_200_600_000_000L, cancel.exchangeTimeNs());
    }

    @Test
    void deleteBecomesL3DeleteOfTheRemainingQuantity()
    {
        final CapturedFrames frames = readAll("34200.5,3,9,60,2231800,1\n");

        final L3OrderEventDecoder delete = frames.orderEvent(1);
        assertEquals(L3EventType.DELETE, delete.eventType());
        assertEquals(Side.BUY, delete.side());
        assertEquals(9, delete.orderId());
        assertEquals(22318, delete.price());
        assertEquals(60, delete.quantity());
        assertEquals(1, delete.sequence());
        assertEquals(0, delete.prevSequence());
    }

    @Test
    void visibleExecutionBecomesL3ExecuteThenRegularTradeWhoseAggressorIsOppositeTheRestingOrder()
    {
        final CapturedFrames frames = readAll("34200.5,4,5,25,2239500,-1\n34200.5,4,6,30,2231800,1\n");

        assertEquals(5, frames.size());
        final L3OrderEventDecoder execute = frames.orderEvent(1);
        assertEquals(L3EventType.EXECUTE, execute.eventType());
        assertEquals(Side.SELL, execute.side());
        assertEquals(5, execute.orderId());
        assertEquals(22395, execute.price());
        assertEquals(25, execute.quantity());
        assertEquals(1, execute.sequence());

        final TradeDecoder trade = frames.trade(2);
        assertEquals(T_34200_5, trade.exchangeTimeNs());
        assertEquals(T_34200_5, trade.receiveTimeNs());
        assertEquals(LobsterContext.DEFAULT_INSTRUMENT_ID, trade.instrumentId());
        assertEquals(1, trade.sequence());
        assertEquals(1, trade.tradeId());
        assertEquals(2239500, trade.priceUnits(), "trade price stays in price units, not ticks");
        assertEquals(25, trade.quantity());
        assertEquals(AggressorSide.BUY, trade.aggressorSide(), "a sell order executed is a buyer-initiated trade");
        assertEquals(TradeType.REGULAR, trade.tradeType());

        assertEquals(Side.BUY, frames.orderEvent(3).side());
        assertEquals(AggressorSide.SELL, frames.trade(4).aggressorSide());
        assertEquals(2, frames.trade(4).sequence());
    }

    @Test
    void hiddenExecutionBecomesOnlyAHiddenTradeAndKeepsASubPennyPrice()
    {
        final CapturedFrames frames = readAll("34200.5,5,0,100,2238250,-1\n");

        assertEquals(2, frames.size(), "definition and trade, no L3 event");
        final TradeDecoder trade = frames.trade(1);
        assertEquals(TradeType.HIDDEN, trade.tradeType());
        assertEquals(AggressorSide.BUY, trade.aggressorSide());
        assertEquals(2238250, trade.priceUnits());
        assertEquals(100, trade.quantity());
        assertEquals(1, trade.sequence());
        assertEquals(1, trade.tradeId());
        assertEquals(T_34200_5, trade.exchangeTimeNs());
    }

    @Test
    void crossBecomesACrossTradeWithoutAggressor()
    {
        final CapturedFrames frames = readAll("34200.5,6,0,5000,2238200,1\n");

        assertEquals(2, frames.size());
        final TradeDecoder trade = frames.trade(1);
        assertEquals(TradeType.CROSS, trade.tradeType());
        assertEquals(AggressorSide.NONE, trade.aggressorSide());
        assertEquals(2238200, trade.priceUnits());
        assertEquals(5000, trade.quantity());
        assertEquals(1, trade.sequence());
    }

    @Test
    void haltIndicatorsBecomeTradingStatusHaltedQuotingTrading()
    {
        final CapturedFrames frames = readAll("36023,7,0,0,-1,-1\n36323,7,0,0,0,-1\n36723,7,0,0,1,-1\n");

        assertEquals(4, frames.size());
        assertEquals(TradingStatusType.HALTED, frames.status(1).status());
        assertEquals(MIDNIGHT_NS + 36_023_000_000_000L, frames.status(1).exchangeTimeNs());
        assertEquals(MIDNIGHT_NS + 36_023_000_000_000L, frames.status(1).receiveTimeNs());
        assertEquals(1, frames.status(1).sequence());
        assertEquals(LobsterContext.DEFAULT_INSTRUMENT_ID, frames.status(1).instrumentId());
        assertEquals(TradingStatusType.QUOTING, frames.status(2).status());
        assertEquals(2, frames.status(2).sequence());
        assertEquals(TradingStatusType.TRADING, frames.status(3).status());
        assertEquals(3, frames.status(3).sequence());
    }

    @Test
    void timesAreParsedAsDecimalsAndRoundedHalfUpToNanoseconds()
    {
        final CapturedFrames frames = readAll(
            "34200.18960767,1,1,1,100,1\n" +
            "34200.1896076700,1,2,1,100,1\n" +
            "43002.632812672004,1,3,1,100,1\n" +
            "43002.6328126725,1,4,1,100,1\n" +
            "43002.63281267349,1,5,1,100,1\n" +
            "43003,1,6,1,100,1\n");

        assertEquals(MIDNIGHT_NS + 34_200_189_607_670L, frames.orderEvent(1).exchangeTimeNs());
        assertEquals(MIDNIGHT_NS + 34_200_189_607_670L, frames.orderEvent(2).exchangeTimeNs());
        assertEquals(MIDNIGHT_NS + 43_002_632_812_672L, frames.orderEvent(3).exchangeTimeNs());
        assertEquals(MIDNIGHT_NS + 43_002_632_812_673L, frames.orderEvent(4).exchangeTimeNs(), "half rounds up");
        assertEquals(MIDNIGHT_NS + 43_002_632_812_673L, frames.orderEvent(5).exchangeTimeNs(), "below half rounds down");
        assertEquals(MIDNIGHT_NS + 43_003_000_000_000L, frames.orderEvent(6).exchangeTimeNs());
    }

    @Test
    void orderEventsChainOnThePreviousOrderEventAcrossTradeOnlyRows()
    {
        final CapturedFrames frames = readAll("34200.5,1,30,1,100,1\n34200.6,5,0,7,150,1\n34200.7,3,30,1,100,1\n");

        assertEquals(1, frames.orderEvent(1).sequence());
        assertEquals(3, frames.orderEvent(3).sequence());
        assertEquals(1, frames.orderEvent(3).prevSequence(), "row 2 is a hidden trade: not part of the book stream");
    }

    @Test
    void rowsSharingATimestampKeepRowOrder()
    {
        final CapturedFrames frames = readAll("34200.5,1,30,1,100,1\n34200.5,1,10,1,100,1\n34200.5,1,20,1,100,1\n");

        assertEquals(30, frames.orderEvent(1).orderId());
        assertEquals(10, frames.orderEvent(2).orderId());
        assertEquals(20, frames.orderEvent(3).orderId());
        assertEquals(3, frames.orderEvent(3).sequence());
        assertEquals(2, frames.orderEvent(3).prevSequence());
    }

    @Test
    void countsPerTypeAndRowsAreExposedAfterReading()
    {
        final Path file = TestFiles.plain(dir, NAME,
            "34200.1,1,1,10,100,1\n34200.2,2,1,5,100,1\n34200.3,4,1,5,100,1\n34200.4,5,0,3,150,-1\n34200.5,7,0,0,-1,-1\n");

        try (LobsterMessageReader reader = new LobsterMessageReader(file, new LobsterContext()))
        {
            final long rows = reader.readAll(new CapturedFrames());

            assertEquals(5, rows);
            assertEquals(5, reader.rows());
            assertEquals(1, reader.count(LobsterMessageReader.TYPE_SUBMIT));
            assertEquals(1, reader.count(LobsterMessageReader.TYPE_CANCEL));
            assertEquals(0, reader.count(LobsterMessageReader.TYPE_DELETE));
            assertEquals(1, reader.count(LobsterMessageReader.TYPE_EXECUTE_VISIBLE));
            assertEquals(1, reader.count(LobsterMessageReader.TYPE_EXECUTE_HIDDEN));
            assertEquals(0, reader.count(LobsterMessageReader.TYPE_CROSS));
            assertEquals(1, reader.count(LobsterMessageReader.TYPE_HALT));
            assertEquals(7, reader.messages(), "definition + 3 L3 + 2 trades + 1 status");
            assertEquals(MIDNIGHT_NS + 34_200_500_000_000L, reader.lastExchangeTimeNs());
        }
    }

    @Test
    void pollReadsAtMostTheRequestedRowsSoABookCanBeCheckedAfterEachRow()
    {
        final Path file = TestFiles.plain(dir, NAME, "34200.1,1,1,10,100,1\n34200.2,1,2,10,100,1\n");

        try (LobsterMessageReader reader = new LobsterMessageReader(file, new LobsterContext()))
        {
            final CapturedFrames frames = new CapturedFrames();
            assertEquals(1, reader.poll(frames, 1));
            assertEquals(2, frames.size(), "definition and first row");
            assertEquals(1, reader.poll(frames, 1));
            assertEquals(3, frames.size());
            assertFalse(reader.isDone());
            assertEquals(0, reader.poll(frames, 1));
            assertTrue(reader.isDone());
            assertEquals(2, reader.rows());
        }
    }

    @Test
    void explicitDateAndSymbolAreUsedWhenTheFileNameHasNone()
    {
        final Path file = TestFiles.plain(dir, "messages.csv", "34200.5,1,1,10,100,1\n");

        final CapturedFrames frames = readAll(file, new LobsterContext().tradingDate(LocalDate.of(2012, 1, 3)).symbol("XYZ"));

        // 2012-01-03 00:00 America/New_York (EST, UTC-5) = 2012-01-03T05:00:00Z = 1325566800.
        assertEquals(1_325_566_800L * 1_000_000_000L + 34_200_500_000_000L, frames.orderEvent(1).exchangeTimeNs());
        assertEquals("XYZ", frames.definition(0).symbol().trim());
    }

    @Test
    void missingTradingDateFailsNamingTheFile()
    {
        final Path file = TestFiles.plain(dir, "messages.csv", "34200.5,1,1,10,100,1\n");

        final InputFormatException ex = assertThrows(InputFormatException.class,
            () -> new LobsterMessageReader(file, new LobsterContext().symbol("XYZ")));

        assertTrue(ex.getMessage().startsWith(file.toString() + ": "), ex.getMessage());
        assertTrue(ex.getMessage().contains("no trading date"), ex.getMessage());
    }

    static Stream<Arguments> malformedRows()
    {
        final String good = "34200.1,1,1,10,100,1\n";
        return Stream.of(
            Arguments.of("too few columns", good + "34200.2,1,2,10,100\n", "expected 6 columns"),
            Arguments.of("too many columns", good + "34200.2,1,2,10,100,1,0\n", "expected 6 columns"),
            Arguments.of("blank line", good + "\n", "expected 6 columns"),
            Arguments.of("non-numeric size", good + "34200.2,1,2,1O,100,1\n", "column 4 (size) is '1O'"),
            Arguments.of("non-numeric time", good + "34200.2x,1,2,10,100,1\n", "column 1 (time) is '34200.2x'"),
            Arguments.of("negative time", good + "-1.5,1,2,10,100,1\n", "column 1 (time)"),
            Arguments.of("empty price", good + "34200.2,1,2,10,,1\n", "column 5 (price) is ''"),
            Arguments.of("price beyond 64 bits", good + "34200.2,1,2,10,99999999999999999999,1\n", "column 5 (price)"),
            Arguments.of("unknown type", good + "34200.2,8,2,10,100,1\n", "unknown event type 8"),
            Arguments.of("direction 0", good + "34200.2,1,2,10,100,0\n", "direction is 0"),
            Arguments.of("zero size on submit", good + "34200.2,1,2,0,100,1\n", "size 0 must be positive"),
            Arguments.of("negative size on delete", good + "34200.2,3,2,-5,100,1\n", "size -5 must be positive"),
            Arguments.of("zero size on hidden trade", good + "34200.2,5,0,0,100,1\n", "size 0 must be positive"),
            Arguments.of("zero order id on submit", good + "34200.2,1,0,10,100,1\n", "orderId 0 must be positive"),
            Arguments.of("price off the tick grid", good + "34200.2,1,2,10,150,1\n", "price 150 is not a multiple of the tick size 100"),
            Arguments.of("time going backwards", good + "34200.09,1,2,10,100,1\n", "time goes backwards"),
            Arguments.of("unknown halt indicator", good + "34200.2,7,0,0,2,-1\n", "type 7 (halt indicator) price is 2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRows")
    void malformedRowFailsNamingFileAndLine(final String description, final String content, final String detail)
    {
        final Path file = TestFiles.plain(dir, NAME, content);

        final InputFormatException ex = assertThrows(InputFormatException.class, () -> readAll(file, new LobsterContext()));

        assertEquals(file.toString(), ex.source());
        assertEquals(2, ex.line());
        assertTrue(ex.getMessage().startsWith(file + ":2: "), ex.getMessage());
        assertTrue(ex.getMessage().contains(detail), ex.getMessage());
    }

    @Test
    void emptyFileFailsWithNoRows()
    {
        final Path file = TestFiles.plain(dir, NAME, "");

        final InputFormatException ex = assertThrows(InputFormatException.class, () -> readAll(file, new LobsterContext()));

        assertEquals(file + ": no rows", ex.getMessage());
    }

    @Test
    void emptyGzipFileFailsWithNoRows()
    {
        final Path file = TestFiles.gzip(dir, NAME + ".gz", "");

        final InputFormatException ex = assertThrows(InputFormatException.class, () -> readAll(file, new LobsterContext()));

        assertEquals(file + ": no rows", ex.getMessage());
    }

    @Test
    void truncatedGzipFailsNamingTheLineItStoppedAt()
    {
        final String content = TestFiles.repeat("34200.1,1,1,10,100,1\n", 20_000);
        final Path whole = TestFiles.gzip(dir, "WHOLE_2012-06-21_message_1.csv.gz", content);
        assertEquals(20_000, readAllRows(whole));
        final Path file = TestFiles.truncatedGzip(dir, NAME + ".gz", content, 20);

        final InputFormatException ex = assertThrows(InputFormatException.class, () -> readAll(file, new LobsterContext()));

        assertTrue(ex.getMessage().startsWith(file + ":"), ex.getMessage());
        assertTrue(ex.getMessage().contains("truncated gzip"), ex.getMessage());
        assertTrue(ex.line() > 0, "names the line where input stopped");
    }

    @Test
    void gzipIsDetectedByMagicBytesNotByExtension()
    {
        final Path gzipNamedCsv = TestFiles.gzip(dir, NAME, "34200.1,1,1,10,100,1\n34200.2,3,1,10,100,1\n");
        final Path plainNamedGz = TestFiles.plain(dir, "TEST_2012-06-21_x_message_1.csv.gz", "34200.1,1,1,10,100,1\n");

        assertEquals(2, readAllRows(gzipNamedCsv));
        assertEquals(1, readAllRows(plainNamedGz));
    }

    @Test
    void lastLineWithoutNewlineIsStillRead()
    {
        final CapturedFrames frames = readAll("34200.1,1,1,10,100,1\n34200.2,3,1,10,100,1");

        assertEquals(3, frames.size());
        assertEquals(L3EventType.DELETE, frames.orderEvent(2).eventType());
        assertEquals(2, frames.orderEvent(2).sequence());
    }

    @Test
    void crLfLineEndsAreAccepted()
    {
        final CapturedFrames frames = readAll("34200.1,1,1,10,100,1\r\n34200.2,3,1,10,100,-1\r\n");

        assertEquals(3, frames.size());
        assertEquals(Side.SELL, frames.orderEvent(2).side());
    }

    private long readAllRows(final Path file)
    {
        try (LobsterMessageReader reader = new LobsterMessageReader(file, new LobsterContext()))
        {
            return reader.readAll(new CapturedFrames());
        }
    }
}
