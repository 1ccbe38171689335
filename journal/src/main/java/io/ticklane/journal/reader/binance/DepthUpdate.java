package io.ticklane.journal.reader.binance;

/**
 * One Binance depth diff ({@code U}, {@code u}, {@code pu}, levels) with where it came from, held while the
 * synchroniser waits for a snapshot. Instances are pooled and overwritten with {@link #copyFrom(DepthUpdate)}.
 */
final class DepthUpdate
{
    final Levels bids = new Levels();
    final Levels asks = new Levels();
    long firstId;
    long lastId;
    long prevId;
    long exchangeTimeNs;
    long receiveTimeNs;
    String source;
    long line;

    void copyFrom(final DepthUpdate other)
    {
        firstId = other.firstId;
        lastId = other.lastId;
        prevId = other.prevId;
        exchangeTimeNs = other.exchangeTimeNs;
        receiveTimeNs = other.receiveTimeNs;
        source = other.source;
        line = other.line;
        bids.copyFrom(other.bids);
        asks.copyFrom(other.asks);
    }
}
