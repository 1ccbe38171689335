package io.ticklane.cli;

import io.aeron.Aeron;
import io.ticklane.gateway.sim.exchange.ExchangeCounters;
import org.agrona.concurrent.status.CountersReader;

/**
 * Reads a {@code ticklane venue} process's counters ({@link ExchangeCounters}) from another process, as AeronStat
 * does: an Aeron client of the media driver the venue runs on, looking its counters up by label in the driver's CnC
 * file. The venue's truth (its live orders, its net filled position) is what a daemon's own counters are checked
 * against.
 */
final class VenueCountersProbe implements AutoCloseable
{
    private final Aeron aeron;

    VenueCountersProbe(final String aeronDir)
    {
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDir));
    }

    /**
     * @param label a counter label without the prefix, e.g. {@link ExchangeCounters#LIVE_ORDERS}.
     * @return its value in the newest venue that allocated it (a restarted venue's, not that of a predecessor the
     *         driver has not yet timed out: the highest registration id), or {@link Long#MIN_VALUE} when no venue
     *         counter has that label.
     */
    long value(final String label)
    {
        final CountersReader counters = aeron.countersReader();
        final String wanted = ExchangeCounters.PREFIX + label;
        final long[] found = {Long.MIN_VALUE, Long.MIN_VALUE};
        counters.forEach((counterId, typeId, keyBuffer, counterLabel) ->
        {
            final long registrationId = counters.getCounterRegistrationId(counterId);
            if (ExchangeCounters.TYPE_ID == typeId && wanted.equals(counterLabel) && registrationId > found[1])
            {
                found[0] = counters.getCounterValue(counterId);
                found[1] = registrationId;
            }
        });
        return found[0];
    }

    long liveOrders()
    {
        return value(ExchangeCounters.LIVE_ORDERS);
    }

    long netFilledPosition()
    {
        return value(ExchangeCounters.NET_FILLED_POSITION);
    }

    long statusRequests()
    {
        return value("order status requests");
    }

    public void close()
    {
        aeron.close();
    }
}
