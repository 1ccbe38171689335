package io.ticklane.feedserve;

/**
 * Faults injected on purpose, each at a 1-based stream message number counted over the whole replay (across
 * connections): the message is not sent, it is sent corrupted (cut in half: no longer JSON), or the connection is
 * dropped without a closing handshake right after it is sent. 0 means no such fault.
 *
 * @param dropMessage      message not sent (the venue's book still moves by it: a REST snapshot includes it).
 * @param corruptMessage   message sent as its first half.
 * @param dropConnectionAt message after which the connection is dropped; the replay resumes on the next connection.
 */
public record Faults(long dropMessage, long corruptMessage, long dropConnectionAt)
{
    /** No faults. */
    public static final Faults NONE = new Faults(0, 0, 0);

    /**
     * Checks that no number is negative.
     */
    public Faults
    {
        if (dropMessage < 0 || corruptMessage < 0 || dropConnectionAt < 0)
        {
            throw new IllegalArgumentException("fault message numbers are 1-based (0 = none): " + dropMessage + ", " +
                corruptMessage + ", " + dropConnectionAt);
        }
    }
}
