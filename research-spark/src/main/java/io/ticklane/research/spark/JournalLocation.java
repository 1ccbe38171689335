package io.ticklane.research.spark;

import io.ticklane.journal.queue.JournalFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where journals live: a local directory, or a directory on any Hadoop-compatible file system ({@code hdfs://},
 * {@code s3a://}, {@code file:}...) named by a URI. A journal is read with Chronicle Queue, which maps local files,
 * so a journal on a Hadoop file system is first copied to a local cache (one directory per journal and version: the
 * key covers its files' names, lengths and modification times, so a journal rewritten in place is copied again),
 * written into a hidden directory and renamed into place, so concurrent tasks never read a half copy.
 */
public final class JournalLocation
{
    private static final Pattern URI_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");
    private static final String CACHE = "ticklane-journal-cache";

    private JournalLocation()
    {
    }

    /**
     * @param location a path or URI as given.
     * @return true when it names a Hadoop file system (it has a URI scheme), false for a local path.
     */
    public static boolean isHadoop(final String location)
    {
        return URI_SCHEME.matcher(location).matches();
    }

    /**
     * @param location a local path or a Hadoop URI.
     * @return a local path as an absolute, normalised path; a Hadoop URI fully qualified by its file system
     *         ({@code file:/tmp/j}, {@code hdfs://namenode:8020/j}).
     * @throws IOException if the file system cannot be reached.
     */
    public static String qualified(final String location) throws IOException
    {
        if (!isHadoop(location))
        {
            return Path.of(location).toAbsolutePath().normalize().toString();
        }
        final org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(location);
        return fileSystem(location).makeQualified(path).toString();
    }

    /**
     * @param root  a directory: local, or a Hadoop URI.
     * @param depth how deep to look.
     * @return the journal directories under it (those holding a Chronicle queue file), sorted, as the same kind of
     *         location (local paths, or qualified URIs).
     * @throws IOException              if it cannot be listed.
     * @throws IllegalArgumentException if it is not a directory.
     */
    public static List<String> journalsUnder(final String root, final int depth) throws IOException
    {
        final TreeSet<String> dirs = new TreeSet<>();
        if (!isHadoop(root))
        {
            final Path dir = Path.of(root).toAbsolutePath().normalize();
            if (!Files.isDirectory(dir))
            {
                throw new IllegalArgumentException("not a directory: " + root);
            }
            try (Stream<Path> files = Files.walk(dir, depth))
            {
                files.filter((f) -> isQueueFile(f.getFileName().toString()) && Files.isRegularFile(f))
                    .forEach((f) -> dirs.add(f.getParent().toString()));
            }
            return List.copyOf(dirs);
        }
        final FileSystem fs = fileSystem(root);
        final org.apache.hadoop.fs.Path dir = fs.makeQualified(new org.apache.hadoop.fs.Path(root));
        if (!fs.exists(dir) || !fs.getFileStatus(dir).isDirectory())
        {
            throw new IllegalArgumentException("not a directory: " + root);
        }
        final RemoteIterator<LocatedFileStatus> files = fs.listFiles(dir, true);
        while (files.hasNext())
        {
            final LocatedFileStatus file = files.next();
            if (file.isFile() && isQueueFile(file.getPath().getName()) && file.getPath().depth() - dir.depth() <= depth)
            {
                dirs.add(file.getPath().getParent().toString());
            }
        }
        return List.copyOf(dirs);
    }

    /**
     * @param location a journal directory: local, or a Hadoop URI.
     * @return a local directory holding it: the directory itself, or its copy in the local cache.
     * @throws IOException if it cannot be listed or copied.
     */
    public static Path local(final String location) throws IOException
    {
        return local(location, Path.of(System.getProperty("java.io.tmpdir"), CACHE + "-" + System.getProperty("user.name")));
    }

    /**
     * @param location a journal directory: local, or a Hadoop URI.
     * @param cache    the local directory copies go under.
     * @return a local directory holding it: the directory itself, or its copy in the cache.
     * @throws IOException if it cannot be listed or copied.
     */
    public static Path local(final String location, final Path cache) throws IOException
    {
        if (!isHadoop(location))
        {
            return Path.of(location);
        }
        final FileSystem fs = fileSystem(location);
        final org.apache.hadoop.fs.Path dir = fs.makeQualified(new org.apache.hadoop.fs.Path(location));
        final FileStatus[] files = fs.listStatus(dir);
        Arrays.sort(files, Comparator.comparing((FileStatus f) -> f.getPath().getName()));
        final StringBuilder version = new StringBuilder(dir.toString());
        for (final FileStatus file : files)
        {
            if (file.isFile())
            {
                version.append('\n').append(file.getPath().getName()).append(' ').append(file.getLen())
                    .append(' ').append(file.getModificationTime());
            }
        }
        final Path target = cache.resolve(TaskRunner.sha256(version.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 32));
        if (Files.isDirectory(target))
        {
            return target;
        }
        Files.createDirectories(cache);
        final Path copying = Files.createTempDirectory(cache, ".copying-");
        try
        {
            for (final FileStatus file : files)
            {
                if (file.isFile())
                {
                    fs.copyToLocalFile(false, file.getPath(),
                        new org.apache.hadoop.fs.Path(copying.resolve(file.getPath().getName()).toUri()), true);
                }
            }
            Files.move(copying, target, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException ex)
        {
            if (!Files.isDirectory(target))
            {
                throw ex;
            }
            // another task copied the same journal version first: its copy is the same
        }
        finally
        {
            deleteIfLeft(copying);
        }
        return target;
    }

    private static boolean isQueueFile(final String name)
    {
        return name.endsWith(JournalFormat.QUEUE_FILE_SUFFIX);
    }

    private static FileSystem fileSystem(final String location) throws IOException
    {
        return FileSystem.get(URI.create(location.replace(" ", "%20")), new Configuration());
    }

    private static void deleteIfLeft(final Path dir) throws IOException
    {
        if (!Files.exists(dir))
        {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir))
        {
            for (final Path path : paths.sorted(Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(path);
            }
        }
    }

}
