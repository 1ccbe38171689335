package io.ticklane.runtime.daemon;

/**
 * Slows a token guesser down: after {@code limit} wrong tokens within a window, every admin command is refused
 * without being compared until a lockout has passed. Guessing then costs a lockout per {@code limit} guesses, and a
 * guesser learns nothing during one. Time is what the caller says it is (the receiver's clock), so a test drives it
 * by hand; the last {@code limit} wrong-token times sit in an array made once, nothing is allocated after that.
 */
public final class AdminThrottle
{
    private final long[] wrongTokenTimesNs;
    private final long windowNs;
    private final long lockoutNs;
    private int next;
    private int count;
    private boolean locked;
    private long lockedAtNs;

    /**
     * @param limit     wrong tokens within the window that start a lockout, at least 1.
     * @param windowNs  the window, ns.
     * @param lockoutNs how long every admin command is then refused uncompared, ns.
     */
    public AdminThrottle(final int limit, final long windowNs, final long lockoutNs)
    {
        if (limit < 1 || windowNs <= 0 || lockoutNs <= 0)
        {
            throw new IllegalArgumentException("admin throttle: limit, window and lockout must be positive: " + limit +
                ", " + windowNs + " ns, " + lockoutNs + " ns");
        }
        this.wrongTokenTimesNs = new long[limit];
        this.windowNs = windowNs;
        this.lockoutNs = lockoutNs;
    }

    /**
     * @param nowNs the receiver's time.
     * @return true while a lockout lasts: refuse the command without comparing its token.
     */
    public boolean isLockedOut(final long nowNs)
    {
        if (locked && nowNs - lockedAtNs >= lockoutNs)
        {
            locked = false;
        }
        return locked;
    }

    /**
     * Records a wrong token; the {@code limit}-th within the window starts a lockout (and the count starts afresh).
     *
     * @param nowNs the receiver's time.
     */
    public void onWrongToken(final long nowNs)
    {
        wrongTokenTimesNs[next] = nowNs;
        next = next + 1 == wrongTokenTimesNs.length ? 0 : next + 1;
        if (count < wrongTokenTimesNs.length)
        {
            count++;
        }
        // with the array full, the slot written next holds the oldest of the last `limit` wrong tokens
        if (count == wrongTokenTimesNs.length && nowNs - wrongTokenTimesNs[next] < windowNs)
        {
            locked = true;
            lockedAtNs = nowNs;
            count = 0;
        }
    }
}
