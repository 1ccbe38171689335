package io.ticklane.journal.reader.binance;

/**
 * Which Binance market a capture comes from. Spot and USD-M futures differ in how a depth update chains to the
 * previous one and to a REST snapshot, so the market decides the synchronisation rules, not the data.
 */
public enum BinanceMarket
{
    /** Spot: updates chain by {@code U == previous u + 1}; snapshot bridged by {@code U <= lastUpdateId + 1 <= u}. */
    SPOT,

    /** USD-M futures: updates chain by {@code pu == previous u}; snapshot bridged by {@code U <= lastUpdateId <= u}. */
    USDM_FUTURES;

    /**
     * @param lastUpdateId of the snapshot.
     * @param u            last update id of a depth update.
     * @return true when the update is already contained in the snapshot and must be dropped.
     */
    boolean isStale(final long lastUpdateId, final long u)
    {
        return this == SPOT ? u <= lastUpdateId : u < lastUpdateId;
    }

    /**
     * Call only for updates that are not {@link #isStale(long, long) stale}.
     *
     * @param lastUpdateId of the snapshot.
     * @param firstId      {@code U} of the update.
     * @return true when the update is the first one to apply on top of the snapshot.
     */
    boolean bridges(final long lastUpdateId, final long firstId)
    {
        return this == SPOT ? firstId <= lastUpdateId + 1 : firstId <= lastUpdateId;
    }

    /**
     * @param firstId {@code U} of the update.
     * @param prevId  {@code pu} of the update (futures only).
     * @return the sequence a receiver must hold for the update to apply.
     */
    long prevSequence(final long firstId, final long prevId)
    {
        return this == SPOT ? firstId - 1 : prevId;
    }
}
