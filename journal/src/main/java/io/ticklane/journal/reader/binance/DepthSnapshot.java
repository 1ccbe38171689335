package io.ticklane.journal.reader.binance;

/**
 * A REST depth snapshot ({@code lastUpdateId}, bids, asks) with where it came from. The synchroniser holds one
 * until a depth update bridges it, so it is copied out of the parser's scratch instance.
 */
final class DepthSnapshot
{
    final Levels bids = new Levels();
    final Levels asks = new Levels();
    long lastUpdateId;
    long exchangeTimeNs;
    long receiveTimeNs;
    String source;
    long line;

    void copyFrom(final DepthSnapshot other)
    {
        lastUpdateId = other.lastUpdateId;
        exchangeTimeNs = other.exchangeTimeNs;
        receiveTimeNs = other.receiveTimeNs;
        source = other.source;
        line = other.line;
        bids.copyFrom(other.bids);
        asks.copyFrom(other.asks);
    }
}
