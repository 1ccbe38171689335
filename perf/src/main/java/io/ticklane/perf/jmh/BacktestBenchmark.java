package io.ticklane.perf.jmh;

import io.ticklane.gateway.sim.venue.BpsFeeModel;
import io.ticklane.gateway.sim.venue.VenueContext;
import io.ticklane.journal.importer.JournalImport;
import io.ticklane.journal.queue.Direction;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.journal.queue.JournalRecordHandler;
import io.ticklane.journal.reader.binance.BinanceCaptureReader;
import io.ticklane.journal.reader.binance.MarketDetection;
import io.ticklane.backtest.BacktestDriver;
import io.ticklane.backtest.BacktestResult;
import io.ticklane.backtest.MetricSettings;
import io.ticklane.marketmaking.config.StrategyConfig;
import org.agrona.DirectBuffer;
import org.openjdk.jmh.annotations.AuxCounters;
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Backtest throughput against the speed of reading the journal at all, in one run: the shared Binance USD-M BTCUSDT
 * capture is imported once into a temporary journal, then {@code rawScan} reads every record of it (direction, time
 * and template id touched, nothing else) and {@code backtest} runs the whole backtest loop over it (journal → simulated
 * venue and strategy: book, factors, quoter, quote manager, risk, orders, fills, metrics). Each invocation is one
 * pass over the journal; the reader and the driver are built outside the measured time, so the rate is the loop's
 * (JMH's {@code gc.alloc.rate.norm} still counts the invocation set-up: about 7 MB per backtest pass, mostly the
 * driver's two preallocated frame rings; {@code BacktestAllocationTest} shows the loop itself allocates nothing per
 * event). {@code open} opens and closes the journal, reading nothing: the fixed cost of each reader.
 * <p>
 * The {@code events} counter is the rate to read: journal records per second for the scan, market events per second
 * for the backtest (the target: at least 5 M/s and half the scan rate). {@code config} picks the strategy:
 * {@code glft-default} is glft with the configuration's default factors (mid, realised volatility, the four
 * intensity fits, VPIN); {@code glft-lean} keeps only what glft reads when A and k are fixed (mid and realised
 * volatility); {@code glft-book} only the mid, σ fixed as well.
 * <p>
 * Needs the shared data directory: {@code -Dticklane.data=DIR} ({@code perf/jmh} passes it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BacktestBenchmark
{
    private static final String RISK = "risk.max_order_quantity=1000\n" +
        "risk.max_notional=100000000000\nrisk.price_collar_ticks=1000\n";
    private static final String GLFT = "quoter=glft(gamma=0.05,sigma_fallback=1,a_fallback=1,k_fallback=1,order_size=10)\n";
    private static final String FIXED_INTENSITY = "inputs.a_bid=\ninputs.a_ask=\ninputs.k_bid=\ninputs.k_ask=\ninputs.toxicity=\n";

    /** Capture file(s) under the data directory, comma-separated, imported in order into one journal. */
    @Param({ "binance/usdm/btcusdt_20240808.gz" })
    public String capture;

    /** Strategy configuration: see the class comment. */
    @Param({ "glft-default", "glft-lean" })
    public String config;

    private Path dir;
    private Path journal;
    private StrategyConfig strategyConfig;
    private long records;
    private long marketEvents;

    /**
     * What one invocation processed; JMH reports it as a rate.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Events
    {
        /** Records (scan) or market events (backtest) processed. */
        public long events;
    }

    /**
     * One pass's reader, opened before the measured call.
     */
    @State(Scope.Thread)
    public static class ScanPass
    {
        JournalReader reader;

        /**
         * @param bench the journal.
         * @throws IOException if the journal cannot be opened.
         */
        @Setup(Level.Invocation)
        public void open(final BacktestBenchmark bench) throws IOException
        {
            reader = JournalReader.open(bench.journal);
        }

        /**
         * Closes the reader.
         */
        @TearDown(Level.Invocation)
        public void close()
        {
            reader.close();
        }
    }

    /**
     * One pass's reader and driver (venue, strategy, recorder), built before the measured call.
     */
    @State(Scope.Thread)
    public static class Pass
    {
        JournalReader reader;
        BacktestDriver driver;

        /**
         * @param bench the journal and configuration.
         * @throws IOException if the journal cannot be opened.
         */
        @Setup(Level.Invocation)
        public void open(final BacktestBenchmark bench) throws IOException
        {
            reader = JournalReader.open(bench.journal);
            driver = new BacktestDriver(new VenueContext().instrumentId(1).priceUnitsPerTick(1).queueModel("risk-averse")
                .latencyModel("constant:0,0,0").feeModel(new BpsFeeModel(0, 0)), bench.strategyConfig::newStrategy,
                new MetricSettings(1_000_000_000L, 100_000_000L, MetricSettings.DEFAULT_HORIZONS_NS));
        }

        /**
         * Closes the reader.
         */
        @TearDown(Level.Invocation)
        public void close()
        {
            reader.close();
        }
    }

    /**
     * Scan sink: folds what a reader of the records touches, so the scan is not dead code.
     */
    static final class ScanSink implements JournalRecordHandler
    {
        long checksum;

        public void onRecord(
            final Direction direction,
            final int stream,
            final long receiveTimeNs,
            final DirectBuffer buffer,
            final int offset,
            final int length)
        {
            // template id of the SBE message header (little-endian short at offset 2)
            checksum += direction.ordinal() + receiveTimeNs + buffer.getShort(offset + 2) + length;
        }
    }

    private final ScanSink sink = new ScanSink();

    /**
     * Imports the capture into a temporary journal, writes the configuration, and checks that a backtest fills.
     *
     * @throws IOException if the data or the temporary directory fail.
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException
    {
        final String data = System.getProperty("ticklane.data");
        if (null == data || data.isBlank())
        {
            throw new IllegalStateException("set -Dticklane.data to the shared data directory (perf/jmh does)");
        }
        final List<Path> inputs = new ArrayList<>();
        for (final String file : capture.split(","))
        {
            final Path input = Paths.get(data).resolve(file);
            if (!Files.isRegularFile(input))
            {
                throw new IllegalStateException("capture missing: " + input);
            }
            inputs.add(input);
        }
        dir = Files.createTempDirectory("ticklane-backtest-bench");
        journal = dir.resolve("journal");
        final BinanceCaptureReader.Context context = new BinanceCaptureReader.Context()
            .files(inputs).market(new MarketDetection().detect(inputs));
        try (JournalImport target = new JournalImport(journal, "benchmark import of " + capture, "bench", (n) ->
        {
        }).expectSymbol("BTCUSDT"); BinanceCaptureReader reader = new BinanceCaptureReader(context))
        {
            reader.readAll(target);
            records = target.commit();
        }
        strategyConfig = StrategyConfig.load(Files.writeString(dir.resolve(config + ".properties"), configText(config)));

        final Pass pass = new Pass();
        pass.open(this);
        try
        {
            final BacktestResult result = pass.driver.run(pass.reader, null);
            if (result.fills() == 0)
            {
                throw new IllegalStateException("the benchmark run must fill: " + result);
            }
            marketEvents = result.marketEvents();
        }
        finally
        {
            pass.close();
        }
    }

    /**
     * Deletes the temporary journal.
     *
     * @throws IOException if it cannot be deleted.
     */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException
    {
        try (Stream<Path> paths = Files.walk(dir))
        {
            paths.sorted(Comparator.reverseOrder()).forEach((p) ->
            {
                try
                {
                    Files.delete(p);
                }
                catch (final IOException ex)
                {
                    throw new UncheckedIOException(ex);
                }
            });
        }
    }

    static String configText(final String name)
    {
        switch (name)
        {
            case "glft-default":
                return RISK + GLFT;
            case "glft-lean":
                return RISK + GLFT + "factors=mid,realized_vol_ewma\n" + FIXED_INTENSITY;
            case "glft-book":
                return RISK + GLFT + "factors=mid\ninputs.sigma=\n" + FIXED_INTENSITY;
            default:
                throw new IllegalArgumentException("unknown config " + name + ": glft-default, glft-lean, glft-book");
        }
    }

    /**
     * Opens the journal and closes it, reading no record: what every reader pays before its first record (the checks
     * of the Chronicle files, among them the walk of every document and index entry, then Chronicle's open and the
     * trailer), against {@code rawScan}'s pass over the records.
     *
     * @return the trailer's record count.
     * @throws IOException if the journal cannot be opened.
     */
    @Benchmark
    public long open() throws IOException
    {
        try (JournalReader reader = JournalReader.open(journal))
        {
            return reader.trailerRecordCount();
        }
    }

    /**
     * Reads every record of the journal.
     *
     * @param pass   an open reader.
     * @param events counts records.
     * @return the scan's checksum.
     */
    @Benchmark
    public long rawScan(final ScanPass pass, final Events events)
    {
        final long read = pass.reader.readAll(sink);
        if (read != records)
        {
            throw new IllegalStateException("scan read " + read + " records, the import wrote " + records);
        }
        events.events += read;
        return sink.checksum;
    }

    /**
     * Runs the whole backtest over the journal.
     *
     * @param pass   an open reader and a new driver.
     * @param events counts market events.
     * @return the run's outcome.
     */
    @Benchmark
    public BacktestResult backtest(final Pass pass, final Events events)
    {
        final BacktestResult result = pass.driver.run(pass.reader, null);
        if (result.marketEvents() != marketEvents)
        {
            throw new IllegalStateException("backtest saw " + result.marketEvents() + " events, expected " + marketEvents);
        }
        events.events += result.marketEvents();
        return result;
    }
}
