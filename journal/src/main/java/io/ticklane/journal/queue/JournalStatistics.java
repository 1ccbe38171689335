package io.ticklane.journal.queue;

import io.ticklane.sbe.L2SnapshotDecoder;
import io.ticklane.sbe.L2UpdateDecoder;
import io.ticklane.sbe.L3OrderEventDecoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What is in a journal, from one pass over its records: counts per direction and message type, refused inbound frames
 * per refusal code, the first and last
 * receive time, and sequence gaps of L2/L3 market data per inbound stream (an update whose {@code prevSequence} is
 * not the sequence before it; a snapshot resets the stream). A function of the records only, so {@code journal
 * inspect} and any test or tool see the same figures.
 */
public final class JournalStatistics implements JournalRecordHandler
{
    private static final int OTHER = FrameTypes.MAX_TEMPLATE_ID;
    private static final int MAX_STREAMS = 1024;
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final int BODY = MessageHeaderEncoder.ENCODED_LENGTH;

    private final long[][] counts = new long[Direction.values().length][OTHER + 1];
    /** Per stream: {last sequence (or Long.MIN_VALUE before a snapshot), gaps}. */
    private final Map<Integer, long[]> streams = new TreeMap<>();
    private final Map<Integer, Long> refused = new TreeMap<>();
    private final FrameTypes types = new FrameTypes();
    private long records;
    private long firstReceiveNs;
    private long lastReceiveNs;
    private long gaps;

    /**
     * Reads every remaining record of the reader.
     *
     * @param reader an open journal, complete or not.
     * @return the statistics of its records.
     */
    public static JournalStatistics of(final JournalReader reader)
    {
        final JournalStatistics statistics = new JournalStatistics();
        reader.readAll(statistics);
        return statistics;
    }

    /**
     * Counts one record; {@link #of} feeds every record of a journal here.
     */
    public void onRecord(
        final Direction direction, final int stream, final long receiveTimeNs, final DirectBuffer buffer, final int offset,
        final int length)
    {
        count(receiveTimeNs);
        final int templateId = types.templateId(buffer, offset);
        counts[direction.ordinal()][templateId >= 0 && templateId < OTHER ? templateId : OTHER]++;
        if (Direction.IN == direction && stream >= 0 && stream < MAX_STREAMS)
        {
            trackSequence(stream, templateId, buffer, offset);
        }
    }

    /**
     * Counts one refused record by its refusal code; its bytes are not read (they may not be a frame).
     */
    public void onRefused(
        final int refusal, final int stream, final long receiveTimeNs, final DirectBuffer buffer, final int offset,
        final int length)
    {
        count(receiveTimeNs);
        refused.merge(refusal, 1L, Long::sum);
    }

    private void count(final long receiveTimeNs)
    {
        if (0 == records)
        {
            firstReceiveNs = receiveTimeNs;
        }
        lastReceiveNs = receiveTimeNs;
        records++;
    }

    private void trackSequence(final int stream, final int templateId, final DirectBuffer buffer, final int offset)
    {
        final long[] state = streams.computeIfAbsent(stream, (s) -> new long[]{ Long.MIN_VALUE, 0 });
        final int body = offset + BODY;
        switch (templateId)
        {
            case L2SnapshotDecoder.TEMPLATE_ID:
                state[0] = buffer.getLong(body + L2SnapshotDecoder.sequenceEncodingOffset(), LE);
                break;
            case L2UpdateDecoder.TEMPLATE_ID:
                checkSequence(state, buffer.getLong(body + L2UpdateDecoder.prevSequenceEncodingOffset(), LE),
                    buffer.getLong(body + L2UpdateDecoder.sequenceEncodingOffset(), LE));
                break;
            case L3OrderEventDecoder.TEMPLATE_ID:
                checkSequence(state, buffer.getLong(body + L3OrderEventDecoder.prevSequenceEncodingOffset(), LE),
                    buffer.getLong(body + L3OrderEventDecoder.sequenceEncodingOffset(), LE));
                break;
            default:
                break;
        }
    }

    private void checkSequence(final long[] state, final long prevSequence, final long sequence)
    {
        if (Long.MIN_VALUE != state[0] && prevSequence != state[0])
        {
            state[1]++;
            gaps++;
        }
        state[0] = sequence;
    }

    /**
     * @param direction IN or OUT.
     * @return records of that direction per message type name, in template id order, types without records left out;
     *         templates this build does not number are counted under "other", last.
     */
    public Map<String, Long> countsByType(final Direction direction)
    {
        final long[] byType = counts[direction.ordinal()];
        final Map<String, Long> named = new LinkedHashMap<>();
        for (int type = 0; type <= OTHER; type++)
        {
            if (byType[type] > 0)
            {
                named.put(type == OTHER ? "other" : FrameTypes.name(type), byType[type]);
            }
        }
        return named;
    }

    /**
     * @return refused records per refusal code ({@code FrameRefusal} codes), in code order.
     */
    public Map<Integer, Long> refusedByCode()
    {
        return Collections.unmodifiableMap(refused);
    }

    /**
     * @return sequence gaps per inbound stream that carried market data or anything else, by stream id.
     */
    public Map<Integer, Long> gapsByStream()
    {
        final Map<Integer, Long> byStream = new TreeMap<>();
        streams.forEach((stream, state) -> byStream.put(stream, state[1]));
        return Collections.unmodifiableMap(byStream);
    }

    /**
     * @return records read, refused ones included.
     */
    public long records()
    {
        return records;
    }

    /**
     * @return receive time of the first record, epoch ns (0 without records).
     */
    public long firstReceiveNs()
    {
        return firstReceiveNs;
    }

    /**
     * @return receive time of the last record, epoch ns (0 without records).
     */
    public long lastReceiveNs()
    {
        return lastReceiveNs;
    }

    /**
     * @return sequence gaps over all streams.
     */
    public long gaps()
    {
        return gaps;
    }
}
