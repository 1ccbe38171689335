package io.ticklane.journal.state;

import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.hash.Data;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;
import net.openhft.chronicle.map.ExternalMapQueryContext;
import net.openhft.chronicle.map.MapEntry;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.File;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The latest checkpoint of each instrument, in a persisted Chronicle Map file, so a daemon killed at any moment
 * restarts from a whole record: the map lives in a memory-mapped file, so everything written before a kill -9 is
 * in the page cache and survives the process.
 * <p>
 * <b>Why a loaded record is never torn.</b> A save can be cut anywhere by a kill. Each instrument has two entries
 * (key {@code instrumentId * 2 + sequence % 2}) and saves alternate between them, so a save only ever overwrites the
 * older of the two; the newer, complete one is untouched. Each entry is an envelope
 * {@code sequence int64, length int32, checksum int32, record bytes} with a CRC32C over sequence, length and the
 * record. {@link #load} reads both entries, drops any whose checksum does not match (a save cut short) and returns
 * the valid one with the higher sequence. A torn save therefore costs at most that one save, never the previous
 * record. On open after a crash the map is opened with Chronicle Map's recovery, which releases the segment locks
 * the dead process held. Chronicle Map's own entry checksums are off: the envelope's CRC32C already decides, and
 * they doubled the cost of a save.
 * <p>
 * <b>Cost.</b> Entries are of one constant size ({@code maxRecordLength} + 16), so a save overwrites an entry in
 * place: one copy of the record into a reused envelope, a CRC32C, and one in-place write under the segment lock.
 * Nothing is allocated once warm, but a save costs a few microseconds (measured 2.7 to 4 us on the 2-core CI host,
 * mostly Chronicle Map's query context and inter-process lock), so save on fills, order state changes and a timer,
 * not on every market event. Single writer; {@link #load} is for start-up and allocates.
 */
public final class StateStore implements AutoCloseable
{
    /** Bytes of the envelope header around each record: sequence, length, checksum. */
    public static final int ENVELOPE_HEADER_LENGTH = 16;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int SEQUENCE_OFFSET = 0;
    private static final int LENGTH_OFFSET = 8;
    private static final int CHECKSUM_OFFSET = 12;

    private final ChronicleMap<Long, byte[]> map;
    private final int maxRecordLength;
    private final int entryLength;
    private final byte[] envelopeBytes;
    private final UnsafeBuffer envelope;
    private final BytesStore<?, byte[]> envelopeStore;
    private final byte[] keyBytes = new byte[Long.BYTES];
    private final UnsafeBuffer key = new UnsafeBuffer(keyBytes);
    private final BytesStore<?, byte[]> keyStore = BytesStore.wrap(keyBytes);
    private final CRC32C crc = new CRC32C();
    // the last sequence saved per instrument, read from the file on first use (open addressing, no allocation)
    private final long[] lastSequence;
    private final int[] instrumentOfSlot;
    private final boolean[] slotUsed;
    private final int slotShift;
    private long saves;

    private StateStore(final ChronicleMap<Long, byte[]> map, final int maxInstruments, final int maxRecordLength)
    {
        final int slots = Integer.highestOneBit(Math.max(2, maxInstruments) * 2 - 1) << 1;
        lastSequence = new long[slots];
        instrumentOfSlot = new int[slots];
        slotUsed = new boolean[slots];
        slotShift = 32 - Integer.numberOfTrailingZeros(slots);
        this.map = map;
        this.maxRecordLength = maxRecordLength;
        this.entryLength = ENVELOPE_HEADER_LENGTH + maxRecordLength;
        envelopeBytes = new byte[entryLength];
        envelope = new UnsafeBuffer(envelopeBytes);
        envelopeStore = BytesStore.wrap(envelopeBytes);
    }

    /**
     * Opens the store in {@code file}, creating it if absent; an existing file (whether closed cleanly or left by a
     * killed process) is opened with recovery.
     *
     * @param file            the map file.
     * @param maxInstruments  most instruments it will hold.
     * @param maxRecordLength largest record, bytes; must be the same every time the file is opened.
     * @return the open store.
     * @throws IOException if the file cannot be created or read, or was made with another record size.
     */
    public static StateStore open(final Path file, final int maxInstruments, final int maxRecordLength) throws IOException
    {
        if (maxInstruments < 1 || maxRecordLength < 1)
        {
            throw new IllegalArgumentException("max instruments and max record length must be at least 1, got " +
                maxInstruments + " and " + maxRecordLength);
        }
        final File target = file.toFile();
        final ChronicleMapBuilder<Long, byte[]> builder = ChronicleMap.of(Long.class, byte[].class)
            .name("ticklane-state")
            .entries(2L * maxInstruments)
            .constantValueSizeBySample(new byte[ENVELOPE_HEADER_LENGTH + maxRecordLength])
            .checksumEntries(false); // the envelope's CRC32C is the check; Chronicle's own doubles the cost of a save
        final ChronicleMap<Long, byte[]> map = Files.exists(file) ?
            builder.recoverPersistedTo(target, true) : builder.createPersistedTo(target);
        if (!map.isEmpty())
        {
            final byte[] any = map.values().iterator().next();
            if (any.length != ENVELOPE_HEADER_LENGTH + maxRecordLength)
            {
                map.close();
                throw new IOException(file + " holds records of " + (any.length - ENVELOPE_HEADER_LENGTH) +
                    " bytes, opened for " + maxRecordLength);
            }
        }
        return new StateStore(map, maxInstruments, maxRecordLength);
    }

    /**
     * Saves the latest record of an instrument, replacing the one before. Allocation-free once warm (see the
     * allocation test); call on the trading thread.
     *
     * @param instrumentId the instrument.
     * @param buffer       holding the record.
     * @param offset       where it starts.
     * @param length       its length, at most the store's maximum.
     * @return the save's sequence (1 for the first save of the instrument in this process, after what the file
     *         held), or -1 if the record is longer than the maximum.
     */
    public long save(final int instrumentId, final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < 0 || length > maxRecordLength)
        {
            return -1;
        }
        final long sequence = nextSequence(instrumentId);
        envelope.putLong(SEQUENCE_OFFSET, sequence, ORDER);
        envelope.putInt(LENGTH_OFFSET, length, ORDER);
        buffer.getBytes(offset, envelopeBytes, ENVELOPE_HEADER_LENGTH, length);
        envelope.putInt(CHECKSUM_OFFSET, checksum(envelopeBytes, length), ORDER);

        key.putLong(0, entryKey(instrumentId, sequence), ORDER);
        try (ExternalMapQueryContext<Long, byte[], ?> context = map.queryContext(keyStore, 0, Long.BYTES))
        {
            context.updateLock().lock();
            final Data<byte[]> value = context.wrapValueBytesAsData(envelopeStore, 0, entryLength);
            final MapEntry<Long, byte[]> entry = context.entry();
            if (null != entry)
            {
                entry.doReplaceValue(value);
            }
            else
            {
                context.absentEntry().doInsert(value);
            }
        }
        lastSequence[slotOf(instrumentId)] = sequence;
        saves++;
        return sequence;
    }

    /**
     * Copies the latest whole record of an instrument into {@code destination} at offset 0.
     *
     * @param instrumentId the instrument.
     * @param destination  receives the record; needs room for the store's maximum.
     * @return the record's length, or -1 if the store holds no valid record for the instrument.
     */
    public int load(final int instrumentId, final MutableDirectBuffer destination)
    {
        final long sequence = latestValidSequence(instrumentId);
        if (sequence < 1)
        {
            return -1;
        }
        final byte[] stored = map.get(entryKey(instrumentId, sequence));
        final int length = new UnsafeBuffer(stored).getInt(LENGTH_OFFSET, ORDER);
        destination.putBytes(0, stored, ENVELOPE_HEADER_LENGTH, length);
        return length;
    }

    /**
     * @param instrumentId the instrument.
     * @return the sequence of its latest valid record in the file, 0 if none.
     */
    public long latestValidSequence(final int instrumentId)
    {
        return Math.max(validSequence(entryKey(instrumentId, 0)), validSequence(entryKey(instrumentId, 1)));
    }

    private long validSequence(final long entryKey)
    {
        final byte[] stored = map.get(entryKey);
        if (null == stored || stored.length < ENVELOPE_HEADER_LENGTH)
        {
            return 0;
        }
        final UnsafeBuffer view = new UnsafeBuffer(stored);
        final long sequence = view.getLong(SEQUENCE_OFFSET, ORDER);
        final int length = view.getInt(LENGTH_OFFSET, ORDER);
        if (sequence < 1 || length < 0 || length > stored.length - ENVELOPE_HEADER_LENGTH ||
            (sequence & 1) != (entryKey & 1) || view.getInt(CHECKSUM_OFFSET, ORDER) != checksum(stored, length))
        {
            return 0;
        }
        return sequence;
    }

    private int checksum(final byte[] envelopeBytes, final int length)
    {
        crc.reset();
        crc.update(envelopeBytes, SEQUENCE_OFFSET, CHECKSUM_OFFSET);
        crc.update(envelopeBytes, ENVELOPE_HEADER_LENGTH, length);
        return (int)crc.getValue();
    }

    private static long entryKey(final int instrumentId, final long sequence)
    {
        return 2L * (instrumentId & 0xFFFF_FFFFL) + (sequence & 1);
    }

    private long nextSequence(final int instrumentId)
    {
        final int slot = slotOf(instrumentId);
        if (!slotUsed[slot])
        {
            slotUsed[slot] = true;
            instrumentOfSlot[slot] = instrumentId;
            lastSequence[slot] = latestValidSequence(instrumentId);
        }
        return lastSequence[slot] + 1;
    }

    private int slotOf(final int instrumentId)
    {
        int slot = (instrumentId * 0x9E3779B9) >>> slotShift;
        for (int probes = 0; probes < slotUsed.length; probes++)
        {
            if (!slotUsed[slot] || instrumentOfSlot[slot] == instrumentId)
            {
                return slot;
            }
            slot = (slot + 1) & (slotUsed.length - 1);
        }
        throw new IllegalStateException("more instruments saved than the state store was opened for");
    }

    /**
     * @return records saved by this process.
     */
    public long saves()
    {
        return saves;
    }

    /**
     * @return the largest record the store takes, bytes.
     */
    public int maxRecordLength()
    {
        return maxRecordLength;
    }

    /**
     * Closes the map; the file keeps every saved record.
     */
    public void close()
    {
        map.close();
    }
}
