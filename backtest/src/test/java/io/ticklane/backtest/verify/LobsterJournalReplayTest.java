package io.ticklane.backtest.verify;

import io.ticklane.journal.RealData;
import io.ticklane.journal.importer.JournalImport;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.journal.reader.lobster.LobsterBookReader;
import io.ticklane.journal.reader.lobster.LobsterContext;
import io.ticklane.orderbook.BookState;
import io.ticklane.orderbook.StaleReason;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A LOBSTER import replayed from its journal through a fresh L3 book, as a backtest's venue and strategy read it,
 * gives the orderbook file's book after every row and never goes STALE: the import journals its window (levels
 * learned from the orderbook file, levels leaving the top N). Without those frames the same replay cannot be
 * trusted, and must not pretend it can.
 */
class LobsterJournalReplayTest
{
    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({
        "lobster/AMZN_2012-06-21_34200000_57600000_message_5.csv.gz, lobster/AMZN_2012-06-21_34200000_57600000_orderbook_5.csv.gz, 155935",
        "lobster/AMZN_2012-06-21_34200000_57600000_message_1.csv.gz, lobster/AMZN_2012-06-21_34200000_57600000_orderbook_1.csv.gz, 57515",
        "lobster/aapl-l10-first999/AAPL_2012-06-21_34200000_57600000_message_10.csv, " +
            "lobster/aapl-l10-first999/AAPL_2012-06-21_34200000_57600000_orderbook_10.csv, 999",
    })
    void aReplayedImportIsTheOrderbookFilesBookAfterEveryRowAndNeverStale(
        final String message, final String orderbook, final long expectedRows) throws IOException
    {
        final Path messageFile = RealData.file(message);
        final Path bookFile = RealData.file(orderbook);
        final Path journal = tmp.resolve("journal");
        final VerifyReport report;
        try (JournalImport importer = new JournalImport(journal, "test", "test", (records) -> { }))
        {
            report = new LobsterVerification(messageFile, bookFile, 0, new LobsterContext(), (rows) -> { })
                .observer((book) -> importer)
                .run();
            importer.commit();
        }
        assertEquals(expectedRows, report.rows());
        assertEquals(0, report.mismatches(), report.differences().toString());
        assertTrue(report.learned() > 0 && report.dropped() > 0, report.windowLine());

        final ReplayedBook windowed = replay(journal, bookFile, false);
        assertEquals(expectedRows, windowed.rowsCompared);
        assertEquals(0, windowed.mismatches, windowed.differences.toString());
        assertEquals(0, windowed.bookFramesWhileStale);
        assertEquals(BookState.LIVE, windowed.book.state());
        assertEquals(0, windowed.book.staleCount());
        // what the replay absorbed is what the import's own book absorbed: the same frames, the same book
        assertEquals(report.absorbedEvents(), windowed.book.unknownOrderEventsAbsorbed());
        assertEquals(report.absorbedQuantity(), windowed.book.unknownOrderQuantityAbsorbed());
        assertEquals(report.ordersForgotten(), windowed.book.ordersForgotten());
        assertEquals(report.learned() + report.dropped(), windowed.book.levelsStated());

        // The same journal without the window: the book meets what it never saw and says so.
        final ReplayedBook blind = replay(journal, bookFile, true);
        assertTrue(blind.mismatches > 0, "without the window frames some row must differ");
        if (expectedRows > 999)
        {
            assertEquals(StaleReason.UNKNOWN_ORDER_ID, blind.book.staleReason());
            assertTrue(blind.bookFramesWhileStale > windowed.bookFrames / 2, "stale for most of the day: " +
                blind.bookFramesWhileStale);
        }
    }

    private static ReplayedBook replay(final Path journal, final Path bookFile, final boolean skipWindow) throws IOException
    {
        try (JournalReader reader = JournalReader.open(journal);
            LobsterBookReader rows = new LobsterBookReader(bookFile))
        {
            final int levels;
            try (LobsterBookReader first = new LobsterBookReader(bookFile))
            {
                first.next();
                levels = first.levels();
            }
            final ReplayedBook replayed = new ReplayedBook(rows, levels, LobsterContext.DEFAULT_TICK_SIZE, skipWindow);
            reader.readInbound(replayed);
            replayed.finish();
            return replayed;
        }
    }
}
