package io.ticklane.runtime.daemon;

import org.agrona.concurrent.status.CountersReader;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a running daemon's counters from another process (through an Aeron client of the same driver), by the
 * labels {@link DaemonCounters} gives them: what {@code ticklane stat} prints and {@code ticklane admin} checks.
 * Not for the hot path: it allocates a map per read.
 */
public final class DaemonCountersReader
{
    private final CountersReader counters;

    /**
     * @param counters counters of the daemon's media driver.
     */
    public DaemonCountersReader(final CountersReader counters)
    {
        this.counters = counters;
    }

    /**
     * @return every counter of the newest daemon on the driver, label (without the prefix) to value. A daemon killed
     *         a moment ago still has its counters until the driver times its client out; they belong to an older
     *         client (a lower owner id) and are left out.
     */
    public Map<String, Long> read()
    {
        final long[] newestOwner = {Long.MIN_VALUE};
        counters.forEach((counterId, typeId, keyBuffer, label) ->
        {
            if (DaemonCounters.TYPE_ID == typeId && label.startsWith(DaemonCounters.PREFIX))
            {
                newestOwner[0] = Math.max(newestOwner[0], counters.getCounterOwnerId(counterId));
            }
        });
        final Map<String, Long> values = new LinkedHashMap<>();
        counters.forEach((counterId, typeId, keyBuffer, label) ->
        {
            if (DaemonCounters.TYPE_ID == typeId && label.startsWith(DaemonCounters.PREFIX) &&
                counters.getCounterOwnerId(counterId) == newestOwner[0])
            {
                values.put(label.substring(DaemonCounters.PREFIX.length()), counters.getCounterValue(counterId));
            }
        });
        return values;
    }

    /**
     * @param label counter label without the prefix, e.g. {@code "position, lots"}.
     * @return its value, or {@link Long#MIN_VALUE} when no daemon counter has that label.
     */
    public long value(final String label)
    {
        final Long value = read().get(label);
        return null == value ? Long.MIN_VALUE : value;
    }
}
