package io.ticklane.perf.soak;

import java.io.IOException;
import java.nio.file.Path;

/**
 * How many bytes of address space a process maps from files below one directory, from Linux's
 * {@code /proc/<pid>/maps}. Chronicle Queue maps its journal in chunks of its own, which the JVM's buffer pool
 * beans do not see; summing the mappings of the journal's files does. A journal that unmaps what it has written
 * keeps this flat; one that does not grows it with every chunk. Scanned in place ({@link ProcText}).
 */
public final class MappedFiles
{
    private static final Path SELF = Path.of("/proc/self/maps");

    private MappedFiles()
    {
    }

    /**
     * @param maps      the content of a {@code maps} file.
     * @param directory mapped files below it count (an absolute path).
     * @return bytes mapped from those files.
     * @throws IllegalArgumentException if a line has no {@code start-end} address range.
     */
    public static long bytesUnder(final CharSequence maps, final String directory)
    {
        final String prefix = directory.endsWith("/") ? directory : directory + "/";
        long bytes = 0;
        int lineStart = 0;
        while (lineStart < maps.length())
        {
            final int newline = ProcText.indexOf(maps, '\n', lineStart, maps.length());
            final int lineEnd = newline < 0 ? maps.length() : newline;
            final int path = ProcText.indexOf(maps, '/', lineStart, lineEnd); // nothing before the path has a slash
            if (path >= 0 && ProcText.startsWith(maps, path, lineEnd, prefix))
            {
                final int dash = ProcText.indexOf(maps, '-', lineStart, lineEnd);
                final int space = ProcText.indexOf(maps, ' ', lineStart, lineEnd);
                if (dash < 0 || space < dash)
                {
                    throw new IllegalArgumentException("maps line without an address range: " +
                        maps.subSequence(lineStart, lineEnd));
                }
                bytes += hex(maps, dash + 1, space) - hex(maps, lineStart, dash);
            }
            lineStart = lineEnd + 1;
        }
        return bytes;
    }

    private static long hex(final CharSequence text, final int from, final int to)
    {
        if (from >= to || to - from > 16)
        {
            throw new IllegalArgumentException("maps line without an address range: " + text.subSequence(from, to));
        }
        long value = 0;
        for (int i = from; i < to; i++)
        {
            final int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0)
            {
                throw new IllegalArgumentException("maps line without an address range: " + text.subSequence(from, to));
            }
            value = (value << 4) | digit;
        }
        return value;
    }

    /**
     * @param directory mapped files below it count (an absolute path).
     * @param buffer    reused for the file's text.
     * @return bytes this process maps from them, or -1 where there is no {@code /proc}.
     * @throws IOException if the file exists but cannot be read.
     */
    public static long bytesUnderSelf(final String directory, final ProcText buffer) throws IOException
    {
        return buffer.read(SELF) ? bytesUnder(buffer, directory) : -1;
    }
}
