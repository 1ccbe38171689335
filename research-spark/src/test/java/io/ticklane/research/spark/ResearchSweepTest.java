package io.ticklane.research.spark;

import io.ticklane.backtest.BacktestRun;
import io.ticklane.backtest.BacktestSettings;
import io.ticklane.backtest.JournalDigest;
import io.ticklane.backtest.SweepPlan;
import io.ticklane.backtest.verify.LobsterVerification;
import io.ticklane.journal.RealData;
import io.ticklane.journal.importer.DailyJournalImport;
import io.ticklane.journal.importer.JournalImport;
import io.ticklane.journal.queue.CodeVersion;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.journal.queue.JournalSource;
import io.ticklane.journal.queue.JournalStatistics;
import io.ticklane.journal.reader.binance.BinanceCaptureReader;
import io.ticklane.journal.reader.binance.MarketDetection;
import io.ticklane.journal.reader.lobster.LobsterContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A research sweep over the USD-M 07-18 capture, grid gamma=0.01,0.5,abc x quotes.replace_ticks=1,3 (six tasks; the
 * two with gamma=abc cannot load their configuration): run on Spark local[1], on Spark local[2] and on the local
 * pool. Spark starts twice for the class (a session's master cannot change): local[1] for its sweep, then local[2]
 * for the other sweep and everything else. The catalogue also lists the spot 08-08 capture (same symbol, another
 * market). A LOBSTER sample is swept on Spark too.
 */
class ResearchSweepTest
{
    private static final String CONFIG = "risk.max_order_quantity=1000\n" +
        "risk.max_notional=100000000000\nrisk.price_collar_ticks=1000\n" +
        "quoter=glft(gamma=0.05,sigma_fallback=1,a_fallback=1,k_fallback=1,order_size=10)\n";
    private static final List<String> GRID = List.of("gamma=0.01,0.5,abc", "quotes.replace_ticks=1,3");
    private static final long SAMPLE_NS = 1_000_000_000L;
    private static final String LOBSTER = "lobster/aapl-l10-first999/AAPL_2012-06-21_34200000_57600000_";

    @TempDir
    static Path tmp;

    private static SparkSession spark;
    private static Path usdm;
    private static Path spot;
    private static Path config;
    private static List<CatalogEntry> catalog;
    private static List<TaskResult> sparkOne;
    private static List<TaskResult> sparkTwo;
    private static List<TaskResult> local;

    @BeforeAll
    static void importJournalsAndSweep() throws IOException
    {
        usdm = importCapture("binance/usdm/btcusdt_20240718.gz", tmp.resolve("journals/usdm-20240718"));
        spot = importCapture("binance/spot/btcusdt_20240808.gz", tmp.resolve("journals/spot-20240808"));
        config = Files.writeString(tmp.resolve("base.properties"), CONFIG);

        long startNs = System.nanoTime();
        final SparkSession one = ResearchSpark.start("local[1]");
        try
        {
            catalog = JournalCatalog.scan(tmp.resolve("journals"));
            CatalogTable.write(one, catalog, tmp.resolve("catalog.parquet").toString());
            CatalogTable.write(one, JournalCatalog.scan(usdm), tmp.resolve("usdm.parquet").toString());
            sparkOne = SweepJob.execute(one, request(SweepJob.Engine.SPARK, "spark1"), System.err::println);
        }
        finally
        {
            one.stop();
        }
        System.err.printf("ResearchSweepTest: Spark local[1] start, catalogue and sweep %.1f s%n", (System.nanoTime() - startNs) / 1e9);

        startNs = System.nanoTime();
        spark = ResearchSpark.start("local[2]");
        sparkTwo = SweepJob.execute(spark, request(SweepJob.Engine.SPARK, "spark2"), System.err::println);
        System.err.printf("ResearchSweepTest: Spark local[2] start and sweep %.1f s%n", (System.nanoTime() - startNs) / 1e9);
        startNs = System.nanoTime();
        local = SweepJob.execute(spark, request(SweepJob.Engine.LOCAL, "local"), System.err::println);
        System.err.printf("ResearchSweepTest: local pool sweep (2 threads) %.1f s%n", (System.nanoTime() - startNs) / 1e9);
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
    void sweepReportsAreThoseOfSingleMachineBacktestsOfTheSameFiles() throws IOException
    {
        final StructType schema = spark.read().parquet(out("spark2").resolve("results.parquet").toString()).schema();
        final List<Row> rows = spark.read().parquet(out("spark2").resolve("results.parquet").toString())
            .orderBy("task_id").collectAsList();
        int compared = 0;
        for (final TaskResult result : sparkTwo)
        {
            if (!result.ok())
            {
                continue;
            }
            // what `ticklane backtest --journal J --config C --sample-interval 1` runs, on a copy of the task's config
            final Path dir = tmp.resolve("single").resolve(Integer.toString(result.task().taskId()));
            Files.createDirectories(dir);
            final Path file = Files.writeString(dir.resolve("config.properties"), result.task().configText());
            BacktestRun.run(new BacktestSettings().journal(usdm).config(file).out(dir).sampleIntervalNs(SAMPLE_NS), null);
            final ReportFields single = ReportFields.read(dir.resolve("report.json"));

            assertEquals(single.sha256(), result.reportSha256(), "report hash of task " + result.task().taskId());
            assertEquals(single.values().get("config_sha256"), result.configSha256());
            final Row row = rows.get(result.task().taskId());
            assertEquals(result.task().taskId(), row.<Integer>getAs("task_id"));
            for (final Map.Entry<String, Object> field : single.values().entrySet())
            {
                final Object cell = row.get(schema.fieldIndex(ResultTable.column(field.getKey())));
                final Object expected = field.getValue() instanceof Long l &&
                    cell instanceof Double ? (Object)l.doubleValue() : field.getValue();
                assertEquals(expected, cell, "task " + result.task().taskId() + " " + field.getKey());
            }
            compared++;
        }
        assertEquals(4, compared, "gamma 0.01 and 0.5 x replace ticks 1 and 3");
    }

    @Test
    void parquetResultsAreByteIdenticalWithOneAndTwoExecutorsAndThePool() throws IOException
    {
        // the content hash holds across processes too; the Parquet bytes only within one (see ResultTable)
        final String content = text(out("spark1").resolve("results.sha256"));
        assertEquals(content, text(out("spark2").resolve("results.sha256")));
        assertEquals(content, text(out("local").resolve("results.sha256")));
        assertEquals(content.strip(), ResultTable.contentSha256(sparkTwo, SweepPlan.parse(GRID).keys()));
        final byte[] one = parquetBytes(out("spark1"));
        assertArrayEquals(one, parquetBytes(out("spark2")), "Spark local[1] against local[2]");
        assertArrayEquals(one, parquetBytes(out("local")), "Spark local[1] against the local pool");
        assertEquals(6, spark.read().parquet(out("spark1").resolve("results.parquet").toString()).count());
        for (int i = 0; i < sparkOne.size(); i++)
        {
            assertEquals(sparkOne.get(i).reportSha256(), sparkTwo.get(i).reportSha256());
            assertEquals(sparkOne.get(i).fields(), local.get(i).fields());
        }
        // the result rows differ between tasks: the grid did change the runs
        assertFalse(sparkOne.get(0).reportSha256().equals(sparkOne.get(1).reportSha256()));
    }

    @Test
    void aTaskWhoseConfigurationIsInvalidIsAFailedRowWithItsInputsAndError()
    {
        final List<Row> failed = spark.read().parquet(out("spark2").resolve("results.parquet").toString())
            .where("task_status = 'failed'").orderBy("task_id").collectAsList();

        assertEquals(2, failed.size());
        for (final Row row : failed)
        {
            assertEquals("abc", row.getAs("grid_quoter_gamma"));
            assertEquals(catalog.get(1).journalSha256(), row.getAs("task_journal_sha256"));
            final String error = row.getAs("task_error");
            assertTrue(error.contains("gamma") && error.contains("abc"), error);
            assertFalse(error.contains(tmp.toString()), "no absolute path in the results: " + error);
            assertTrue(row.isNullAt(row.fieldIndex("metrics_pnl_net")));
        }
        assertEquals(List.of(4, 5), List.of(failed.get(0).<Integer>getAs("task_id"), failed.get(1).<Integer>getAs("task_id")));
        final String summary = SweepSummary.text(sparkTwo);
        assertTrue(summary.contains("FAILED task 4") && summary.contains("FAILED task 5"), summary);
    }

    @Test
    void aLobsterDaySweptOnSparkGivesTheSingleMachineBacktestsReport() throws IOException
    {
        // the first 999 rows of LOBSTER's AAPL level-10 sample, imported as `ticklane import lobster` does
        final Path journal = tmp.resolve("lobster-journals/aapl-20120621");
        try (JournalImport importer = new JournalImport(journal, JournalSource.lobster("AAPL sample"), CodeVersion.current(),
            (records) -> { }))
        {
            new LobsterVerification(RealData.file(LOBSTER + "message_10.csv"), RealData.file(LOBSTER + "orderbook_10.csv"),
                0, new LobsterContext().symbol("AAPL"), (rows) -> { }).observer((book) -> importer).run();
            importer.commit();
        }
        final List<CatalogEntry> lobster = JournalCatalog.scan(tmp.resolve("lobster-journals"));
        assertEquals(1, lobster.size());
        assertEquals("lobster", lobster.get(0).market());
        assertEquals("AAPL", lobster.get(0).instruments());
        CatalogTable.write(spark, lobster, tmp.resolve("lobster.parquet").toString());

        final Path out = out("lobster");
        final List<TaskResult> results = SweepJob.execute(spark, new SweepRequest(tmp.resolve("lobster.parquet").toString(),
            config, List.of("gamma=0.01,0.5"), SweepJob.Engine.SPARK, 2, out,
            new SweepOptions(out.resolve("tasks").toString(), SAMPLE_NS, 0, 0, 0)), System.err::println);

        assertEquals(2, results.size());
        for (final TaskResult result : results)
        {
            assertTrue(result.ok(), result.toString());
            final Path dir = tmp.resolve("lobster-single").resolve(Integer.toString(result.task().taskId()));
            Files.createDirectories(dir);
            final Path file = Files.writeString(dir.resolve("config.properties"), result.task().configText());
            BacktestRun.run(new BacktestSettings().journal(journal.toAbsolutePath()).config(file).out(dir)
                .sampleIntervalNs(SAMPLE_NS), null);
            final ReportFields single = ReportFields.read(dir.resolve("report.json"));
            assertEquals(single.sha256(), result.reportSha256(), "report hash of LOBSTER task " + result.task().taskId());
            final Object newOrders = single.values().entrySet().stream().filter((e) -> e.getKey().endsWith("orders.new"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
            assertTrue(newOrders instanceof Long n && n > 0, "the day was quoted: " + single.values());
        }
    }

    @Test
    void catalogueListsEachJournalWithItsDigestAndStatistics() throws IOException
    {
        final List<CatalogEntry> read = CatalogTable.read(spark, tmp.resolve("catalog.parquet").toString());

        assertEquals(catalog, read);
        assertEquals(List.of(spot.toString(), usdm.toString()), List.of(read.get(0).path(), read.get(1).path()));
        for (final CatalogEntry entry : read)
        {
            final JournalDigest digest = JournalDigest.of(Path.of(entry.path()));
            assertEquals(digest.sha256(), entry.journalSha256());
            assertEquals(digest.records(), entry.records());
            assertEquals(digest.firstReceiveNs(), entry.firstReceiveNs());
            assertEquals(digest.lastReceiveNs(), entry.lastReceiveNs());
            try (JournalReader reader = JournalReader.open(Path.of(entry.path())))
            {
                assertEquals(JournalStatistics.of(reader).gaps(), entry.gaps());
            }
            assertEquals("BTCUSDT", entry.instruments());
            assertTrue(entry.readable() && entry.records() > 1000 && entry.lastReceiveNs() > entry.firstReceiveNs());
        }
        // one symbol, two markets: the catalogue tells them apart (and walk-forward groups by it)
        assertEquals(List.of("binance-spot", "binance-usdm_futures"), List.of(read.get(0).market(), read.get(1).market()));
        final List<Row> markets = spark.read().parquet(tmp.resolve("catalog.parquet").toString()).orderBy("path")
            .select("market").collectAsList();
        assertEquals(List.of("binance-spot", "binance-usdm_futures"), markets.stream().map((r) -> r.getString(0)).toList());
        {
        }
        assertTrue(read.get(0).source().contains("SPOT") || read.get(0).source().toLowerCase().contains("spot"),
            read.get(0).source());
        assertTrue(ResearchMain.catalogTable(read).contains(read.get(1).journalSha256().substring(0, 12)));
    }

    @Test
    void aTaskIdIsJournalThenCombinationInTheGridsOrder()
    {
        final SweepPlan plan = SweepPlan.parse(GRID);
        final List<SweepTask> tasks = SweepJob.tasks(catalog, CONFIG, "glft", plan);

        assertEquals(12, tasks.size());
        assertEquals(List.of("0.5", "1"), tasks.get(8).gridValues());
        assertEquals(catalog.get(1).path(), tasks.get(8).journalPath());
        assertTrue(tasks.get(8).configText().endsWith("quotes.replace_ticks=1\nquoter=glft(gamma=0.5)\n"),
            tasks.get(8).configText());
    }

    private static SweepRequest request(final SweepJob.Engine engine, final String name)
    {
        final Path out = out(name);
        return new SweepRequest(tmp.resolve("usdm.parquet").toString(), config, GRID, engine, 2, out,
            new SweepOptions(out.resolve("tasks").toString(), SAMPLE_NS, 0, 0, 0));
    }

    private static Path out(final String name)
    {
        return tmp.resolve("sweep-" + name);
    }

    private static byte[] parquetBytes(final Path out) throws IOException
    {
        final List<Path> parts = new ArrayList<>();
        try (Stream<Path> files = Files.list(out.resolve("results.parquet")))
        {
            files.filter((f) -> f.getFileName().toString().endsWith(".parquet")).forEach(parts::add);
        }
        assertEquals(1, parts.size(), "one Parquet file: " + parts);
        return Files.readAllBytes(parts.get(0));
    }

    static Path importCapture(final String capture, final Path out) throws IOException
    {
        final List<Path> inputs = List.of(RealData.file(capture));
        final BinanceCaptureReader.Context context = new BinanceCaptureReader.Context()
            .files(inputs).market(new MarketDetection().detect(inputs));
        try (JournalImport journal = new JournalImport(out, JournalSource.binanceCapture(context.market().name(),
            " " + inputs.get(0).getFileName()), CodeVersion.current(), (records) -> { }).expectSymbol("BTCUSDT");
            BinanceCaptureReader reader = new BinanceCaptureReader(context))
        {
            reader.readAll(journal);
            journal.commit();
        }
        return out.toAbsolutePath();
    }

    /**
     * Imports captures as {@code ticklane import binance --split-utc-days} does.
     *
     * @return the day journals, in time order.
     */
    static List<Path> importDays(final Path out, final String... captures) throws IOException
    {
        final List<Path> inputs = new ArrayList<>();
        final StringBuilder names = new StringBuilder();
        for (final String capture : captures)
        {
            inputs.add(RealData.file(capture));
            names.append(' ').append(inputs.get(inputs.size() - 1).getFileName());
        }
        final BinanceCaptureReader.Context context = new BinanceCaptureReader.Context()
            .files(inputs).market(new MarketDetection().detect(inputs));
        final List<Path> days = new ArrayList<>();
        try (DailyJournalImport journals = new DailyJournalImport(out, JournalSource.binanceCapture(context.market().name(),
            names.toString()), CodeVersion.current(), (records) -> { }).expectSymbol("BTCUSDT");
            BinanceCaptureReader reader = new BinanceCaptureReader(context))
        {
            reader.readAll(journals);
            for (final DailyJournalImport.Day day : journals.commit())
            {
                days.add(day.journal());
            }
        }
        return days;
    }

    static String text(final Path file) throws IOException
    {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
