package io.ticklane.journal.reader.binance;

/**
 * The kinds of capture line the reader understands; anything else is an error, never skipped.
 */
enum LineKind
{
    DEPTH_UPDATE, BOOK_TICKER, TRADE, SNAPSHOT;

    /**
     * The kind of line a combined-stream message carries, from its stream name: {@code <symbol>@bookTicker},
     * {@code <symbol>@trade}, or {@code <symbol>@depth} with an optional {@code @<digits>ms} speed.
     *
     * @param stream the message's {@code stream} field.
     * @return its kind, or null for a stream the reader does not understand.
     */
    static LineKind ofStream(final String stream)
    {
        if (stream.endsWith("@bookTicker"))
        {
            return BOOK_TICKER;
        }
        if (stream.endsWith("@trade"))
        {
            return TRADE;
        }
        final int depth = stream.indexOf("@depth");
        if (depth > 0)
        {
            if (isDepthSpeedSuffix(stream, depth + "@depth".length()))
            {
                return DEPTH_UPDATE;
            }
        }
        return null;
    }

    /**
     * @return true when the stream name ends at {@code from} or continues with {@code @<digits>ms} only.
     */
    private static boolean isDepthSpeedSuffix(final String stream, final int from)
    {
        final int length = stream.length();
        if (from == length)
        {
            return true;
        }
        if (stream.charAt(from) != '@' || !stream.endsWith("ms") || length - from < 4)
        {
            return false;
        }
        for (int i = from + 1; i < length - 2; i++)
        {
            if (stream.charAt(i) < '0' || stream.charAt(i) > '9')
            {
                return false;
            }
        }
        return true;
    }
}
