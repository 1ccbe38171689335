package io.ticklane.journal.reader.lobster;

import io.ticklane.journal.reader.InputFormatException;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a header-less, comma-separated file (plain or gzip, told apart by the gzip magic bytes) one row at a time
 * into a reused byte buffer and parses fields in place, so reading a row allocates nothing. Shared by the LOBSTER
 * message and orderbook readers; every parse failure names the file and line.
 */
final class CsvRowReader implements AutoCloseable
{
    private static final int CHUNK_SIZE = 1 << 16;
    private static final int MAX_LINE_LENGTH = 1 << 20;
    private static final int GZIP_MAGIC_0 = 0x1f;
    private static final int GZIP_MAGIC_1 = 0x8b;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int NANO_DIGITS = 9;
    private static final int MAX_SECONDS_DIGITS = 9;

    private final String source;
    private final IntFunction<String> columnNames;
    private final InputStream in;
    private final byte[] chunk = new byte[CHUNK_SIZE];
    private int chunkPosition;
    private int chunkLimit;
    private boolean endOfInput;

    private byte[] line = new byte[512];
    private int lineLength;
    private long lineNumber;

    private int[] fieldStart = new int[8];
    private int[] fieldEnd = new int[8];
    private int fieldCount;

    private CsvRowReader(final String source, final IntFunction<String> columnNames, final InputStream in)
    {
        this.source = source;
        this.columnNames = columnNames;
        this.in = in;
    }

    /**
     * Open a file, decompressing it when it starts with the gzip magic bytes whatever its name.
     *
     * @param file        to read.
     * @param columnNames name of a column by 0-based index, asked only when building an error message.
     * @return a reader positioned before the first row.
     */
    static CsvRowReader open(final Path file, final IntFunction<String> columnNames)
    {
        final String source = file.toString();
        final InputStream raw;
        try
        {
            raw = Files.newInputStream(file);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot open " + source, ex);
        }
        return read(source, columnNames, raw);
    }

    /**
     * Read a file's bytes from a stream (closed with the reader), decompressing them when they start with the gzip
     * magic bytes: what {@link #open} does once the file is open, and how tests and fuzzing feed bytes without a file.
     *
     * @param source      the file the bytes are, as error messages name it.
     * @param columnNames name of a column by 0-based index, asked only when building an error message.
     * @param content     the file's bytes.
     * @return a reader positioned before the first row.
     */
    static CsvRowReader read(final String source, final IntFunction<String> columnNames, final InputStream content)
    {
        InputStream raw = null;
        try
        {
            raw = new BufferedInputStream(content, CHUNK_SIZE);
            raw.mark(2);
            final int b0 = raw.read();
            final int b1 = raw.read();
            raw.reset();
            final InputStream in = GZIP_MAGIC_0 == b0 && GZIP_MAGIC_1 == b1 ? new GZIPInputStream(raw, CHUNK_SIZE) : raw;
            return new CsvRowReader(source, columnNames, in);
        }
        catch (final EOFException ex)
        {
            closeQuietly(null == raw ? content : raw);
            throw new InputFormatException(source, 0, "truncated gzip (" + ex.getMessage() + ")", ex);
        }
        catch (final ZipException ex)
        {
            closeQuietly(null == raw ? content : raw);
            throw new InputFormatException(source, 0, "corrupt gzip (" + ex.getMessage() + ")", ex);
        }
        catch (final IOException ex)
        {
            closeQuietly(null == raw ? content : raw);
            throw new UncheckedIOException("cannot open " + source, ex);
        }
    }

    String source()
    {
        return source;
    }

    /**
     * @return 1-based number of the current line, 0 before the first.
     */
    long lineNumber()
    {
        return lineNumber;
    }

    int fieldCount()
    {
        return fieldCount;
    }

    /**
     * Advance to the next line and split it into fields. A last line without a newline is still a line.
     *
     * @return false at the end of the input.
     */
    boolean next()
    {
        lineLength = 0;
        boolean terminated = false;
        while (!terminated)
        {
            if (chunkPosition == chunkLimit && !fill())
            {
                break;
            }

            int end = chunkPosition;
            while (end < chunkLimit && '\n' != chunk[end])
            {
                end++;
            }
            append(chunkPosition, end - chunkPosition);
            terminated = end < chunkLimit;
            chunkPosition = terminated ? end + 1 : end;
        }

        if (!terminated && 0 == lineLength)
        {
            return false;
        }

        lineNumber++;
        if (lineLength > 0 && '\r' == line[lineLength - 1])
        {
            lineLength--;
        }
        split();
        return true;
    }

    /**
     * Parse a field as a signed 64-bit decimal integer.
     *
     * @param index 0-based field index.
     * @return the value.
     */
    long longField(final int index)
    {
        final int start = fieldStart[index];
        final int end = fieldEnd[index];
        int i = start;
        final boolean negative = i < end && '-' == line[i];
        if (negative)
        {
            i++;
        }
        if (i == end)
        {
            throw notANumber(index, "an integer");
        }

        long value = 0;
        for (; i < end; i++)
        {
            final int digit = line[i] - '0';
            if (digit < 0 || digit > 9)
            {
                throw notANumber(index, "an integer");
            }
            // Accumulate negatively so Long.MIN_VALUE parses; detect overflow before it happens.
            if (value < (Long.MIN_VALUE + digit) / 10)
            {
                throw notANumber(index, "a 64-bit integer");
            }
            value = value * 10 - digit;
        }

        if (negative)
        {
            return value;
        }
        if (Long.MIN_VALUE == value)
        {
            throw notANumber(index, "a 64-bit integer");
        }
        return -value;
    }

    /**
     * Parse a field holding non-negative decimal seconds with any number of decimals (e.g. {@code 34200.18960767},
     * {@code 43002.632812672004}) and round it half-up to whole nanoseconds.
     *
     * @param index 0-based field index.
     * @return nanoseconds.
     */
    long decimalSecondsAsNanos(final int index)
    {
        final int start = fieldStart[index];
        final int end = fieldEnd[index];
        long seconds = 0;
        int i = start;
        while (i < end && '.' != line[i])
        {
            final int digit = line[i] - '0';
            if (digit < 0 || digit > 9)
            {
                throw notANumber(index, "non-negative decimal seconds");
            }
            seconds = seconds * 10 + digit;
            i++;
        }
        final int integerDigits = i - start;
        if (0 == integerDigits || integerDigits > MAX_SECONDS_DIGITS)
        {
            throw notANumber(index, "non-negative decimal seconds");
        }

        long nanos = 0;
        if (i < end)
        {
            i++;
            if (i == end)
            {
                throw notANumber(index, "non-negative decimal seconds");
            }
            int decimals = 0;
            boolean roundUp = false;
            for (; i < end; i++)
            {
                final int digit = line[i] - '0';
                if (digit < 0 || digit > 9)
                {
                    throw notANumber(index, "non-negative decimal seconds");
                }
                if (decimals < NANO_DIGITS)
                {
                    nanos = nanos * 10 + digit;
                }
                else if (NANO_DIGITS == decimals)
                {
                    roundUp = digit >= 5;
                }
                decimals++;
            }
            for (int pad = decimals; pad < NANO_DIGITS; pad++)
            {
                nanos *= 10;
            }
            if (roundUp)
            {
                nanos++;
            }
        }

        return seconds * NANOS_PER_SECOND + nanos;
    }

    /**
     * @param index 0-based field index.
     * @return the field's text, for error messages only (allocates).
     */
    String fieldText(final int index)
    {
        return new String(line, fieldStart[index], fieldEnd[index] - fieldStart[index], StandardCharsets.US_ASCII);
    }

    /**
     * @param detail what is wrong with the current line.
     * @return an exception naming the file and the current line.
     */
    InputFormatException error(final String detail)
    {
        return new InputFormatException(source, lineNumber, detail);
    }

    /**
     * @param detail what is wrong with the file as a whole.
     * @return an exception naming the file only.
     */
    InputFormatException fileError(final String detail)
    {
        return new InputFormatException(source, 0, detail);
    }

    @Override
    public void close()
    {
        try
        {
            in.close();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot close " + source, ex);
        }
    }

    private InputFormatException notANumber(final int index, final String expected)
    {
        return error("column " + (index + 1) + " (" + columnNames.apply(index) + ") is '" + fieldText(index) + "', not " +
            expected);
    }

    private boolean fill()
    {
        if (endOfInput)
        {
            return false;
        }
        try
        {
            final int read = in.read(chunk, 0, chunk.length);
            if (read < 0)
            {
                endOfInput = true;
                return false;
            }
            chunkPosition = 0;
            chunkLimit = read;
            return true;
        }
        catch (final EOFException ex)
        {
            throw new InputFormatException(source, lineNumber + 1, "truncated gzip (" + ex.getMessage() + ")", ex);
        }
        catch (final ZipException ex)
        {
            throw new InputFormatException(source, lineNumber + 1, "corrupt gzip (" + ex.getMessage() + ")", ex);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + source + " after line " + lineNumber, ex);
        }
    }

    private void append(final int from, final int length)
    {
        final int required = lineLength + length;
        if (required > line.length)
        {
            if (required > MAX_LINE_LENGTH)
            {
                throw new InputFormatException(source, lineNumber + 1, "line longer than " + MAX_LINE_LENGTH + " bytes");
            }
            line = Arrays.copyOf(line, Math.min(MAX_LINE_LENGTH, Math.max(required, line.length * 2)));
        }
        System.arraycopy(chunk, from, line, lineLength, length);
        lineLength = required;
    }

    private void split()
    {
        int count = 0;
        int start = 0;
        for (int i = 0; i <= lineLength; i++)
        {
            if (i == lineLength || ',' == line[i])
            {
                if (count == fieldStart.length)
                {
                    fieldStart = Arrays.copyOf(fieldStart, count * 2);
                    fieldEnd = Arrays.copyOf(fieldEnd, count * 2);
                }
                fieldStart[count] = start;
                fieldEnd[count] = i;
                count++;
                start = i + 1;
            }
        }
        fieldCount = count;
    }

    private static void closeQuietly(final InputStream in)
    {
        if (null != in)
        {
            try
            {
                in.close();
            }
            catch (final IOException ignore)
            {
                // already failing with a better exception
            }
        }
    }
}
