package io.ticklane.perf.jmh;

import io.ticklane.sbe.L2Action;
import io.ticklane.sbe.L2UpdateEncoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.Side;
import org.agrona.MutableDirectBuffer;

/**
 * The ~100-byte frame the journal and ring benchmarks move: one SBE L2Update of three levels (102 bytes), the size of a
 * typical incremental book update, encoded once. Its receive time sits at a fixed offset so a consumer can read it.
 */
final class L2UpdateFrame
{
    static final long INSTRUMENT = 7;
    static final int LEVELS = 3;
    static final int LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + L2UpdateEncoder.BLOCK_LENGTH +
        L2UpdateEncoder.LevelsEncoder.sbeHeaderSize() + LEVELS * L2UpdateEncoder.LevelsEncoder.sbeBlockLength();
    static final int RECEIVE_TIME_OFFSET = MessageHeaderEncoder.ENCODED_LENGTH + L2UpdateEncoder.receiveTimeNsEncodingOffset();

    private L2UpdateFrame()
    {
    }

    /**
     * @param buffer receives the frame; at least {@link #LENGTH} bytes from {@code offset}.
     * @param offset where the frame starts.
     * @return bytes written, {@link #LENGTH}.
     */
    static int encode(final MutableDirectBuffer buffer, final int offset)
    {
        final L2UpdateEncoder update = new L2UpdateEncoder()
            .wrapAndApplyHeader(buffer, offset, new MessageHeaderEncoder())
            .exchangeTimeNs(1_700_000_000_000_000_000L)
            .receiveTimeNs(1_700_000_000_000_050_000L)
            .instrumentId(INSTRUMENT)
            .sequence(2)
            .prevSequence(1);
        final L2UpdateEncoder.LevelsEncoder levels = update.levelsCount(LEVELS);
        levels.next().side(Side.BUY).action(L2Action.CHANGE).price(9_999).quantity(12);
        levels.next().side(Side.SELL).action(L2Action.DELETE).price(10_001).quantity(0);
        levels.next().side(Side.SELL).action(L2Action.NEW).price(10_002).quantity(7);
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + update.encodedLength();
        if (LENGTH != length)
        {
            throw new IllegalStateException("L2Update of " + LEVELS + " levels is " + length + " bytes, expected " + LENGTH);
        }
        return length;
    }
}
