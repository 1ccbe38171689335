package io.ticklane.journal.reader.lobster;

import io.ticklane.journal.RealData;
import io.ticklane.sbe.InstrumentDefinitionEncoder;
import io.ticklane.sbe.L3OrderEventDecoder;
import io.ticklane.sbe.L3OrderEventEncoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.TradeDecoder;
import io.ticklane.sbe.TradeEncoder;
import io.ticklane.sbe.TradeType;
import io.ticklane.sbe.TradingStatusEncoder;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.ticklane.journal.reader.lobster.LobsterMessageReader.TYPE_CANCEL;
import static io.ticklane.journal.reader.lobster.LobsterMessageReader.TYPE_CROSS;
import static io.ticklane.journal.reader.lobster.LobsterMessageReader.TYPE_DELETE;
import static io.ticklane.journal.reader.lobster.LobsterMessageReader.TYPE_EXECUTE_HIDDEN;
import static io.ticklane.journal.reader.lobster.LobsterMessageReader.TYPE_EXECUTE_VISIBLE;
import static io.ticklane.journal.reader.lobster.LobsterMessageReader.TYPE_HALT;
import static io.ticklane.journal.reader.lobster.LobsterMessageReader.TYPE_SUBMIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The LOBSTER sample files described in shared/data/README.md, section 1: counts and quirks stated there.
 */
class LobsterRealDataTest
{
    private static final String AMZN_PREFIX = "lobster/AMZN_2012-06-21_34200000_57600000_";
    private static final String AAPL_PREFIX = "lobster/aapl-l10-first999/AAPL_2012-06-21_34200000_57600000_";
    /** 2012-06-21 00:00 America/New_York (EDT, UTC-4) = 2012-06-21T04:00:00Z. */
    private static final long MIDNIGHT_NS = 1_340_251_200L * 1_000_000_000L;

    @Test
    void amznLevel1MessageCountsMatchTheDataReadme()
    {
        final FrameTally tally = readMessages(AMZN_PREFIX + "message_1.csv.gz", 57_515, 27_845, 16, 18_235, 8_974, 2_445);

        assertEquals(63, tally.subPennyHiddenTrades, "hidden executions printing between cents");
    }

    @Test
    void amznLevel5MessageCountsMatchTheDataReadme()
    {
        final FrameTally tally = readMessages(AMZN_PREFIX + "message_5.csv.gz", 155_935, 77_381, 450, 66_685, 8_974, 2_445);

        assertEquals(63, tally.subPennyHiddenTrades, "hidden executions printing between cents");
    }

    @Test
    void aaplLevel10ExcerptMessageCountsMatchTheDataReadmeDespiteNoFinalNewline()
    {
        final FrameTally tally = readMessages(AAPL_PREFIX + "message_10.csv", 999, 471, 0, 369, 98, 61);

        assertEquals(MIDNIGHT_NS + 34_200_004_241_176L, tally.firstTimeNs, "09:30:00.004241176");
        assertEquals(MIDNIGHT_NS + 34_249_086_000_000L, tally.lastTimeNs / 1_000_000 * 1_000_000, "09:30:49.086");
    }

    @Test
    void amznLevel5Row67823WithTwelveDecimalTimeIsParsedExactly()
    {
        final FrameTally tally = new FrameTally(67_823);
        try (LobsterMessageReader reader = new LobsterMessageReader(RealData.file(AMZN_PREFIX + "message_5.csv.gz"),
            new LobsterContext()))
        {
            reader.readAll(tally);
        }

        // Row 67,823 is "43002.632812672004,3,134172772,100,2238700,-1".
        assertEquals(MIDNIGHT_NS + 43_002_632_812_672L, tally.watchedTimeNs);
        assertEquals(134_172_772L, tally.watchedOrderId);
    }

    @Test
    void amznLevel1BookHasOneLevelAndARowPerMessage()
    {
        assertBookRows(AMZN_PREFIX + "orderbook_1.csv.gz", 1, 57_515);
    }

    @Test
    void amznLevel5BookHasFiveLevelsAndARowPerMessage()
    {
        assertBookRows(AMZN_PREFIX + "orderbook_5.csv.gz", 5, 155_935);
    }

    @Test
    void aaplLevel10BookHasTenLevelsAndARowPerMessage()
    {
        assertBookRows(AAPL_PREFIX + "orderbook_10.csv", 10, 999);
    }

    private static FrameTally readMessages(
        final String relativePath,
        final long rows,
        final long submits,
        final long cancels,
        final long deletes,
        final long visibleExecutions,
        final long hiddenExecutions)
    {
        final Path file = RealData.file(relativePath);
        final FrameTally tally = new FrameTally(0);
        try (LobsterMessageReader reader = new LobsterMessageReader(file, new LobsterContext()))
        {
            assertEquals(rows, reader.readAll(tally));
            assertEquals(rows, reader.rows());
            assertEquals(submits, reader.count(TYPE_SUBMIT));
            assertEquals(cancels, reader.count(TYPE_CANCEL));
            assertEquals(deletes, reader.count(TYPE_DELETE));
            assertEquals(visibleExecutions, reader.count(TYPE_EXECUTE_VISIBLE));
            assertEquals(hiddenExecutions, reader.count(TYPE_EXECUTE_HIDDEN));
            assertEquals(0, reader.count(TYPE_CROSS));
            assertEquals(0, reader.count(TYPE_HALT));
            assertEquals(1 + submits + cancels + deletes + 2 * visibleExecutions + hiddenExecutions, reader.messages());
        }

        assertEquals(1, tally.definitions);
        assertEquals(submits + cancels + deletes + visibleExecutions, tally.orderEvents);
        assertEquals(visibleExecutions + hiddenExecutions, tally.trades);
        assertEquals(0, tally.statuses);
        assertEquals(rows, tally.lastSequence);
        return tally;
    }

    private static void assertBookRows(final String relativePath, final int levels, final long rows)
    {
        long occupiedLevels = 0;
        try (LobsterBookReader book = new LobsterBookReader(RealData.file(relativePath)))
        {
            while (book.next())
            {
                assertEquals(levels, book.levels());
                for (int level = 1; level <= levels; level++)
                {
                    occupiedLevels += (book.hasAsk(level) ? 1 : 0) + (book.hasBid(level) ? 1 : 0);
                }
                assertTrue(book.askPrice(1) > book.bidPrice(1), "book not crossed");
            }
            assertEquals(rows, book.row());
        }
        assertEquals(rows * levels * 2, occupiedLevels, "README: no empty-level placeholders in these files");
    }

    /**
     * Counts frames by template and remembers what the tests look at; decodes in place, copies nothing.
     */
    private static final class FrameTally implements MessageHandler
    {
        private final long watchedSequence;
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final L3OrderEventDecoder orderEvent = new L3OrderEventDecoder();
        private final TradeDecoder trade = new TradeDecoder();
        private long definitions;
        private long orderEvents;
        private long trades;
        private long statuses;
        private long subPennyHiddenTrades;
        private long lastSequence;
        private long lastOrderEventSequence;
        private long firstTimeNs;
        private long lastTimeNs;
        private long watchedTimeNs;
        private long watchedOrderId;

        FrameTally(final long watchedSequence)
        {
            this.watchedSequence = watchedSequence;
        }

        @Override
        public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
        {
            switch (msgTypeId)
            {
                case InstrumentDefinitionEncoder.TEMPLATE_ID:
                    definitions++;
                    break;
                case L3OrderEventEncoder.TEMPLATE_ID:
                    orderEvents++;
                    orderEvent.wrapAndApplyHeader(buffer, index, header);
                    onTime(orderEvent.sequence(), orderEvent.exchangeTimeNs());
                    assertEquals(lastOrderEventSequence, orderEvent.prevSequence(), "L3 events chain on each other");
                    lastOrderEventSequence = orderEvent.sequence();
                    if (watchedSequence == orderEvent.sequence())
                    {
                        watchedTimeNs = orderEvent.exchangeTimeNs();
                        watchedOrderId = orderEvent.orderId();
                    }
                    break;
                case TradeEncoder.TEMPLATE_ID:
                    trades++;
                    trade.wrapAndApplyHeader(buffer, index, header);
                    onTime(trade.sequence(), trade.exchangeTimeNs());
                    if (TradeType.HIDDEN == trade.tradeType() && 0 != trade.priceUnits() % 100)
                    {
                        subPennyHiddenTrades++;
                    }
                    break;
                case TradingStatusEncoder.TEMPLATE_ID:
                    statuses++;
                    break;
                default:
                    throw new AssertionError("unexpected template " + msgTypeId);
            }
        }

        private void onTime(final long sequence, final long timeNs)
        {
            if (0 == firstTimeNs)
            {
                firstTimeNs = timeNs;
            }
            assertTrue(sequence >= lastSequence, "sequence never goes back");
            assertTrue(timeNs >= lastTimeNs, "time never goes back");
            lastSequence = sequence;
            lastTimeNs = timeNs;
        }
    }
}
