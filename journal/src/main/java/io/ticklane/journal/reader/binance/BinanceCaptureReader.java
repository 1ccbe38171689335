package io.ticklane.journal.reader.binance;

import io.ticklane.journal.reader.InputFormatException;
import org.agrona.concurrent.MessageHandler;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays Binance captures (hftbacktest collector, {@code <local_ns> <json>} gzipped lines) as the SBE market
 * data a live gateway would deliver: InstrumentDefinition first, then L2Snapshot / L2Update (synchronised with
 * Binance's rules), BestBidOffer and Trade, each handed to a {@link MessageHandler} with its SBE template id.
 * Several files are one stream, in the order given, so a day file without a snapshot continues the previous one.
 *
 * <p>Single-threaded and not reentrant: frames are encoded in one reused buffer, valid only during the callback.
 */
public final class BinanceCaptureReader implements AutoCloseable
{
    /**
     * Settings of one reader, validated by {@link #conclude()} before the first line is read.
     */
    public static final class Context
    {
        private final List<Path> files = new ArrayList<>();
        private BinanceMarket market;
        private int instrumentId = 1;
        private BigDecimal tickSize;
        private BigDecimal lotSize;

        /**
         * @param files capture files, read in this order as one stream.
         * @return this.
         */
        public Context files(final List<Path> files)
        {
            this.files.clear();
            this.files.addAll(files);
            return this;
        }

        /**
         * @param market spot or USD-M futures: decides the synchronisation rules and which fields are required.
         * @return this.
         */
        public Context market(final BinanceMarket market)
        {
            this.market = market;
            return this;
        }

        /**
         * @return the market whose rules apply.
         */
        public BinanceMarket market()
        {
            return market;
        }

        /**
         * @return id put in every emitted message.
         */
        public int instrumentId()
        {
            return instrumentId;
        }

        /**
         * @param instrumentId id put in every emitted message; default 1.
         * @return this.
         */
        public Context instrumentId(final int instrumentId)
        {
            this.instrumentId = instrumentId;
            return this;
        }

        /**
         * @param tickSize price step such as {@code 0.01}; null (default) infers it from the first snapshot.
         * @return this.
         */
        public Context tickSize(final BigDecimal tickSize)
        {
            this.tickSize = tickSize;
            return this;
        }

        /**
         * @param lotSize quantity step such as {@code 0.00001}; null (default) infers it from the first snapshot.
         * @return this.
         */
        public Context lotSize(final BigDecimal lotSize)
        {
            this.lotSize = lotSize;
            return this;
        }

        /**
         * Check the settings.
         *
         * @return this.
         * @throws IllegalArgumentException naming the setting that is wrong.
         */
        public Context conclude()
        {
            if (files.isEmpty())
            {
                throw new IllegalArgumentException("no capture files given");
            }
            if (null == market)
            {
                throw new IllegalArgumentException("market (SPOT or USDM_FUTURES) not given");
            }
            if (instrumentId <= 0)
            {
                throw new IllegalArgumentException("instrumentId must be positive: " + instrumentId);
            }
            if (null != tickSize)
            {
                DecimalGrid.of(tickSize);
            }
            if (null != lotSize)
            {
                DecimalGrid.of(lotSize);
            }
            return this;
        }
    }

    private final BinanceReaderCounters counters = new BinanceReaderCounters();
    private final TickLotSizes sizes;
    private final CaptureLines lines;
    private final BinanceStreamDecoder decoder;
    private boolean endOfStream;

    /**
     * Validate the context and, when a size is not given, read ahead to the first snapshot to infer it.
     *
     * @param context settings; {@link Context#conclude()} is called here.
     * @throws InputFormatException when sizes must be inferred and the files hold no usable snapshot.
     */
    public BinanceCaptureReader(final Context context)
    {
        this(context, Files::newInputStream);
    }

    /**
     * Read the context's files through {@code captureSource}, as tests and fuzzing do to feed bytes from memory.
     *
     * @param context       settings; {@link Context#conclude()} is called here.
     * @param captureSource opens each file's bytes.
     */
    BinanceCaptureReader(final Context context, final CaptureSource captureSource)
    {
        context.conclude();
        final List<Path> files = List.copyOf(context.files);
        sizes = null != context.tickSize && null != context.lotSize ?
            new TickLotSizes(context.tickSize.stripTrailingZeros(), false, context.lotSize.stripTrailingZeros(), false, null, 0) :
            new GridInference().infer(files, captureSource, context.tickSize, context.lotSize);
        final DecimalGrid tick = inferredGrid(sizes.tickSize(), "tick size");
        final DecimalGrid lot = inferredGrid(sizes.lotSize(), "lot size");
        decoder = new BinanceStreamDecoder(context.market, context.instrumentId, tick, lot, counters);
        lines = new CaptureLines(files, captureSource);
    }

    /**
     * A step the settings gave was checked by {@link Context#conclude()}; one inferred from a snapshot's prices can be
     * anything the file holds (found by BinanceReaderFuzzTest: a price with 44 decimals), refused naming the snapshot.
     */
    private DecimalGrid inferredGrid(final BigDecimal step, final String what)
    {
        try
        {
            return DecimalGrid.of(step);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new InputFormatException(null == sizes.source() ? "binance capture" : sizes.source(), sizes.line(),
                "the " + what + " inferred from the snapshot cannot be used: " + ex.getMessage(), ex);
        }
    }

    /**
     * @return the tick and lot sizes in use, and whether they were inferred (from which snapshot).
     */
    public TickLotSizes tickLotSizes()
    {
        return sizes;
    }

    /**
     * @return what has been read, dropped, emitted and how synchronisation went so far.
     */
    public BinanceReaderCounters counters()
    {
        return counters;
    }

    /**
     * @return true once the last line of the last file has been read.
     */
    public boolean isEndOfStream()
    {
        return endOfStream;
    }

    /**
     * Read up to {@code lineLimit} lines, emitting the messages they produce.
     *
     * @param handler   receives each SBE frame (message header first); the buffer is reused after it returns.
     * @param lineLimit most lines to read in this call.
     * @return lines read; 0 at the end of the stream.
     * @throws InputFormatException naming file and line for anything the reader does not understand.
     */
    public int poll(final MessageHandler handler, final int lineLimit)
    {
        decoder.handler(handler);
        int read = 0;
        while (read < lineLimit && !endOfStream)
        {
            if (!lines.next())
            {
                endOfStream = true;
                break;
            }
            read++;
            counters.lines++;
            onLine();
        }
        return read;
    }

    /**
     * Read the whole stream.
     *
     * @param handler receives each SBE frame (message header first); the buffer is reused after it returns.
     * @return lines read.
     * @throws InputFormatException naming file and line for anything the reader does not understand.
     */
    public long readAll(final MessageHandler handler)
    {
        long total = 0;
        int read;
        while ((read = poll(handler, Integer.MAX_VALUE)) > 0)
        {
            total += read;
        }
        return total;
    }

    @Override
    public void close()
    {
        lines.close();
    }

    private void onLine()
    {
        decoder.onMessage(lines.buffer(), lines.jsonOffset(), lines.jsonLength(), lines.localNs(), lines.source(), lines.lineNumber());
    }
}
