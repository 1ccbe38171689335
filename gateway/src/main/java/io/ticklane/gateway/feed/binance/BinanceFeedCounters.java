package io.ticklane.gateway.feed.binance;

/**
 * What one feed handler has seen on the wire: connections, messages, what it refused and why, snapshots asked for.
 * The decoder's own counters (gaps, resyncs, updates dropped before sync) are kept by the decoder. Plain fields,
 * written and read on the handler's thread.
 */
public final class BinanceFeedCounters
{
    long connects;
    long disconnects;
    long silentConnections;
    long messages;
    long malformed;
    long staleEvents;
    long snapshotRequests;
    long snapshotFailures;
    long snapshotsReceived;
    String lastMalformed;

    /**
     * @return connections opened.
     */
    public long connects()
    {
        return connects;
    }

    /**
     * @return connections that closed or failed (including failed attempts).
     */
    public long disconnects()
    {
        return disconnects;
    }

    /**
     * @return open connections dropped for silence (counted in {@link #disconnects()} too).
     */
    public long silentConnections()
    {
        return silentConnections;
    }

    /**
     * @return stream messages received.
     */
    public long messages()
    {
        return messages;
    }

    /**
     * @return messages (stream or snapshot) refused as malformed: bad JSON, a missing or mistyped field, an off-grid
     *         price; each one is skipped and the handler goes on.
     */
    public long malformed()
    {
        return malformed;
    }

    /**
     * @return the reason the last malformed message was refused, or null.
     */
    public String lastMalformed()
    {
        return lastMalformed;
    }

    /**
     * @return events of a connection already replaced, dropped.
     */
    public long staleEvents()
    {
        return staleEvents;
    }

    /**
     * @return REST snapshots asked for.
     */
    public long snapshotRequests()
    {
        return snapshotRequests;
    }

    /**
     * @return REST snapshots that failed (no response, an HTTP error, too large).
     */
    public long snapshotFailures()
    {
        return snapshotFailures;
    }

    /**
     * @return REST snapshots received.
     */
    public long snapshotsReceived()
    {
        return snapshotsReceived;
    }

    @Override
    public String toString()
    {
        return "connects=" + connects + " disconnects=" + disconnects + " silent=" + silentConnections +
            " messages=" + messages + " malformed=" + malformed +
            " snapshot_requests=" + snapshotRequests + " snapshots=" + snapshotsReceived + " snapshot_failures=" + snapshotFailures;
    }
}
