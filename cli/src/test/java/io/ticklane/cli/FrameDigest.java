package io.ticklane.cli;

import io.ticklane.journal.queue.Direction;
import io.ticklane.journal.queue.JournalRecordHandler;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Counts frames and digests their bytes, whether they come from a reader or back out of a journal, so the two can be
 * compared without holding them.
 */
final class FrameDigest implements MessageHandler, JournalRecordHandler
{
    final CRC32 crc = new CRC32();
    long frames;
    long notInboundStreamOne;
    int firstTemplateId = -1;
    final List<byte[]> kept = new ArrayList<>();
    private final boolean keep;

    FrameDigest()
    {
        this(false);
    }

    FrameDigest(final boolean keep)
    {
        this.keep = keep;
    }

    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        add(buffer, index, length);
    }

    public void onRecord(
        final Direction direction, final int stream, final long receiveTimeNs, final DirectBuffer buffer, final int offset,
        final int length)
    {
        if (Direction.IN != direction || 1 != stream)
        {
            notInboundStreamOne++;
        }
        add(buffer, offset, length);
    }

    private void add(final DirectBuffer buffer, final int offset, final int length)
    {
        if (0 == frames)
        {
            firstTemplateId = buffer.getShort(offset + 2) & 0xFFFF;
        }
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        crc.update(bytes);
        if (keep)
        {
            kept.add(bytes);
        }
        frames++;
    }
}
