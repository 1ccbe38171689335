package io.ticklane.backtest;

import io.ticklane.journal.queue.JournalReader;
import io.ticklane.sbe.L3OrderEventDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.NewOrderEncoder;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * What a journal's market data is, read from its first records before a backtest is set up, so the venue gets a
 * book that understands the data (order-by-order events fed to a price-level book leave it STALE for the rest of the
 * run) and the default latency can come from the data: a capture that carries both the exchange's time and the local
 * receive time shows the feed latency it was recorded with.
 *
 * @param orderByOrder   true when the market data has order-by-order (L3) events.
 * @param bothTimestamps true when market records carry an exchange time and a later local receive time.
 * @param marketRecords  market records read (at most {@link #SAMPLE_RECORDS}).
 */
public record MarketDataShape(boolean orderByOrder, boolean bothTimestamps, long marketRecords)
{
    /**
     * Market records read from the start of the journal.
     */
    public static final int SAMPLE_RECORDS = 10_000;

    /**
     * The latency model a run without {@code --latency} uses on data with both timestamps: the feed latency is the
     * recorded receive time minus the exchange time of each frame, and an order's way to the venue and a report's way
     * back are each taken to be as long as the latest feed latency observed (one network path, both directions).
     */
    public static final String FEED_DERIVED_DEFAULT = "feed-derived:1,1,0";

    /**
     * Where the data has no local receive time: nothing to derive a latency from, so none is assumed, and said.
     */
    public static final String ZERO_LATENCY = "constant:0,0,0";

    /**
     * @param journal the journal.
     * @return its shape, from its first {@link #SAMPLE_RECORDS} market records.
     * @throws IOException if it cannot be read.
     */
    public static MarketDataShape of(final Path journal) throws IOException
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final long[] counts = new long[3]; // market records, L3 events, records with both timestamps
        try (JournalReader reader = JournalReader.open(journal))
        {
            while (counts[0] < SAMPLE_RECORDS && reader.pollInbound((templateId, buffer, offset, length) ->
            {
                if (templateId >= NewOrderEncoder.TEMPLATE_ID || length < MessageHeaderDecoder.ENCODED_LENGTH + 16)
                {
                    return; // order entry and control frames carry no market times
                }
                header.wrap(buffer, offset);
                counts[0]++;
                if (L3OrderEventDecoder.TEMPLATE_ID == templateId)
                {
                    counts[1]++;
                }
                // every market data message starts with exchangeTimeNs, receiveTimeNs (sbe-schemas/SCHEMA.md)
                final long exchangeNs = buffer.getLong(offset + MessageHeaderDecoder.ENCODED_LENGTH, ByteOrder.LITTLE_ENDIAN);
                final long receiveNs = buffer.getLong(offset + MessageHeaderDecoder.ENCODED_LENGTH + 8, ByteOrder.LITTLE_ENDIAN);
                if (0 != exchangeNs && receiveNs > exchangeNs)
                {
                    counts[2]++;
                }
            }, 256) > 0)
            {
                // reads up to the sample
            }
        }
        return new MarketDataShape(counts[1] > 0, counts[2] > 0, counts[0]);
    }

    /**
     * @param requested the latency model asked for, or {@code auto}.
     * @return the model to run: {@code auto} becomes {@link #FEED_DERIVED_DEFAULT} on data with both timestamps,
     *         {@link #ZERO_LATENCY} otherwise.
     */
    public String latencyModel(final String requested)
    {
        if (!BacktestSettings.AUTO_LATENCY.equals(requested))
        {
            return requested;
        }
        return bothTimestamps ? FEED_DERIVED_DEFAULT : ZERO_LATENCY;
    }
}
