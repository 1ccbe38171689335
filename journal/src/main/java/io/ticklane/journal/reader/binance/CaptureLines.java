package io.ticklane.journal.reader.binance;

import io.ticklane.journal.reader.InputFormatException;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The lines {@code <local_ns> <json>} of one or more gzipped capture files, read in order as one stream. Bytes
 * stay bytes (no String per line); the current line is exposed in place with its file and 1-based line number,
 * so every later error can name both.
 */
final class CaptureLines implements AutoCloseable
{
    private static final int CHUNK = 64 * 1024;

    private final List<Path> files;
    private final CaptureSource captureSource;
    private final byte[] chunk = new byte[CHUNK];
    private byte[] line = new byte[CHUNK];
    private int fileIndex = -1;
    private InputStream in;
    private String source = "";
    private int chunkPosition;
    private int chunkLimit;
    private boolean fileExhausted = true;
    private long lineNumber;
    private int lineLength;
    private long localNs;
    private int jsonOffset;

    CaptureLines(final List<Path> files, final CaptureSource captureSource)
    {
        this.files = List.copyOf(files);
        this.captureSource = captureSource;
    }

    /**
     * Advance to the next line of the stream, opening the next file when one ends.
     *
     * @return false at the end of the last file.
     * @throws InputFormatException for an empty, truncated or corrupt file or a line without a valid timestamp.
     */
    boolean next()
    {
        while (true)
        {
            if (fileExhausted)
            {
                if (!openNextFile())
                {
                    return false;
                }
            }
            if (readLine())
            {
                lineNumber++;
                parseTimestamp();
                return true;
            }
            if (lineNumber == 0)
            {
                throw new InputFormatException(source, 0, "empty file: the gzip holds no lines");
            }
            closeCurrent();
            fileExhausted = true;
        }
    }

    String source()
    {
        return source;
    }

    long lineNumber()
    {
        return lineNumber;
    }

    long localNs()
    {
        return localNs;
    }

    byte[] buffer()
    {
        return line;
    }

    int jsonOffset()
    {
        return jsonOffset;
    }

    int jsonLength()
    {
        return lineLength - jsonOffset;
    }

    @Override
    public void close()
    {
        closeCurrent();
    }

    private boolean openNextFile()
    {
        if (fileIndex + 1 >= files.size())
        {
            return false;
        }
        fileIndex++;
        final Path file = files.get(fileIndex);
        source = file.toString();
        lineNumber = 0;
        chunkPosition = 0;
        chunkLimit = 0;
        try
        {
            final PushbackInputStream raw = new PushbackInputStream(captureSource.open(file), 1);
            try
            {
                final int first = raw.read();
                if (first < 0)
                {
                    throw new InputFormatException(source, 0, "empty file");
                }
                raw.unread(first);
                in = new GZIPInputStream(raw, CHUNK);
            }
            catch (final IOException | RuntimeException ex)
            {
                raw.close();
                throw ex;
            }
        }
        catch (final EOFException ex)
        {
            throw new InputFormatException(source, 0, "truncated gzip: the header is incomplete", ex);
        }
        catch (final ZipException ex)
        {
            throw new InputFormatException(source, 0, "not a gzip file: " + ex.getMessage(), ex);
        }
        catch (final IOException ex)
        {
            throw new InputFormatException(source, 0, "cannot read: " + ex, ex);
        }
        fileExhausted = false;
        return true;
    }

    private boolean readLine()
    {
        lineLength = 0;
        while (true)
        {
            if (chunkPosition == chunkLimit && !fill())
            {
                return lineLength > 0;
            }
            int end = chunkPosition;
            while (end < chunkLimit && chunk[end] != '\n')
            {
                end++;
            }
            append(chunkPosition, end - chunkPosition);
            if (end < chunkLimit)
            {
                chunkPosition = end + 1;
                if (lineLength > 0 && line[lineLength - 1] == '\r')
                {
                    lineLength--;
                }
                return true;
            }
            chunkPosition = chunkLimit;
        }
    }

    private boolean fill()
    {
        try
        {
            final int read = in.read(chunk, 0, CHUNK);
            if (read <= 0)
            {
                return false;
            }
            chunkPosition = 0;
            chunkLimit = read;
            return true;
        }
        catch (final EOFException ex)
        {
            throw new InputFormatException(source, 0, "truncated gzip after " + lineNumber + " complete lines", ex);
        }
        catch (final ZipException ex)
        {
            throw new InputFormatException(source, lineNumber + 1, "corrupt gzip: " + ex.getMessage(), ex);
        }
        catch (final IOException ex)
        {
            throw new InputFormatException(source, lineNumber + 1, "cannot read: " + ex, ex);
        }
    }

    private void append(final int from, final int length)
    {
        if (lineLength + length > line.length)
        {
            final byte[] bigger = new byte[Math.max(line.length * 2, lineLength + length)];
            System.arraycopy(line, 0, bigger, 0, lineLength);
            line = bigger;
        }
        System.arraycopy(chunk, from, line, lineLength, length);
        lineLength += length;
    }

    private void parseTimestamp()
    {
        long value = 0;
        int i = 0;
        boolean overflow = false;
        while (i < lineLength && line[i] >= '0' && line[i] <= '9')
        {
            final int digit = line[i] - '0';
            if (value > (Long.MAX_VALUE - digit) / 10)
            {
                overflow = true;
                break;
            }
            value = value * 10 + digit;
            i++;
        }
        if (overflow || i == 0 || i >= lineLength || line[i] != ' ' || value <= 0)
        {
            throw new InputFormatException(
                source, lineNumber, "bad local timestamp: a line must be '<local_ns> <json>', got '" + preview() + "'");
        }
        localNs = value;
        jsonOffset = i + 1;
    }

    private String preview()
    {
        final int length = Math.min(lineLength, 60);
        return new String(line, 0, length, StandardCharsets.US_ASCII) + (lineLength > length ? "..." : "");
    }

    private void closeCurrent()
    {
        if (null != in)
        {
            try
            {
                in.close();
            }
            catch (final IOException ex)
            {
                // Closing a file we only read: nothing is lost, the next file or the caller carries on.
            }
            in = null;
        }
    }
}
