package io.ticklane.tuning.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Swap (critical when {@code vm.swappiness} is above {@value #MAX_CRITICAL_SWAPPINESS}): a page of the heap or of a
 * ring swapped out costs milliseconds when touched. With swap on and a low swappiness it is a WARN; no swap is OK.
 */
final class SwapCheck implements HostCheck
{
    static final String SWAPS = "/proc/swaps";
    static final String SWAPPINESS = "/proc/sys/vm/swappiness";
    static final int MAX_CRITICAL_SWAPPINESS = 10;

    public List<Finding> check(final HostFiles files)
    {
        final Optional<String> swaps = files.read(SWAPS);
        if (swaps.isEmpty())
        {
            return List.of(Finding.unknown("swap", SWAPS));
        }
        final List<String> devices = new ArrayList<>();
        for (final String line : swaps.get().split("\n"))
        {
            if (!line.isBlank() && !line.startsWith("Filename"))
            {
                devices.add(line.strip().split("\\s+")[0]);
            }
        }
        final Optional<String> swappiness = files.read(SWAPPINESS);
        final String swappinessText = swappiness.map(value -> "vm.swappiness=" + value).orElse(SWAPPINESS + " unreadable");
        if (devices.isEmpty())
        {
            return List.of(Finding.ok("swap", SWAPS + ": no swap (" + swappinessText + ")"));
        }
        final String observed = SWAPS + ": " + String.join(",", devices) + ", " + swappinessText;
        if (swappiness.isEmpty())
        {
            return List.of(Finding.unknown("swap", SWAPPINESS + " (swap is on: " + String.join(",", devices) + ")"));
        }
        final int value;
        try
        {
            value = Integer.parseInt(swappiness.get());
        }
        catch (final NumberFormatException ex)
        {
            return List.of(Finding.unknown("swap", SWAPPINESS + " (not a number: '" + swappiness.get() + "')"));
        }
        if (value > MAX_CRITICAL_SWAPPINESS)
        {
            return List.of(Finding.fail("swap", observed, "swapoff -a, or sysctl -w vm.swappiness=1 (persist in /etc/sysctl.d)"));
        }
        return List.of(Finding.warn("swap", observed, "swapoff -a (and remove the swap entries from /etc/fstab)"));
    }
}
