package io.ticklane.gateway.fix.session;

import io.ticklane.gateway.fix.FixInstrument;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the daemon's FIX session needs to log on and trade, already validated by whoever read it (the daemon's
 * {@code fix.*} keys, whose errors name the key). The password is held only here, read from a secrets file; it is in no
 * settings file, run directory, journal or {@link #toString()}.
 */
public final class FixSessionConfig
{
    private final String host;
    private final int port;
    private final String senderCompId;
    private final String targetCompId;
    private final String username;
    private final String password;
    private final int heartbeatIntervalS;
    private final boolean resetSeqNumOnLogon;
    private final Path storeDir;
    private final long reconnectInitialMs;
    private final long reconnectMaxMs;
    private final long logonTimeoutMs;
    private final long activeTimeoutMs;
    private final FixInstrument instrument;

    /**
     * @param host               the venue's host.
     * @param port               the venue's FIX port.
     * @param senderCompId       SenderCompID(49) we send.
     * @param targetCompId       TargetCompID(56) we send.
     * @param username           Username(553) on Logon.
     * @param password           Password(554) on Logon.
     * @param heartbeatIntervalS HeartBtInt(108), seconds.
     * @param resetSeqNumOnLogon ResetSeqNumFlag(141)=Y on every Logon (sequence numbers start at 1 each session).
     * @param storeDir           where the engine keeps sequence numbers and the message archive across restarts.
     * @param reconnectInitialMs first wait after a lost session or a failed logon; doubled per failure.
     * @param reconnectMaxMs     longest wait between logon attempts.
     * @param logonTimeoutMs     how long one connect and logon may take.
     * @param activeTimeoutMs    how long a logged-on session may take to turn active (its resends done) before it is
     *                           dropped and logged on again.
     * @param instrument         the instrument this session trades, as the venue names and sizes it.
     */
    public FixSessionConfig(
        final String host,
        final int port,
        final String senderCompId,
        final String targetCompId,
        final String username,
        final String password,
        final int heartbeatIntervalS,
        final boolean resetSeqNumOnLogon,
        final Path storeDir,
        final long reconnectInitialMs,
        final long reconnectMaxMs,
        final long logonTimeoutMs,
        final long activeTimeoutMs,
        final FixInstrument instrument)
    {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.senderCompId = Objects.requireNonNull(senderCompId, "senderCompId");
        this.targetCompId = Objects.requireNonNull(targetCompId, "targetCompId");
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
        this.heartbeatIntervalS = heartbeatIntervalS;
        this.resetSeqNumOnLogon = resetSeqNumOnLogon;
        this.storeDir = Objects.requireNonNull(storeDir, "storeDir");
        this.reconnectInitialMs = reconnectInitialMs;
        this.reconnectMaxMs = reconnectMaxMs;
        this.logonTimeoutMs = logonTimeoutMs;
        this.activeTimeoutMs = activeTimeoutMs;
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        if (port < 1 || port > 65_535 || heartbeatIntervalS < 1 || reconnectInitialMs < 1 ||
            reconnectMaxMs < reconnectInitialMs || logonTimeoutMs < 1 || activeTimeoutMs < 1)
        {
            throw new IllegalArgumentException("FIX session settings out of range: " + this);
        }
    }

    String host()
    {
        return host;
    }

    int port()
    {
        return port;
    }

    String senderCompId()
    {
        return senderCompId;
    }

    String targetCompId()
    {
        return targetCompId;
    }

    String username()
    {
        return username;
    }

    String password()
    {
        return password;
    }

    int heartbeatIntervalS()
    {
        return heartbeatIntervalS;
    }

    boolean resetSeqNumOnLogon()
    {
        return resetSeqNumOnLogon;
    }

    /**
     * @return where the engine keeps sequence numbers ({@code log}) and the message archive ({@code archive}).
     */
    public Path storeDir()
    {
        return storeDir;
    }

    long reconnectInitialMs()
    {
        return reconnectInitialMs;
    }

    long reconnectMaxMs()
    {
        return reconnectMaxMs;
    }

    long logonTimeoutMs()
    {
        return logonTimeoutMs;
    }

    long activeTimeoutMs()
    {
        return activeTimeoutMs;
    }

    FixInstrument instrument()
    {
        return instrument;
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "FIX.4.4:" + senderCompId + "->" + targetCompId + "@" + host + ":" + port + " user=" + username +
            " heartbeat=" + heartbeatIntervalS + "s reset_on_logon=" + resetSeqNumOnLogon + " store=" + storeDir +
            " reconnect=" + reconnectInitialMs + ".." + reconnectMaxMs + "ms logon_timeout=" + logonTimeoutMs + "ms active_timeout=" +
            activeTimeoutMs + "ms";
    }
}
