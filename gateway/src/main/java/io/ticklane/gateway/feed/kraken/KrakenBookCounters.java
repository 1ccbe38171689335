package io.ticklane.gateway.feed.kraken;

/**
 * What the Kraken book state machine saw, counted: the tallies {@code --verify} prints and an operator watches.
 * Plain fields written by the one thread that feeds messages; read them from that thread or after it stopped.
 */
public final class KrakenBookCounters
{
    long messages;
    long snapshots;
    long updates;
    long checksumsOk;
    long checksumsFailed;
    long resyncs;
    long crossed;
    long malformed;
    long oversized;
    long ignoredWhileNotLive;
    long notOurChannel;
    long heartbeats;
    long subscriptionErrors;
    long resubscribeRequests;
    long republishedLevels;
    long truncatedLevels;
    long deletesOfAbsentLevels;
    long levelsBeyondDepth;

    /**
     * @return every message offered, whatever it was.
     */
    public long messages()
    {
        return messages;
    }

    /**
     * @return book snapshots applied.
     */
    public long snapshots()
    {
        return snapshots;
    }

    /**
     * @return book update messages of our channel that parsed, whether checked or ignored (book not live).
     */
    public long updates()
    {
        return updates;
    }

    /**
     * @return updates whose checksum matched the book after applying them.
     */
    public long checksumsOk()
    {
        return checksumsOk;
    }

    /**
     * @return updates whose checksum did not match: each made the book STALE.
     */
    public long checksumsFailed()
    {
        return checksumsFailed;
    }

    /**
     * @return snapshots that brought a STALE book back to LIVE.
     */
    public long resyncs()
    {
        return resyncs;
    }

    /**
     * @return snapshots or checked updates after which best bid was at or above best ask.
     */
    public long crossed()
    {
        return crossed;
    }

    /**
     * @return messages that were not valid JSON, not a documented shape, out of bounds, or off the price/lot grid.
     */
    public long malformed()
    {
        return malformed;
    }

    /**
     * @return messages longer than the configured maximum (also counted as malformed).
     */
    public long oversized()
    {
        return oversized;
    }

    /**
     * @return updates ignored because the book was EMPTY or STALE (waiting for a snapshot).
     */
    public long ignoredWhileNotLive()
    {
        return ignoredWhileNotLive;
    }

    /**
     * @return channel messages of another channel, depth or pair.
     */
    public long notOurChannel()
    {
        return notOurChannel;
    }

    /**
     * @return heartbeats received.
     */
    public long heartbeats()
    {
        return heartbeats;
    }

    /**
     * @return subscriptionStatus messages with status "error".
     */
    public long subscriptionErrors()
    {
        return subscriptionErrors;
    }

    /**
     * @return times the transport was asked to unsubscribe and subscribe again.
     */
    public long resubscribeRequests()
    {
        return resubscribeRequests;
    }

    /**
     * @return update levels flagged "r" (republished).
     */
    public long republishedLevels()
    {
        return republishedLevels;
    }

    /**
     * @return levels dropped because an insert pushed them beyond the subscribed depth.
     */
    public long truncatedLevels()
    {
        return truncatedLevels;
    }

    /**
     * @return deletes of a price the book did not hold (harmless; the checksum decides).
     */
    public long deletesOfAbsentLevels()
    {
        return deletesOfAbsentLevels;
    }

    /**
     * @return new levels worse than every level of a full side: beyond the depth, not kept.
     */
    public long levelsBeyondDepth()
    {
        return levelsBeyondDepth;
    }

    /**
     * @return true when every update checked out: no checksum failure, no crossed book, nothing malformed.
     */
    public boolean noProblems()
    {
        return 0 == checksumsFailed && 0 == crossed && 0 == malformed;
    }

    /**
     * @return the {@code --verify} last line: {@code updates=<n> checksums_ok=<k> checksums_failed=<f> resyncs=<r> crossed=<c>}.
     */
    public String summaryLine()
    {
        return "updates=" + updates + " checksums_ok=" + checksumsOk + " checksums_failed=" + checksumsFailed +
            " resyncs=" + resyncs + " crossed=" + crossed;
    }

    /**
     * @return the other counters, one line, for a human.
     */
    public String detailLine()
    {
        return "messages=" + messages + " snapshots=" + snapshots + " malformed=" + malformed + " oversized=" + oversized +
            " ignored_while_not_live=" + ignoredWhileNotLive + " not_our_channel=" + notOurChannel + " heartbeats=" + heartbeats +
            " subscription_errors=" + subscriptionErrors + " resubscribes=" + resubscribeRequests +
            " republished_levels=" + republishedLevels + " truncated_levels=" + truncatedLevels +
            " deletes_of_absent_levels=" + deletesOfAbsentLevels + " levels_beyond_depth=" + levelsBeyondDepth;
    }
}
