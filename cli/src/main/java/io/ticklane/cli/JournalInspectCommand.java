package io.ticklane.cli;

import io.ticklane.journal.queue.Direction;
import io.ticklane.journal.queue.JournalHeader;
import io.ticklane.journal.queue.JournalInstrument;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.sbe.L2SnapshotDecoder;
import io.ticklane.sbe.L2UpdateDecoder;
import io.ticklane.sbe.L3OrderEventDecoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import org.agrona.DirectBuffer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code ticklane journal inspect}: what a journal is (its header) and what is in it (counts per direction and
 * message type, time range, market-data sequence gaps), from one pass over the records.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
        "Print a journal's header and a summary of its records: counts per direction and message type, first and",
        "last receive time, and sequence gaps of L2/L3 market data per stream (an update whose prevSequence is not",
        "the sequence before it). Reads incomplete journals too. Last line: records=<n> gaps=<g> complete=<yes|no>.",
        "Exit 0 for a complete journal, 1 for an incomplete one, 2 if it is not a readable journal."
    })
public final class JournalInspectCommand implements Callable<Integer>
{
    private static final int MAX_TEMPLATE_ID = 64;
    private static final int MAX_STREAMS = 1024;
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final int BODY = MessageHeaderEncoder.ENCODED_LENGTH;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Journal directory.")
    private Path dir;

    private final long[][] counts = new long[Direction.values().length][MAX_TEMPLATE_ID + 1];
    private final Map<Integer, long[]> streams = new TreeMap<>();
    private final FrameTypes types = new FrameTypes();
    private long records;
    private long firstTimeNs;
    private long lastTimeNs;
    private long gaps;

    public Integer call() throws IOException
    {
        final PrintWriter out = spec.commandLine().getOut();
        try (JournalReader reader = JournalReader.open(dir, true))
        {
            final JournalHeader header = reader.header();
            out.println("journal:        " + dir);
            out.println("complete:       " + (reader.isComplete() ?
                "yes (trailer: " + reader.trailerRecordCount() + " records)" : "NO (no trailer: writer interrupted)"));
            out.println("format:         " + header.formatVersion());
            out.println("sbe schema:     id " + header.schemaId() + " version " + header.schemaVersion());
            out.println("config hash:    " + header.configHash());
            out.println("code version:   " + header.codeVersion());
            out.println("source:         " + header.source());
            for (final JournalInstrument instrument : header.instruments())
            {
                out.println("instrument:     " + instrument);
            }

            reader.readAll(this::onRecord);

            for (final Direction direction : Direction.values())
            {
                final long[] byType = counts[direction.ordinal()];
                for (int type = 0; type <= MAX_TEMPLATE_ID; type++)
                {
                    if (byType[type] > 0)
                    {
                        out.printf("  %-3s %-22s %,d%n", direction, type == MAX_TEMPLATE_ID ? "other" : FrameTypes.name(type),
                            byType[type]);
                    }
                }
            }
            if (records > 0)
            {
                out.println("first receive:  " + Instant.ofEpochSecond(0, firstTimeNs) + " (" + firstTimeNs + " ns)");
                out.println("last receive:   " + Instant.ofEpochSecond(0, lastTimeNs) + " (" + lastTimeNs + " ns)");
            }
            for (final Map.Entry<Integer, long[]> stream : streams.entrySet())
            {
                out.println("stream " + stream.getKey() + ": sequence gaps " + stream.getValue()[1]);
            }
            out.println("records=" + records + " gaps=" + gaps + " complete=" + (reader.isComplete() ? "yes" : "no"));
            out.flush();
            return reader.isComplete() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        }
    }

    private void onRecord(
        final Direction direction, final int stream, final long receiveTimeNs, final DirectBuffer buffer, final int offset,
        final int length)
    {
        if (0 == records)
        {
            firstTimeNs = receiveTimeNs;
        }
        lastTimeNs = receiveTimeNs;
        records++;
        final int templateId = types.templateId(buffer, offset);
        counts[direction.ordinal()][templateId >= 0 && templateId < MAX_TEMPLATE_ID ? templateId : MAX_TEMPLATE_ID]++;
        if (Direction.IN == direction && stream >= 0 && stream < MAX_STREAMS)
        {
            trackSequence(stream, templateId, buffer, offset);
        }
    }

    /**
     * Per stream: {last sequence (or Long.MIN_VALUE before a snapshot), gaps}.
     */
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
}
