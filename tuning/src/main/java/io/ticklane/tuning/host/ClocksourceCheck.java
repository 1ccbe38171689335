package io.ticklane.tuning.host;

import java.util.List;
import java.util.Optional;

/**
 * Clocksource (critical): with {@code tsc} a timestamp is a few nanoseconds in user space; with {@code hpet},
 * {@code acpi_pm} or a paravirtual clock every {@code System.nanoTime()} may cost hundreds of nanoseconds or a
 * system call, and every stage timestamp Ticklane takes pays it.
 */
final class ClocksourceCheck implements HostCheck
{
    static final String CURRENT = "/sys/devices/system/clocksource/clocksource0/current_clocksource";
    static final String AVAILABLE = "/sys/devices/system/clocksource/clocksource0/available_clocksource";

    public List<Finding> check(final HostFiles files)
    {
        final Optional<String> current = files.read(CURRENT);
        if (current.isEmpty())
        {
            return List.of(Finding.unknown("clocksource", CURRENT));
        }
        final String available = files.read(AVAILABLE).orElse("unreadable");
        final String observed = CURRENT + ": " + current.get() + " (available: " + available + ")";
        if (current.get().equals("tsc"))
        {
            return List.of(Finding.ok("clocksource", observed));
        }
        return List.of(Finding.fail("clocksource", observed,
            "boot with clocksource=tsc tsc=reliable (now: echo tsc > " + CURRENT + ")"));
    }
}
