package io.ticklane.research.spark;

import io.ticklane.backtest.BacktestRun;
import io.ticklane.backtest.BacktestSettings;
import io.ticklane.backtest.SweepPlan;
import io.ticklane.marketmaking.config.StrategyConfig;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A walk-forward over the USD-M captures of 2024-07-18 and 2024-08-08 (two days with data: train 1 day, test 1 day,
 * one window; the 07-19 capture has no depth snapshot of its own, it continues 07-18's, so it cannot be imported as a
 * day), grid gamma=0.01,0.5, on Spark local[2] and on the local pool in one Spark session (started once for the
 * class): the pick is the training day's best by single-machine backtests, the out-of-sample figure is the test task's
 * report, and both engines give the same tables.
 */
class WalkForwardTest
{
    private static final String CONFIG = "risk.max_order_quantity=1000\n" +
        "risk.max_notional=100000000000\nrisk.price_collar_ticks=1000\n" +
        "quoter=glft(gamma=0.05,sigma_fallback=1,a_fallback=1,k_fallback=1,order_size=10)\n";
    private static final List<String> GRID = List.of("gamma=0.01,0.5");
    private static final long SAMPLE_NS = 1_000_000_000L;

    @TempDir
    static Path tmp;

    private static SparkSession spark;
    private static Path day1;
    private static Path day2;
    private static WalkForwardOutcome onSpark;
    private static WalkForwardOutcome onPool;

    @BeforeAll
    static void importTwoDaysAndWalkForward() throws IOException
    {
        day1 = ResearchSweepTest.importCapture("binance/usdm/btcusdt_20240718.gz", tmp.resolve("journals/usdm-20240718"));
        day2 = ResearchSweepTest.importCapture("binance/usdm/btcusdt_20240808.gz", tmp.resolve("journals/usdm-20240808"));
        Files.writeString(tmp.resolve("base.properties"), CONFIG);
        spark = ResearchSpark.start("local[2]");
        CatalogTable.write(spark, JournalCatalog.scan(tmp.resolve("journals")), tmp.resolve("catalog.parquet").toString());

        long startNs = System.nanoTime();
        onSpark = WalkForwardJob.execute(spark, request(SweepJob.Engine.SPARK, "spark", 1, 1), System.err::println);
        System.err.printf("WalkForwardTest: walk-forward on Spark local[2] %.1f s%n", (System.nanoTime() - startNs) / 1e9);
        startNs = System.nanoTime();
        onPool = WalkForwardJob.execute(spark, request(SweepJob.Engine.LOCAL, "local", 1, 1), System.err::println);
        System.err.printf("WalkForwardTest: walk-forward on the local pool %.1f s%n", (System.nanoTime() - startNs) / 1e9);
    }

    @AfterAll
    static void stopSpark()
    {
        if (null != spark)
        {
            spark.stop();
        }
    }

    @Test
    void theWindowsFiguresAreThoseOfSingleMachineBacktestsOfThePickAndThePickIsTheTrainingDaysBest() throws IOException
    {
        assertTrue(onSpark.allTasksRan());
        assertEquals(4, onSpark.tasks().size(), "2 days x 2 combinations, each run once");
        assertEquals(1, onSpark.windows().size());
        final WindowResult window = onSpark.windows().get(0);
        assertEquals(WindowResult.OK, window.status());
        assertEquals("2024-07-18", window.window().trainDays().get(0).toString());
        assertEquals("2024-08-08", window.window().testDays().get(0).toString());

        // the pick: the training day's single-machine backtests of both combinations, compared by hand
        final double[] training = new double[2];
        for (int c = 0; c < 2; c++)
        {
            training[c] = netPnl(backtest(day1, configOf(c), "train-" + c));
        }
        assertFalse(training[0] == training[1], "the grid changes the training day's PnL: " + training[0]);
        final int best = training[1] > training[0] ? 1 : 0;
        assertEquals(best, window.bestCombination());
        assertEquals(training[best], window.inSample());

        // out-of-sample: the test task's report.json, as `ticklane backtest` of its config.properties writes it (that a
        // task's report is a single-machine backtest's is ResearchSweepTest's), and its row of results.parquet
        final SweepTask testTask = onSpark.tasks().stream()
            .filter((t) -> t.task().taskId() == window.outOfSampleTasks().get(0)).findFirst().orElseThrow().task();
        assertEquals(day2.toString(), testTask.journalPath());
        assertEquals(best, testTask.combination());
        assertEquals(configOf(best), testTask.configText());
        final ReportFields test = ReportFields.read(out("spark").resolve("tasks").resolve(TaskRunner.directoryName(testTask))
            .resolve("report.json"));
        assertEquals(netPnl(test), window.outOfSample());
        assertEquals(List.of(test.sha256()), window.outOfSampleReports());

        final Row row = spark.read().parquet(out("spark").resolve("walk_forward.parquet").toString()).collectAsList().get(0);
        assertEquals(netPnl(test), row.<Double>getAs("wf_out_of_sample"));
        assertEquals(training[best], row.<Double>getAs("wf_in_sample"));
        assertEquals(List.of("0.01", "0.5").get(best), row.getAs("grid_quoter_gamma"));
        assertEquals("ok", row.getAs("wf_status"));
        final Row task = spark.read().parquet(out("spark").resolve("results.parquet").toString())
            .where("task_id = " + window.outOfSampleTasks().get(0)).collectAsList().get(0);
        assertEquals(test.sha256(), task.getAs("task_report_sha256"));
        assertEquals(netPnl(test), ((Number)task.getAs("metrics_pnl_net")).doubleValue());
        final String text = Files.readString(out("spark").resolve("walk_forward.txt"));
        assertTrue(text.contains("overall (net_pnl): 1 window(s), 1 with both figures"), text);
        assertFalse(Files.readString(out("spark").resolve("walk_forward.html")).contains("http"), "self-contained page");
    }

    @Test
    void bothEnginesGiveTheSameTablesAndTheSameParquetBytes() throws IOException
    {
        assertEquals(ResearchSweepTest.text(out("spark").resolve("results.sha256")),
            ResearchSweepTest.text(out("local").resolve("results.sha256")));
        assertEquals(ResearchSweepTest.text(out("spark").resolve("walk_forward.sha256")),
            ResearchSweepTest.text(out("local").resolve("walk_forward.sha256")));
        assertArrayEquals(parquetBytes(out("spark").resolve("walk_forward.parquet")), parquetBytes(out("local").resolve("walk_forward.parquet")));
        assertArrayEquals(parquetBytes(out("spark").resolve("results.parquet")), parquetBytes(out("local").resolve("results.parquet")));
        assertEquals(onSpark.windows().get(0).outOfSample(), onPool.windows().get(0).outOfSample());
        // the results table is the sweep's: same content hash as ResultTable gives the same task results
        assertEquals(ResearchSweepTest.text(out("spark").resolve("results.sha256")).strip(),
            ResultTable.contentSha256(onPool.tasks(), SweepPlan.parse(GRID).keys()));
    }

    @Test
    void fewerDaysThanTrainAndTestIsRefusedBeforeAnyTaskRuns()
    {
        final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
            () -> WalkForwardJob.execute(spark, request(SweepJob.Engine.LOCAL, "refused", 2, 1), System.err::println));

        assertTrue(refused.getMessage().contains("BTCUSDT has 2 day(s) with data [2024-07-18, 2024-08-08]"), refused.getMessage());
        assertFalse(Files.exists(out("refused").resolve("tasks")), "nothing ran");
    }

    private static String configOf(final int combination) throws IOException
    {
        final String quoter = StrategyConfig.load(tmp.resolve("base.properties")).quoterSpec();
        return SweepPlan.configText(CONFIG, quoter, SweepPlan.parse(GRID).combinations().get(combination));
    }

    private static ReportFields backtest(final Path journal, final String config, final String name) throws IOException
    {
        final Path dir = Files.createDirectories(tmp.resolve("single").resolve(name));
        final Path file = Files.writeString(dir.resolve("config.properties"), config);
        BacktestRun.run(new BacktestSettings().journal(journal).config(file).out(dir).sampleIntervalNs(SAMPLE_NS), null);
        return ReportFields.read(dir.resolve("report.json"));
    }

    private static double netPnl(final ReportFields report)
    {
        return ((Number)report.values().get("metrics.pnl.net")).doubleValue();
    }

    private static WalkForwardRequest request(final SweepJob.Engine engine, final String name, final int train, final int test)
    {
        final Path out = out(name);
        final SweepRequest sweep = new SweepRequest(tmp.resolve("catalog.parquet").toString(), tmp.resolve("base.properties"), GRID,
            engine, 2, out, new SweepOptions(out.resolve("tasks").toString(), SAMPLE_NS, 0, 0, 0));
        return new WalkForwardRequest(sweep, train, test, 0, Objective.NET_PNL, 0, 0);
    }

    private static Path out(final String name)
    {
        return tmp.resolve("wf-" + name);
    }

    private static byte[] parquetBytes(final Path table) throws IOException
    {
        final List<Path> parts = new ArrayList<>();
        try (Stream<Path> files = Files.list(table))
        {
            files.filter((f) -> f.getFileName().toString().endsWith(".parquet")).forEach(parts::add);
        }
        assertEquals(1, parts.size(), "one Parquet file: " + parts);
        return Files.readAllBytes(parts.get(0));
    }
}
