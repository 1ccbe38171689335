package io.ticklane.research.spark;

import io.ticklane.backtest.JournalDigest;
import io.ticklane.journal.queue.JournalInstrument;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.journal.queue.JournalStatistics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
     * @param root directory to search: a local path, or a directory on a Hadoop file system named by a URI
     *             ({@link JournalLocation}; its journals are copied to the local cache to be read).
     * @return its journals, sorted by path (the catalogue's stable order), each under the path it was found at.
     * @throws IOException if the directory cannot be listed.
     */
    public static List<CatalogEntry> scan(final String root) throws IOException
    {
        final List<CatalogEntry> entries = new ArrayList<>();
        for (final String dir : JournalLocation.journalsUnder(root, MAX_DEPTH))
        {
            Path local = null;
            try
            {
                local = JournalLocation.local(dir);
            }
            catch (final IOException | RuntimeException ex)
            {
                entries.add(new CatalogEntry(dir, "", "", "", 0, 0, 0, 0, 0, TaskError.describe(ex)));
            }
            if (null != local)
            {
                entries.add(describe(local, dir));
            }
        }
        return entries;
    }

    /**
     * @param root a local directory to search.
     * @return its journals, sorted by path.
     * @throws IOException if the directory cannot be listed.
     */
    public static List<CatalogEntry> scan(final Path root) throws IOException
    {
        return scan(root.toString());
    }

    /**
     * @param dir a journal directory.
     * @return its description; an unreadable journal gives an entry with its error.
     */
    public static CatalogEntry describe(final Path dir)
    {
        return describe(dir, dir.toAbsolutePath().normalize().toString());
    }

    /**
     * @param dir  a local journal directory.
     * @param path where the catalogue says it is (the Hadoop URI it was copied from).
     * @return its description; an unreadable journal gives an entry with its error.
     */
    public static CatalogEntry describe(final Path dir, final String path)
    {
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
