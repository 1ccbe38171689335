package io.ticklane.perf.jmh;

import io.ticklane.journal.reader.binance.BinanceMarket;
import io.ticklane.journal.reader.binance.BinanceStreamDecoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * The live Binance handler's cost per depth update, from the JSON bytes of one combined-stream message to the SBE
 * L2Update frame handed to the publisher: streaming parse, decimal to tick/lot conversion, update-id sync and
 * encoding, i.e. what {@code BinanceFeedAgent} does per message after the inbox copy. The messages are the real USD-M
 * BTCUSDT depth updates of the shared capture (and its REST snapshot), replayed in order; at the end of the list the
 * decoder is told the connection was lost and resynchronises from the snapshot again, so one operation in about
 * 6,500 is a snapshot of 2,000 levels, which the average includes. The frame goes to a {@link Blackhole}: the
 * publication's offer is not included.
 * <p>
 * Needs the shared data directory: {@code -Dticklane.data=DIR} ({@code perf/jmh} passes it).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BinanceDepthDecodeBenchmark
{
    /** Capture file under the data directory. */
    @Param({ "binance/usdm/btcusdt_20240808.gz" })
    public String capture;

    private byte[][] messages;
    private BinanceStreamDecoder decoder;
    private Blackhole sink;
    private int next;
    private long receiveTimeNs = 1_723_161_255_000_000_000L;

    /**
     * Loads the depth updates and the snapshot, in file order, and synchronises once.
     *
     * @param blackhole receives each frame's length and template.
     */
    @Setup(Level.Trial)
    public void setUp(final Blackhole blackhole)
    {
        sink = blackhole;
        messages = load(Paths.get(System.getProperty("ticklane.data", "../shared/data")).resolve(capture));
        decoder = new BinanceStreamDecoder(BinanceMarket.USDM_FUTURES, 1,
            BinanceStreamDecoder.givenSizes(new BigDecimal("0.1"), new BigDecimal("0.001")));
        decoder.handler((msgTypeId, buffer, index, length) ->
        {
            sink.consume(msgTypeId);
            sink.consume(buffer.getLong(index + 8));
        });
        for (int i = 0; i < messages.length; i++)
        {
            decodeNext();
        }
        if (decoder.awaitingSnapshot() || 0 != decoder.counters().gaps())
        {
            throw new IllegalStateException("the capture did not synchronise: " + decoder.counters());
        }
    }

    /**
     * One message: JSON bytes to the published frame.
     */
    @Benchmark
    public void depthUpdate()
    {
        decodeNext();
    }

    private void decodeNext()
    {
        if (next == messages.length)
        {
            next = 0;
            decoder.connectionLost(receiveTimeNs);
        }
        final byte[] message = messages[next++];
        decoder.onMessage(message, 0, message.length, receiveTimeNs++, "bench", next);
    }

    private static byte[][] load(final Path file)
    {
        final List<byte[]> depth = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8)))
        {
            String line;
            while (null != (line = reader.readLine()))
            {
                final String json = line.substring(line.indexOf(' ') + 1);
                if (json.startsWith("{\"lastUpdateId\"") || json.startsWith("{\"stream\":\"btcusdt@depth"))
                {
                    depth.add(json.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
        return depth.toArray(new byte[0][]);
    }
}
