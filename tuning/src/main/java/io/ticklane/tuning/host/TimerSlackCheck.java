package io.ticklane.tuning.host;

import java.util.List;
import java.util.Optional;

/**
 * Timer slack: the kernel may delay a sleeping thread's wake-up by this much (50 µs by default) to batch timers.
 * Busy-spinning pinned threads never sleep, but back-off idle strategies and parked threads do. Read for this
 * process, which inherits the value its launcher had.
 */
final class TimerSlackCheck implements HostCheck
{
    static final String PATH = "/proc/self/timerslack_ns";
    static final long MAX_SLACK_NS = 1_000;

    public List<Finding> check(final HostFiles files)
    {
        final Optional<String> slack = files.read(PATH);
        if (slack.isEmpty())
        {
            return List.of(Finding.unknown("timer_slack", PATH));
        }
        final long slackNs;
        try
        {
            slackNs = Long.parseLong(slack.get());
        }
        catch (final NumberFormatException ex)
        {
            return List.of(Finding.unknown("timer_slack", PATH + " (not a number: '" + slack.get() + "')"));
        }
        final String observed = PATH + ": " + slackNs + " ns";
        if (slackNs <= MAX_SLACK_NS)
        {
            return List.of(Finding.ok("timer_slack", observed));
        }
        return List.of(Finding.warn("timer_slack", observed,
            "echo 1 > /proc/<daemon pid>/timerslack_ns (needs CAP_SYS_NICE), or busy-spin idle on the pinned cores"));
    }
}
