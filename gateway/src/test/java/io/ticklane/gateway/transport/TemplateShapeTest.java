package io.ticklane.gateway.transport;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The layout walk on a shape with everything SBE can declare after a root block: two groups, then var data with
 * 1, 2 and 4 byte length prefixes (Ticklane's schema has no var data yet; the walk must be right before it does).
 */
class TemplateShapeTest
{
    private static final int BLOCK = 8;
    private final TemplateShape shape = new TemplateShape(99, BLOCK, new int[]{4, 2}, new int[]{1, 2, 4});
    private final UnsafeBuffer body = new UnsafeBuffer(new byte[256]);

    @Test
    void aBodyExactlyAsLongAsItDeclaresIsAcceptedAndEveryShorterCutIsTruncated()
    {
        final int length = encode(2, 3, 5, 20, 7);
        assertEquals(FrameRefusal.ACCEPTED, shape.check(body, 0, length, BLOCK));
        for (int cut = 0; cut < length; cut++)
        {
            assertEquals(FrameRefusal.TRUNCATED.code(), shape.check(body, 0, cut, BLOCK), "cut at " + cut + " of " + length);
        }
    }

    @Test
    void theLastVarDataDeclaringOneByteMoreThanFollowsIsTruncated()
    {
        final int length = encode(0, 0, 0, 0, 7);
        body.putInt(length - 7 - 4, 8, ByteOrder.LITTLE_ENDIAN);
        assertEquals(FrameRefusal.TRUNCATED.code(), shape.check(body, 0, length, BLOCK));
        assertEquals(FrameRefusal.ACCEPTED, shape.check(body, 0, length + 1, BLOCK));
    }

    @Test
    void aHugeVarDataLengthDoesNotWrapAround()
    {
        final int length = encode(0, 0, 0, 0, 0);
        body.putInt(length - 4, 0xFFFF_FFFF, ByteOrder.LITTLE_ENDIAN);
        assertEquals(FrameRefusal.TRUNCATED.code(), shape.check(body, 0, length, BLOCK));
    }

    @Test
    void aRootOrGroupBlockShorterThanTheShapesIsAShortBlock()
    {
        final int length = encode(1, 1, 0, 0, 0);
        assertEquals(FrameRefusal.SHORT_BLOCK.code(), shape.check(body, 0, length, BLOCK - 1));
        body.putShort(BLOCK, (short)3, ByteOrder.LITTLE_ENDIAN); // first group's entries: 3 bytes, the shape says 4
        assertEquals(FrameRefusal.SHORT_BLOCK.code(), shape.check(body, 0, length, BLOCK));
    }

    @Test
    void aVarDataPrefixOtherThanOneTwoOrFourBytesIsAProgrammingError()
    {
        assertThrows(IllegalArgumentException.class, () -> new TemplateShape(1, 0, new int[0], new int[]{3}));
    }

    /**
     * Root block, a group of 4-byte entries, a group of 2-byte entries, then var data of the given lengths.
     *
     * @return the body's length.
     */
    private int encode(final int first, final int second, final int var1, final int var2, final int var4)
    {
        body.setMemory(0, body.capacity(), (byte)0);
        int at = BLOCK;
        body.putShort(at, (short)4, ByteOrder.LITTLE_ENDIAN);
        body.putShort(at + 2, (short)first, ByteOrder.LITTLE_ENDIAN);
        at += 4 + 4 * first;
        body.putShort(at, (short)2, ByteOrder.LITTLE_ENDIAN);
        body.putShort(at + 2, (short)second, ByteOrder.LITTLE_ENDIAN);
        at += 4 + 2 * second;
        body.putByte(at, (byte)var1);
        at += 1 + var1;
        body.putShort(at, (short)var2, ByteOrder.LITTLE_ENDIAN);
        at += 2 + var2;
        body.putInt(at, var4, ByteOrder.LITTLE_ENDIAN);
        return at + 4 + var4;
    }
}
