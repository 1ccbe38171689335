package io.ticklane.runtime.daemon;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a running daemon's counters from another process, by the labels {@link DaemonCounters} gives them, out of
 * its counters file ({@link DaemonCountersFile}): what {@code ticklane stat} prints and {@code ticklane admin} checks.
 * Each read maps the file afresh, so a restarted daemon's new file is always the one read. Not for the hot path.
 */
public final class DaemonCountersReader
{
    private final Path aeronDir;

    /**
     * @param aeronDir the daemon's media driver directory.
     */
    public DaemonCountersReader(final Path aeronDir)
    {
        this.aeronDir = aeronDir;
    }

    /**
     * @return every daemon counter, label (without the prefix) to value, in allocation order.
     * @throws IllegalArgumentException if no daemon counters file is there.
     */
    public Map<String, Long> read()
    {
        return DaemonCountersFile.read(aeronDir, (counters, pid) ->
        {
            final Map<String, Long> values = new LinkedHashMap<>();
            counters.forEach((counterId, typeId, keyBuffer, label) ->
            {
                if (DaemonCounters.TYPE_ID == typeId && label.startsWith(DaemonCounters.PREFIX))
                {
                    values.put(label.substring(DaemonCounters.PREFIX.length()), counters.getCounterValue(counterId));
                }
            });
            return values;
        });
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

    /**
     * @return the process id of the daemon that wrote the file, and whether it is still running.
     */
    public String owner()
    {
        final long pid = DaemonCountersFile.read(aeronDir, (counters, owner) -> owner);
        return "pid " + pid + (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) ? "" : " (not running)");
    }
}
