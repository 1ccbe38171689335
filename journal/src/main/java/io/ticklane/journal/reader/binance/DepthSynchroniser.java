package io.ticklane.journal.reader.binance;

/**
 * Binance's "how to manage a local order book" rules, turned into the receiver contract of
 * {@code L2Update.prevSequence}: buffer diffs until a snapshot, drop the ones it contains, start with the diff
 * that bridges it, then pass each diff with the sequence a receiver must hold for it to apply.
 *
 * <p>A break in the chain is emitted as is (downstream sees {@code prevSequence != book sequence} and goes
 * stale), counted, and the diff is kept: buffering starts again and the next snapshot line re-synchronises,
 * so that diff may be emitted a second time, then bridged to the new snapshot. A live handler asks
 * {@link #awaitingSnapshot()} to know when to fetch that snapshot, and reports a lost connection with
 * {@link #connectionLost(long)}.
 */
final class DepthSynchroniser
{
    private enum State
    {
        BUFFERING, AWAITING_FIRST, SYNCED
    }

    private final BinanceMarket market;
    private final MarketDataEncoder encoder;
    private final BinanceReaderCounters counters;
    private final PendingUpdates pending = new PendingUpdates();
    private final DepthSnapshot held = new DepthSnapshot();
    private final DepthUpdate chainBreak = new DepthUpdate();
    private State state = State.BUFFERING;
    private long bookSequence;

    DepthSynchroniser(final BinanceMarket market, final MarketDataEncoder encoder, final BinanceReaderCounters counters)
    {
        this.market = market;
        this.encoder = encoder;
        this.counters = counters;
    }

    void onUpdate(final DepthUpdate update)
    {
        counters.depthUpdates++;
        if (state == State.BUFFERING || !apply(update))
        {
            pending.add(update);
        }
        counters.pendingUpdates = pending.size();
    }

    void onSnapshot(final DepthSnapshot snapshot)
    {
        counters.snapshots++;
        if (state == State.SYNCED)
        {
            counters.resyncs++;
            if (snapshot.lastUpdateId < bookSequence)
            {
                counters.staleSnapshotsIgnored++;
                return;
            }
            if (snapshot.lastUpdateId == bookSequence)
            {
                encoder.snapshot(snapshot);
                counters.snapshotsApplied++;
                return;
            }
        }
        held.copyFrom(snapshot);
        state = State.AWAITING_FIRST;
        while (!pending.isEmpty() && state != State.BUFFERING)
        {
            if (!apply(pending.peek()))
            {
                break;
            }
            pending.removeHead();
        }
        counters.pendingUpdates = pending.size();
    }

    /**
     * @return true while updates are only buffered: nothing bridges the last snapshot (or there was none yet), so a
     *         fresh snapshot is needed.
     */
    boolean awaitingSnapshot()
    {
        return state == State.BUFFERING;
    }

    /**
     * The stream of updates was interrupted (a connection closed): whatever arrives next cannot be assumed to
     * continue the chain. A synchronised receiver is told at once with an empty L2Update whose prevSequence is
     * -1, a sequence no book holds, so it goes stale now rather than at the next update; buffered updates are
     * dropped and a fresh snapshot is needed.
     *
     * @param receiveTimeNs when the interruption was noticed.
     */
    void connectionLost(final long receiveTimeNs)
    {
        if (state == State.SYNCED)
        {
            chainBreak.firstId = bookSequence;
            chainBreak.lastId = bookSequence;
            chainBreak.exchangeTimeNs = 0;
            chainBreak.receiveTimeNs = receiveTimeNs;
            chainBreak.source = "connection";
            encoder.update(chainBreak, -1);
            counters.gaps++;
        }
        state = State.BUFFERING;
        pending.clear();
        counters.pendingUpdates = 0;
    }

    /**
     * @return false when the update broke the chain and must be kept for the next snapshot.
     */
    private boolean apply(final DepthUpdate update)
    {
        if (state == State.AWAITING_FIRST)
        {
            if (market.isStale(held.lastUpdateId, update.lastId))
            {
                counters.droppedBeforeSync++;
                return true;
            }
            if (!market.bridges(held.lastUpdateId, update.firstId))
            {
                counters.gaps++;
                state = State.BUFFERING;
                return false;
            }
            encoder.snapshot(held);
            counters.snapshotsApplied++;
            encoder.update(update, held.lastUpdateId);
            bookSequence = update.lastId;
            state = State.SYNCED;
            return true;
        }

        final long prevSequence = market.prevSequence(update.firstId, update.prevId);
        encoder.update(update, prevSequence);
        if (prevSequence != bookSequence)
        {
            counters.gaps++;
            state = State.BUFFERING;
            return false;
        }
        bookSequence = update.lastId;
        return true;
    }
}
