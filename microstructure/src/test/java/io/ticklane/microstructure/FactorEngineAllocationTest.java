package io.ticklane.microstructure;

import io.ticklane.orderbook.L2Book;
import io.ticklane.sbe.AggressorSide;
import io.ticklane.sbe.L2Action;
import io.ticklane.sbe.L2SnapshotEncoder;
import io.ticklane.sbe.L2UpdateEncoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TradeEncoder;
import io.ticklane.sbe.TradeType;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The whole engine with every default factor on: SBE frames in (book updates and trades), a million events, not a
 * byte allocated. The event stream walks the mid up and down so every factor's state machine moves.
 */
class FactorEngineAllocationTest
{
    private static final int INSTRUMENT = 5;
    private static final int WARM_UP = 500_000;
    private static final int EVENTS = 1_000_000;
    private static final int ATTEMPTS = 3;
    private static final long STEP_NS = 1_000_000; // 1 ms between events: every time window opens and closes

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
    private final UnsafeBuffer updates = new UnsafeBuffer(new byte[64 * 256]);
    private final UnsafeBuffer tradeFrame = new UnsafeBuffer(new byte[256]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final L2UpdateEncoder update = new L2UpdateEncoder();
    private final TradeEncoder trade = new TradeEncoder();
    private int updateLength;
    private int tradeLength;

    @Test
    void everyDefaultFactorTogetherAllocatesNothingPerEvent()
    {
        final List<Factor> factors = FactorRegistry.standard().createAll();
        final L2Book book = new L2Book(INSTRUMENT, 1 << 12);
        final FactorEngine engine = new FactorEngine(book, factors);
        snapshot(engine);
        encodeFrames();

        long sequence = 1;
        sequence = run(engine, sequence, WARM_UP);
        final long[] windows = new long[ATTEMPTS];
        for (int i = 0; i < ATTEMPTS && (0 == i || 0 != windows[i - 1]); i++)
        {
            allocatedBytes();
            final long overhead = -(allocatedBytes() - allocatedBytes());
            final long before = allocatedBytes();
            sequence = run(engine, sequence, EVENTS);
            windows[i] = allocatedBytes() - before - overhead;
        }

        assertEquals(0, engine.eventsWhileNotLive(), "every event reached the factors");
        final StringBuilder undefined = new StringBuilder();
        for (int i = 0; i < engine.snapshot().size(); i++)
        {
            if (Double.isNaN(engine.snapshot().value(i)))
            {
                undefined.append(engine.snapshot().id(i)).append(' ');
            }
        }
        assertEquals("", undefined.toString(), "factors still NaN after the run");
        for (final long window : windows)
        {
            if (0 == window)
            {
                return;
            }
        }
        fail(factors.size() + " factors: bytes allocated per window of " + EVENTS + " events: " + Arrays.toString(windows));
    }

    private long run(final FactorEngine engine, final long fromSequence, final int events)
    {
        long sequence = fromSequence;
        for (int i = 0; i < events; i++, sequence++)
        {
            final long timeNs = sequence * STEP_NS;
            if (0 == sequence % 4)
            {
                // trades sweep 0 to 3 ticks beyond the touch, so the intensity curve has several distances
                final boolean buy = 0 == (sequence / 4) % 3;
                trade.wrapAndApplyHeader(tradeFrame, 0, header)
                    .receiveTimeNs(timeNs).exchangeTimeNs(timeNs).sequence(sequence).tradeId(sequence)
                    .priceUnits(buy ? 1_001 + (sequence / 12) % 4 : 1_000 - (sequence / 12) % 4).quantity(1 + sequence % 7)
                    .aggressorSide(buy ? AggressorSide.BUY : AggressorSide.SELL);
                engine.onMessage(TradeEncoder.TEMPLATE_ID, tradeFrame, 0, tradeLength);
            }
            else
            {
                final int offset = (int)(sequence % 64) * 256;
                updates.putLong(offset + MessageHeaderEncoder.ENCODED_LENGTH + L2UpdateEncoder.receiveTimeNsEncodingOffset(), timeNs);
                updates.putLong(offset + MessageHeaderEncoder.ENCODED_LENGTH + L2UpdateEncoder.sequenceEncodingOffset(), sequence);
                updates.putLong(offset + MessageHeaderEncoder.ENCODED_LENGTH + L2UpdateEncoder.prevSequenceEncodingOffset(),
                    lastBookSequence);
                lastBookSequence = sequence;
                engine.onMessage(L2UpdateEncoder.TEMPLATE_ID, updates, offset, updateLength);
            }
        }
        return sequence;
    }

    private long lastBookSequence;

    private void snapshot(final FactorEngine engine)
    {
        final L2SnapshotEncoder snapshot = new L2SnapshotEncoder().wrapAndApplyHeader(updates, 0, header)
            .instrumentId(INSTRUMENT).sequence(0);
        final L2SnapshotEncoder.LevelsEncoder levels = snapshot.levelsCount(20);
        for (int i = 0; i < 10; i++)
        {
            levels.next().side(Side.BUY).price(1_000 - i).quantity(10 + i);
            levels.next().side(Side.SELL).price(1_001 + i).quantity(10 + i);
        }
        engine.onMessage(L2SnapshotEncoder.TEMPLATE_ID, updates, 0,
            MessageHeaderEncoder.ENCODED_LENGTH + snapshot.encodedLength());
        trade.wrapAndApplyHeader(tradeFrame, 0, header).instrumentId(INSTRUMENT).tradeType(TradeType.REGULAR);
        tradeLength = MessageHeaderEncoder.ENCODED_LENGTH + trade.encodedLength();
    }

    /**
     * 64 update frames that move the touch by a tick and back, and change sizes, on both sides.
     */
    private void encodeFrames()
    {
        for (int i = 0; i < 64; i++)
        {
            update.wrapAndApplyHeader(updates, i * 256, header).instrumentId(INSTRUMENT);
            final L2UpdateEncoder.LevelsEncoder levels = update.levelsCount(2);
            final int phase = i % 8;
            final boolean bid = 0 == (i / 8) % 2;
            // phases 0-3: a level one tick better appears with growing size; 4-7: it is removed and sizes change.
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

    private long allocatedBytes()
    {
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
