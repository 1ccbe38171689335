package io.ticklane.journal.importer;

import io.ticklane.journal.queue.Direction;
import io.ticklane.journal.queue.JournalHeader;
import io.ticklane.journal.queue.JournalInstrument;
import io.ticklane.journal.queue.JournalWriter;
import io.ticklane.sbe.BestBidOfferDecoder;
import io.ticklane.sbe.InstrumentDefinitionDecoder;
import io.ticklane.sbe.L2SnapshotDecoder;
import io.ticklane.sbe.L2UpdateDecoder;
import io.ticklane.sbe.L3OrderEventDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.TradeDecoder;
import io.ticklane.sbe.TradingStatusDecoder;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Journals every market-data frame a reader emits as an IN record on {@link #STREAM}, stamped with the frame's own
 * receive time, and publishes the journal atomically: it is written into a hidden sibling directory and renamed to
 * the target only by {@link #commit()}, after the trailer, its queue files cut to what was written
 * ({@link QueueFileTrim}). Closing without committing deletes the partial journal,
 * and a killed process leaves only the hidden directory, so a journal at the target is always complete.
 *
 * <p>The header is written when the reader's InstrumentDefinition arrives: tick and lot sizes may only be known once
 * the data has been read (Binance infers them from the first snapshot). Frames that come before it (LOBSTER's
 * seeding snapshot) are held and journaled right after it, so every journal starts with its instrument definition.
 */
public final class JournalImport implements MessageHandler, AutoCloseable
{
    /** Stream id of imported market data. */
    public static final int STREAM = 1;
    /** Progress is reported every this many records. */
    public static final long PROGRESS_INTERVAL = 1_000_000;
    /** Config hash of an import: it runs under no configuration file. */
    public static final String NO_CONFIG = "none";

    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private final Path target;
    private final Path temporary;
    private final String source;
    private final String codeVersion;
    private final LongConsumer progress;
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final InstrumentDefinitionDecoder definitionDecoder = new InstrumentDefinitionDecoder();
    private final ExpandableArrayBuffer pending = new ExpandableArrayBuffer(4096);
    private int pendingEnd;
    private String expectedSymbol;
    private JournalWriter writer;
    private boolean committed;

    /**
     * @param target      journal directory to create; must not exist.
     * @param source      description of the input, recorded in the header.
     * @param codeVersion version of the importing code, recorded in the header.
     * @param progress    told the record count every {@link #PROGRESS_INTERVAL} records.
     * @throws FileAlreadyExistsException if the target exists: imports never overwrite.
     */
    public JournalImport(final Path target, final String source, final String codeVersion, final LongConsumer progress)
        throws FileAlreadyExistsException
    {
        this.target = ImportTarget.checked(target);
        this.temporary = ImportTarget.hiddenSibling(this.target);
        this.source = source;
        this.codeVersion = codeVersion;
        this.progress = progress;
    }

    /**
     * @param symbol the symbol the data must carry (case-insensitive), or null to accept any.
     * @return this.
     */
    public JournalImport expectSymbol(final String symbol)
    {
        this.expectedSymbol = symbol;
        return this;
    }

    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if (null == writer)
        {
            if (InstrumentDefinitionDecoder.TEMPLATE_ID != msgTypeId)
            {
                hold(msgTypeId, buffer, index, length);
                return;
            }
            open(buffer, index);
            append(msgTypeId, buffer, index, length);
            appendPending();
            return;
        }
        append(msgTypeId, buffer, index, length);
    }

    private void append(final int msgTypeId, final DirectBuffer buffer, final int index, final int length)
    {
        writer.append(Direction.IN, STREAM, receiveTimeNs(msgTypeId, buffer, index), buffer, index, length);
        if (0 == writer.recordCount() % PROGRESS_INTERVAL)
        {
            progress.accept(writer.recordCount());
        }
    }

    private void hold(final int msgTypeId, final DirectBuffer buffer, final int index, final int length)
    {
        pending.putInt(pendingEnd, msgTypeId);
        pending.putInt(pendingEnd + 4, length);
        pending.putBytes(pendingEnd + 8, buffer, index, length);
        pendingEnd += 8 + length;
    }

    private void appendPending()
    {
        int position = 0;
        while (position < pendingEnd)
        {
            final int length = pending.getInt(position + 4);
            append(pending.getInt(position), pending, position + 8, length);
            position += 8 + length;
        }
        pendingEnd = 0;
    }

    /**
     * @return records journaled so far.
     */
    public long recordCount()
    {
        return null == writer ? 0 : writer.recordCount();
    }

    /**
     * @return the hidden directory the journal is written into until committed.
     */
    public Path temporaryDirectory()
    {
        return temporary;
    }

    /**
     * Writes the trailer and renames the journal into place, atomically.
     *
     * @return records journaled.
     * @throws IOException if there were no frames, or the rename fails.
     */
    public long commit() throws IOException
    {
        if (null == writer)
        {
            throw new IOException(source + ": the input produced no instrument definition, no journal written");
        }
        writer.close();
        QueueFileTrim.trim(temporary);
        ImportTarget.publish(temporary, target);
        committed = true;
        return writer.recordCount();
    }

    /**
     * Without a commit: abandons the journal and deletes its hidden directory.
     */
    public void close()
    {
        if (committed)
        {
            return;
        }
        if (null != writer)
        {
            writer.abort();
        }
        ImportTarget.delete(temporary);
    }

    private void open(final DirectBuffer buffer, final int index)
    {
        definitionDecoder.wrapAndApplyHeader(buffer, index, headerDecoder);
        final JournalInstrument instrument = new JournalInstrument((int)definitionDecoder.instrumentId(),
            definitionDecoder.symbol().trim(), definitionDecoder.tickSize(), definitionDecoder.lotSize(),
            definitionDecoder.priceExponent(), definitionDecoder.quantityExponent());
        if (null != expectedSymbol && !expectedSymbol.equalsIgnoreCase(instrument.symbol()))
        {
            throw new IllegalArgumentException(
                source + ": the data is for " + instrument.symbol() + ", not the instrument given (" + expectedSymbol + ")");
        }
        try
        {
            writer = JournalWriter.create(temporary,
                JournalHeader.current(List.of(instrument), NO_CONFIG, codeVersion, source));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @return the receive time a market-data frame carries.
     */
    static long receiveTimeNs(final int templateId, final DirectBuffer buffer, final int index)
    {
        final int body = index + MessageHeaderEncoder.ENCODED_LENGTH;
        switch (templateId)
        {
            case InstrumentDefinitionDecoder.TEMPLATE_ID:
                return buffer.getLong(body + InstrumentDefinitionDecoder.receiveTimeNsEncodingOffset(), LE);
            case L2SnapshotDecoder.TEMPLATE_ID:
                return buffer.getLong(body + L2SnapshotDecoder.receiveTimeNsEncodingOffset(), LE);
            case L2UpdateDecoder.TEMPLATE_ID:
                return buffer.getLong(body + L2UpdateDecoder.receiveTimeNsEncodingOffset(), LE);
            case L3OrderEventDecoder.TEMPLATE_ID:
                return buffer.getLong(body + L3OrderEventDecoder.receiveTimeNsEncodingOffset(), LE);
            case TradeDecoder.TEMPLATE_ID:
                return buffer.getLong(body + TradeDecoder.receiveTimeNsEncodingOffset(), LE);
            case BestBidOfferDecoder.TEMPLATE_ID:
                return buffer.getLong(body + BestBidOfferDecoder.receiveTimeNsEncodingOffset(), LE);
            case TradingStatusDecoder.TEMPLATE_ID:
                return buffer.getLong(body + TradingStatusDecoder.receiveTimeNsEncodingOffset(), LE);
            default:
                throw new IllegalStateException("not a market-data frame: template " + templateId);
        }
    }

}
