package io.ticklane.perf.soak;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The resident memory lines of Linux's {@code /proc/<pid>/status}, in KiB: total resident set and its three parts.
 * They are read apart because they grow for different reasons: anonymous memory is the heap and native
 * allocations (what "flat memory" is about), file pages are the journal's and the libraries' mapped files as they
 * are touched, shared memory is the media driver's log buffers when they live in {@code /dev/shm}. A field the
 * kernel does not print is -1. Parsing scans the text in place ({@link ProcText}).
 *
 * @param vmRssKb    resident set.
 * @param rssAnonKb  resident anonymous memory.
 * @param rssFileKb  resident file mappings.
 * @param rssShmemKb resident shared memory.
 */
public record ProcStatus(long vmRssKb, long rssAnonKb, long rssFileKb, long rssShmemKb)
{
    /** What a process without {@code /proc} (not Linux) reports. */
    public static final ProcStatus UNAVAILABLE = new ProcStatus(-1, -1, -1, -1);
    private static final Path SELF = Path.of("/proc/self/status");

    /**
     * @param text the file's content.
     * @return its resident memory lines.
     * @throws IllegalArgumentException if one of them is not {@code <number> kB}.
     */
    public static ProcStatus parse(final CharSequence text)
    {
        long rss = -1;
        long anon = -1;
        long file = -1;
        long shmem = -1;
        int lineStart = 0;
        while (lineStart < text.length())
        {
            final int newline = ProcText.indexOf(text, '\n', lineStart, text.length());
            final int lineEnd = newline < 0 ? text.length() : newline;
            if (ProcText.startsWith(text, lineStart, lineEnd, "VmRSS:"))
            {
                rss = kilobytes(text, lineStart, lineEnd);
            }
            else if (ProcText.startsWith(text, lineStart, lineEnd, "RssAnon:"))
            {
                anon = kilobytes(text, lineStart, lineEnd);
            }
            else if (ProcText.startsWith(text, lineStart, lineEnd, "RssFile:"))
            {
                file = kilobytes(text, lineStart, lineEnd);
            }
            else if (ProcText.startsWith(text, lineStart, lineEnd, "RssShmem:"))
            {
                shmem = kilobytes(text, lineStart, lineEnd);
            }
            lineStart = lineEnd + 1;
        }
        return new ProcStatus(rss, anon, file, shmem);
    }

    /**
     * @param buffer reused for the file's text.
     * @return this process's figures, or {@link #UNAVAILABLE} where there is no {@code /proc}.
     * @throws IOException if the file exists but cannot be read.
     */
    public static ProcStatus readSelf(final ProcText buffer) throws IOException
    {
        return buffer.read(SELF) ? parse(buffer) : UNAVAILABLE;
    }

    private static long kilobytes(final CharSequence text, final int lineStart, final int lineEnd)
    {
        int i = ProcText.indexOf(text, ':', lineStart, lineEnd) + 1;
        while (i < lineEnd && (text.charAt(i) == ' ' || text.charAt(i) == '\t'))
        {
            i++;
        }
        final int digits = i;
        long value = 0;
        while (i < lineEnd && Character.isDigit(text.charAt(i)))
        {
            value = 10 * value + (text.charAt(i++) - '0');
        }
        if (i == digits || i - digits > 18 || !ProcText.startsWith(text, i, lineEnd, " kB") ||
            lineEnd - i != 3 && !(lineEnd - i == 4 && text.charAt(lineEnd - 1) == '\r'))
        {
            throw new IllegalArgumentException("status line is not '<number> kB': " +
                text.subSequence(lineStart, lineEnd));
        }
        return value;
    }
}
