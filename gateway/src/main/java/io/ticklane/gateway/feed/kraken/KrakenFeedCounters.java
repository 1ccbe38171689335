package io.ticklane.gateway.feed.kraken;

/**
 * What the live Kraken handler saw on the connection: connections, requests sent, what it dropped. The book's own
 * tallies (checksums, resyncs) are {@link KrakenBookCounters}. Plain fields, written and read on the handler's thread.
 */
public final class KrakenFeedCounters
{
    long connects;
    long disconnects;
    long silentConnections;
    long messages;
    long staleEvents;
    long subscribes;
    long resubscribes;

    /**
     * @return connections opened.
     */
    public long connects()
    {
        return connects;
    }

    /**
     * @return connections that closed or failed (including failed attempts and silent ones dropped).
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
     * @return text messages received.
     */
    public long messages()
    {
        return messages;
    }

    /**
     * @return events of a connection already replaced, dropped.
     */
    public long staleEvents()
    {
        return staleEvents;
    }

    /**
     * @return subscribe requests sent on opening a connection.
     */
    public long subscribes()
    {
        return subscribes;
    }

    /**
     * @return unsubscribe-then-subscribe pairs sent because the book lost trust.
     */
    public long resubscribes()
    {
        return resubscribes;
    }

    @Override
    public String toString()
    {
        return "connects=" + connects + " disconnects=" + disconnects + " silent=" + silentConnections + " messages=" + messages +
            " subscribes_sent=" + subscribes + " resubscribes_sent=" + resubscribes;
    }
}
