package io.ticklane.cockpit;

import java.util.ArrayDeque;

/**
 * Counts bad operator token attempts (a malformed token typed, or a token the daemon rejected) across every session,
 * and refuses new attempts while the window already holds the limit: a guesser behind the cockpit gets a few tries a
 * minute, whatever the number of sessions it opens. The daemon has its own lockout (daemon.admin_lockout_ms) behind
 * this one.
 */
public final class BadTokenLimiter
{
    private final int limit;
    private final long windowMs;
    private final ArrayDeque<Long> attempts = new ArrayDeque<>();
    private long total;

    /**
     * @param limit    bad attempts allowed per window.
     * @param windowMs the sliding window.
     */
    public BadTokenLimiter(final int limit, final long windowMs)
    {
        this.limit = limit;
        this.windowMs = windowMs;
    }

    /**
     * @param nowMs wall clock.
     * @return true if a token may be tried now.
     */
    public synchronized boolean allows(final long nowMs)
    {
        trim(nowMs);
        return attempts.size() < limit;
    }

    /**
     * @param nowMs wall clock.
     * @return ms until a token may be tried again, 0 if now.
     */
    public synchronized long retryAfterMs(final long nowMs)
    {
        trim(nowMs);
        return attempts.size() < limit ? 0 : Math.max(1, attempts.peekFirst() + windowMs - nowMs);
    }

    /**
     * Counts one bad attempt.
     *
     * @param nowMs wall clock.
     */
    public synchronized void recordBad(final long nowMs)
    {
        trim(nowMs);
        attempts.addLast(nowMs);
        total++;
    }

    /**
     * @return bad attempts since start.
     */
    public synchronized long total()
    {
        return total;
    }

    private void trim(final long nowMs)
    {
        while (!attempts.isEmpty() && nowMs - attempts.peekFirst() >= windowMs)
        {
            attempts.removeFirst();
        }
    }
}
