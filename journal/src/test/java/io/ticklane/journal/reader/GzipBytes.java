package io.ticklane.journal.reader;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Gzips bytes in memory with one reused deflater, so a fuzz target can hand a reader a valid gzip of its input on
 * every execution without setting up and tearing down zlib each time (GZIPOutputStream does, and it dominated).
 */
public final class GzipBytes
{
    private static final byte[] HEADER = {0x1f, (byte)0x8b, 8, 0, 0, 0, 0, 0, 0, (byte)0xff};

    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    private final CRC32 crc = new CRC32();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 12);
    private final byte[] chunk = new byte[1 << 12];

    /**
     * @param data   bytes.
     * @param offset first byte to compress.
     * @param length bytes to compress.
     * @return a complete single-member gzip of {@code data[offset, offset + length)}.
     */
    public byte[] gzip(final byte[] data, final int offset, final int length)
    {
        out.reset();
        out.write(HEADER, 0, HEADER.length);
        deflater.reset();
        deflater.setInput(data, offset, length);
        deflater.finish();
        while (!deflater.finished())
        {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        crc.reset();
        crc.update(data, offset, length);
        writeIntLittleEndian((int)crc.getValue());
        writeIntLittleEndian(length);
        return out.toByteArray();
    }

    private void writeIntLittleEndian(final int value)
    {
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
        out.write(value >>> 24);
    }
}
