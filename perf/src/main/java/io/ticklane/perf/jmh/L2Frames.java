package io.ticklane.perf.jmh;

import io.ticklane.sbe.L2Action;
import io.ticklane.sbe.L2SnapshotEncoder;
import io.ticklane.sbe.L2UpdateEncoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.Side;
import org.agrona.BitUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Encodes an {@link L2UpdateStream} as SBE frames laid end to end in one buffer, one level per L2Update as a venue
 * sends it, plus the L2Snapshot of the stream's starting book. Sequence numbers are stamped in place just before
 * each frame is applied, so the frames can be replayed forever without a gap.
 */
final class L2Frames
{
    static final long INSTRUMENT = 7;
    private static final int SEQUENCE_OFFSET = MessageHeaderEncoder.ENCODED_LENGTH + L2UpdateEncoder.sequenceEncodingOffset();
    private static final int PREV_SEQUENCE_OFFSET =
        MessageHeaderEncoder.ENCODED_LENGTH + L2UpdateEncoder.prevSequenceEncodingOffset();

    final UnsafeBuffer updates;
    final int frameLength;
    final int frameStride;
    final UnsafeBuffer snapshot;
    final int snapshotLength;

    L2Frames(final L2UpdateStream stream)
    {
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        final L2UpdateEncoder update = new L2UpdateEncoder();
        frameLength = MessageHeaderEncoder.ENCODED_LENGTH + L2UpdateEncoder.BLOCK_LENGTH +
            L2UpdateEncoder.LevelsEncoder.sbeHeaderSize() + L2UpdateEncoder.LevelsEncoder.sbeBlockLength();
        frameStride = BitUtil.align(frameLength, 8);
        updates = new UnsafeBuffer(new byte[stream.length() * frameStride]);

        for (int i = 0; i < stream.length(); i++)
        {
            final long quantity = stream.quantities[i];
            update.wrapAndApplyHeader(updates, i * frameStride, header)
                .exchangeTimeNs(i).receiveTimeNs(i).instrumentId(INSTRUMENT)
                .levelsCount(1).next()
                .side(stream.sides[i])
                .action(0 == quantity ? L2Action.DELETE : L2Action.CHANGE)
                .price(stream.prices[i])
                .quantity(quantity);
        }

        snapshot = new UnsafeBuffer(new byte[MessageHeaderEncoder.ENCODED_LENGTH + L2SnapshotEncoder.BLOCK_LENGTH +
            L2SnapshotEncoder.LevelsEncoder.sbeHeaderSize() + 2 * stream.depth * L2SnapshotEncoder.LevelsEncoder.sbeBlockLength()]);
        final L2SnapshotEncoder encoder = new L2SnapshotEncoder()
            .wrapAndApplyHeader(snapshot, 0, header)
            .instrumentId(INSTRUMENT)
            .sequence(0);
        final L2SnapshotEncoder.LevelsEncoder levels = encoder.levelsCount(2 * stream.depth);
        for (int i = 0; i < stream.depth; i++)
        {
            levels.next().side(Side.BUY).price(L2UpdateStream.bidPrice(i)).quantity(stream.initialBidQuantities[i]);
            levels.next().side(Side.SELL).price(L2UpdateStream.askPrice(i)).quantity(stream.initialAskQuantities[i]);
        }
        snapshotLength = MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }

    /**
     * Stamps the frame at {@code index} to follow {@code sequence - 1}.
     *
     * @return offset of the frame in {@link #updates}.
     */
    int stamp(final int index, final long sequence)
    {
        final int offset = index * frameStride;
        updates.putLong(offset + SEQUENCE_OFFSET, sequence);
        updates.putLong(offset + PREV_SEQUENCE_OFFSET, sequence - 1);
        return offset;
    }
}
