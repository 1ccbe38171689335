package io.ticklane.backtest.verify;

import io.ticklane.journal.reader.lobster.LobsterBookReader;
import io.ticklane.orderbook.BookFeed;
import io.ticklane.orderbook.BookState;
import io.ticklane.orderbook.L3Book;
import io.ticklane.orderbook.OrderBook;
import io.ticklane.sbe.L2SnapshotDecoder;
import io.ticklane.sbe.L2UpdateDecoder;
import io.ticklane.sbe.L3OrderEventDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A fresh {@link L3Book} fed the frames of a LOBSTER import, as a backtest's venue or strategy would be, checked
 * against the orderbook file after every row with {@link LobsterRowCheck}: a row is complete when a frame of a later
 * row arrives (every frame carries its row as {@code sequence}; the window's L2 updates carry the book's), and at the end.
 */
final class ReplayedBook implements MessageHandler
{
    // every market data message starts with exchangeTimeNs, receiveTimeNs, instrumentId, sequence (SCHEMA.md)
    private static final int SEQUENCE_OFFSET = MessageHeaderDecoder.ENCODED_LENGTH + L3OrderEventDecoder.sequenceEncodingOffset();

    final L3Book book = new L3Book(1, OrderBook.DEFAULT_LADDER_CAPACITY, 1 << 18);
    final List<String> differences = new ArrayList<>();
    long bookFrames;
    long bookFramesWhileStale;
    long rowsCompared;
    long mismatches;

    private final BookFeed feed = new BookFeed(book);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final LobsterBookReader rows;
    private final LobsterRowCheck check;
    private final boolean skipWindowUpdates;
    private long currentRow;

    /**
     * @param rows              the orderbook file, not yet read.
     * @param fileLevels        its N.
     * @param tickSize          tick in LOBSTER price units.
     * @param skipWindowUpdates true to drop the import's window L2 updates, as a journal without them would be.
     */
    ReplayedBook(final LobsterBookReader rows, final int fileLevels, final long tickSize, final boolean skipWindowUpdates)
    {
        this.rows = rows;
        this.check = new LobsterRowCheck(fileLevels, tickSize);
        this.skipWindowUpdates = skipWindowUpdates;
    }

    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        header.wrap(buffer, index);
        final int templateId = header.templateId();
        if (skipWindowUpdates && L2UpdateDecoder.TEMPLATE_ID == templateId)
        {
            return;
        }
        final long sequence = buffer.getLong(index + SEQUENCE_OFFSET, ByteOrder.LITTLE_ENDIAN);
        if (sequence > currentRow)
        {
            compareUpTo(sequence - 1);
            currentRow = sequence;
        }
        feed.onMessage(templateId, buffer, index, length);
        if (L3OrderEventDecoder.TEMPLATE_ID == templateId || L2UpdateDecoder.TEMPLATE_ID == templateId ||
            L2SnapshotDecoder.TEMPLATE_ID == templateId)
        {
            bookFrames++;
            if (BookState.LIVE != book.state())
            {
                bookFramesWhileStale++;
            }
        }
    }

    /**
     * Compares the rows left once every frame has been fed.
     */
    void finish()
    {
        compareUpTo(Long.MAX_VALUE);
    }

    private void compareUpTo(final long lastRow)
    {
        while (rows.row() < lastRow && rows.next())
        {
            rowsCompared++;
            final String difference = BookState.LIVE != book.state() ? "STALE " + book.staleReason() :
                check.difference(book, rows, rows.levels());
            if (null != difference)
            {
                mismatches++;
                if (differences.size() < 5)
                {
                    differences.add("row " + rows.row() + ": " + difference);
                }
            }
        }
    }
}
