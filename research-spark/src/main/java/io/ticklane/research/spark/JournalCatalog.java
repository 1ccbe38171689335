package io.ticklane.research.spark;

import io.ticklane.backtest.JournalDigest;
import io.ticklane.journal.queue.JournalFormat;
import io.ticklane.journal.queue.JournalInstrument;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.journal.queue.JournalStatistics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds the journals under a directory (every directory holding Chronicle Queue files, at any depth) and describes
 * each: hash, records and receive-time range from {@link JournalDigest}, gaps and refusals from
 * {@link JournalStatistics}, instruments and source from the header. Two passes per journal, both sequential reads.
 */
public final class JournalCatalog
{
    private static final int MAX_DEPTH = 8;

    private JournalCatalog()
    {
    }

    /**
     * @param root directory to search.
     * @return its journals, sorted by path (the catalogue's stable order).
     * @throws IOException if the directory cannot be listed.
     */
    public static List<CatalogEntry> scan(final Path root) throws IOException
    {
        if (!Files.isDirectory(root))
        {
            throw new IllegalArgumentException("not a directory: " + root);
        }
        final TreeSet<Path> dirs = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root.toAbsolutePath().normalize(), MAX_DEPTH))
        {
            files.filter((f) -> f.getFileName().toString().endsWith(JournalFormat.QUEUE_FILE_SUFFIX) && Files.isRegularFile(f))
                .forEach((f) -> dirs.add(f.getParent()));
        }
        final List<CatalogEntry> entries = new ArrayList<>();
        for (final Path dir : dirs)
        {
            entries.add(describe(dir));
        }
        return entries;
    }

    /**
     * @param dir a journal directory.
     * @return its description; an unreadable journal gives an entry with its error.
     */
    public static CatalogEntry describe(final Path dir)
    {
        final String path = dir.toAbsolutePath().normalize().toString();
        try
        {
            final JournalDigest digest = JournalDigest.of(dir);
            try (JournalReader reader = JournalReader.open(dir))
            {
                final List<String> symbols = new ArrayList<>();
                for (final JournalInstrument instrument : reader.header().instruments())
                {
                    symbols.add(instrument.symbol());
                }
                final String source = reader.header().source();
                final JournalStatistics statistics = JournalStatistics.of(reader);
                long refused = 0;
                for (final long count : statistics.refusedByCode().values())
                {
                    refused += count;
                }
                return new CatalogEntry(path, digest.sha256(), String.join(",", symbols), source,
                    digest.firstReceiveNs(), digest.lastReceiveNs(), digest.records(), statistics.gaps(), refused, "");
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            return new CatalogEntry(path, "", "", "", 0, 0, 0, 0, 0, TaskError.describe(ex));
        }
    }
}
