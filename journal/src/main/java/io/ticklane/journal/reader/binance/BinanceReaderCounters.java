package io.ticklane.journal.reader.binance;

/**
 * What a {@link BinanceCaptureReader} has seen and done, for an operator or a verify command to print: how many
 * lines of each kind were read, and how depth synchronisation went (dropped, gaps, snapshots, resyncs).
 * Read it on the reader's thread; it is plain fields, not shared-memory counters.
 */
public final class BinanceReaderCounters
{
    long lines;
    long depthUpdates;
    long bookTickers;
    long trades;
    long snapshots;
    long droppedBeforeSync;
    long gaps;
    long snapshotsApplied;
    long resyncs;
    long staleSnapshotsIgnored;
    long pendingUpdates;

    /**
     * @return lines read, all files together.
     */
    public long lines()
    {
        return lines;
    }

    /**
     * @return depth diff lines read (emitted or not).
     */
    public long depthUpdates()
    {
        return depthUpdates;
    }

    /**
     * @return bookTicker lines read, each emitted as a BestBidOffer.
     */
    public long bookTickers()
    {
        return bookTickers;
    }

    /**
     * @return trade lines read, each emitted as a Trade.
     */
    public long trades()
    {
        return trades;
    }

    /**
     * @return REST snapshot lines read.
     */
    public long snapshots()
    {
        return snapshots;
    }

    /**
     * @return depth updates dropped because a snapshot already contained them.
     */
    public long droppedBeforeSync()
    {
        return droppedBeforeSync;
    }

    /**
     * @return breaks in Binance's update-id chain, including a snapshot that no update bridges.
     */
    public long gaps()
    {
        return gaps;
    }

    /**
     * @return snapshots emitted as L2Snapshot.
     */
    public long snapshotsApplied()
    {
        return snapshotsApplied;
    }

    /**
     * @return snapshot lines that arrived while the book was already synchronised.
     */
    public long resyncs()
    {
        return resyncs;
    }

    /**
     * @return snapshots older than the book already delivered, so they could not be applied.
     */
    public long staleSnapshotsIgnored()
    {
        return staleSnapshotsIgnored;
    }

    /**
     * @return depth updates buffered and waiting for a snapshot; at the end of the stream, never emitted.
     */
    public long pendingUpdates()
    {
        return pendingUpdates;
    }

    @Override
    public String toString()
    {
        return "lines=" + lines + " depth=" + depthUpdates + " bookTicker=" + bookTickers + " trade=" + trades +
            " snapshot=" + snapshots + " droppedBeforeSync=" + droppedBeforeSync + " gaps=" + gaps +
            " snapshotsApplied=" + snapshotsApplied + " resyncs=" + resyncs +
            " staleSnapshotsIgnored=" + staleSnapshotsIgnored + " pendingUpdates=" + pendingUpdates;
    }
}
