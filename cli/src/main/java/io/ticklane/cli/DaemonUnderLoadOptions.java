package io.ticklane.cli;

import io.ticklane.runtime.daemon.IdleStrategies;
import io.ticklane.runtime.daemon.ThreadLayout;
import picocli.CommandLine.Option;

/**
 * {@code --layout} and {@code --idle} of the commands that run the daemon under a load generator
 * ({@code perf tick-to-quote}, {@code perf soak}): the daemon's thread layout and the idle strategy of every agent,
 * with the defaults the published figures use.
 */
final class DaemonUnderLoadOptions
{
    @Option(names = "--layout", paramLabel = "L", defaultValue = "one-thread",
        description = "one-thread or threads (default ${DEFAULT-VALUE}).")
    private String layout;

    @Option(names = "--idle", paramLabel = "I", defaultValue = "backoff",
        description = "busy-spin, yielding, backoff or sleeping (default ${DEFAULT-VALUE}).")
    private String idle;

    /**
     * @throws IllegalArgumentException if the layout or the idle strategy is unknown.
     */
    void validate()
    {
        ThreadLayout.fromName(layout);
        IdleStrategies.create(idle);
    }

    String layout()
    {
        return layout;
    }

    String idle()
    {
        return idle;
    }
}
