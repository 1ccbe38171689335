package io.ticklane.cockpit;

import io.ticklane.runtime.daemon.DaemonCounters;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The daemon's real counter set (its labels, in its order) in memory, values set by a test: what
 * {@code DaemonCountersReader.read()} returns for a running daemon, without one.
 */
final class DaemonCountersFixture
{
    private DaemonCountersFixture()
    {
    }

    /**
     * @param values label to value for the counters a test sets; every other counter reads 0.
     * @return every daemon counter label (without the prefix) to its value, in allocation order.
     */
    static Map<String, Long> counters(final Map<String, Long> values)
    {
        final CountersManager manager = new CountersManager(
            new UnsafeBuffer(ByteBuffer.allocateDirect(CountersManager.METADATA_LENGTH * 256)),
            new UnsafeBuffer(ByteBuffer.allocateDirect(CountersManager.COUNTER_LENGTH * 256)));
        try (DaemonCounters ignored = new DaemonCounters(manager))
        {
            final Map<String, Long> read = new LinkedHashMap<>();
            manager.forEach((counterId, typeId, key, label) ->
            {
                if (DaemonCounters.TYPE_ID == typeId && label.startsWith(DaemonCounters.PREFIX))
                {
                    final String name = label.substring(DaemonCounters.PREFIX.length());
                    final Long value = values.get(name);
                    read.put(name, null == value ? 0 : value);
                }
            });
            for (final String label : values.keySet())
            {
                if (!read.containsKey(label))
                {
                    throw new IllegalArgumentException("the daemon has no counter labelled '" + label + "'");
                }
            }
            return read;
        }
    }

    /**
     * @param counters as {@link #counters}.
     * @return a sample of a running daemon with those counters.
     */
    static LiveSample sample(final Map<String, Long> counters)
    {
        return new LiveSample(1_000, "pid " + ProcessHandle.current().pid(), null, counters, 2_500, false, List.of(), "test");
    }
}
