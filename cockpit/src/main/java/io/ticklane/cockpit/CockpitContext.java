package io.ticklane.cockpit;

import io.ticklane.gateway.transport.TransportContext;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Settings of one {@link CockpitServer}, in the Aeron {@code Context} style: where it listens (127.0.0.1 unless told
 * otherwise: the controls can halt a trading daemon), which daemon it watches and commands, where the explorer looks,
 * and the limits of operator sessions, with a {@link #conclude()} that checks them all before anything starts.
 */
public final class CockpitContext
{
    /** Default listening address: loopback only. */
    public static final String DEFAULT_BIND = "127.0.0.1";
    /** Default port. */
    public static final int DEFAULT_PORT = 8080;

    private String bind = DEFAULT_BIND;
    private int port = DEFAULT_PORT;
    private String aeronDir = TransportContext.DEFAULT_AERON_DIR;
    private int adminStreamId = TransportContext.DEFAULT_ADMIN_STREAM_ID;
    private long commandTimeoutMs = 5_000;
    private long sampleIntervalMs = 500;
    private Path runs;
    private Path reports;
    private long sessionIdleMs = 30 * 60_000L;
    private int maxSessions = 64;
    private int badTokenLimit = 5;
    private long badTokenWindowMs = 60_000;

    /**
     * @return this.
     * @throws IllegalArgumentException naming the first bad setting.
     */
    public CockpitContext conclude()
    {
        if (null == bind || bind.isBlank())
        {
            throw new IllegalArgumentException("the address to bind must be set (--bind)");
        }
        if (port < 0 || port > 65_535)
        {
            throw new IllegalArgumentException("port must be 0 (any free one) to 65535: " + port);
        }
        if (null == aeronDir || aeronDir.isBlank())
        {
            throw new IllegalArgumentException("the daemon's media driver directory must be set (--aeron-dir)");
        }
        if (commandTimeoutMs <= 0 || sampleIntervalMs <= 0 || sampleIntervalMs > 1_000)
        {
            throw new IllegalArgumentException("command timeout must be > 0 and the sample interval 1 to 1000 ms (the " +
                "live page updates at least once a second): " + commandTimeoutMs + ", " + sampleIntervalMs);
        }
        requireDirectory(runs, "--runs");
        requireDirectory(reports, "--reports");
        if (sessionIdleMs <= 0 || maxSessions <= 0 || badTokenLimit <= 0 || badTokenWindowMs <= 0)
        {
            throw new IllegalArgumentException("session idle time, session count, bad token limit and window must be > 0");
        }
        return this;
    }

    private static void requireDirectory(final Path dir, final String option)
    {
        if (null != dir && !Files.isDirectory(dir))
        {
            throw new IllegalArgumentException(option + " " + dir + " is not a directory");
        }
    }

    /**
     * @param bind address to listen on (an IP or host name); 0.0.0.0 exposes the controls to the network.
     * @return this.
     */
    public CockpitContext bind(final String bind)
    {
        this.bind = bind;
        return this;
    }

    /**
     * @return address to listen on.
     */
    public String bind()
    {
        return bind;
    }

    /**
     * @param port TCP port, 0 for any free one.
     * @return this.
     */
    public CockpitContext port(final int port)
    {
        this.port = port;
        return this;
    }

    /**
     * @return TCP port, 0 for any free one.
     */
    public int port()
    {
        return port;
    }

    /**
     * @param aeronDir the daemon's media driver directory: its counters file and admin stream.
     * @return this.
     */
    public CockpitContext aeronDir(final String aeronDir)
    {
        this.aeronDir = aeronDir;
        return this;
    }

    /**
     * @return the daemon's media driver directory.
     */
    public String aeronDir()
    {
        return aeronDir;
    }

    /**
     * @param streamId the daemon's admin stream on {@code aeron:ipc}.
     * @return this.
     */
    public CockpitContext adminStreamId(final int streamId)
    {
        this.adminStreamId = streamId;
        return this;
    }

    /**
     * @return the daemon's admin stream on {@code aeron:ipc}.
     */
    public int adminStreamId()
    {
        return adminStreamId;
    }

    /**
     * @param timeoutMs how long a control waits for the daemon at each step, as {@code ticklane admin --timeout-ms}.
     * @return this.
     */
    public CockpitContext commandTimeoutMs(final long timeoutMs)
    {
        this.commandTimeoutMs = timeoutMs;
        return this;
    }

    /**
     * @return how long a control waits for the daemon at each step.
     */
    public long commandTimeoutMs()
    {
        return commandTimeoutMs;
    }

    /**
     * @param intervalMs how often the counters are read and the live page updated, 1 to 1000 ms.
     * @return this.
     */
    public CockpitContext sampleIntervalMs(final long intervalMs)
    {
        this.sampleIntervalMs = intervalMs;
        return this;
    }

    /**
     * @return how often the counters are read.
     */
    public long sampleIntervalMs()
    {
        return sampleIntervalMs;
    }

    /**
     * @param runs the daemon's runs directory (its {@code daemon.run_dir}: the live run's journal for recent fills)
     *             and where the explorer looks for runs and reports; null for none.
     * @return this.
     */
    public CockpitContext runs(final Path runs)
    {
        this.runs = runs;
        return this;
    }

    /**
     * @return the runs directory, or null.
     */
    public Path runs()
    {
        return runs;
    }

    /**
     * @param reports where the explorer looks for backtest reports and sweeps; null for none.
     * @return this.
     */
    public CockpitContext reports(final Path reports)
    {
        this.reports = reports;
        return this;
    }

    /**
     * @return the reports directory, or null.
     */
    public Path reports()
    {
        return reports;
    }

    /**
     * @param idleMs an operator session (and the token it holds) is dropped after this long without a request.
     * @return this.
     */
    public CockpitContext sessionIdleMs(final long idleMs)
    {
        this.sessionIdleMs = idleMs;
        return this;
    }

    /**
     * @return how long an idle session lives.
     */
    public long sessionIdleMs()
    {
        return sessionIdleMs;
    }

    /**
     * @param maxSessions most sessions held at once; the least recently used goes first.
     * @return this.
     */
    public CockpitContext maxSessions(final int maxSessions)
    {
        this.maxSessions = maxSessions;
        return this;
    }

    /**
     * @return most sessions held at once.
     */
    public int maxSessions()
    {
        return maxSessions;
    }

    /**
     * @param limit    bad token attempts (malformed, or rejected by the daemon) allowed per window, across sessions.
     * @param windowMs the window.
     * @return this.
     */
    public CockpitContext badTokenLimit(final int limit, final long windowMs)
    {
        this.badTokenLimit = limit;
        this.badTokenWindowMs = windowMs;
        return this;
    }

    /**
     * @return bad token attempts allowed per window.
     */
    public int badTokenLimit()
    {
        return badTokenLimit;
    }

    /**
     * @return the bad token window.
     */
    public long badTokenWindowMs()
    {
        return badTokenWindowMs;
    }
}
