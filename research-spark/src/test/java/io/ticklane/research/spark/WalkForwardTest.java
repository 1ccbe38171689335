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
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A walk-forward over every day of the shared Binance captures, imported by UTC day as `ticklane import binance
 * --split-utc-days` does (the 07-19 and 08-09 files have no snapshot of their own: they start with the book the day
 * before had built): USD-M 2024-07-18, 07-19 and 08-08, spot 08-08 and 08-09. Train 1 day, test 1 day gives two
 * USD-M windows and one spot window, never mixing the markets. Grid gamma=0.01,0.5, on Spark local[2] and on the
 * local pool in one Spark session (started once for the class): each pick is its training day's best by
 * single-machine backtests, each out-of-sample figure is the test task's report, and both engines give the same
 * tables.
 */
class WalkForwardTest
{
    private static final String CONFIG = "risk.max_order_quantity=1000\n" +
        "risk.max_notional=100000000000\nrisk.price_collar_ticks=1000\n" +
        "quoter=glft(gamma=0.05,sigma_fallback=1,a_fallback=1,k_fallback=1,order_size=10)\n";
    private static final List<String> GRID = List.of("gamma=0.01,0.5");
    private static final long SAMPLE_NS = 1_000_000_000L;
    private static final String USDM = "binance-usdm_futures BTCUSDT";
    private static final String SPOT = "binance-spot BTCUSDT";

    @TempDir
    static Path tmp;

    private static SparkSession spark;
    private static final Map<String, Path> JOURNALS = new TreeMap<>();
    private static WalkForwardOutcome onSpark;
    private static WalkForwardOutcome onPool;

    @BeforeAll
    static void importFiveDaysAndWalkForward() throws IOException
    {
        final Path journals = tmp.resolve("journals");
        for (final Path day : ResearchSweepTest.importDays(journals.resolve("usdm-july"),
            "binance/usdm/btcusdt_20240718.gz", "binance/usdm/btcusdt_20240719.gz"))
        {
            JOURNALS.put(USDM + " " + day.getFileName(), day);
        }
        JOURNALS.put(USDM + " 2024-08-08",
            ResearchSweepTest.importCapture("binance/usdm/btcusdt_20240808.gz", journals.resolve("usdm-20240808")));
        for (final Path day : ResearchSweepTest.importDays(journals.resolve("spot-august"),
            "binance/spot/btcusdt_20240808.gz", "binance/spot/btcusdt_20240809.gz"))
        {
            JOURNALS.put(SPOT + " " + day.getFileName(), day);
        }
        assertEquals(5, JOURNALS.size(), JOURNALS.toString());
        Files.writeString(tmp.resolve("base.properties"), CONFIG);
        spark = ResearchSpark.start("local[2]");
        CatalogTable.write(spark, JournalCatalog.scan(journals), tmp.resolve("catalog.parquet").toString());

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
        assertEquals(10, onSpark.tasks().size(), "5 days x 2 combinations, each run once");
        assertEquals(List.of(
                SPOT + " 0: 2024-08-08 -> 2024-08-09",
                USDM + " 0: 2024-07-18 -> 2024-07-19",
                USDM + " 1: 2024-07-19 -> 2024-08-08"),
            onSpark.windows().stream().map((w) -> w.window().group() + " " + w.window().index() + ": " +
                w.window().trainDays().get(0) + " -> " + w.window().testDays().get(0)).toList());
        final List<Row> rows = spark.read().parquet(out("spark").resolve("walk_forward.parquet").toString())
            .orderBy("wf_group", "wf_window").collectAsList();
        for (int w = 0; w < onSpark.windows().size(); w++)
        {
            checkWindow(onSpark.windows().get(w), rows.get(w));
        }
        final String text = Files.readString(out("spark").resolve("walk_forward.txt"));
        assertTrue(text.contains("overall (net_pnl): 3 window(s), 3 with both figures"), text);
        assertFalse(Files.readString(out("spark").resolve("walk_forward.html")).contains("http"), "self-contained page");
    }

    private static void checkWindow(final WindowResult window, final Row row) throws IOException
    {
        assertEquals(WindowResult.OK, window.status());
        final String group = window.window().group();
        final Path trainDay = JOURNALS.get(group + " " + window.window().trainDays().get(0));
        final Path testDay = JOURNALS.get(group + " " + window.window().testDays().get(0));

        // the pick: the training day's single-machine backtests of both combinations, compared by hand
        final double[] training = new double[2];
        for (int c = 0; c < 2; c++)
        {
            training[c] = netPnl(backtest(trainDay, configOf(c), group.replace(' ', '-') + "-" + window.window().index() + "-" + c));
        }
        assertFalse(training[0] == training[1], "the grid changes the training day's PnL: " + training[0]);
        final int best = training[1] > training[0] ? 1 : 0;
        assertEquals(best, window.bestCombination(), window.window().toString());
        assertEquals(training[best], window.inSample());

        // out-of-sample: the test task's report.json, as `ticklane backtest` of its config.properties writes it (that a
        // task's report is a single-machine backtest's is ResearchSweepTest's), and its row of results.parquet
        final SweepTask testTask = onSpark.tasks().stream()
            .filter((t) -> t.task().taskId() == window.outOfSampleTasks().get(0)).findFirst().orElseThrow().task();
        assertEquals(testDay.toString(), testTask.journalPath());
        assertEquals(best, testTask.combination());
        assertEquals(configOf(best), testTask.configText());
        final ReportFields test = ReportFields.read(out("spark").resolve("tasks").resolve(TaskRunner.directoryName(testTask))
            .resolve("report.json"));
        assertEquals(netPnl(test), window.outOfSample());
        assertEquals(List.of(test.sha256()), window.outOfSampleReports());
        final Object newOrders = test.values().entrySet().stream().filter((e) -> e.getKey().endsWith("orders.new"))
            .map(Map.Entry::getValue).findFirst().orElse(null);
        assertTrue(newOrders instanceof Long n && n > 0, "the test day was quoted: " + testDay + " " + test.values());

        assertEquals(group, row.getAs("wf_group"));
        assertEquals(netPnl(test), row.<Double>getAs("wf_out_of_sample"));
        assertEquals(training[best], row.<Double>getAs("wf_in_sample"));
        assertEquals(List.of("0.01", "0.5").get(best), row.getAs("grid_quoter_gamma"));
        assertEquals("ok", row.getAs("wf_status"));
        final Row task = spark.read().parquet(out("spark").resolve("results.parquet").toString())
            .where("task_id = " + window.outOfSampleTasks().get(0)).collectAsList().get(0);
        assertEquals(test.sha256(), task.getAs("task_report_sha256"));
        assertEquals(netPnl(test), ((Number)task.getAs("metrics_pnl_net")).doubleValue());
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
        for (int w = 0; w < onSpark.windows().size(); w++)
        {
            assertEquals(onSpark.windows().get(w).outOfSample(), onPool.windows().get(w).outOfSample());
        }
        // the results table is the sweep's: same content hash as ResultTable gives the same task results
        assertEquals(ResearchSweepTest.text(out("spark").resolve("results.sha256")).strip(),
            ResultTable.contentSha256(onPool.tasks(), SweepPlan.parse(GRID).keys()));
    }

    @Test
    void fewerDaysThanTrainAndTestIsRefusedBeforeAnyTaskRuns()
    {
        final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
            () -> WalkForwardJob.execute(spark, request(SweepJob.Engine.LOCAL, "refused", 2, 1), System.err::println));

        assertTrue(refused.getMessage().contains(SPOT + " has 2 day(s) with data [2024-08-08, 2024-08-09]"), refused.getMessage());
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
