package io.ticklane.gateway.transport;

import org.HdrHistogram.Recorder;

/**
 * Times tick-to-quote where an order actually leaves for the venue: the Aeron order publication taking it on the
 * order sender's thread, or Artio's session taking it on the FIX session's thread. One rule for both paths, so the
 * FIX and Aeron figures are measured to the same point: an inbound event counts once, at its first order, from its
 * origin and from its receive stamp, into HdrHistogram {@link Recorder}s that another thread swaps without blocking
 * this one. One recording thread per timer; no allocation.
 */
public final class TickToQuoteTimer
{
    /**
     * Highest latency recorded, ns: a fixed range, because an auto-resizing histogram grows by catching an exception
     * on the recording thread. Longer latencies are recorded as this value.
     */
    public static final long HIGHEST_LATENCY_NS = 60_000_000_000L;

    private final Recorder fromOrigin;
    private final Recorder fromReceive;
    private long lastOriginNs = Long.MIN_VALUE;

    /**
     * @param fromOrigin  where latency from each event's origin goes, ns.
     * @param fromReceive where latency from each event's receive stamp goes, ns.
     */
    public TickToQuoteTimer(final Recorder fromOrigin, final Recorder fromReceive)
    {
        this.fromOrigin = fromOrigin;
        this.fromReceive = fromReceive;
    }

    /**
     * An order left: timed unless an earlier order of the same event already was.
     *
     * @param originNs   origin of the event that caused it.
     * @param receivedNs receive stamp of that event.
     * @param sentNs     when the venue's transport took the order, on the same clock.
     */
    public void sent(final long originNs, final long receivedNs, final long sentNs)
    {
        if (originNs == lastOriginNs)
        {
            return;
        }
        lastOriginNs = originNs;
        final long latencyNs = sentNs - originNs;
        if (latencyNs >= 0)
        {
            fromOrigin.recordValue(Math.min(latencyNs, HIGHEST_LATENCY_NS));
        }
        final long fromReceiveNs = sentNs - receivedNs;
        if (fromReceiveNs >= 0)
        {
            fromReceive.recordValue(Math.min(fromReceiveNs, HIGHEST_LATENCY_NS));
        }
    }
}
