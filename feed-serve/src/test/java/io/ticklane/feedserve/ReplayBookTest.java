package io.ticklane.feedserve;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The book behind {@code feed serve}'s REST answers, on hand-made futures messages: diffs read before the snapshot
 * apply only past its id, a zero quantity removes a level, quantities keep their recorded text, and the rendered
 * snapshot carries the last diff's id and times.
 */
class ReplayBookTest
{
    @Test
    void diffsBeforeTheSnapshotApplyOnlyPastItsIdAndTheAnswerCarriesTheLastDiffsId()
    {
        final ReplayBook book = new ReplayBook();
        book.onDepth(diff(90, 95, 89, "[[\"100.0\",\"9.000\"]]", "[]"));
        book.onDepth(diff(96, 102, 95, "[[\"100.1\",\"1.500\"]]", "[[\"100.3\",\"0.000\"]]"));
        assertFalse(book.initialised());

        book.onSnapshot("{\"lastUpdateId\":100,\"E\":1,\"T\":2,\"bids\":[[\"100.0\",\"1.000\"],[\"99.9\",\"2.000\"]]," +
            "\"asks\":[[\"100.3\",\"3.000\"],[\"100.4\",\"4.000\"]]}");

        assertTrue(book.initialised());
        assertEquals(102, book.lastUpdateId());
        assertEquals("{\"lastUpdateId\":102,\"E\":2002,\"T\":2001,\"bids\":[[\"100.1\",\"1.500\"],[\"100.0\",\"1.000\"]," +
            "[\"99.9\",\"2.000\"]],\"asks\":[[\"100.4\",\"4.000\"]]}", book.render(1000));
    }

    @Test
    void aDiffAlreadyContainedIsIgnoredAndTheLimitCutsEachSide()
    {
        final ReplayBook book = new ReplayBook();
        book.onSnapshot("{\"lastUpdateId\":100,\"E\":1,\"T\":2,\"bids\":[[\"100.0\",\"1.000\"],[\"99.9\",\"2.000\"]]," +
            "\"asks\":[[\"100.3\",\"3.000\"]]}");
        book.onDepth(diff(99, 100, 98, "[[\"100.0\",\"0.000\"]]", "[]"));
        book.onDepth(diff(101, 103, 100, "[[\"99.9\",\"0\"]]", "[[\"100.2\",\"0.500\"]]"));

        assertEquals(103, book.lastUpdateId());
        assertEquals("{\"lastUpdateId\":103,\"E\":2003,\"T\":2001,\"bids\":[[\"100.0\",\"1.000\"]],\"asks\":[[\"100.2\",\"0.500\"]]}",
            book.render(1));
    }

    @Test
    void paceReadsRecordedMaxAndFactorsAndRefusesTheRest()
    {
        assertTrue(Pace.parse("max").isMax());
        assertEquals(1_000, Pace.parse("recorded").scale(1_000));
        assertEquals(100, Pace.parse("10x").scale(1_000));
        assertEquals(2_000, Pace.parse("0.5x").scale(1_000));
        assertThrows(IllegalArgumentException.class, () -> Pace.parse("0x"));
        assertThrows(IllegalArgumentException.class, () -> Pace.parse("fast"));
        assertThrows(IllegalArgumentException.class, () -> new Faults(-1, 0, 0));
    }

    private static String diff(final long first, final long last, final long prev, final String bids, final String asks)
    {
        return "{\"stream\":\"btcusdt@depth@0ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":" + (1900 + last) + ",\"T\":2001," +
            "\"s\":\"BTCUSDT\",\"U\":" + first + ",\"u\":" + last + ",\"pu\":" + prev + ",\"b\":" + bids + ",\"a\":" + asks + "}}";
    }
}
