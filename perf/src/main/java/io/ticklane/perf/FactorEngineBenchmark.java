package io.ticklane.perf;

import io.ticklane.microstructure.FactorEngine;
import io.ticklane.microstructure.FactorRegistry;
import io.ticklane.microstructure.flow.FlowFactors;
import io.ticklane.microstructure.intensity.IntensityFactors;
import io.ticklane.microstructure.liquidity.LiquidityFactors;
import io.ticklane.microstructure.price.PriceFactors;
import io.ticklane.microstructure.toxicity.ToxicityFactors;
import io.ticklane.microstructure.volatility.VolatilityFactors;
import io.ticklane.orderbook.BookState;
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
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Cost per event of the factor engine: one SBE frame (a two-level book update, or every fourth event a trade)
 * applied to the book and given to every factor of a family, or of all families at once ({@code family=none} is the
 * book alone, the baseline the families add to). Events are 1 ms apart, so time windows open and close.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FactorEngineBenchmark
{
    private static final int INSTRUMENT = 5;
    private static final int FRAMES = 64;
    private static final int SLOT = 256;
    private static final long STEP_NS = 1_000_000;

    /** Which factors run. */
    @Param({ "none", "price", "flow", "toxicity", "volatility", "liquidity", "intensity", "all" })
    public String family;

    private final UnsafeBuffer updates = new UnsafeBuffer(new byte[FRAMES * SLOT]);
    private final UnsafeBuffer tradeFrame = new UnsafeBuffer(new byte[SLOT]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final TradeEncoder trade = new TradeEncoder();
    private FactorEngine engine;
    private int updateLength;
    private int tradeLength;
    private long sequence;
    private long lastBookSequence;

    /**
     * Builds the engine for the family, a 10-level book and the update frames.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        final L2Book book = new L2Book(INSTRUMENT, 1 << 12);
        engine = new FactorEngine(book, "none".equals(family) ? List.of() : registry(family).createAll());
        snapshot();
        encodeUpdates();
        sequence = 1;
    }

    /**
     * Fails the run if the book stopped applying updates: a stale book would make every event look cheap.
     */
    @TearDown(Level.Trial)
    public void checkBook()
    {
        if (BookState.LIVE != engine.book().state() || 0 != engine.eventsWhileNotLive())
        {
            throw new IllegalStateException("book " + engine.book().state() + " " + engine.book().staleReason());
        }
    }

    /**
     * @return the number of events the engine has applied, so the work is not dead code.
     */
    @Benchmark
    public long event()
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
            engine.onMessage(TradeEncoder.TEMPLATE_ID, tradeFrame, 0, tradeLength);
        }
        else
        {
            final int offset = (int)(seq % FRAMES) * SLOT;
            final int body = offset + MessageHeaderEncoder.ENCODED_LENGTH;
            updates.putLong(body + L2UpdateEncoder.receiveTimeNsEncodingOffset(), timeNs);
            updates.putLong(body + L2UpdateEncoder.sequenceEncodingOffset(), seq);
            updates.putLong(body + L2UpdateEncoder.prevSequenceEncodingOffset(), lastBookSequence);
            lastBookSequence = seq;
            engine.onMessage(L2UpdateEncoder.TEMPLATE_ID, updates, offset, updateLength);
        }
        return engine.snapshot().events();
    }

    private static FactorRegistry registry(final String family)
    {
        final FactorRegistry registry;
        switch (family)
        {
            case "all":
                return FactorRegistry.standard();
            default:
                registry = new FactorRegistry();
                familyRegistration(family).accept(registry);
                return registry;
        }
    }

    private static Consumer<FactorRegistry> familyRegistration(final String family)
    {
        switch (family)
        {
            case "price":
                return PriceFactors::register;
            case "flow":
                return FlowFactors::register;
            case "toxicity":
                return ToxicityFactors::register;
            case "volatility":
                return VolatilityFactors::register;
            case "liquidity":
                return LiquidityFactors::register;
            case "intensity":
                return IntensityFactors::register;
            default:
                throw new IllegalArgumentException("unknown family " + family);
        }
    }

    private void snapshot()
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
     * Frames that improve the touch by a tick, change sizes, then take the improvement away, on both sides.
     */
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
