package io.ticklane.journal.reader.lobster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the tiny hand-built LOBSTER files the reader tests use: plain, gzip, and gzip cut short.
 */
final class TestFiles
{
    private TestFiles()
    {
    }

    static Path plain(final Path dir, final String name, final String content)
    {
        return write(dir.resolve(name), content.getBytes(StandardCharsets.US_ASCII));
    }

    static Path gzip(final Path dir, final String name, final String content)
    {
        return write(dir.resolve(name), gzipped(content));
    }

    /**
     * @return a gzip file holding {@code content} with its last {@code cutBytes} bytes removed.
     */
    static Path truncatedGzip(final Path dir, final String name, final String content, final int cutBytes)
    {
        final byte[] whole = gzipped(content);
        return write(dir.resolve(name), Arrays.copyOf(whole, whole.length - cutBytes));
    }

    static String repeat(final String line, final int times)
    {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < times; i++)
        {
            sb.append(line);
        }
        return sb.toString();
    }

    private static byte[] gzipped(final String content)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes))
        {
            out.write(content.getBytes(StandardCharsets.US_ASCII));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    private static Path write(final Path file, final byte[] bytes)
    {
        try
        {
            return Files.write(file, bytes);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
