package io.ticklane.journal.queue;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.RollCycles;

import java.nio.file.Path;

/**
 * The byte layout of a journal, in one place, so writer and reader cannot drift apart. Every Chronicle document
 * starts with a kind byte.
 * <pre>
 * header : 'H', magic (int64), formatVersion (int32), schemaId (int32), schemaVersion (int32),
 *          configHash, codeVersion, source (UTF-8 strings), instrumentCount (int32),
 *          per instrument: id (int32), symbol (UTF-8), tickSize (int64), lotSize (int64),
 *          priceExponent (int8), quantityExponent (int8)
 * record : 'R', direction ('I' or 'O'), stream (int32), receiveTimeNs (int64), frameLength (int32), SBE frame
 * refused: 'R', 'X', refusal (uint8), stream (int32), receiveTimeNs (int64), frameLength (int32), frame bytes
 *          -- an inbound frame the daemon's edge refused, as received (cut to one ring slot), any length from 0
 * trailer: 'T', magic (int64), recordCount (int64)   -- written last: its presence marks the journal complete
 * </pre>
 * All numbers little-endian (Chronicle Bytes' native order on x86 and ARM). Version 2 added refused records; a
 * version 1 journal (which has none) is read the same way.
 */
public final class JournalFormat
{
    /** "TICKJRNL" as a little-endian long. */
    public static final long MAGIC = 0x4C4E524A4B434954L;
    /** Bumped whenever the layout above changes; a reader refuses newer versions. */
    public static final int FORMAT_VERSION = 2;
    /** The oldest version this build reads. */
    public static final int MIN_FORMAT_VERSION = 1;
    /** Kind byte of the header document. */
    public static final byte KIND_HEADER = 'H';
    /** Kind byte of a frame record. */
    public static final byte KIND_RECORD = 'R';
    /** Kind byte of the trailer document. */
    public static final byte KIND_TRAILER = 'T';
    /** Bytes of a record before its frame: kind, direction, stream, receiveTimeNs, frameLength. */
    public static final int RECORD_PREFIX_LENGTH = 1 + 1 + 4 + 8 + 4;
    /** Direction byte of a refused record (format version 2): an inbound frame the daemon refused, never traded on. */
    public static final byte DIRECTION_REFUSED = 'X';
    /** Bytes of a refused record before its frame: a record prefix and the refusal code. */
    public static final int REFUSED_PREFIX_LENGTH = RECORD_PREFIX_LENGTH + 1;
    /**
     * Chronicle maps a queue file one block at a time and allocates about a kilobyte of bookkeeping whenever it maps
     * the next block. At Chronicle's default 64 MiB that is once per million typical records; a 1 GiB block (virtual
     * address space and a sparse file, not memory or disk) makes it once per ~18 million.
     */
    public static final long BLOCK_SIZE = 1L << 30;
    /** Chronicle Queue file extension. */
    public static final String QUEUE_FILE_SUFFIX = ".cq4";

    private JournalFormat()
    {
    }

    static ChronicleQueue openQueue(final Path dir, final boolean readOnly)
    {
        return ChronicleQueue.singleBuilder(dir)
            .rollCycle(RollCycles.FAST_DAILY)
            .readOnly(readOnly)
            .blockSize(BLOCK_SIZE)
            .build();
    }
}
