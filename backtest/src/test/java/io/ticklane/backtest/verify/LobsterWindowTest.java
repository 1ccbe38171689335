package io.ticklane.backtest.verify;

import io.ticklane.journal.reader.lobster.LobsterBookReader;
import io.ticklane.journal.reader.lobster.LobsterContext;
import io.ticklane.orderbook.BookState;
import io.ticklane.sbe.L2Action;
import io.ticklane.sbe.L2UpdateDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.Side;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The window rule on a hand-built level-2 pair: ask 102 leaves the top two when 100.50 arrives (DELETE), comes back
 * with 25 shares no message announced (NEW, learned), loses 10 to a cancel of an order placed before the file (absorbed),
 * and 103 enters when 101 is executed by an order the file never added (learned, absorbed). Frames and sizes below
 * are worked out by hand from the rows.
 */
class LobsterWindowTest
{
    private static final String MESSAGES =
        "34200.1,1,2,1,990000,1\n" +
        "34200.2,1,1,5,1005000,-1\n" +
        "34200.3,3,1,5,1005000,-1\n" +
        "34200.4,2,77,10,1020000,-1\n" +
        "34200.5,4,88,10,1010000,-1\n";
    // askPrice1,askSize1,bidPrice1,bidSize1,askPrice2,askSize2,bidPrice2,bidSize2
    private static final String ROWS =
        "1010000,10,990000,11,1020000,20,980000,5\n" +
        "1005000,5,990000,11,1010000,10,980000,5\n" +
        "1010000,10,990000,11,1020000,25,980000,5\n" +
        "1010000,10,990000,11,1020000,15,980000,5\n" +
        "1020000,15,990000,11,1030000,7,980000,5\n";

    @TempDir
    Path tmp;

    @Test
    void levelsLeavingAndEnteringTheWindowAreJournaledChainedOnTheRowAndReplayExactly() throws IOException
    {
        final Path message = write("TEST_2012-06-21_34200000_57600000_message_2.csv", MESSAGES);
        final Path book = write("TEST_2012-06-21_34200000_57600000_orderbook_2.csv", ROWS);
        final Captured frames = new Captured();

        final VerifyReport report = new LobsterVerification(message, book, 0, new LobsterContext(), (rows) -> { })
            .observer((built) -> frames)
            .run();

        assertEquals(0, report.mismatches(), report.differences().toString());
        assertEquals(2, report.learned());
        assertEquals(1, report.dropped());
        assertEquals(2, report.absorbedEvents());
        assertEquals(20, report.absorbedQuantity());
        assertEquals(0, report.ordersForgotten(), "102 held only anonymous size when it left");

        // seed (the import puts the definition ahead of it), definition, row 1 ADD, row 2 ADD + window, row 3 DELETE + window, row 4 CANCEL, row 5 EXECUTE + trade + window
        assertEquals(List.of("10/0", "1/0", "12/1", "12/2", "11/2", "12/3", "11/3", "12/4", "12/5", "13/5", "11/5"),
            frames.typesAndSequences);
        assertEquals(List.of(
            "seq 2 prev 2: SELL DELETE 10200x0",
            "seq 3 prev 3: SELL NEW 10200x25",
            "seq 5 prev 5: SELL NEW 10300x7"), frames.windowUpdates);

        try (LobsterBookReader rows = new LobsterBookReader(book))
        {
            final ReplayedBook replayed = new ReplayedBook(rows, 2, LobsterContext.DEFAULT_TICK_SIZE, false);
            frames.replay(replayed);
            replayed.finish();
            assertEquals(5, replayed.rowsCompared);
            assertEquals(0, replayed.mismatches, replayed.differences.toString());
            assertEquals(BookState.LIVE, replayed.book.state());
            assertEquals(15, replayed.book.asks().anonymousQuantity(10200));
        }

        try (LobsterBookReader rows = new LobsterBookReader(book))
        {
            // Without the window the stale 20 shares at 102 stay (phantom liquidity) and 103 never appears.
            final ReplayedBook blind = new ReplayedBook(rows, 2, LobsterContext.DEFAULT_TICK_SIZE, true);
            frames.replay(blind);
            blind.finish();
            assertEquals(3, blind.mismatches, blind.differences.toString());
            assertEquals(10, blind.book.asks().quantity(10200));
            assertNotNull(blind.differences.get(0));
            assertEquals("row 3: ask level 2: expected 10200x25, book has 10200x20", blind.differences.get(0));
        }
    }

    private Path write(final String name, final String content) throws IOException
    {
        return Files.write(tmp.resolve(name), content.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Copies every frame the observer sees and describes the window's L2 updates.
     */
    private static final class Captured implements MessageHandler
    {
        final List<String> typesAndSequences = new ArrayList<>();
        final List<String> windowUpdates = new ArrayList<>();
        private final List<byte[]> copies = new ArrayList<>();
        private final List<Integer> types = new ArrayList<>();
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final L2UpdateDecoder update = new L2UpdateDecoder();

        public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
        {
            final byte[] copy = new byte[length];
            buffer.getBytes(index, copy);
            copies.add(copy);
            types.add(msgTypeId);
            typesAndSequences.add(msgTypeId + "/" + buffer.getLong(
                index + MessageHeaderDecoder.ENCODED_LENGTH + L2UpdateDecoder.sequenceEncodingOffset(), ByteOrder.LITTLE_ENDIAN));
            if (L2UpdateDecoder.TEMPLATE_ID == msgTypeId)
            {
                update.wrapAndApplyHeader(buffer, index, header);
                final StringBuilder text = new StringBuilder("seq " + update.sequence() + " prev " + update.prevSequence() + ":");
                for (final L2UpdateDecoder.LevelsDecoder level : update.levels())
                {
                    text.append(' ').append(Side.BUY == level.side() ? "BUY" : "SELL").append(' ')
                        .append(L2Action.NEW == level.action() ? "NEW" : level.action().name()).append(' ')
                        .append(level.price()).append('x').append(level.quantity());
                }
                windowUpdates.add(text.toString());
            }
        }

        void replay(final MessageHandler handler)
        {
            final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(256);
            for (int i = 0; i < copies.size(); i++)
            {
                buffer.putBytes(0, copies.get(i));
                handler.onMessage(types.get(i), buffer, 0, copies.get(i).length);
            }
        }
    }
}
