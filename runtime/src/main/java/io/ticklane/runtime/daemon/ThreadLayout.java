package io.ticklane.runtime.daemon;

/**
 * How the daemon's agents share threads: all four in one composite duty cycle (a 2-core host, CI), or one thread
 * each, optionally pinned to cores (production). The agents are the same either way.
 */
public enum ThreadLayout
{
    /** Receiver, trading, order sender and journal in one {@code CompositeAgent} on one thread. */
    ONE_THREAD("one-thread"),
    /** One thread per agent, each optionally pinned to the core {@code daemon.cores} gives its role. */
    THREADS("threads");

    private final String configName;

    ThreadLayout(final String configName)
    {
        this.configName = configName;
    }

    /**
     * @return the name a configuration uses.
     */
    public String configName()
    {
        return configName;
    }

    /**
     * @param name one-thread or threads.
     * @return the layout.
     * @throws IllegalArgumentException for any other name.
     */
    public static ThreadLayout fromName(final String name)
    {
        for (final ThreadLayout layout : values())
        {
            if (layout.configName.equals(name))
            {
                return layout;
            }
        }
        throw new IllegalArgumentException("layout must be one-thread or threads, got '" + name + "'");
    }
}
