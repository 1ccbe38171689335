package io.ticklane.journal.queue;

import io.ticklane.journal.reader.InputFormatException;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.wire.BinaryWireCode;
import net.openhft.chronicle.wire.Wire;
import net.openhft.chronicle.wire.WireType;
import net.openhft.chronicle.wire.Wires;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks a journal's Chronicle files before Chronicle maps any of them: the queue files' names, headers, documents
 * and indexes ({@link QueueFileWalk}), and the metadata file ({@code metadata.cq4t}), from heap copies. Chronicle
 * trusts these files. A queue file whose first header is not complete makes it wait, 10 s, for a writer to finish
 * it, even read-only; one whose header it cannot parse leaks the file's mapping (1 GiB of address space, and the
 * file's pages while the process lives). Given a damaged metadata file, its read-only open (all found by JournalReaderFuzzTest):
 * <ul>
 *     <li>leaks the file's 128 KiB mapping when it fails, for the life of the process;</li>
 *     <li>takes an entry length past the file's end for the truth and faults (SIGBUS, an {@link InternalError});</li>
 *     <li>waits out its table-store lock timeout (10 s) on a damaged first document;</li>
 *     <li>steps one cycle (day) at a time from the cycle the file names down to a file that exists, recursively,
 *     until the stack overflows.</li>
 * </ul>
 * So the file must be what every Ticklane journal's is: Chronicle's table-store header exactly as
 * {@link JournalFormat#openQueue} writes it, then complete documents each holding one named, aligned 64-bit
 * value, among them, once each, the three Chronicle's read-only open needs: the highest and lowest cycle, which must
 * lie within the cycles of the queue files present, and the listing's modification count. A
 * journal that another process is still writing ({@code following}) may end in a document being written, and its
 * newest queue file may still be being started, so its queue files are not checked, only their names.
 */
final class QueueFilesCheck
{
    /** Chronicle's table-store file in a queue directory. */
    static final String METADATA_FILE = "metadata.cq4t";
    /** Chronicle writes 128 KiB; anything much larger is not a table store and is not read into memory. */
    static final int MAX_METADATA_LENGTH = 1 << 20;
    static final String HIGHEST_CYCLE = "listing.highestCycle";
    static final String LOWEST_CYCLE = "listing.lowestCycle";
    static final String MOD_COUNT = "listing.modCount";

    /**
     * The table-store header document (its 4-byte length word included) Chronicle writes for the queue settings of
     * {@link JournalFormat#openQueue}: {@code header: !STStore { wireType: BINARY_LIGHT, metadata: !SCQMeta { roll:
     * !SCQSRoll { length: 86400000, format: yyyyMMdd'F', epoch: 0 }, sourceId: 0 } }}. QueueFilesCheckTest checks
     * it against a journal written now, so a Chronicle upgrade that changes it fails there, not in the field.
     */
    static final byte[] TABLE_STORE_HEADER = HexFormat.of().parseHex(
        "94000040b906686561646572b607535453746f7265827e000000c87769726554797065b6085769726554797065ec42494e4152595f" +
        "4c49474854c86d65746164617461b6075343514d6574618246000000c4726f6c6cb60853435153526f6c6c8227000000c66c656e67" +
        "7468a6005c2605c6666f726d6174eb797979794d4d6464274627c565706f6368a100c8736f757263654964a1008f");

    /**
     * A queue file's store header (its length word included) as Chronicle writes it for {@link JournalFormat#openQueue},
     * with its values zeroed: {@code header: !SCQStore { writePosition: [position, sequence], indexing: !SCQSIndexing
     * { indexCount: 4096, indexSpacing: 256, index2Index: position, lastIndex: n }, dataFormat: 1 }}. Checked against
     * a journal written now by QueueFilesCheckTest.
     */
    static final byte[] QUEUE_FILE_HEADER = HexFormat.of().parseHex(
        "c1000040b906686561646572b60853435153746f726582aa000000cd7772697465506f736974696f6e8e01000000008d020000000000" +
        "0000020000000000000000000000000000000000000000000000c8696e646578696e67b60c53435153496e646578696e67824c000000" +
        "ca696e646578436f756e74a50010cc696e64657853706163696e67a50001cb696e64657832496e6465788fa70000000000000000c96c" +
        "617374496e6465788e00000000a70000000000000000ca64617461466f726d6174a101");
    /** Where the header's values lie: the last document's position and sequence, the index's position, the count. */
    static final int WRITE_POSITION_AT = 64;
    static final int INDEX_OF_INDEXES_AT = 152;
    static final int LAST_INDEX_AT = 176;
    /** The header is followed by documents, each 4-byte aligned. */
    static final long FIRST_DOCUMENT = (QUEUE_FILE_HEADER.length + Integer.BYTES - 1) & -Integer.BYTES;

    /** The values Chronicle's read-only open reads (it fails without them), in the order {@link #cycleRange} returns. */
    private static final List<String> REQUIRED_KEYS = List.of(LOWEST_CYCLE, HIGHEST_CYCLE, MOD_COUNT);

    /** A value entry ends in the INT64 code and the value's 8 bytes. */
    private static final int VALUE_TAIL = 1 + Long.BYTES;

    private static final DateTimeFormatter CYCLE_NAME = DateTimeFormatter.ofPattern(RollCycles.FAST_DAILY.format());
    private static final long CYCLE_LENGTH_MS = RollCycles.FAST_DAILY.lengthInMillis();
    private static final long MS_PER_DAY = 86_400_000L;

    private QueueFilesCheck()
    {
    }

    /**
     * @param dir        the journal directory.
     * @param source     the journal's name in errors.
     * @param queueFiles its {@code .cq4} files (at least one).
     * @param following  another process may still be writing it.
     * @throws IOException          if a file cannot be read.
     * @throws InputFormatException if the files' names, the queue files' headers or the metadata are not a Ticklane
     *                              journal's.
     */
    static void check(final Path dir, final String source, final List<Path> queueFiles, final boolean following)
        throws IOException
    {
        long minFileCycle = Long.MAX_VALUE;
        long maxFileCycle = Long.MIN_VALUE;
        for (final Path file : queueFiles)
        {
            final long cycle = cycleOf(source, file.getFileName().toString());
            minFileCycle = Math.min(minFileCycle, cycle);
            maxFileCycle = Math.max(maxFileCycle, cycle);
            if (!following)
            {
                checkQueueFileHeader(source, file);
            }
        }

        final Path metadataFile = dir.resolve(METADATA_FILE);
        if (!Files.isRegularFile(metadataFile))
        {
            throw refused(source, "it has no " + METADATA_FILE + " (Chronicle's metadata file)");
        }
        final long size = Files.size(metadataFile);
        if (size > MAX_METADATA_LENGTH)
        {
            throw refused(source, METADATA_FILE + " is " + size + " bytes; Chronicle writes 131072");
        }
        final byte[] metadata = Files.readAllBytes(metadataFile);
        final long[] cycles = cycleRange(source, metadata, following);
        final long lowest = cycles[0];
        final long highest = cycles[1];
        if (lowest > highest || lowest < minFileCycle || highest > maxFileCycle)
        {
            throw refused(source, METADATA_FILE + " lists cycles " + lowest + " to " + highest + " but the queue files hold " +
                minFileCycle + " to " + maxFileCycle + " (days since 1970-01-01)");
        }
    }

    /**
     * A queue file starts with Chronicle's store header, as {@link #QUEUE_FILE_HEADER} outside its values, and every
     * pointer Chronicle follows from it leads to a document inside the file ({@link QueueFileWalk}).
     */
    private static void checkQueueFileHeader(final String source, final Path file) throws IOException
    {
        final ByteBuffer head = ByteBuffer.allocate(QUEUE_FILE_HEADER.length).order(ByteOrder.LITTLE_ENDIAN);
        final String name = "queue file " + file.getFileName();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final long size = channel.size();
            QueueFileWalk.readFully(channel, head, 0);
            if (head.hasRemaining())
            {
                throw refused(source, name + " is too short for Chronicle's header (" + size + " bytes; cut short?)");
            }
            final byte[] bytes = head.array();
            for (int i = 0; i < bytes.length; i++)
            {
                if (bytes[i] != QUEUE_FILE_HEADER[i] && !inQueueFileValue(i))
                {
                    throw refused(source, name + " does not begin with the Chronicle header Ticklane journals are written " +
                        "with (byte " + i + " differs: overwritten?)");
                }
            }
            // Chronicle maps the file and follows these, and the documents' own pointers, to wherever they lead
            QueueFileWalk.check(source, name, channel, size, FIRST_DOCUMENT, head.getLong(WRITE_POSITION_AT),
                head.getLong(INDEX_OF_INDEXES_AT));
        }
    }

    private static boolean inQueueFileValue(final int offset)
    {
        return (offset >= WRITE_POSITION_AT && offset < WRITE_POSITION_AT + 2 * Long.BYTES) ||
            (offset >= INDEX_OF_INDEXES_AT && offset < INDEX_OF_INDEXES_AT + Long.BYTES) ||
            (offset >= LAST_INDEX_AT && offset < LAST_INDEX_AT + Long.BYTES);
    }

    /**
     * @return the cycle (day since the epoch) a queue file's name stands for.
     */
    static long cycleOf(final String source, final String fileName)
    {
        final String stem = fileName.substring(0, fileName.length() - JournalFormat.QUEUE_FILE_SUFFIX.length());
        try
        {
            return LocalDate.parse(stem, CYCLE_NAME).toEpochDay() * MS_PER_DAY / CYCLE_LENGTH_MS;
        }
        catch (final DateTimeParseException ex)
        {
            throw refused(source, "queue file " + fileName + " is not named for a day (" + RollCycles.FAST_DAILY.format() +
                JournalFormat.QUEUE_FILE_SUFFIX + ")");
        }
    }

    /**
     * Walks the table store's documents: the header, then one value each.
     *
     * @return {lowest cycle, highest cycle}.
     */
    private static long[] cycleRange(final String source, final byte[] metadata, final boolean following)
    {
        if (metadata.length < TABLE_STORE_HEADER.length ||
            !Arrays.equals(metadata, 0, TABLE_STORE_HEADER.length, TABLE_STORE_HEADER, 0, TABLE_STORE_HEADER.length))
        {
            throw refused(source, METADATA_FILE + " does not begin with the table-store header Ticklane journals are written with");
        }
        final ByteBuffer words = ByteBuffer.wrap(metadata).order(ByteOrder.LITTLE_ENDIAN);
        final Wire wire = WireType.BINARY_LIGHT.apply(Bytes.wrapForRead(metadata));
        final StringBuilder name = new StringBuilder();
        final long[] values = new long[3];
        final boolean[] seen = new boolean[3];
        int position = TABLE_STORE_HEADER.length;
        while (position + Integer.BYTES <= metadata.length)
        {
            final int header = words.getInt(position);
            if (0 == header)
            {
                break;
            }
            if (Wires.isNotComplete(header))
            {
                if (following)
                {
                    break;
                }
                throw refused(source, METADATA_FILE + " has an incomplete document at byte " + position);
            }
            final int length = Wires.lengthOf(header);
            final int start = position + Integer.BYTES;
            if (!Wires.isData(header) || length < VALUE_TAIL || length > metadata.length - start)
            {
                throw refused(source, METADATA_FILE + " has a malformed document at byte " + position);
            }
            final int valueAt = start + length - Long.BYTES;
            if ((BinaryWireCode.INT64 & 0xFF) != (metadata[valueAt - 1] & 0xFF) || 0 != (valueAt & (Long.BYTES - 1)))
            {
                throw refused(source, METADATA_FILE + " has a document at byte " + position + " that is not an aligned 64-bit value");
            }
            final int key = REQUIRED_KEYS.indexOf(keyOf(source, wire, name, start, valueAt - 1 - start, position));
            if (key >= 0)
            {
                if (seen[key])
                {
                    throw refused(source, METADATA_FILE + " names " + REQUIRED_KEYS.get(key) + " twice");
                }
                seen[key] = true;
                values[key] = words.getLong(valueAt);
            }
            position = start + length;
        }
        for (int key = 0; key < REQUIRED_KEYS.size(); key++)
        {
            if (!seen[key])
            {
                throw refused(source, METADATA_FILE + " lacks " + REQUIRED_KEYS.get(key));
            }
        }
        return new long[] {values[0], values[1]};
    }

    /**
     * Reads a value document's name with Chronicle's own wire reader; what follows it up to the value must be padding.
     */
    private static String keyOf(
        final String source, final Wire wire, final StringBuilder name, final int from, final int length, final int position)
    {
        final Bytes<?> bytes = wire.bytes();
        try
        {
            bytes.readPositionRemaining(from, length);
            wire.readEventName(name);
            while (bytes.readRemaining() > 0)
            {
                final int code = bytes.readUnsignedByte();
                if (BinaryWireCode.PADDING == code)
                {
                    continue;
                }
                if (BinaryWireCode.PADDING32 != code || bytes.readRemaining() < Integer.BYTES)
                {
                    throw refused(source, METADATA_FILE + " has a document at byte " + position + " with more than a name and a value");
                }
                final long skip = bytes.readUnsignedInt();
                if (skip > bytes.readRemaining())
                {
                    throw refused(source, METADATA_FILE + " has a document at byte " + position + " padded past its end");
                }
                bytes.readSkip(skip);
            }
        }
        catch (final InputFormatException ex)
        {
            throw ex;
        }
        catch (final RuntimeException ex)
        {
            throw refused(source, METADATA_FILE + " has a document at byte " + position + " without a readable name: " + ex);
        }
        if (0 == name.length())
        {
            throw refused(source, METADATA_FILE + " has a document at byte " + position + " without a name");
        }
        return name.toString();
    }

    static InputFormatException refused(final String source, final String reason)
    {
        return new InputFormatException(source, 0, "damaged journal queue files: " + reason);
    }
}
