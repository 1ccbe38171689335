package io.ticklane.gateway.fix.venue;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the FIX venue did, readable from any thread: a refused logon or a request refused before it reached the
 * matching engine is counted, never only logged (the venue logs nothing).
 */
public final class FixVenueCounters
{
    final AtomicLong logons = new AtomicLong();
    final AtomicLong logonsRefused = new AtomicLong();
    final AtomicLong requests = new AtomicLong();
    final AtomicLong requestsRefused = new AtomicLong();
    final AtomicLong businessRejects = new AtomicLong();
    final AtomicLong ordersPublished = new AtomicLong();
    final AtomicLong publishFailures = new AtomicLong();
    final AtomicLong messagesSent = new AtomicLong();
    final AtomicLong sendFailures = new AtomicLong();

    /**
     * @return logons accepted.
     */
    public long logons()
    {
        return logons.get();
    }

    /**
     * @return logons refused for a wrong username or password.
     */
    public long logonsRefused()
    {
        return logonsRefused.get();
    }

    /**
     * @return application messages received (orders, cancels, replaces, status requests).
     */
    public long requests()
    {
        return requests.get();
    }

    /**
     * @return requests answered with a reject by the venue's FIX side itself (bad ClOrdID, off-tick price, unknown
     *         order, ...), never sent to the matching engine.
     */
    public long requestsRefused()
    {
        return requestsRefused.get();
    }

    /**
     * @return BusinessMessageReject messages sent (a ClOrdID that is not decimal digits).
     */
    public long businessRejects()
    {
        return businessRejects.get();
    }

    /**
     * @return SBE order messages put on the exchange's order stream.
     */
    public long ordersPublished()
    {
        return ordersPublished.get();
    }

    /**
     * @return SBE order messages the order stream did not take (the request was rejected to the client).
     */
    public long publishFailures()
    {
        return publishFailures.get();
    }

    /**
     * @return FIX application messages handed to a session.
     */
    public long messagesSent()
    {
        return messagesSent.get();
    }

    /**
     * @return FIX messages that could not be handed to a session (no such session).
     */
    public long sendFailures()
    {
        return sendFailures.get();
    }
}
