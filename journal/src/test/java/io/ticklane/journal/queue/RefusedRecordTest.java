package io.ticklane.journal.queue;

import io.ticklane.sbe.MessageHeaderEncoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Refused records (format version 2): inbound frames the daemon's edge refused, journaled with their refusal code so
 * a replay sees what the live run saw, but never handed on as inbound frames.
 */
class RefusedRecordTest
{
    private static final int WRONG_STREAM = 6;
    private static final int TOO_SHORT = 1;
    private static final int TOO_LONG = 2;

    @TempDir
    Path tmp;

    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[64]);

    @Test
    void aRefusedRecordComesBackThroughOnRefusedWithItsReasonAndBytes() throws IOException
    {
        final Path dir = journal(tmp.resolve("j"), true);
        final List<String> records = new ArrayList<>();
        final List<byte[]> refusedBytes = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(dir))
        {
            final long read = reader.readAll(new JournalRecordHandler()
            {
                public void onRecord(
                    final Direction direction, final int stream, final long receiveTimeNs, final DirectBuffer buffer,
                    final int offset, final int length)
                {
                    records.add(direction + " " + stream + " " + receiveTimeNs + " " + length);
                }

                public void onRefused(
                    final int refusal, final int stream, final long receiveTimeNs, final DirectBuffer buffer,
                    final int offset, final int length)
                {
                    records.add("refused " + refusal + " " + stream + " " + receiveTimeNs + " " + length);
                    final byte[] bytes = new byte[length];
                    buffer.getBytes(offset, bytes);
                    refusedBytes.add(bytes);
                }
            });
            assertEquals(6, read, "every record is read, refused ones too");
        }
        assertEquals(List.of("IN 1001 1 16", "refused 6 1004 2 16", "refused 1 1001 3 3", "OUT 1002 4 16",
            "refused 2 1003 5 0", "IN 1001 6 16"), records);
        assertArrayEquals(bytes(16), refusedBytes.get(0));
        assertArrayEquals(bytes(3), refusedBytes.get(1));
    }

    @Test
    void aHandlerThatDoesNotAskForRefusedRecordsNeverSeesThemAndReadInboundNeverDeliversThem() throws IOException
    {
        final Path dir = journal(tmp.resolve("j"), true);
        final List<Long> seen = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(dir))
        {
            reader.readAll((direction, stream, receiveTimeNs, buffer, offset, length) -> seen.add(receiveTimeNs));
        }
        assertEquals(List.of(1L, 4L, 6L), seen);

        final List<Integer> inbound = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(dir))
        {
            assertEquals(6, reader.readInbound((templateId, buffer, index, length) -> inbound.add(length)));
        }
        assertEquals(List.of(16, 16), inbound, "the two IN records, not the refused ones");
    }

    @Test
    void statisticsCountRefusedRecordsByReason() throws IOException
    {
        final Path dir = journal(tmp.resolve("j"), true);
        try (JournalReader reader = JournalReader.open(dir))
        {
            final JournalStatistics statistics = JournalStatistics.of(reader);
            assertEquals(6, statistics.records());
            assertEquals(Map.of(TOO_SHORT, 1L, TOO_LONG, 1L, WRONG_STREAM, 1L), statistics.refusedByCode());
            assertEquals(2, statistics.countsByType(Direction.IN).values().stream().mapToLong(Long::longValue).sum());
            assertEquals(6, statistics.lastReceiveNs());
        }
    }

    @Test
    void aCrashedJournalWithRefusedRecordsContinuesWithTheRightCount() throws IOException
    {
        final Path dir = journal(tmp.resolve("j"), false);
        try (JournalWriter writer = JournalWriter.reopen(dir))
        {
            assertEquals(6, writer.recordCount());
            writer.appendRefused(WRONG_STREAM, 1004, 7, frame, 0, 16);
        }
        try (JournalReader reader = JournalReader.open(dir))
        {
            assertEquals(7, reader.readAll((direction, stream, receiveTimeNs, buffer, offset, length) -> { }));
            assertEquals(7, reader.trailerRecordCount());
        }
    }

    @Test
    void aVersionOneJournalIsStillReadAndANewerOneIsRefused() throws IOException
    {
        final Path dir = tmp.resolve("v1");
        final JournalHeader v1 = new JournalHeader(1, MessageHeaderEncoder.SCHEMA_ID, MessageHeaderEncoder.SCHEMA_VERSION,
            JournalRoundTripTest.HEADER.instruments(), "none", "test", "a build before refused records");
        try (JournalWriter writer = JournalWriter.create(dir, v1))
        {
            writer.append(Direction.IN, 1001, 1, frame, 0, 16);
        }
        try (JournalReader reader = JournalReader.open(dir))
        {
            assertEquals(1, reader.header().formatVersion());
            assertEquals(1, reader.readInbound((templateId, buffer, index, length) -> { }));
        }
        assertEquals(2, JournalFormat.FORMAT_VERSION, "this build writes version 2");
    }

    @Test
    void aRefusalCodeMustFitItsByteAndNotBeZero() throws IOException
    {
        try (JournalWriter writer = JournalWriter.create(tmp.resolve("j"), JournalRoundTripTest.HEADER))
        {
            assertThrows(IllegalArgumentException.class, () -> writer.appendRefused(0, 1, 1, frame, 0, 8));
            assertThrows(IllegalArgumentException.class, () -> writer.appendRefused(256, 1, 1, frame, 0, 8));
            assertEquals(0, writer.recordCount());
        }
    }

    /**
     * IN, refused (wrong stream), refused (too short, 3 bytes), OUT, refused (too long, cut to nothing), IN.
     */
    private Path journal(final Path dir, final boolean complete) throws IOException
    {
        frame.putBytes(0, bytes(64));
        final JournalWriter writer = JournalWriter.create(dir, JournalRoundTripTest.HEADER);
        writer.append(Direction.IN, 1001, 1, frame, 0, 16);
        writer.appendRefused(WRONG_STREAM, 1004, 2, frame, 0, 16);
        writer.appendRefused(TOO_SHORT, 1001, 3, frame, 0, 3);
        writer.append(Direction.OUT, 1002, 4, frame, 0, 16);
        writer.appendRefused(TOO_LONG, 1003, 5, frame, 0, 0);
        writer.append(Direction.IN, 1001, 6, frame, 0, 16);
        if (complete)
        {
            writer.close();
        }
        else
        {
            writer.abort();
        }
        return dir;
    }

    private static byte[] bytes(final int length)
    {
        final byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)(i * 7 + 1);
        }
        return bytes;
    }
}
