package io.ticklane.perf.jmh;

import io.ticklane.perf.jmh.reference.ObjectL2UpdateDecoder;
import io.ticklane.sbe.L2Action;
import io.ticklane.sbe.L2UpdateDecoder;
import io.ticklane.sbe.L2UpdateEncoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * Decoding one L2Update frame of {@link #LEVELS} levels and reading every field: the generated SBE flyweights in place
 * against {@link ObjectL2UpdateDecoder}, which decodes the same bytes into new objects. Both hand every field to a
 * {@link Blackhole}; a chained checksum would cost more than the decode and hide it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SbeDecodeBenchmark
{
    static final int LEVELS = 10;

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final L2UpdateDecoder update = new L2UpdateDecoder();
    private final ObjectL2UpdateDecoder objectDecoder = new ObjectL2UpdateDecoder();
    private byte[] frame;
    private UnsafeBuffer buffer;

    /**
     * Encodes the frame both decoders read.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        frame = new byte[256];
        buffer = new UnsafeBuffer(frame);
        final L2UpdateEncoder encoder = new L2UpdateEncoder()
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .exchangeTimeNs(1_700_000_000_000_000_000L).receiveTimeNs(1_700_000_000_000_050_000L)
            .instrumentId(L2Frames.INSTRUMENT).sequence(1001).prevSequence(1000);
        final L2UpdateEncoder.LevelsEncoder levels = encoder.levelsCount(LEVELS);
        for (int i = 0; i < LEVELS; i++)
        {
            final boolean bid = (i & 1) == 0;
            levels.next()
                .side(bid ? Side.BUY : Side.SELL)
                .action(i % 3 == 0 ? L2Action.DELETE : L2Action.CHANGE)
                .price(bid ? L2UpdateStream.INNER_BID - i : L2UpdateStream.INNER_ASK + i)
                .quantity(i % 3 == 0 ? 0 : 10 + i);
        }
        final ObjectL2UpdateDecoder.L2UpdateMessage message = objectDecoder.decode(frame);
        if (message.levels().size() != LEVELS || message.sequence() != 1001 || message.templateId() != L2UpdateDecoder.TEMPLATE_ID)
        {
            throw new IllegalStateException("reference decoder misread the frame: " + message);
        }
    }

    /**
     * @param fields receives every field.
     */
    @Benchmark
    public void ticklane(final Blackhole fields)
    {
        header.wrap(buffer, 0);
        update.wrap(buffer, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        fields.consume(header.templateId());
        fields.consume(header.schemaId());
        fields.consume(header.version());
        fields.consume(update.exchangeTimeNs());
        fields.consume(update.receiveTimeNs());
        fields.consume(update.instrumentId());
        fields.consume(update.sequence());
        fields.consume(update.prevSequence());
        for (final L2UpdateDecoder.LevelsDecoder level : update.levels())
        {
            fields.consume(level.side());
            fields.consume(level.action());
            fields.consume(level.price());
            fields.consume(level.quantity());
        }
    }

    /**
     * @param fields receives every field.
     */
    @Benchmark
    public void objectPerMessage(final Blackhole fields)
    {
        final ObjectL2UpdateDecoder.L2UpdateMessage message = objectDecoder.decode(frame);
        fields.consume(message.templateId());
        fields.consume(message.schemaId());
        fields.consume(message.version());
        fields.consume(message.exchangeTimeNs());
        fields.consume(message.receiveTimeNs());
        fields.consume(message.instrumentId());
        fields.consume(message.sequence());
        fields.consume(message.prevSequence());
        for (final ObjectL2UpdateDecoder.LevelChange level : message.levels())
        {
            fields.consume(level.side());
            fields.consume(level.action());
            fields.consume(level.price());
            fields.consume(level.quantity());
        }
    }
}
