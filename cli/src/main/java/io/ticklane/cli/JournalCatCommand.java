package io.ticklane.cli;

import io.ticklane.journal.queue.Direction;
import io.ticklane.journal.queue.FrameTypes;
import io.ticklane.journal.queue.JournalReader;
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
 * {@code ticklane journal cat}: one readable line per record, so a person can see exactly what a journal holds.
 */
@Command(
    name = "cat",
    mixinStandardHelpOptions = true,
    description = {
        "Print a journal's records, one per line: receive time (UTC), direction, stream, message type and the",
        "decoded fields (sequence, prices in ticks, sizes in lots). Reads complete journals only.",
        "Exit 0 on success, 2 on bad usage or an unreadable journal."
    })
public final class JournalCatCommand implements Callable<Integer>
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
        try (JournalReader reader = JournalReader.open(dir))
        {
            while (!isLimitReached() && reader.poll(this::onRecord, BATCH) > 0)
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

    private void onRecord(
        final Direction direction, final int stream, final long receiveTimeNs, final DirectBuffer buffer, final int offset,
        final int length)
    {
        if (receiveTimeNs < fromNs || isLimitReached())
        {
            return;
        }
        final int recordType = types.templateId(buffer, offset);
        if (templateId >= 0 && recordType != templateId)
        {
            return;
        }
        out.println(Instant.ofEpochSecond(0, receiveTimeNs) + " " + direction + " " + stream + " " +
            FrameTypes.name(recordType) + " " + types.describe(buffer, offset));
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
