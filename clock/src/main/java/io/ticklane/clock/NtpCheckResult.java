package io.ticklane.clock;

import java.util.List;

/**
 * What an NTP check found: every answered exchange, the one to trust (minimum round-trip delay, the RFC 5905 clock
 * filter's choice) and what the server said about itself, so an operator can judge both the offset and the source.
 */
public final class NtpCheckResult
{
    private final String server;
    private final int port;
    private final int requestsSent;
    private final List<NtpSample> samples;
    private final NtpSample best;
    private final int stratum;
    private final String referenceId;
    private final int leapIndicator;
    private final int precisionExponent;
    private final int ignoredReplies;

    /**
     * Builds a result; {@code samples} must hold at least one exchange.
     *
     * @param server            host name or address as the user gave it.
     * @param port              UDP port asked.
     * @param requestsSent      requests sent, answered or not.
     * @param samples           answered exchanges in the order they were made.
     * @param stratum           server stratum (1 = primary reference) from the best sample's reply.
     * @param referenceId       server reference: a source code such as GPS at stratum 1, else an upstream address.
     * @param leapIndicator     leap indicator from the best sample's reply.
     * @param precisionExponent server precision as a power of two seconds, e.g. -20 for about 1 µs.
     * @param ignoredReplies    replies discarded because they did not answer the outstanding request.
     */
    public NtpCheckResult(
        final String server,
        final int port,
        final int requestsSent,
        final List<NtpSample> samples,
        final int stratum,
        final String referenceId,
        final int leapIndicator,
        final int precisionExponent,
        final int ignoredReplies)
    {
        if (samples.isEmpty())
        {
            throw new IllegalArgumentException("an NTP check result needs at least one sample");
        }
        this.server = server;
        this.port = port;
        this.requestsSent = requestsSent;
        this.samples = List.copyOf(samples);
        this.best = samples.get(indexOfMinimumDelay(samples));
        this.stratum = stratum;
        this.referenceId = referenceId;
        this.leapIndicator = leapIndicator;
        this.precisionExponent = precisionExponent;
        this.ignoredReplies = ignoredReplies;
    }

    /**
     * The RFC 5905 clock filter's choice: the exchange with the smallest round-trip delay, whose offset error
     * bound (δ/2) is tightest. Ties go to the earlier sample.
     *
     * @param samples non-empty list of exchanges.
     * @return index of the sample with the minimum delay.
     */
    public static int indexOfMinimumDelay(final List<NtpSample> samples)
    {
        int bestIndex = 0;
        long bestDelayNs = samples.get(0).delayNs();
        for (int i = 1, size = samples.size(); i < size; i++)
        {
            final long delayNs = samples.get(i).delayNs();
            if (delayNs < bestDelayNs)
            {
                bestDelayNs = delayNs;
                bestIndex = i;
            }
        }
        return bestIndex;
    }

    /**
     * Server as given by the user.
     *
     * @return host name or address.
     */
    public String server()
    {
        return server;
    }

    /**
     * UDP port asked.
     *
     * @return port number.
     */
    public int port()
    {
        return port;
    }

    /**
     * Requests sent.
     *
     * @return count, at least the number of samples.
     */
    public int requestsSent()
    {
        return requestsSent;
    }

    /**
     * Requests that got no valid reply within the timeout.
     *
     * @return requests sent minus samples.
     */
    public int unanswered()
    {
        return requestsSent - samples.size();
    }

    /**
     * Replies discarded because their originate timestamp matched no outstanding request (late or spoofed).
     *
     * @return count.
     */
    public int ignoredReplies()
    {
        return ignoredReplies;
    }

    /**
     * Every answered exchange in order.
     *
     * @return unmodifiable list, never empty.
     */
    public List<NtpSample> samples()
    {
        return samples;
    }

    /**
     * The exchange to trust: minimum delay.
     *
     * @return one of {@link #samples()}.
     */
    public NtpSample best()
    {
        return best;
    }

    /**
     * The estimated offset, θ of the best sample: positive when the server is ahead of the local clock.
     *
     * @return nanoseconds.
     */
    public long offsetNs()
    {
        return best.offsetNs();
    }

    /**
     * Round-trip delay δ of the best sample; the offset is good to ± half of it.
     *
     * @return nanoseconds.
     */
    public long delayNs()
    {
        return best.delayNs();
    }

    /**
     * Server stratum: 1 for a primary reference (GPS, PPS…), n+1 for a server synchronized to stratum n.
     *
     * @return 1 to 15.
     */
    public int stratum()
    {
        return stratum;
    }

    /**
     * Server reference identifier as text.
     *
     * @return e.g. "GPS" at stratum 1 or an IPv4 address above.
     */
    public String referenceId()
    {
        return referenceId;
    }

    /**
     * Leap indicator: 0 none, 1 last minute has 61 s, 2 last minute has 59 s.
     *
     * @return 0 to 2 (3, unsynchronized, fails the check).
     */
    public int leapIndicator()
    {
        return leapIndicator;
    }

    /**
     * Server clock precision as a signed power of two seconds.
     *
     * @return exponent, e.g. -20 for about 1 µs.
     */
    public int precisionExponent()
    {
        return precisionExponent;
    }

    public String toString()
    {
        return "NtpCheckResult{server=" + server + ':' + port +
            ", offsetNs=" + offsetNs() +
            ", delayNs=" + delayNs() +
            ", stratum=" + stratum +
            ", referenceId=" + referenceId +
            ", samples=" + samples.size() + '/' + requestsSent + '}';
    }
}
