package io.ticklane.tuning.host;

import java.util.List;
import java.util.Optional;

/**
 * Simultaneous multithreading: a hyperthread sibling shares the core's caches and execution units with the pinned
 * thread, so its work shows up as jitter. Off is best; on is a WARN (leaving the sibling idle also works).
 */
final class SmtCheck implements HostCheck
{
    static final String PATH = "/sys/devices/system/cpu/smt/active";

    public List<Finding> check(final HostFiles files)
    {
        final Optional<String> active = files.read(PATH);
        if (active.isEmpty())
        {
            return List.of(Finding.unknown("smt", PATH));
        }
        final String observed = PATH + ": " + active.get();
        if (active.get().equals("0"))
        {
            return List.of(Finding.ok("smt", observed));
        }
        return List.of(Finding.warn("smt", observed,
            "boot with nosmt (or echo off > /sys/devices/system/cpu/smt/control), or keep pinned cores' siblings idle"));
    }
}
