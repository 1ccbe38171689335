package io.ticklane.journal.queue;

import io.ticklane.journal.reader.InputFormatException;
import net.openhft.chronicle.wire.BinaryWireCode;
import net.openhft.chronicle.wire.Wires;
import org.agrona.collections.LongArrayList;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Walks a queue file's chain of documents and its index, with plain reads, before Chronicle maps the file. Chronicle
 * follows the file's own pointers: each document's length to the next document, the header to the last document and
 * to the index of indexes, that to the indexes, and each index entry to every 256th data document. A damaged length
 * or entry sends it past the file's end, where the mapped read faults (SIGBUS). HotSpot raises that as an
 * {@link InternalError} at some later instruction of the thread, possibly after the reader has returned, so no catch
 * can contain it (JournalReaderFuzzTest found it). Hence every pointer must lead to a document inside the file:
 * <ul>
 *     <li>each complete document ends inside the file; the chain ends at an unwritten (zero) header, Chronicle's
 *     end-of-file marker, a document still being written (a writer that died) or the file's end (a trimmed file);</li>
 *     <li>the header's last document is a document of the chain;</li>
 *     <li>its index of indexes is a metadata document of the chain holding an {@value #INDEX_COUNT}-entry array named
 *     {@code index2index}, each entry 0 or such a document named {@code index};</li>
 *     <li>entry {@code m} of the index in slot {@code j} is 0 (not indexed: Chronicle scans) or the position of data
 *     document {@code (j * }{@value #INDEX_COUNT}{@code  + m) * }{@value #INDEX_SPACING}.</li>
 * </ul>
 * A writer may still be appending (a running daemon's journal opened to inspect it): an index entry or index past
 * where the walk stopped, at a header not yet complete, makes it walk on from there, and the entry for the document a
 * writer has just started is taken, as Chronicle reads no further than that document's unfinished header. It reads
 * the written part of the file once, in blocks: about 1.5 ms for a 16 MB day journal ({@code perf/README.md}).
 */
final class QueueFileWalk
{
    /** Entries of each index array, and of the index of indexes: the queue file header's {@code indexCount}. */
    static final int INDEX_COUNT = 4096;
    /** Data documents per index entry: the queue file header's {@code indexSpacing}. */
    static final int INDEX_SPACING = 256;
    private static final String INDEX_OF_INDEXES_NAME = "index2index";
    private static final String INDEX_NAME = "index";

    private static final int BLOCK_LENGTH = 1 << 16;
    /** An index array document: its name, padding to align the array, the array's code, capacity, used and entries. */
    private static final int MAX_INDEX_DOCUMENT_LENGTH = 64 + 2 * Long.BYTES + INDEX_COUNT * Long.BYTES;

    private final String source;
    private final String name;
    private final FileChannel channel;
    private final long size;
    private final ByteBuffer block;
    private long blockStart;
    private int blockLength;
    /** Positions of data documents 0, 256, 512...: what the index entries must hold. */
    private final LongArrayList indexedDocuments = new LongArrayList();
    private final LongArrayList metadataDocuments = new LongArrayList();

    private final long lastDocument;
    private boolean lastDocumentFound;
    /** Where the walk stopped, and the data documents before it. */
    private long end;
    private long dataDocuments;
    /** The walk stopped at a header not (yet) written or not complete: a writer may still be appending there. */
    private boolean endsAtWriter;

    private QueueFileWalk(
        final String source, final String name, final FileChannel channel, final long size, final long lastDocument)
    {
        this.source = source;
        this.name = name;
        this.channel = channel;
        this.size = size;
        this.lastDocument = lastDocument;
        this.block = ByteBuffer.allocate((int)Math.min(size, BLOCK_LENGTH)).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * @param source         the journal's name in errors.
     * @param name           the queue file in errors ("queue file NAME").
     * @param channel        the queue file, open for reading.
     * @param size           its length in bytes.
     * @param firstDocument  where the document after the file's header starts.
     * @param lastDocument   the header's last document (0: none).
     * @param indexOfIndexes the header's index of indexes (0: none).
     * @throws IOException          if the file cannot be read.
     * @throws InputFormatException if a pointer Chronicle follows leads anywhere but to a document inside the file.
     */
    static void check(
        final String source,
        final String name,
        final FileChannel channel,
        final long size,
        final long firstDocument,
        final long lastDocument,
        final long indexOfIndexes) throws IOException
    {
        final QueueFileWalk walk = new QueueFileWalk(source, name, channel, size, lastDocument);
        walk.end = firstDocument;
        walk.walkOn();
        if (!walk.lastDocumentFound && 0 != lastDocument)
        {
            throw walk.refused("says its last document is at byte " + lastDocument + ", where no document of the file " +
                "starts (overwritten?)");
        }
        if (0 != indexOfIndexes)
        {
            walk.checkIndex(indexOfIndexes);
        }
    }

    /**
     * Walks the chain on from where it stopped, to an unwritten (zero) header, Chronicle's end-of-file marker, a
     * document not complete or the file's end.
     */
    private void walkOn() throws IOException
    {
        blockLength = 0;
        endsAtWriter = false;
        long position = end;
        while (position <= size - Integer.BYTES)
        {
            final int header = intAt(position);
            if (Wires.END_OF_DATA == header)
            {
                break;
            }
            if (0 == header || Wires.isNotComplete(header))
            {
                // not written yet, or a writer is still writing it (or died in it): Chronicle reads no further
                lastDocumentFound |= 0 != header && position == lastDocument;
                endsAtWriter = true;
                break;
            }
            lastDocumentFound |= position == lastDocument;
            final long documentEnd = position + Integer.BYTES + Wires.lengthOf(header);
            if (documentEnd > size)
            {
                throw refused("has a document at byte " + position + " that ends at byte " + documentEnd + ", past the " +
                    "file's " + size + " bytes (truncated copy, full disk or overwritten?)");
            }
            if (Wires.isData(header))
            {
                if (0 == dataDocuments % INDEX_SPACING)
                {
                    indexedDocuments.addLong(position);
                }
                dataDocuments++;
            }
            else
            {
                metadataDocuments.addLong(position);
            }
            position = (documentEnd + Integer.BYTES - 1) & -Integer.BYTES;
        }
        end = position;
    }

    private void checkIndex(final long indexOfIndexes) throws IOException
    {
        final long[] indexes = entries(indexOfIndexes, INDEX_OF_INDEXES_NAME, "its index of indexes");
        for (int slot = 0; slot < indexes.length; slot++)
        {
            if (0 == indexes[slot])
            {
                continue;
            }
            final long[] entries = entries(indexes[slot], INDEX_NAME, "index " + slot + " of its index of indexes");
            for (int entry = 0; entry < entries.length; entry++)
            {
                final long sequence = ((long)slot * INDEX_COUNT + entry) * INDEX_SPACING;
                final int indexed = slot * INDEX_COUNT + entry;
                final long position = entries[entry];
                if (0 == position)
                {
                    continue;
                }
                if (indexed >= indexedDocuments.size() && position >= end && endsAtWriter)
                {
                    // a writer appended it after the walk passed
                    walkOn();
                }
                final long expected = indexed < indexedDocuments.size() ? indexedDocuments.getLong(indexed) : 0;
                // a writer indexes a document as it starts it; Chronicle reads no further than its unfinished header
                final boolean beingWritten = 0 == expected && sequence == dataDocuments && position == end && endsAtWriter;
                if (position != expected && !beingWritten)
                {
                    throw refused("indexes document " + sequence + " at byte " + position + ", where " +
                        (0 == expected ? "the file has no such document" : "it is at byte " + expected) + " (overwritten?)");
                }
            }
        }
    }

    /**
     * @return the entries of the index array document at {@code position}, which must be a metadata document of the
     * chain named {@code arrayName}.
     */
    private long[] entries(final long position, final String arrayName, final String what) throws IOException
    {
        if (!metadataDocuments.containsLong(position) && position >= end && endsAtWriter)
        {
            // a writer appended it after the walk passed
            walkOn();
        }
        if (!metadataDocuments.containsLong(position))
        {
            throw refused("says " + what + " is at byte " + position + ", where no metadata document of the file starts " +
                "(overwritten?)");
        }
        final int length = Wires.lengthOf(intAt(position));
        if (length > MAX_INDEX_DOCUMENT_LENGTH)
        {
            throw refused("has " + what + " at byte " + position + " of " + length + " bytes, not an index array");
        }
        final ByteBuffer document = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, document, position + Integer.BYTES);
        final byte[] content = document.array();
        final byte[] expectedName = arrayName.getBytes(StandardCharsets.US_ASCII);
        int at = 2 + expectedName.length;
        if (length < at || BinaryWireCode.EVENT_NAME != (content[0] & 0xFF) || expectedName.length != content[1] ||
            !Arrays.equals(content, 2, at, expectedName, 0, expectedName.length))
        {
            throw refused("has " + what + " at byte " + position + ", a document not named " + arrayName);
        }
        while (at < length && BinaryWireCode.I64_ARRAY != (content[at] & 0xFF))
        {
            final int code = content[at] & 0xFF;
            if (BinaryWireCode.PADDING == code)
            {
                at++;
            }
            else if (BinaryWireCode.PADDING32 == code && at + 1 + Integer.BYTES <= length &&
                document.getInt(at + 1) >= 0 && document.getInt(at + 1) <= length)
            {
                at += 1 + Integer.BYTES + document.getInt(at + 1);
            }
            else
            {
                break;
            }
        }
        final int capacityAt = at + 1;
        if (capacityAt + 2 * Long.BYTES > length || BinaryWireCode.I64_ARRAY != (content[at] & 0xFF) ||
            0 != ((position + Integer.BYTES + capacityAt) & (Long.BYTES - 1)))
        {
            throw refused("has " + what + " at byte " + position + ", a document without an aligned array of 64-bit values");
        }
        final long capacity = document.getLong(capacityAt);
        final long used = document.getLong(capacityAt + Long.BYTES);
        final int valuesAt = capacityAt + 2 * Long.BYTES;
        if (INDEX_COUNT != capacity || used < 0 || used > capacity || valuesAt + capacity * Long.BYTES > length)
        {
            throw refused("has " + what + " at byte " + position + " with " + used + " of " + capacity + " entries " +
                "used; Chronicle writes " + INDEX_COUNT + " in " + length + " bytes");
        }
        final long[] entries = new long[INDEX_COUNT];
        document.position(valuesAt);
        document.asLongBuffer().get(entries);
        return entries;
    }

    private int intAt(final long position) throws IOException
    {
        if (position < blockStart || position + Integer.BYTES > blockStart + blockLength)
        {
            block.clear();
            readFully(channel, block, position);
            blockStart = position;
            blockLength = block.position();
            if (blockLength < Integer.BYTES)
            {
                throw refused("ended at byte " + (position + blockLength) + " while being read; it had " + size + " bytes");
            }
        }
        return block.getInt((int)(position - blockStart));
    }

    private InputFormatException refused(final String reason)
    {
        return QueueFilesCheck.refused(source, name + " " + reason);
    }

    static void readFully(final FileChannel channel, final ByteBuffer into, final long position) throws IOException
    {
        final int start = into.position();
        while (into.hasRemaining() && channel.read(into, position + into.position() - start) >= 0)
        {
            // read the whole buffer, or stop at the file's end
        }
    }
}
