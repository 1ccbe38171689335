package io.ticklane.cli;

import io.ticklane.gateway.transport.FrameRefusal;
import io.ticklane.journal.queue.Direction;
import io.ticklane.journal.queue.FrameTypes;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.journal.queue.JournalRecordHandler;
import io.ticklane.sbe.MessageHeaderDecoder;
import org.agrona.DirectBuffer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

/**
 * {@code ticklane journal cat}: one readable line per record, so a person can see exactly what a journal holds. A
 * frame it cannot decode is printed as such, with its record index, and the listing goes on; a frame the daemon
 * refused is printed with its refusal.
 */
@Command(
    name = "cat",
    mixinStandardHelpOptions = true,
    description = {
        "Print a journal's records, one per line: receive time (UTC), direction, stream, message type and the",
        "decoded fields (sequence, prices in ticks, sizes in lots). An inbound frame the daemon refused prints as",
        "REFUSED with its record index and reason; a frame that cannot be decoded prints its record index and why.",
        "Reads complete journals only.",
        "Exit 0 on success, 2 on bad usage or an unreadable journal."
    })
public final class JournalCatCommand implements Callable<Integer>, JournalRecordHandler
{
    private static final int BATCH = 1024;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Journal directory.")
    private Path dir;

    @Option(names = "--from", paramLabel = "T", description = "First receive time: epoch nanoseconds or an ISO instant.")
    private String from;

    @Option(names = "--type", paramLabel = "X", description = "Only this message type, e.g. L2Update (case-insensitive).")
    private String type;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "-1", description = "Print at most N records.")
    private long limit;

    private final FrameTypes types = new FrameTypes();
    private PrintWriter out;
    private long fromNs = Long.MIN_VALUE;
    private int templateId = -1;
    private long printed;
    private JournalReader reader;

    public Integer call() throws IOException
    {
        out = spec.commandLine().getOut();
        if (null != from)
        {
            fromNs = parseTime(from);
        }
        if (null != type)
        {
            templateId = FrameTypes.templateId(type);
            if (templateId < 0)
            {
                throw new CommandLine.ParameterException(spec.commandLine(), "--type " + type + " is not a message type");
            }
        }
        try (JournalReader opened = JournalReader.open(dir))
        {
            reader = opened;
            while (!isLimitReached() && reader.poll(this, BATCH) > 0)
            {
                out.flush();
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private boolean isLimitReached()
    {
        return limit >= 0 && printed >= limit;
    }

    /**
     * One line per record.
     */
    public void onRecord(
        final Direction direction, final int stream, final long receiveTimeNs, final DirectBuffer buffer, final int offset,
        final int length)
    {
        print(direction.name(), "", stream, receiveTimeNs, buffer, offset, length);
    }

    /**
     * A refused record: its reason, then what its bytes decode to, if anything.
     */
    public void onRefused(
        final int refusal, final int stream, final long receiveTimeNs, final DirectBuffer buffer, final int offset,
        final int length)
    {
        print("REFUSED", "record " + reader.recordsRead() + " refused " + FrameRefusal.name(refusal) + ": ", stream,
            receiveTimeNs, buffer, offset, length);
    }

    private void print(
        final String direction, final String note, final int stream, final long receiveTimeNs, final DirectBuffer buffer,
        final int offset, final int length)
    {
        if (receiveTimeNs < fromNs || isLimitReached())
        {
            return;
        }
        final int recordType = length >= MessageHeaderDecoder.ENCODED_LENGTH ? types.templateId(buffer, offset) : -1;
        if (templateId >= 0 && recordType != templateId)
        {
            return;
        }
        String text;
        try
        {
            text = types.describe(buffer, offset, length);
        }
        catch (final IllegalArgumentException ex)
        {
            text = (note.isEmpty() ? "record " + reader.recordsRead() + " " : "") + "cannot be decoded: " + ex.getMessage();
        }
        out.println(Instant.ofEpochSecond(0, receiveTimeNs) + " " + direction + " " + stream + " " +
            (recordType < 0 ? "?" : FrameTypes.name(recordType)) + " " + note + text);
        printed++;
    }

    private long parseTime(final String text)
    {
        try
        {
            return Long.parseLong(text);
        }
        catch (final NumberFormatException notNanos)
        {
            try
            {
                final Instant instant = Instant.parse(text);
                return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
            }
            catch (final DateTimeParseException ex)
            {
                throw new CommandLine.ParameterException(spec.commandLine(),
                    "--from " + text + " is neither epoch nanoseconds nor an ISO instant (2024-07-18T00:00:00Z)");
            }
        }
    }
}
