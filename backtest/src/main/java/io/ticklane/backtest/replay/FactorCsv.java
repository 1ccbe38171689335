package io.ticklane.backtest.replay;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.FactorEngine;
import io.ticklane.microstructure.FactorSnapshot;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Real data replayed through the book and the factor engine, every factor written after every event that reached
 * the factors as one CSV row ({@code event_time_ns}, then one column per factor id, NaN while a factor warms up): the
 * offline twin of what the daemon computes live, for notebooks and fitters.
 */
public final class FactorCsv
{
    /** Told how far the replay is. */
    @FunctionalInterface
    public interface Progress
    {
        /**
         * @param records input records so far.
         * @param rows    CSV rows written so far.
         */
        void onProgress(long records, long rows);
    }

    /**
     * @param bookSummary one line saying how exact the book stayed.
     * @param rows        CSV rows written, the header not counted.
     */
    public record Result(String bookSummary, long rows)
    {
    }

    private FactorCsv()
    {
    }

    /**
     * @param source   the real data.
     * @param factors  the factors, in column order.
     * @param out      CSV file to write (replaced).
     * @param progress told the record and row counts every million records.
     * @return what was written.
     * @throws IOException if the file cannot be written or the data read.
     */
    public static Result write(final ReplaySource source, final List<Factor> factors, final Path out, final Progress progress)
        throws IOException
    {
        final long[] rows = new long[1];
        try (BufferedWriter csv = Files.newBufferedWriter(out, StandardCharsets.US_ASCII))
        {
            final String bookSummary = source.replay(
                (book) -> new Rows(FactorEngine.observing(book, factors), csv, rows),
                (records) -> progress.onProgress(records, rows[0]));
            return new Result(bookSummary, rows[0]);
        }
        catch (final UncheckedIOException ex)
        {
            throw ex.getCause();
        }
    }

    /**
     * Feeds the engine and writes a row whenever an event reached the factors.
     */
    private static final class Rows implements MessageHandler
    {
        private final FactorEngine engine;
        private final BufferedWriter csv;
        private final long[] rows;
        private final StringBuilder line = new StringBuilder(1024);
        private long eventsWritten;

        Rows(final FactorEngine engine, final BufferedWriter csv, final long[] rows)
        {
            this.engine = engine;
            this.csv = csv;
            this.rows = rows;
            final FactorSnapshot snapshot = engine.snapshot();
            line.append("event_time_ns");
            for (int i = 0; i < snapshot.size(); i++)
            {
                line.append(',').append(snapshot.id(i));
            }
            write();
        }

        public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
        {
            engine.onMessage(msgTypeId, buffer, index, length);
            final FactorSnapshot snapshot = engine.snapshot();
            if (snapshot.events() == eventsWritten)
            {
                return;
            }

            eventsWritten = snapshot.events();
            line.append(snapshot.eventTimeNs());
            for (int i = 0; i < snapshot.size(); i++)
            {
                line.append(',').append(snapshot.value(i));
            }
            write();
            rows[0]++;
        }

        private void write()
        {
            try
            {
                csv.append(line).append('\n');
                line.setLength(0);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
    }
}
