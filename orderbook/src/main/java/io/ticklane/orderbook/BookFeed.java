package io.ticklane.orderbook;

import io.ticklane.sbe.L2SnapshotDecoder;
import io.ticklane.sbe.L2UpdateDecoder;
import io.ticklane.sbe.L3OrderEventDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;

/**
 * Routes SBE frames to a book: wraps the reused decoder for the frame's template and applies it. Frames that do not
 * change a book (trades, top of book, status, reference data) are counted and passed over, so one handler can sit
 * on a whole market data stream.
 */
public final class BookFeed implements MessageHandler
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final L2SnapshotDecoder snapshot = new L2SnapshotDecoder();
    private final L2UpdateDecoder update = new L2UpdateDecoder();
    private final L3OrderEventDecoder orderEvent = new L3OrderEventDecoder();
    private final OrderBook book;
    private long otherMessages;

    /**
     * @param book the book the frames are applied to.
     */
    public BookFeed(final OrderBook book)
    {
        this.book = book;
    }

    /**
     * @return the book fed.
     */
    public OrderBook book()
    {
        return book;
    }

    /**
     * @return frames that were not book messages.
     */
    public long otherMessages()
    {
        return otherMessages;
    }

    /**
     * @param msgTypeId SBE template id (also read from the header).
     * @param buffer    holding the frame.
     * @param index     offset of the frame's message header.
     * @param length    of the frame.
     */
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        header.wrap(buffer, index);
        final int bodyOffset = index + MessageHeaderDecoder.ENCODED_LENGTH;
        final int blockLength = header.blockLength();
        final int version = header.version();
        switch (header.templateId())
        {
            case L3OrderEventDecoder.TEMPLATE_ID:
                book.onOrderEvent(orderEvent.wrap(buffer, bodyOffset, blockLength, version));
                break;
            case L2UpdateDecoder.TEMPLATE_ID:
                book.onUpdate(update.wrap(buffer, bodyOffset, blockLength, version));
                break;
            case L2SnapshotDecoder.TEMPLATE_ID:
                book.onSnapshot(snapshot.wrap(buffer, bodyOffset, blockLength, version));
                break;
            default:
                otherMessages++;
                break;
        }
    }
}
