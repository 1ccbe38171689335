package io.ticklane.journal.importer;

import io.ticklane.journal.queue.JournalReader;
import io.ticklane.sbe.InstrumentDefinitionEncoder;
import io.ticklane.sbe.L2SnapshotEncoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.TradeEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalImportTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();

    @TempDir
    Path tmp;

    @Test
    void framesBeforeTheDefinitionAreJournaledRightAfterItWithTheirOwnReceiveTimes() throws IOException
    {
        final Path out = tmp.resolve("j");
        try (JournalImport journal = new JournalImport(out, "test", "v1", (n) -> { }))
        {
            snapshot(journal, 100);
            definition(journal, 100);
            trade(journal, 200);
            assertFalse(Files.exists(out), "nothing at the target before commit");
            assertEquals(3, journal.commit());
        }

        final List<String> records = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(out))
        {
            assertEquals("SYM", reader.header().instruments().get(0).symbol());
            assertEquals(25, reader.header().instruments().get(0).tickSize());
            reader.readAll((d, s, t, b, o, l) -> records.add(d + "/" + s + "/" + t + "/" + (b.getShort(o + 2) & 0xFFFF)));
        }
        assertEquals(List.of("IN/1/100/1", "IN/1/100/10", "IN/1/200/13"), records);
        assertEquals(List.of(out), list(tmp));
    }

    @Test
    void anImportClosedWithoutCommitLeavesNothing() throws IOException
    {
        final Path out = tmp.resolve("j");
        try (JournalImport journal = new JournalImport(out, "test", "v1", (n) -> { }))
        {
            definition(journal, 1);
            trade(journal, 2);
            assertTrue(Files.isDirectory(journal.temporaryDirectory()));
            // an exception from the reader would leave the try block here, without commit
        }
        assertEquals(List.of(), list(tmp));
    }

    @Test
    void anInputWithoutADefinitionWritesNoJournal() throws IOException
    {
        final Path out = tmp.resolve("j");
        try (JournalImport journal = new JournalImport(out, "empty.gz", "v1", (n) -> { }))
        {
            final IOException ex = assertThrows(IOException.class, journal::commit);
            assertTrue(ex.getMessage().contains("empty.gz: the input produced no instrument definition"), ex.getMessage());
        }
        assertEquals(List.of(), list(tmp));
    }

    @Test
    void anExistingTargetIsRefusedBeforeAnythingIsRead() throws IOException
    {
        final Path out = Files.createDirectories(tmp.resolve("j"));
        assertThrows(FileAlreadyExistsException.class, () -> new JournalImport(out, "test", "v1", (n) -> { }));
    }

    @Test
    void theDataMustBeForTheExpectedInstrument() throws IOException
    {
        final Path out = tmp.resolve("j");
        try (JournalImport journal = new JournalImport(out, "f.gz", "v1", (n) -> { }).expectSymbol("OTHER"))
        {
            final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> definition(journal, 1));
            assertEquals("f.gz: the data is for SYM, not the instrument given (OTHER)", ex.getMessage());
        }
        assertEquals(List.of(), list(tmp));
    }

    private void definition(final JournalImport journal, final long timeNs)
    {
        final InstrumentDefinitionEncoder encoder = new InstrumentDefinitionEncoder().wrapAndApplyHeader(buffer, 0, header)
            .exchangeTimeNs(timeNs).receiveTimeNs(timeNs).instrumentId(1).symbol("SYM").tickSize(25).lotSize(1)
            .priceExponent((byte)-2).quantityExponent((byte)0);
        journal.onMessage(InstrumentDefinitionEncoder.TEMPLATE_ID, buffer, 0,
            MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }

    private void snapshot(final JournalImport journal, final long timeNs)
    {
        final L2SnapshotEncoder encoder = new L2SnapshotEncoder().wrapAndApplyHeader(buffer, 0, header)
            .exchangeTimeNs(timeNs).receiveTimeNs(timeNs).instrumentId(1).sequence(5);
        encoder.levelsCount(0);
        journal.onMessage(L2SnapshotEncoder.TEMPLATE_ID, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }

    private void trade(final JournalImport journal, final long timeNs)
    {
        final TradeEncoder encoder = new TradeEncoder().wrapAndApplyHeader(buffer, 0, header)
            .exchangeTimeNs(timeNs - 50).receiveTimeNs(timeNs).instrumentId(1);
        journal.onMessage(TradeEncoder.TEMPLATE_ID, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }

    private static List<Path> list(final Path dir) throws IOException
    {
        try (Stream<Path> files = Files.list(dir))
        {
            return files.toList();
        }
    }
}
