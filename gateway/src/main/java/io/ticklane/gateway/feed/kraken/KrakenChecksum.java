package io.ticklane.gateway.feed.kraken;

import java.util.zip.CRC32;

/**
 * Kraken's v1 book checksum: the top 10 asks (lowest first) then the top 10 bids (highest first), each level's price
 * then volume written as the venue's decimal text with the '.' and the leading zeros removed, all concatenated, and
 * CRC32 of that text read as an unsigned 32-bit number. Removing '.' and leading zeros from {@code "0.05000"} leaves
 * exactly the decimal digits of the whole number 5000, so each field is printed from {@link KrakenDecimal#digits}
 * into a reused byte array: no string is built, nothing is allocated.
 */
final class KrakenChecksum
{
    /** Levels per side the checksum covers, whatever the subscribed depth. */
    static final int LEVELS = 10;

    private static final int MAX_FIELD_DIGITS = 19;

    private final CRC32 crc = new CRC32();
    private final byte[] scratch = new byte[MAX_FIELD_DIGITS];

    /**
     * @return the checksum of the book as it is now, in 0..2^32-1.
     */
    long compute(final KrakenBookSide asks, final KrakenBookSide bids)
    {
        crc.reset();
        addSide(asks);
        addSide(bids);
        return crc.getValue();
    }

    private void addSide(final KrakenBookSide side)
    {
        final int levels = Math.min(LEVELS, side.size());
        for (int i = 0; i < levels; i++)
        {
            addDigits(side.priceDigits(i));
            addDigits(side.volumeDigits(i));
        }
    }

    /**
     * Feeds the decimal digits of a non-negative number; 0 feeds nothing (all its digits are leading zeros).
     */
    private void addDigits(final long value)
    {
        long remaining = value;
        int start = MAX_FIELD_DIGITS;
        while (remaining > 0)
        {
            scratch[--start] = (byte)('0' + remaining % 10);
            remaining /= 10;
        }
        crc.update(scratch, start, MAX_FIELD_DIGITS - start);
    }
}
