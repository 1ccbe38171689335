package io.ticklane.perf.jmh;

import io.ticklane.backtest.BacktestResult;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The backtest throughput harness for a shared, loaded machine: where JMH runs the scan and the backtest one after
 * the other (so load that comes and goes between them moves their ratio), this alternates one raw scan pass and one
 * backtest pass per round, for every configuration, and times each pass by the thread's CPU time as well as the wall
 * clock. CPU time does not count the time the thread waited for a core, so it is the figure to read when other
 * processes compete for the cores; the medians over the rounds and the per-round ratio are printed.
 * <p>
 * {@code java @tuning/jvm/ticklane.jvmopts -Dticklane.data=DIR -cp perf/target/benchmarks.jar
 * io.ticklane.perf.BacktestThroughput [rounds] [config...]} (defaults: 30 rounds after 10 warm-up rounds;
 * glft-default, glft-lean, glft-book).
 */
public final class BacktestThroughput
{
    private static final int WARM_UP_ROUNDS = 10;

    private BacktestThroughput()
    {
    }

    /**
     * @param args rounds, then configuration names.
     * @throws IOException if the data or the temporary journal fail.
     */
    public static void main(final String[] args) throws IOException
    {
        final int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        final String[] configs = args.length > 1 ? Arrays.copyOfRange(args, 1, args.length) :
            new String[]{ "glft-default", "glft-lean", "glft-book" };
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        final BacktestBenchmark[] benches = new BacktestBenchmark[configs.length];
        for (int c = 0; c < configs.length; c++)
        {
            benches[c] = new BacktestBenchmark();
            benches[c].capture = "binance/usdm/btcusdt_20240808.gz";
            benches[c].config = configs[c];
            benches[c].setUp();
        }
        final BacktestBenchmark.Events events = new BacktestBenchmark.Events();
        final BacktestBenchmark.ScanPass scan = new BacktestBenchmark.ScanPass();
        final BacktestBenchmark.Pass pass = new BacktestBenchmark.Pass();
        final double[][] scanCpu = new double[configs.length][rounds];
        final double[][] runCpu = new double[configs.length][rounds];
        final double[][] scanWall = new double[configs.length][rounds];
        final double[][] runWall = new double[configs.length][rounds];
        final double[][] ratio = new double[configs.length][rounds];
        long records = 0;
        long marketEvents = 0;
        try
        {
            for (int round = -WARM_UP_ROUNDS; round < rounds; round++)
            {
                for (int c = 0; c < configs.length; c++)
                {
                    scan.open(benches[c]);
                    long cpu = threads.getCurrentThreadCpuTime();
                    long wall = System.nanoTime();
                    benches[c].rawScan(scan, events);
                    final long scanCpuNs = threads.getCurrentThreadCpuTime() - cpu;
                    final long scanWallNs = System.nanoTime() - wall;
                    records = scan.reader.recordsRead();
                    scan.close();

                    pass.open(benches[c]);
                    cpu = threads.getCurrentThreadCpuTime();
                    wall = System.nanoTime();
                    final BacktestResult result = benches[c].backtest(pass, events);
                    final long runCpuNs = threads.getCurrentThreadCpuTime() - cpu;
                    final long runWallNs = System.nanoTime() - wall;
                    marketEvents = result.marketEvents();
                    pass.close();
                    if (round >= 0)
                    {
                        scanCpu[c][round] = records * 1e9 / scanCpuNs;
                        scanWall[c][round] = records * 1e9 / scanWallNs;
                        runCpu[c][round] = marketEvents * 1e9 / runCpuNs;
                        runWall[c][round] = marketEvents * 1e9 / runWallNs;
                        ratio[c][round] = runCpu[c][round] / scanCpu[c][round];
                    }
                }
            }
        }
        finally
        {
            for (final BacktestBenchmark bench : benches)
            {
                bench.tearDown();
            }
        }
        System.out.printf("capture %s: %,d journal records, %,d market events; %d rounds after %d warm-up%n",
            benches[0].capture, records, marketEvents, rounds, WARM_UP_ROUNDS);
        System.out.printf("%-14s %16s %16s %16s %16s %12s%n", "config", "scan/s (cpu)", "backtest/s (cpu)",
            "scan/s (wall)", "backtest/s (wall)", "ratio (cpu)");
        for (int c = 0; c < configs.length; c++)
        {
            System.out.printf("%-14s %,16.0f %,16.0f %,16.0f %,16.0f %11.1f%%%n", configs[c], median(scanCpu[c]),
                median(runCpu[c]), median(scanWall[c]), median(runWall[c]), 100 * median(ratio[c]));
        }
    }

    private static double median(final double[] values)
    {
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        final int n = sorted.length;
        return 0 == (n & 1) ? (sorted[n / 2 - 1] + sorted[n / 2]) / 2 : sorted[n / 2];
    }
}
