package io.ticklane.tuning.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One item of {@code ticklane tune check}: reads what it needs from {@link HostFiles} and says how it came out.
 * Production-critical items, the only ones that report {@link Status#FAIL} and make the check exit 1, are the
 * clocksource (not {@code tsc}: every timestamp costs a slow read), the frequency governor of the cores meant for
 * pinning (not {@code performance}: the core clocks down between bursts) and swap (on, with
 * {@code vm.swappiness > 10}: the heap can be paged out). Everything else is a WARN: it costs latency, not
 * correctness of the measurements.
 */
public interface HostCheck
{
    /**
     * @param files the host's (or a fake tree's) files.
     * @return one or more findings; UNKNOWN for anything unreadable.
     */
    List<Finding> check(HostFiles files);

    /**
     * @return every check, in the order they are printed.
     */
    static List<HostCheck> all()
    {
        return List.of(
            new CpuCheck(),
            new IsolatedCoresCheck(),
            new GovernorCheck(),
            new SmtCheck(),
            new TransparentHugePagesCheck(),
            new NumaCheck(),
            new ClocksourceCheck(),
            new TimerSlackCheck(),
            new SwapCheck(),
            new IrqAffinityCheck());
    }

    /**
     * Runs every check. A file that reads but cannot be parsed (a garbled CPU list) makes that check UNKNOWN.
     *
     * @param files the host's (or a fake tree's) files.
     * @return all findings, in order.
     */
    static List<Finding> runAll(final HostFiles files)
    {
        final List<Finding> findings = new ArrayList<>();
        for (final HostCheck check : all())
        {
            try
            {
                findings.addAll(check.check(files));
            }
            catch (final IllegalArgumentException ex)
            {
                final String name = check.getClass().getSimpleName().replace("Check", "").toLowerCase(Locale.ROOT);
                findings.add(new Finding(name, Status.UNKNOWN, "garbled: " + ex.getMessage(), ""));
            }
        }
        return findings;
    }
}
