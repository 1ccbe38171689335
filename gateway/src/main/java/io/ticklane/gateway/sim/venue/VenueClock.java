package io.ticklane.gateway.sim.venue;

/**
 * Venue time: the latest event the venue has processed, epoch ns. One instance is shared by the parts that read it
 * (the request ring clamps arrivals to it, the report encoder stamps reports with it) so there is one copy of the
 * time, moved only by {@link SimulatedVenue}. Plain field, one thread.
 */
final class VenueClock
{
    private long nowNs;

    /**
     * @return venue time, epoch ns.
     */
    long nowNs()
    {
        return nowNs;
    }

    /**
     * Moves time forward to {@code timeNs}; never back.
     *
     * @param timeNs epoch ns.
     */
    void advanceTo(final long timeNs)
    {
        nowNs = Math.max(nowNs, timeNs);
    }
}
