package io.ticklane.cockpit;

import io.ticklane.journal.queue.Direction;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import org.agrona.DirectBuffer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Recent fills of the live run, read from its journal (the counters carry only the fill count): follows the newest
 * journal under the daemon's runs directory with {@link JournalReader#follow}, read-only, and keeps the last fills
 * of the execution reports it journaled. A restarted daemon starts a new run directory; the newest journal is looked
 * for again every few seconds and followed from its start. One thread polls; any thread reads the last poll's fills.
 */
final class FillTail implements AutoCloseable
{
    static final int KEPT = 20;
    private static final int RECORDS_PER_POLL = 200_000;
    private static final long RESCAN_MS = 3_000;
    private static final int SEARCH_DEPTH = 4;

    private final Path runs;
    private final ArrayDeque<LiveSample.Fill> fills = new ArrayDeque<>();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final ExecutionReportDecoder report = new ExecutionReportDecoder();
    private JournalReader reader;
    private Path journal;
    private long lastScanMs = Long.MIN_VALUE / 2; // half: now minus it must not overflow
    private volatile String note;
    private volatile List<LiveSample.Fill> snapshot = List.of();

    FillTail(final Path runs)
    {
        this.runs = runs;
        this.note = null == runs ? "no --runs directory: recent fills are read from the live run's journal under it" :
            "no journal under " + runs + " yet";
    }

    /**
     * Reads what the journal gained since the last call.
     *
     * @param nowMs wall clock, ms.
     */
    synchronized void poll(final long nowMs)
    {
        if (null == runs)
        {
            return;
        }
        if (nowMs - lastScanMs >= RESCAN_MS)
        {
            lastScanMs = nowMs;
            final Path newest = newestJournal();
            if (null != newest && !newest.equals(journal))
            {
                closeReader();
                fills.clear();
                snapshot = List.of();
                journal = newest;
            }
        }
        if (null == journal)
        {
            return;
        }
        try
        {
            if (null == reader)
            {
                reader = JournalReader.follow(journal);
            }
            reader.poll(this::onRecord, RECORDS_PER_POLL);
            snapshot = List.copyOf(fills);
            note = "the last " + KEPT + " fills in journal " + journal + (reader.isDone() ? " (run ended)" : "");
        }
        catch (final IOException | RuntimeException ex)
        {
            closeReader();
            note = "cannot read journal " + journal + ": " + ex.getMessage();
        }
    }

    private void onRecord(final Direction direction, final int stream, final long receiveTimeNs, final DirectBuffer buffer,
        final int offset, final int length)
    {
        if (Direction.IN != direction || length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            return;
        }
        header.wrap(buffer, offset);
        if (ExecutionReportDecoder.TEMPLATE_ID != header.templateId() ||
            length < MessageHeaderDecoder.ENCODED_LENGTH + header.blockLength())
        {
            return;
        }
        report.wrapAndApplyHeader(buffer, offset, header);
        final short execType = report.execTypeRaw();
        if (ExecType.FILL.value() != execType && ExecType.PARTIAL_FILL.value() != execType)
        {
            return;
        }
        if (fills.size() == KEPT)
        {
            fills.removeLast();
        }
        fills.addFirst(new LiveSample.Fill(receiveTimeNs, String.valueOf(report.side()), report.lastPrice(),
            report.lastQuantity(), report.clientOrderId(), report.execId(), String.valueOf(report.liquidity())));
    }

    List<LiveSample.Fill> fills()
    {
        return snapshot;
    }

    String note()
    {
        return note;
    }

    private Path newestJournal()
    {
        final List<Path> journals = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(runs, SEARCH_DEPTH))
        {
            paths.filter((p) -> "journal".equals(p.getFileName().toString()) && Files.isDirectory(p)).forEach(journals::add);
        }
        catch (final IOException | RuntimeException ex)
        {
            note = "cannot list " + runs + ": " + ex.getMessage();
            return journal;
        }
        Path newest = null;
        FileTime newestTime = null;
        for (final Iterator<Path> it = journals.iterator(); it.hasNext();)
        {
            final Path candidate = it.next();
            final FileTime time = lastModified(candidate);
            if (null != time && (null == newestTime || time.compareTo(newestTime) > 0))
            {
                newest = candidate;
                newestTime = time;
            }
        }
        return newest;
    }

    private static FileTime lastModified(final Path journal)
    {
        try (Stream<Path> files = Files.list(journal))
        {
            return files.filter((f) -> f.getFileName().toString().endsWith(".cq4"))
                .map(FillTail::modified).filter((t) -> null != t).max(FileTime::compareTo).orElse(null);
        }
        catch (final IOException | RuntimeException ex)
        {
            return null;
        }
    }

    private static FileTime modified(final Path file)
    {
        try
        {
            return Files.getLastModifiedTime(file);
        }
        catch (final IOException ex)
        {
            return null;
        }
    }

    private void closeReader()
    {
        if (null != reader)
        {
            reader.close();
            reader = null;
        }
    }

    public synchronized void close()
    {
        closeReader();
    }
}
