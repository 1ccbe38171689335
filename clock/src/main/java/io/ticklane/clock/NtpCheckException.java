package io.ticklane.clock;

/**
 * Why an NTP check produced no usable estimate, as a {@link Failure} a caller can act on (an unknown host is the
 * user's input; a timeout or a kiss-of-death is the server's answer) plus a message naming the server.
 */
public final class NtpCheckException extends Exception
{
    private static final long serialVersionUID = 1L;

    /**
     * The kinds of failure, each with a distinct remedy.
     */
    public enum Failure
    {
        /** The server name does not resolve: bad input. */
        UNKNOWN_HOST,
        /** No reply arrived within the timeout for any request. */
        TIMEOUT,
        /** The server answered with stratum 0, a kiss-of-death (e.g. RATE, DENY): stop asking it. */
        KISS_OF_DEATH,
        /** The server says its own clock is unsynchronized (leap indicator 3 or stratum 16 and above). */
        UNSYNCHRONIZED,
        /** The reply is not a valid NTP server packet (too short, wrong mode or version, zero timestamps). */
        MALFORMED_REPLY,
        /** The network refused the exchange (port unreachable, no route, socket error). */
        NETWORK_ERROR,
        /** The checking thread was interrupted before the check finished. */
        INTERRUPTED
    }

    private final Failure failure;

    /**
     * A failure with its kind and a message that names the server.
     *
     * @param failure kind of failure.
     * @param message what went wrong, for a person.
     * @param cause   underlying exception or null.
     */
    public NtpCheckException(final Failure failure, final String message, final Throwable cause)
    {
        super(message, cause);
        this.failure = failure;
    }

    /**
     * The kind of failure.
     *
     * @return never null.
     */
    public Failure failure()
    {
        return failure;
    }
}
