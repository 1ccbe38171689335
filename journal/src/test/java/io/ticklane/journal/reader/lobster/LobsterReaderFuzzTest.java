package io.ticklane.journal.reader.lobster;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ticklane.journal.reader.BadInput;
import io.ticklane.journal.reader.GzipBytes;
import io.ticklane.journal.reader.InputFormatException;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzed bytes as the content of a LOBSTER message or orderbook file (plain, or gzipped by the harness when the first
 * byte is {@code 'Z'}, so the fuzzer reaches the rows behind a valid gzip too): the reader either reads every row or throws an
 * {@link InputFormatException} naming the file and line; any other exception, or a hang, is a finding.
 * Corpus: src/test/resources/io/ticklane/journal/reader/lobster/LobsterReaderFuzzTestInputs/&lt;method&gt;/.
 */
class LobsterReaderFuzzTest
{
    private static final Path MESSAGE_FILE = Path.of("AMZN_2012-06-21_34200000_57600000_message_1.csv");
    private static final Path BOOK_FILE = Path.of("AMZN_2012-06-21_34200000_57600000_orderbook_1.csv");
    private static final GzipBytes GZIP = new GzipBytes();

    @FuzzTest
    void messageFileIsReadOrRefusedNamingTheLine(final byte[] data)
    {
        final Path file = MESSAGE_FILE;
        final FrameCheck frames = new FrameCheck();
        try (LobsterMessageReader reader = new LobsterMessageReader(file, new LobsterContext(), content(data)))
        {
            final long rows = reader.readAll(frames);
            assertTrue(rows > 0 && frames.count > rows, "every row emits a frame, after the instrument definition");
        }
        catch (final InputFormatException ex)
        {
            BadInput.assertClear(ex, file.toString(), lineBound(data));
        }
    }

    @FuzzTest
    void bookFileIsReadOrRefusedNamingTheLine(final byte[] data)
    {
        final Path file = BOOK_FILE;
        try (LobsterBookReader reader = new LobsterBookReader(file, content(data)))
        {
            while (reader.next())
            {
                for (int level = 1; level <= reader.levels(); level++)
                {
                    assertTrue(!reader.hasAsk(level) || reader.askSize(level) > 0, "an occupied ask level has a size");
                    assertTrue(!reader.hasBid(level) || reader.bidSize(level) > 0, "an occupied bid level has a size");
                }
            }
        }
        catch (final InputFormatException ex)
        {
            BadInput.assertClear(ex, file.toString(), lineBound(data));
        }
    }

    /**
     * The file's bytes, fed from memory: the readers' stream constructors are their file constructors after the open.
     */
    private static InputStream content(final byte[] data)
    {
        return new ByteArrayInputStream(isGzipMode(data) ? GZIP.gzip(data, 1, data.length - 1) : data);
    }

    /**
     * Lines a file can have: a gzip's content is far longer than its bytes, so any line number is allowed there.
     */
    private static long lineBound(final byte[] data)
    {
        long newlines = 0;
        for (final byte b : data)
        {
            newlines += '\n' == b ? 1 : 0;
        }
        final boolean gzipped = isGzipMode(data) || data.length > 1 && (byte)0x1f == data[0] && (byte)0x8b == data[1];
        return gzipped ? Long.MAX_VALUE : newlines + 1;
    }

    private static boolean isGzipMode(final byte[] data)
    {
        return data.length > 0 && 'Z' == data[0];
    }

    /**
     * Counts frames and checks each is a whole SBE frame in the buffer it came in.
     */
    private static final class FrameCheck implements MessageHandler
    {
        long count;

        @Override
        public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
        {
            assertTrue(index >= 0 && length > 0 && index + length <= buffer.capacity(), "a frame lies inside its buffer");
            count++;
        }
    }
}
