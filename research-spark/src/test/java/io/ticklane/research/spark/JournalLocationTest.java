package io.ticklane.research.spark;

import io.ticklane.backtest.SweepPlan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Journals named by a Hadoop URI are catalogued and backtested as local ones are. The file system here is Hadoop's
 * own local one ({@code file:} URIs, through {@code FileSystem}, the API hdfs:// and s3a:// implement too): no HDFS or
 * S3 service runs in the build.
 */
class JournalLocationTest
{
    private static final String CONFIG = "risk.max_order_quantity=1000\nrisk.max_notional=100000000000\n" +
        "risk.price_collar_ticks=1000\nquoter=glft(gamma=0.05,sigma_fallback=1,a_fallback=1,k_fallback=1,order_size=10)\n";

    @TempDir
    static Path tmp;

    private static Path journal;

    @BeforeAll
    static void importOneDay() throws IOException
    {
        journal = ResearchSweepTest.importCapture("binance/usdm/btcusdt_20240718.gz", tmp.resolve("journals/usdm-20240718"));
    }

    @Test
    void aCatalogueOfAHadoopDirectoryListsItsJournalsUnderTheirUrisWithTheLocalDigests() throws IOException
    {
        final List<CatalogEntry> local = JournalCatalog.scan(tmp.resolve("journals"));
        final List<CatalogEntry> hadoop = JournalCatalog.scan(tmp.resolve("journals").toUri().toString());

        assertEquals(1, hadoop.size());
        assertEquals("file:" + journal, hadoop.get(0).path());
        assertTrue(hadoop.get(0).readable(), hadoop.get(0).error());
        assertEquals(local.get(0).journalSha256(), hadoop.get(0).journalSha256());
        assertEquals(local.get(0).records(), hadoop.get(0).records());
        assertEquals(local.get(0).market(), hadoop.get(0).market());
    }

    @Test
    void aJournalIsCopiedOnceAndAgainOnlyWhenItChanges() throws IOException
    {
        final Path cache = tmp.resolve("cache");
        final String uri = journal.toUri().toString();

        final Path first = JournalLocation.local(uri, cache);
        final Path second = JournalLocation.local(uri, cache);
        assertEquals(first, second);
        assertTrue(first.startsWith(cache));
        try (Stream<Path> entries = Files.list(cache))
        {
            assertEquals(List.of(first), entries.toList(), "one copy, no copy left half-made");
        }

        try (Stream<Path> files = Files.list(journal))
        {
            final Path file = files.filter((f) -> f.toString().endsWith(".cq4")).findFirst().orElseThrow();
            Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() - 60_000));
        }
        final Path third = JournalLocation.local(uri, cache);
        assertNotEquals(first, third, "a journal rewritten in place is copied again");
        assertEquals(journal, JournalLocation.local(journal.toString(), cache), "a local path is read where it is");
        assertFalse(JournalLocation.isHadoop(journal.toString()));
        assertTrue(JournalLocation.isHadoop("hdfs://namenode:8020/journals") && JournalLocation.isHadoop("s3a://bucket/j"));
    }

    @Test
    void aTaskOnAHadoopJournalGivesTheLocalTasksReportAndATaskOnAChangedJournalFails() throws IOException
    {
        final SweepPlan plan = SweepPlan.parse(List.of("gamma=0.01"));
        final List<CatalogEntry> hadoop = JournalCatalog.scan(tmp.resolve("journals").toUri().toString());
        final List<CatalogEntry> local = JournalCatalog.scan(tmp.resolve("journals"));
        final String quoter = "glft(gamma=0.05,sigma_fallback=1,a_fallback=1,k_fallback=1,order_size=10)";
        final SweepTask onHadoop = SweepJob.tasks(hadoop, CONFIG, quoter, plan).get(0);
        final SweepTask onLocal = SweepJob.tasks(local, CONFIG, quoter, plan).get(0);

        final TaskResult fromHadoop = TaskRunner.run(onHadoop, options("hadoop"));
        final TaskResult fromLocal = TaskRunner.run(onLocal, options("local"));
        assertTrue(fromHadoop.ok(), fromHadoop.error());
        assertEquals(fromLocal.reportSha256(), fromHadoop.reportSha256());

        final SweepTask stale = new SweepTask(onHadoop.taskId(), onHadoop.journalPath(), "0".repeat(64), onHadoop.instruments(),
            onHadoop.combination(), onHadoop.gridKeys(), onHadoop.gridValues(), onHadoop.configText());
        final TaskResult refused = TaskRunner.run(stale, options("stale"));
        assertFalse(refused.ok());
        assertTrue(refused.error().contains("is not the journal the catalogue lists: its sha256 is " + local.get(0).journalSha256()),
            refused.error());
    }

    private static SweepOptions options(final String name)
    {
        return new SweepOptions(tmp.resolve(name).toString(), 1_000_000_000L, 0, 0, 0);
    }
}
