package io.ticklane.tuning.host;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads host files below a root ({@code /} on a real host, a fake tree in tests), so every check sees the same view
 * and an unreadable file is an empty answer rather than an exception: the check reports UNKNOWN, never a guess.
 */
public final class HostFiles
{
    private final Path root;

    /**
     * @param root directory standing for {@code /}.
     */
    public HostFiles(final Path root)
    {
        this.root = root;
    }

    /**
     * @return the real host's files.
     */
    public static HostFiles realHost()
    {
        return new HostFiles(Path.of("/"));
    }

    /**
     * @param absolutePath host path such as {@code /proc/cmdline}.
     * @return the file's content with surrounding white space removed, or empty when it cannot be read.
     */
    public Optional<String> read(final String absolutePath)
    {
        // Sequential reads to EOF through java.io: procfs reports size 0 and, on some kernels (seen on this
        // project's sandboxed VM), Files.readString of /proc/sys/vm/swappiness returned "6" for "60".
        try (InputStream in = new FileInputStream(resolve(absolutePath).toFile()))
        {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        }
        catch (final IOException | SecurityException ex)
        {
            return Optional.empty();
        }
    }

    /**
     * @param absolutePath host directory such as {@code /proc/irq}.
     * @return names of its entries, sorted; empty when it cannot be listed.
     */
    public Optional<List<String>> list(final String absolutePath)
    {
        final List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(resolve(absolutePath)))
        {
            for (final Path entry : entries)
            {
                names.add(entry.getFileName().toString());
            }
        }
        catch (final IOException | SecurityException ex)
        {
            return Optional.empty();
        }
        names.sort(null);
        return Optional.of(names);
    }

    private Path resolve(final String absolutePath)
    {
        return root.resolve(absolutePath.startsWith("/") ? absolutePath.substring(1) : absolutePath);
    }
}
