package io.ticklane.orderbook;

import io.ticklane.sbe.L2Action;
import io.ticklane.sbe.L2SnapshotEncoder;
import io.ticklane.sbe.L2UpdateEncoder;
import io.ticklane.sbe.L3EventType;
import io.ticklane.sbe.L3OrderEventEncoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Encodes small SBE frames for book tests and feeds them through a {@link BookFeed}.
 */
final class Frames
{
    static final long INSTRUMENT = 7;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64 * 1024]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final L2SnapshotEncoder snapshot = new L2SnapshotEncoder();
    private final L2UpdateEncoder update = new L2UpdateEncoder();
    private final L3OrderEventEncoder event = new L3OrderEventEncoder();
    private final BookFeed feed;

    Frames(final OrderBook book)
    {
        this.feed = new BookFeed(book);
    }

    /** levels as triples: side(1 bid, 2 ask), price, quantity. */
    void snapshot(final long sequence, final long... levels)
    {
        snapshot.wrapAndApplyHeader(buffer, 0, header)
            .exchangeTimeNs(sequence).receiveTimeNs(sequence).instrumentId(INSTRUMENT).sequence(sequence);
        final L2SnapshotEncoder.LevelsEncoder group = snapshot.levelsCount(levels.length / 3);
        for (int i = 0; i < levels.length; i += 3)
        {
            group.next().side(1 == levels[i] ? Side.BUY : Side.SELL).price(levels[i + 1]).quantity(levels[i + 2]);
        }
        dispatch(L2SnapshotEncoder.TEMPLATE_ID, snapshot.encodedLength());
    }

    /** levels as triples: side(1 bid, 2 ask), price, quantity (0 = delete). */
    void update(final long sequence, final long prevSequence, final long... levels)
    {
        updateFor(INSTRUMENT, sequence, prevSequence, levels);
    }

    void updateFor(final long instrument, final long sequence, final long prevSequence, final long... levels)
    {
        update.wrapAndApplyHeader(buffer, 0, header)
            .exchangeTimeNs(sequence).receiveTimeNs(sequence).instrumentId(instrument)
            .sequence(sequence).prevSequence(prevSequence);
        final L2UpdateEncoder.LevelsEncoder group = update.levelsCount(levels.length / 3);
        for (int i = 0; i < levels.length; i += 3)
        {
            group.next()
                .side(1 == levels[i] ? Side.BUY : Side.SELL)
                .action(0 == levels[i + 2] ? L2Action.DELETE : L2Action.CHANGE)
                .price(levels[i + 1])
                .quantity(levels[i + 2]);
        }
        dispatch(L2UpdateEncoder.TEMPLATE_ID, update.encodedLength());
    }

    void event(
        final long sequence,
        final long prevSequence,
        final L3EventType type,
        final long orderId,
        final Side side,
        final long price,
        final long quantity)
    {
        event.wrapAndApplyHeader(buffer, 0, header)
            .exchangeTimeNs(sequence).receiveTimeNs(sequence).instrumentId(INSTRUMENT)
            .sequence(sequence).prevSequence(prevSequence)
            .orderId(orderId).eventType(type).side(side).price(price).quantity(quantity);
        dispatch(L3OrderEventEncoder.TEMPLATE_ID, event.encodedLength());
    }

    private void dispatch(final int templateId, final int bodyLength)
    {
        feed.onMessage(templateId, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + bodyLength);
    }
}
