package io.ticklane.journal.reader.lobster;

import io.ticklane.journal.reader.InputFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LobsterBookReaderTest
{
    private static final String NAME = "TEST_2012-06-21_34200000_57600000_orderbook_2.csv";
    private static final String ROW_1 = "2239500,100,2231800,100,2239900,200,2230700,300\n";
    private static final String ROW_2 = "2239500,100,2238100,21,2239900,200,2231800,100\n";

    @TempDir
    Path dir;

    @Test
    void readsEveryLevelOfEachRowInFileUnits()
    {
        final Path file = TestFiles.plain(dir, NAME, ROW_1 + ROW_2);

        try (LobsterBookReader book = new LobsterBookReader(file))
        {
            assertEquals(0, book.row());
            assertTrue(book.next());
            assertEquals(1, book.row());
            assertEquals(2, book.levels());
            assertEquals(2239500, book.askPrice(1));
            assertEquals(100, book.askSize(1));
            assertEquals(2231800, book.bidPrice(1));
            assertEquals(100, book.bidSize(1));
            assertEquals(2239900, book.askPrice(2));
            assertEquals(200, book.askSize(2));
            assertEquals(2230700, book.bidPrice(2));
            assertEquals(300, book.bidSize(2));

            assertTrue(book.next());
            assertEquals(2, book.row());
            assertEquals(2238100, book.bidPrice(1));
            assertEquals(21, book.bidSize(1));
            assertEquals(2231800, book.bidPrice(2));

            assertFalse(book.next());
            assertEquals(2, book.row());
        }
    }

    @Test
    void recognisesEmptyLevelPlaceholders()
    {
        final Path file = TestFiles.plain(dir, NAME, "2239500,100,-9999999999,0,9999999999,0,-9999999999,0\n");

        try (LobsterBookReader book = new LobsterBookReader(file))
        {
            assertTrue(book.next());
            assertTrue(book.hasAsk(1));
            assertFalse(book.hasAsk(2));
            assertEquals(LobsterBookReader.EMPTY_ASK_PRICE, book.askPrice(2));
            assertEquals(0, book.askSize(2));
            assertFalse(book.hasBid(1));
            assertFalse(book.hasBid(2));
            assertEquals(LobsterBookReader.EMPTY_BID_PRICE, book.bidPrice(1));
            assertEquals(0, book.bidSize(1));
        }
    }

    @Test
    void levelOutsideOneToNIsRejected()
    {
        final Path file = TestFiles.plain(dir, NAME, ROW_1);

        try (LobsterBookReader book = new LobsterBookReader(file))
        {
            assertTrue(book.next());
            assertThrows(IndexOutOfBoundsException.class, () -> book.askPrice(0));
            assertThrows(IndexOutOfBoundsException.class, () -> book.bidSize(3));
        }
    }

    @Test
    void gzipIsDetectedByMagicBytesAndLastLineNeedsNoNewline()
    {
        final Path file = TestFiles.gzip(dir, NAME, ROW_1 + ROW_2.trim());

        try (LobsterBookReader book = new LobsterBookReader(file))
        {
            assertTrue(book.next());
            assertTrue(book.next());
            assertEquals(21, book.bidSize(1));
            assertFalse(book.next());
            assertEquals(2, book.row());
        }
    }

    static Stream<Arguments> malformedRows()
    {
        return Stream.of(
            Arguments.of("level count differs from line 1", ROW_1 + "2239500,100,2231800,100\n",
                "expected 8 columns (2 levels, from line 1), found 4"),
            Arguments.of("non-numeric size", ROW_1 + "2239500,1x0,2231800,100,2239900,200,2230700,300\n",
                "column 2 (askSize1) is '1x0'"),
            Arguments.of("placeholder with a size", ROW_1 + "2239500,100,2231800,100,9999999999,5,2230700,300\n",
                "ask level 2 is the empty placeholder but has size 5"),
            Arguments.of("occupied below empty", ROW_1 + "2239500,100,-9999999999,0,2239900,200,2230700,300\n",
                "bid level 2 is occupied below an empty level"),
            Arguments.of("zero size at an occupied level", ROW_1 + "2239500,0,2231800,100,2239900,200,2230700,300\n",
                "ask level 1 size 0 is not positive"),
            Arguments.of("asks not rising", ROW_1 + "2239500,100,2231800,100,2239500,200,2230700,300\n",
                "ask level 2 price 2239500 is not above level 1"),
            Arguments.of("bids not falling", ROW_1 + "2239500,100,2231800,100,2239900,200,2231900,300\n",
                "bid level 2 price 2231900 is not below level 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRows")
    void malformedRowFailsNamingFileAndLine(final String description, final String content, final String detail)
    {
        final Path file = TestFiles.plain(dir, NAME, content);

        final InputFormatException ex = assertThrows(InputFormatException.class, () -> readAll(file));

        assertEquals(2, ex.line());
        assertTrue(ex.getMessage().startsWith(file + ":2: "), ex.getMessage());
        assertTrue(ex.getMessage().contains(detail), ex.getMessage());
    }

    @Test
    void columnCountNotAMultipleOfFourFailsOnLineOne()
    {
        final Path file = TestFiles.plain(dir, NAME, "2239500,100,2231800\n");

        final InputFormatException ex = assertThrows(InputFormatException.class, () -> readAll(file));

        assertTrue(ex.getMessage().startsWith(file + ":1: 3 columns is not a multiple of 4"), ex.getMessage());
    }

    @Test
    void emptyFileFailsWithNoRows()
    {
        final Path file = TestFiles.plain(dir, NAME, "");

        final InputFormatException ex = assertThrows(InputFormatException.class, () -> readAll(file));

        assertEquals(file + ": no rows", ex.getMessage());
    }

    @Test
    void truncatedGzipFailsNamingTheLineItStoppedAt()
    {
        final String content = TestFiles.repeat(ROW_1, 10_000);
        final Path file = TestFiles.truncatedGzip(dir, NAME + ".gz", content, 20);

        final InputFormatException ex = assertThrows(InputFormatException.class, () -> readAll(file));

        assertTrue(ex.getMessage().startsWith(file + ":"), ex.getMessage());
        assertTrue(ex.getMessage().contains("truncated gzip"), ex.getMessage());
        assertTrue(ex.line() > 0, "names the line where input stopped");
    }

    private static long readAll(final Path file)
    {
        try (LobsterBookReader book = new LobsterBookReader(file))
        {
            while (book.next())
            {
                assertTrue(book.levels() > 0);
            }
            return book.row();
        }
    }
}
