package io.ticklane.cockpit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the backtest explorer can open: every backtest report ({@code report.json}, with {@code report.html} and
 * {@code equity.csv} when written), backtest sweep ({@code sweep.json}), research sweep ({@code summary.txt} next to
 * {@code results.sha256}) and daemon run (a directory holding {@code journal/}) under the cockpit's {@code --reports}
 * and {@code --runs} directories. The browser names an entry by an id (a hash of its path) and a file by a name from a
 * fixed list per kind: no path from a request ever reaches the file system.
 */
public final class ExplorerIndex
{
    /** Kinds of entry, and the files of each the explorer serves. */
    public enum Kind
    {
        /** A backtest's report directory. */
        REPORT(Set.of("report.json", "report.html", "equity.csv")),
        /** A backtest sweep's root ({@code backtest --sweep}). */
        SWEEP(Set.of("sweep.json", "sweep.html")),
        /** A research sweep's output ({@code research sweep}). */
        RESEARCH(Set.of("summary.txt", "summary.html")),
        /** A daemon run directory. */
        RUN(Set.of("strategy.properties", "tick_to_quote.hgrm"));

        private final Set<String> files;

        Kind(final Set<String> files)
        {
            this.files = files;
        }

        /**
         * @return the files the explorer serves for this kind.
         */
        public Set<String> files()
        {
            return files;
        }
    }

    /**
     * One thing to open.
     *
     * @param id         stable id: a hash of the directory's path.
     * @param kind       what it is.
     * @param root       the root it was found under.
     * @param path       its directory relative to the root.
     * @param dir        its directory.
     * @param modifiedMs when its main file was last written.
     */
    public record Entry(String id, Kind kind, Path root, String path, Path dir, long modifiedMs)
    {
    }

    private static final int MAX_DEPTH = 6;
    private static final int MAX_ENTRIES = 2_000;
    private static final long MAX_FILE_BYTES = 64L << 20;

    private final List<Path> roots;
    private volatile Map<String, Entry> entries = Map.of();

    /**
     * @param roots directories to look under; nulls are ignored.
     */
    public ExplorerIndex(final Path... roots)
    {
        final List<Path> list = new ArrayList<>();
        for (final Path root : roots)
        {
            if (null != root && !list.contains(root.toAbsolutePath().normalize()))
            {
                list.add(root.toAbsolutePath().normalize());
            }
        }
        this.roots = List.copyOf(list);
    }

    /**
     * @return the roots looked under.
     */
    public List<Path> roots()
    {
        return roots;
    }

    /**
     * Looks again.
     *
     * @return every entry, newest first.
     */
    public List<Entry> scan()
    {
        final Map<String, Entry> found = new LinkedHashMap<>();
        for (final Path root : roots)
        {
            try (Stream<Path> paths = Files.walk(root, MAX_DEPTH))
            {
                paths.filter(Files::isDirectory).limit(100_000).forEach((dir) ->
                {
                    final Kind kind = kindOf(dir);
                    if (null != kind && found.size() < MAX_ENTRIES)
                    {
                        final Entry entry = new Entry(idOf(dir), kind, root, root.relativize(dir).toString(), dir,
                            modified(dir, kind));
                        found.putIfAbsent(entry.id(), entry);
                    }
                });
            }
            catch (final IOException | RuntimeException ex)
            {
                // a directory removed while listed, or unreadable: what was found stands, the next scan tries again
            }
        }
        entries = found;
        final List<Entry> list = new ArrayList<>(found.values());
        list.sort(Comparator.comparingLong(Entry::modifiedMs).reversed().thenComparing(Entry::path));
        return list;
    }

    /**
     * @param id an entry's id.
     * @return the entry, or null if no scan found it.
     */
    public Entry find(final String id)
    {
        Entry entry = entries.get(id);
        if (null == entry)
        {
            scan();
            entry = entries.get(id);
        }
        return entry;
    }

    /**
     * @param entry an entry.
     * @param name  one of its kind's {@link Kind#files()}.
     * @return the file's text.
     * @throws IllegalArgumentException if the name is not one the kind serves, or the file is missing or too large.
     * @throws IOException              if it cannot be read.
     */
    public String read(final Entry entry, final String name) throws IOException
    {
        if (!entry.kind().files().contains(name))
        {
            throw new IllegalArgumentException("a " + entry.kind().name().toLowerCase(java.util.Locale.ROOT) +
                " has no file '" + name + "' to show: " + entry.kind().files());
        }
        final Path file = entry.dir().resolve(name);
        if (!Files.isRegularFile(file))
        {
            throw new IllegalArgumentException(entry.path() + " has no " + name);
        }
        if (Files.size(file) > MAX_FILE_BYTES)
        {
            throw new IllegalArgumentException(entry.path() + "/" + name + " is larger than " + (MAX_FILE_BYTES >> 20) + " MiB");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static Kind kindOf(final Path dir)
    {
        if (Files.isRegularFile(dir.resolve("report.json")))
        {
            return Kind.REPORT;
        }
        if (Files.isRegularFile(dir.resolve("sweep.json")))
        {
            return Kind.SWEEP;
        }
        if (Files.isRegularFile(dir.resolve("summary.txt")) && Files.isRegularFile(dir.resolve("results.sha256")))
        {
            return Kind.RESEARCH;
        }
        if (Files.isDirectory(dir.resolve("journal")))
        {
            return Kind.RUN;
        }
        return null;
    }

    private static long modified(final Path dir, final Kind kind)
    {
        final Path main;
        switch (kind)
        {
            case REPORT:
                main = dir.resolve("report.json");
                break;
            case SWEEP:
                main = dir.resolve("sweep.json");
                break;
            case RESEARCH:
                main = dir.resolve("summary.txt");
                break;
            default:
                main = dir.resolve("journal");
                break;
        }
        try
        {
            return Files.getLastModifiedTime(main).toMillis();
        }
        catch (final IOException ex)
        {
            return 0;
        }
    }

    static String idOf(final Path dir)
    {
        try
        {
            final byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(dir.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("every JVM has SHA-256", ex);
        }
    }
}
