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

    /** One level of an L2 update with its action given, as an L3 book reads it (a statement about the level). */
    void level(
        final long sequence,
        final long prevSequence,
        final L2Action action,
        final Side side,
        final long price,
        final long quantity)
    {
        update.wrapAndApplyHeader(buffer, 0, header)
            .exchangeTimeNs(sequence).receiveTimeNs(sequence).instrumentId(INSTRUMENT)
            .sequence(sequence).prevSequence(prevSequence)
            .levelsCount(1).next().side(side).action(action).price(price).quantity(quantity);
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

    /**
     * One level whose side and action bytes are written raw, as a newer schema's writer (or a hostile one) might:
     * values the schema does not define, or the null value 255.
     */
    void rawUpdate(
        final long sequence, final long prevSequence, final int sideRaw, final int actionRaw, final long price,
        final long quantity)
    {
        update.wrapAndApplyHeader(buffer, 0, header)
            .exchangeTimeNs(sequence).receiveTimeNs(sequence).instrumentId(INSTRUMENT)
            .sequence(sequence).prevSequence(prevSequence)
            .levelsCount(1).next().side(Side.BUY).action(L2Action.CHANGE).price(price).quantity(quantity);
        final int level = MessageHeaderEncoder.ENCODED_LENGTH + L2UpdateEncoder.BLOCK_LENGTH +
            L2UpdateEncoder.LevelsEncoder.sbeHeaderSize();
        buffer.putByte(level + L2UpdateEncoder.LevelsEncoder.sideEncodingOffset(), (byte)sideRaw);
        buffer.putByte(level + L2UpdateEncoder.LevelsEncoder.actionEncodingOffset(), (byte)actionRaw);
        dispatch(L2UpdateEncoder.TEMPLATE_ID, update.encodedLength());
    }

    /**
     * A snapshot of one good bid and then one level whose side byte is written raw.
     */
    void rawSnapshot(final long sequence, final long bid, final int sideRaw, final long price)
    {
        snapshot.wrapAndApplyHeader(buffer, 0, header)
            .exchangeTimeNs(sequence).receiveTimeNs(sequence).instrumentId(INSTRUMENT).sequence(sequence);
        final L2SnapshotEncoder.LevelsEncoder group = snapshot.levelsCount(2);
        group.next().side(Side.BUY).price(bid).quantity(5);
        group.next().side(Side.SELL).price(price).quantity(5);
        final int second = MessageHeaderEncoder.ENCODED_LENGTH + L2SnapshotEncoder.BLOCK_LENGTH +
            L2SnapshotEncoder.LevelsEncoder.sbeHeaderSize() + L2SnapshotEncoder.LevelsEncoder.sbeBlockLength();
        buffer.putByte(second + L2SnapshotEncoder.LevelsEncoder.sideEncodingOffset(), (byte)sideRaw);
        dispatch(L2SnapshotEncoder.TEMPLATE_ID, snapshot.encodedLength());
    }

    /**
     * An ADD whose side byte is written raw.
     */
    void rawSideEvent(final long sequence, final long prevSequence, final long orderId, final int sideRaw, final long price)
    {
        event.wrapAndApplyHeader(buffer, 0, header)
            .exchangeTimeNs(sequence).receiveTimeNs(sequence).instrumentId(INSTRUMENT)
            .sequence(sequence).prevSequence(prevSequence)
            .orderId(orderId).eventType(L3EventType.ADD).side(Side.BUY).price(price).quantity(1);
        buffer.putByte(MessageHeaderEncoder.ENCODED_LENGTH + L3OrderEventEncoder.sideEncodingOffset(), (byte)sideRaw);
        dispatch(L3OrderEventEncoder.TEMPLATE_ID, event.encodedLength());
    }

    private void dispatch(final int templateId, final int bodyLength)
    {
        feed.onMessage(templateId, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + bodyLength);
    }
}
