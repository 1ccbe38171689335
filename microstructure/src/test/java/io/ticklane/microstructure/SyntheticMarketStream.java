package io.ticklane.microstructure;

import io.ticklane.sbe.AggressorSide;
import io.ticklane.sbe.L2Action;
import io.ticklane.sbe.L2SnapshotEncoder;
import io.ticklane.sbe.L2UpdateEncoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TradeEncoder;
import io.ticklane.sbe.TradeType;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * An endless, deterministic stream of SBE market data for allocation tests and benchmarks of the factor engine:
 * a 10-level snapshot, then events 1 ms apart — every fourth a trade sweeping 0 to 3 ticks beyond the touch, the
 * others two-level book updates that improve the touch by a tick, change sizes and take the improvement away, on
 * both sides — so every factor's state moves. Frames are encoded once; each event only stamps time and sequence.
 */
public final class SyntheticMarketStream
{
    /** Instrument of every frame. */
    public static final int INSTRUMENT = 5;
    /** Event time step, ns. */
    public static final long STEP_NS = 1_000_000;

    private static final int FRAMES = 64;
    private static final int SLOT = 256;

    private final UnsafeBuffer updates = new UnsafeBuffer(new byte[FRAMES * SLOT]);
    private final UnsafeBuffer tradeFrame = new UnsafeBuffer(new byte[SLOT]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final TradeEncoder trade = new TradeEncoder();
    private final MessageHandler target;
    private int updateLength;
    private int tradeLength;
    private long sequence = 1;
    private long lastBookSequence;

    /**
     * Encodes the frames and sends the snapshot.
     *
     * @param target receives every frame (e.g. a factor engine).
     */
    public SyntheticMarketStream(final MessageHandler target)
    {
        this.target = target;
        final L2SnapshotEncoder snapshot = new L2SnapshotEncoder().wrapAndApplyHeader(updates, 0, header)
            .instrumentId(INSTRUMENT).sequence(0);
        final L2SnapshotEncoder.LevelsEncoder levels = snapshot.levelsCount(20);
        for (int i = 0; i < 10; i++)
        {
            levels.next().side(Side.BUY).price(1_000 - i).quantity(10 + i);
            levels.next().side(Side.SELL).price(1_001 + i).quantity(10 + i);
        }
        target.onMessage(L2SnapshotEncoder.TEMPLATE_ID, updates, 0,
            MessageHeaderEncoder.ENCODED_LENGTH + snapshot.encodedLength());
        trade.wrapAndApplyHeader(tradeFrame, 0, header).instrumentId(INSTRUMENT).tradeType(TradeType.REGULAR);
        tradeLength = MessageHeaderEncoder.ENCODED_LENGTH + trade.encodedLength();
        encodeUpdates();
    }

    /**
     * Sends the next event.
     */
    public void next()
    {
        final long seq = sequence++;
        final long timeNs = seq * STEP_NS;
        if (0 == (seq & 3))
        {
            final long depth = (seq >> 2) % 4;
            final boolean buy = 0 == (seq >> 2) % 3;
            trade.wrap(tradeFrame, MessageHeaderEncoder.ENCODED_LENGTH)
                .receiveTimeNs(timeNs).exchangeTimeNs(timeNs).sequence(seq).tradeId(seq)
                .priceUnits(buy ? 1_001 + depth : 1_000 - depth).quantity(1 + seq % 7)
                .aggressorSide(buy ? AggressorSide.BUY : AggressorSide.SELL);
            target.onMessage(TradeEncoder.TEMPLATE_ID, tradeFrame, 0, tradeLength);
        }
        else
        {
            final int offset = (int)(seq % FRAMES) * SLOT;
            final int body = offset + MessageHeaderEncoder.ENCODED_LENGTH;
            updates.putLong(body + L2UpdateEncoder.receiveTimeNsEncodingOffset(), timeNs);
            updates.putLong(body + L2UpdateEncoder.sequenceEncodingOffset(), seq);
            updates.putLong(body + L2UpdateEncoder.prevSequenceEncodingOffset(), lastBookSequence);
            lastBookSequence = seq;
            target.onMessage(L2UpdateEncoder.TEMPLATE_ID, updates, offset, updateLength);
        }
    }

    private void encodeUpdates()
    {
        final L2UpdateEncoder update = new L2UpdateEncoder();
        for (int i = 0; i < FRAMES; i++)
        {
            update.wrapAndApplyHeader(updates, i * SLOT, header).instrumentId(INSTRUMENT);
            final L2UpdateEncoder.LevelsEncoder levels = update.levelsCount(2);
            final int phase = i % 8;
            final boolean bid = 0 == (i / 8) % 2;
            if (phase < 4)
            {
                levels.next().side(bid ? Side.BUY : Side.SELL).action(L2Action.CHANGE)
                    .price(bid ? 1_000 : 1_001).quantity(5 + phase);
                levels.next().side(bid ? Side.SELL : Side.BUY).action(L2Action.CHANGE)
                    .price(bid ? 1_002 : 999).quantity(3 + phase);
            }
            else
            {
                levels.next().side(bid ? Side.BUY : Side.SELL).action(L2Action.CHANGE)
                    .price(bid ? 999 : 1_002).quantity(7 + phase);
                levels.next().side(bid ? Side.SELL : Side.BUY).action(0 == phase % 2 ? L2Action.DELETE : L2Action.CHANGE)
                    .price(bid ? 1_001 : 1_000).quantity(0 == phase % 2 ? 0 : 4);
            }
            updateLength = MessageHeaderEncoder.ENCODED_LENGTH + update.encodedLength();
        }
    }
}
