package io.ticklane.backtest;

import io.ticklane.journal.queue.Direction;
import io.ticklane.journal.queue.JournalHeader;
import io.ticklane.journal.queue.JournalInstrument;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.journal.queue.JournalRecordHandler;
import org.agrona.DirectBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A journal's identity for reports: SHA-256 of its content, independent of how Chronicle Queue lays the files out
 * (roll cycles, index pages and metadata differ between two writes of the same records). Digested, all integers
 * little-endian: the header's schema id and version, then per instrument its id, symbol (UTF-8, length-prefixed),
 * tick size, lot size and exponents; then every record as direction ordinal (1 byte), stream (4), receive time
 * (8), frame length (4) and the frame bytes, a refused record (format version 2) as 0xFF and its refusal code (1
 * byte each) before the same fields. The header's source, config hash and code version (how the journal was
 * made) are left out. One pass over the journal also gives the time range of its inbound records.
 *
 * @param sha256          hex digest.
 * @param records         records digested.
 * @param firstReceiveNs  receive time of the first inbound record (0 when none).
 * @param lastReceiveNs   receive time of the last inbound record.
 */
public record JournalDigest(String sha256, long records, long firstReceiveNs, long lastReceiveNs)
{
    /**
     * @param dir journal directory.
     * @return its digest.
     * @throws IOException if it cannot be read.
     */
    public static JournalDigest of(final Path dir) throws IOException
    {
        final MessageDigest digest = sha256Digest();
        final ByteBuffer scratch = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        final long[] state = new long[3];
        try (JournalReader reader = JournalReader.open(dir))
        {
            final JournalHeader header = reader.header();
            scratch.clear();
            scratch.putInt(header.schemaId()).putInt(header.schemaVersion()).putInt(header.instruments().size());
            digest.update(scratch.array(), 0, scratch.position());
            for (final JournalInstrument instrument : header.instruments())
            {
                final byte[] symbol = instrument.symbol().getBytes(StandardCharsets.UTF_8);
                scratch.clear();
                scratch.putInt(instrument.id()).putInt(symbol.length);
                digest.update(scratch.array(), 0, scratch.position());
                digest.update(symbol);
                scratch.clear();
                scratch.putLong(instrument.tickSize()).putLong(instrument.lotSize())
                    .put(instrument.priceExponent()).put(instrument.quantityExponent());
                digest.update(scratch.array(), 0, scratch.position());
            }
            final byte[][] frame = {new byte[4096]};
            reader.readAll(new JournalRecordHandler()
            {
                public void onRecord(
                    final Direction direction, final int stream, final long receiveTimeNs, final DirectBuffer buffer,
                    final int offset, final int length)
                {
                    scratch.clear();
                    scratch.put((byte)direction.ordinal());
                    digestRecord(stream, receiveTimeNs, buffer, offset, length);
                    if (Direction.IN == direction)
                    {
                        if (0 == state[1])
                        {
                            state[1] = receiveTimeNs;
                        }
                        state[2] = receiveTimeNs;
                    }
                }

                public void onRefused(
                    final int refusal, final int stream, final long receiveTimeNs, final DirectBuffer buffer,
                    final int offset, final int length)
                {
                    scratch.clear();
                    scratch.put((byte)0xFF).put((byte)refusal);
                    digestRecord(stream, receiveTimeNs, buffer, offset, length);
                }

                private void digestRecord(
                    final int stream, final long receiveTimeNs, final DirectBuffer buffer, final int offset, final int length)
                {
                    scratch.putInt(stream).putLong(receiveTimeNs).putInt(length);
                    digest.update(scratch.array(), 0, scratch.position());
                    if (frame[0].length < length)
                    {
                        frame[0] = new byte[Math.max(length, frame[0].length << 1)];
                    }
                    buffer.getBytes(offset, frame[0], 0, length);
                    digest.update(frame[0], 0, length);
                    state[0]++;
                }
            });
        }
        return new JournalDigest(HexFormat.of().formatHex(digest.digest()), state[0], state[1], state[2]);
    }

    private static MessageDigest sha256Digest()
    {
        try
        {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
        }
    }
}
