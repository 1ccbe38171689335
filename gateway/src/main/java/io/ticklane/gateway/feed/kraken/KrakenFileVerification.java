package io.ticklane.gateway.feed.kraken;

import io.ticklane.orderbook.BookState;
import org.agrona.concurrent.MessageHandler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ticklane feed kraken --verify-file}: runs the book state machine over a file of one Kraken v1 message per
 * line (what {@code feed serve --lines} streams), with no socket, and reports the checks. A resubscribe cannot be
 * sent to a file, so it is only counted: the file must hold the fresh snapshot Kraken would then send. The receive
 * time of a message is its line number, as the file carries no times of its own. Lines longer than the configured
 * maximum message size are never held whole: they reach the handler as oversized.
 */
public final class KrakenFileVerification
{
    private static final int READ_CHUNK = 64 * 1024;

    private final KrakenBookContext context;
    private final MessageHandler sink;

    /**
     * @param context settings for the book (pair, depth, decimals, bounds).
     * @param sink receives the SBE frames (pass a no-op to verify only).
     */
    public KrakenFileVerification(final KrakenBookContext context, final MessageHandler sink)
    {
        this.context = context;
        this.sink = sink;
    }

    /**
     * Outcome of a verification run.
     *
     * @param counters the handler's tallies.
     * @param finalState the book's state after the last line.
     * @param lines lines read, blank ones included.
     * @param lastProblem the last reason the book lost trust, or null.
     * @param priceDecimals price decimals used (derived from the first snapshot when not configured).
     * @param lotDecimals lot decimals used.
     */
    public record Result(
        KrakenBookCounters counters, BookState finalState, long lines, String lastProblem, int priceDecimals, int lotDecimals)
    {
        /**
         * @return true when every update checked out: no checksum failure, no crossed book, nothing malformed.
         */
        public boolean passed()
        {
            return counters.noProblems();
        }
    }

    /**
     * @param file one JSON message per line, UTF-8.
     * @return the tallies.
     * @throws IOException when the file cannot be read.
     */
    public Result run(final Path file) throws IOException
    {
        final KrakenBookHandler handler = new KrakenBookHandler(context, sink, () -> { });
        final int max = context.maxMessageBytes();
        final byte[] line = new byte[max + 1];
        final byte[] chunk = new byte[READ_CHUNK];
        long lineNumber = 0;
        int length = 0;
        try (InputStream in = Files.newInputStream(file))
        {
            int read;
            while ((read = in.read(chunk)) > 0)
            {
                for (int i = 0; i < read; i++)
                {
                    final byte b = chunk[i];
                    if ('\n' == b)
                    {
                        offer(handler, line, length, ++lineNumber);
                        length = 0;
                    }
                    else if (length <= max)
                    {
                        line[length++] = b;
                    }
                }
            }
        }
        if (length > 0)
        {
            offer(handler, line, length, ++lineNumber);
        }
        return new Result(handler.counters(), handler.state(), lineNumber, handler.lastProblem(), handler.priceDecimals(),
            handler.lotDecimals());
    }

    private static void offer(final KrakenBookHandler handler, final byte[] line, final int length, final long lineNumber)
    {
        int end = length;
        if (end > 0 && '\r' == line[end - 1])
        {
            end--;
        }
        if (isBlank(line, end))
        {
            return;
        }
        handler.onMessage(line, 0, end, lineNumber);
    }

    private static boolean isBlank(final byte[] line, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (' ' != line[i] && '\t' != line[i])
            {
                return false;
            }
        }
        return true;
    }
}
