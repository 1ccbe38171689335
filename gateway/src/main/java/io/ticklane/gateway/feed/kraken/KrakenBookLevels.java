package io.ticklane.gateway.feed.kraken;

/**
 * The levels of one book message as parsed, in message order, in preallocated arrays bounded by the configured
 * maximum: the side, the price and volume digits as sent with their fraction digits, the level's timestamp and the
 * republish flag. The parser fills it; the state machine checks and applies it, so a malformed message never
 * half-changes the book.
 */
final class KrakenBookLevels
{
    final boolean[] isBid;
    final long[] priceDigits;
    final int[] priceScale;
    final long[] volumeDigits;
    final int[] volumeScale;
    final long[] timeNs;
    final boolean[] republished;
    int count;

    KrakenBookLevels(final int capacity)
    {
        isBid = new boolean[capacity];
        priceDigits = new long[capacity];
        priceScale = new int[capacity];
        volumeDigits = new long[capacity];
        volumeScale = new int[capacity];
        timeNs = new long[capacity];
        republished = new boolean[capacity];
    }

    int capacity()
    {
        return isBid.length;
    }
}
