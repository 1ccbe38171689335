package io.ticklane.cli;

import io.ticklane.gateway.transport.FrameRefusal;
import io.ticklane.journal.queue.Direction;
import io.ticklane.journal.queue.JournalHeader;
import io.ticklane.journal.queue.JournalInstrument;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.journal.queue.JournalStatistics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
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
        "the sequence before it); inbound frames the daemon refused are counted per reason (REFUSED lines).",
        "Reads incomplete journals too. Last line: records=<n> gaps=<g> complete=<yes|no>.",
        "Exit 0 for a complete journal, 1 for an incomplete one, 2 if it is not a readable journal."
    })
public final class JournalInspectCommand implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Journal directory.")
    private Path dir;

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

            final JournalStatistics statistics = JournalStatistics.of(reader);
            for (final Direction direction : Direction.values())
            {
                for (final Map.Entry<String, Long> type : statistics.countsByType(direction).entrySet())
                {
                    out.printf("  %-3s %-22s %,d%n", direction, type.getKey(), type.getValue());
                }
            }
            for (final Map.Entry<Integer, Long> refused : statistics.refusedByCode().entrySet())
            {
                out.printf("  %-3s %-22s %,d%n", "REFUSED", FrameRefusal.name(refused.getKey()), refused.getValue());
            }
            if (statistics.records() > 0)
            {
                final long first = statistics.firstReceiveNs();
                final long last = statistics.lastReceiveNs();
                out.println("first receive:  " + Instant.ofEpochSecond(0, first) + " (" + first + " ns)");
                out.println("last receive:   " + Instant.ofEpochSecond(0, last) + " (" + last + " ns)");
            }
            for (final Map.Entry<Integer, Long> stream : statistics.gapsByStream().entrySet())
            {
                out.println("stream " + stream.getKey() + ": sequence gaps " + stream.getValue());
            }
            out.println("records=" + statistics.records() + " gaps=" + statistics.gaps() + " complete=" +
                (reader.isComplete() ? "yes" : "no"));
            out.flush();
            return reader.isComplete() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        }
    }
}
