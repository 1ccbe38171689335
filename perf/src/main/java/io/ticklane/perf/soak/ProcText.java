package io.ticklane.perf.soak;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The text of a {@code /proc} file, read into a buffer kept from read to read and scanned in place. The soak reads
 * {@code /proc/self/status} and {@code /proc/self/maps} every ten seconds in the process it measures; reading them
 * as strings split into lines allocated about 3 MB a minute (measured with JFR), enough to cause the collections
 * the soak is there to count. The files are ASCII.
 */
public final class ProcText implements CharSequence
{
    private byte[] bytes = new byte[64 * 1024];
    private int length;

    /**
     * Replaces the text with a file's content.
     *
     * @param file a {@code /proc} file (its size is not known before reading).
     * @return false if the file cannot be read (no {@code /proc}: not Linux).
     * @throws IOException if reading fails part way.
     */
    public boolean read(final Path file) throws IOException
    {
        length = 0;
        if (!Files.isReadable(file))
        {
            return false;
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r"))
        {
            int read;
            while ((read = in.read(bytes, length, bytes.length - length)) > 0)
            {
                length += read;
                if (length == bytes.length)
                {
                    bytes = Arrays.copyOf(bytes, 2 * bytes.length);
                }
            }
        }
        return true;
    }

    /**
     * {@inheritDoc}
     */
    public int length()
    {
        return length;
    }

    /**
     * {@inheritDoc}
     */
    public char charAt(final int index)
    {
        if (index < 0 || index >= length)
        {
            throw new IndexOutOfBoundsException(index);
        }
        return (char)(bytes[index] & 0xFF);
    }

    /**
     * {@inheritDoc}
     */
    public CharSequence subSequence(final int start, final int end)
    {
        return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }

    static int indexOf(final CharSequence text, final char c, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            if (text.charAt(i) == c)
            {
                return i;
            }
        }
        return -1;
    }

    static boolean startsWith(final CharSequence text, final int at, final int to, final String prefix)
    {
        if (to - at < prefix.length())
        {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++)
        {
            if (text.charAt(at + i) != prefix.charAt(i))
            {
                return false;
            }
        }
        return true;
    }
}
