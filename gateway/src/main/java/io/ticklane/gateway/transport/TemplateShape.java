package io.ticklane.gateway.transport;

import io.ticklane.sbe.GroupSizeEncodingDecoder;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * The layout one SBE template declares after its message header: a root block of at least {@link #blockLength()}
 * bytes, then its repeating groups in order (each a {@code groupSizeEncoding} header, then {@code numInGroup} entries
 * of the header's block length, at least the group's own), then its var data fields in order (each a length prefix
 * and that many bytes). {@link #check} walks a frame along it without decoding anything, so a frame that declares
 * more than it holds is refused before a generated decoder can read past its end.
 */
public final class TemplateShape
{
    private static final int GROUP_HEADER = GroupSizeEncodingDecoder.ENCODED_LENGTH;

    private final int templateId;
    private final int blockLength;
    private final int[] groupBlockLengths;
    private final int[] varDataLengthBytes;

    /**
     * @param templateId         SBE template id.
     * @param blockLength        the template's root block length ({@code BLOCK_LENGTH} of its decoder).
     * @param groupBlockLengths  entry block length of each top-level group, in schema order.
     * @param varDataLengthBytes bytes of each var data field's length prefix (1, 2 or 4), in schema order.
     */
    public TemplateShape(
        final int templateId, final int blockLength, final int[] groupBlockLengths, final int[] varDataLengthBytes)
    {
        for (final int prefix : varDataLengthBytes)
        {
            if (1 != prefix && 2 != prefix && 4 != prefix)
            {
                throw new IllegalArgumentException("var data length prefix must be 1, 2 or 4 bytes: " + prefix);
            }
        }
        this.templateId = templateId;
        this.blockLength = blockLength;
        this.groupBlockLengths = groupBlockLengths.clone();
        this.varDataLengthBytes = varDataLengthBytes.clone();
    }

    /**
     * @return SBE template id.
     */
    public int templateId()
    {
        return templateId;
    }

    /**
     * @return the least root block length a frame may declare. No field of the schema has a {@code sinceVersion}, so
     *         every version's block is the current one ({@code StreamTemplatesTest} fails once one does).
     */
    public int blockLength()
    {
        return blockLength;
    }

    /**
     * Walks the body of a frame: allocation-free, never throws.
     *
     * @param buffer        holding the frame.
     * @param bodyOffset    where the body (after the message header) starts.
     * @param bodyLength    bytes of the frame after its message header.
     * @param actingBlockLength the root block length the header declares.
     * @return {@link FrameRefusal#ACCEPTED}, or the code of {@link FrameRefusal#SHORT_BLOCK} or
     *         {@link FrameRefusal#TRUNCATED}.
     */
    public int check(final DirectBuffer buffer, final int bodyOffset, final int bodyLength, final int actingBlockLength)
    {
        if (actingBlockLength < blockLength)
        {
            return FrameRefusal.SHORT_BLOCK.code();
        }
        long position = actingBlockLength; // long: sums of declared lengths must not wrap
        if (position > bodyLength)
        {
            return FrameRefusal.TRUNCATED.code();
        }
        for (final int minEntryLength : groupBlockLengths)
        {
            if (position + GROUP_HEADER > bodyLength)
            {
                return FrameRefusal.TRUNCATED.code();
            }
            final int at = bodyOffset + (int)position;
            final int entryLength = buffer.getShort(at, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
            final int count = buffer.getShort(at + 2, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
            if (entryLength < minEntryLength)
            {
                return FrameRefusal.SHORT_BLOCK.code();
            }
            position += GROUP_HEADER + (long)entryLength * count;
            if (position > bodyLength)
            {
                return FrameRefusal.TRUNCATED.code();
            }
        }
        for (final int prefix : varDataLengthBytes)
        {
            if (position + prefix > bodyLength)
            {
                return FrameRefusal.TRUNCATED.code();
            }
            position += prefix + varDataLength(buffer, bodyOffset + (int)position, prefix);
            if (position > bodyLength)
            {
                return FrameRefusal.TRUNCATED.code();
            }
        }
        return FrameRefusal.ACCEPTED;
    }

    private static long varDataLength(final DirectBuffer buffer, final int at, final int prefix)
    {
        switch (prefix)
        {
            case 1:
                return buffer.getByte(at) & 0xFF;
            case 2:
                return buffer.getShort(at, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
            default:
                return buffer.getInt(at, ByteOrder.LITTLE_ENDIAN) & 0xFFFF_FFFFL;
        }
    }
}
