package io.ticklane.clock;

/**
 * One NTP exchange's four timestamps and the offset and round-trip delay RFC 5905 derives from them. All times are
 * epoch nanoseconds: T1 and T4 from the local clock, T2 and T3 from the server.
 * <ul>
 *     <li>offset θ = ((T2 − T1) + (T3 − T4)) / 2: how far the server's clock is ahead of the local one;</li>
 *     <li>delay δ = (T4 − T1) − (T3 − T2): the network round trip, without the server's processing time.</li>
 * </ul>
 * The true offset lies within θ ± δ/2 whatever the path asymmetry, which is why the sample with the smallest
 * delay is the one to trust.
 */
public final class NtpSample
{
    private final long originateNs;
    private final long receiveNs;
    private final long transmitNs;
    private final long destinationNs;

    /**
     * Records one exchange.
     *
     * @param originateNs   T1: local time the request was sent.
     * @param receiveNs     T2: server time the request arrived.
     * @param transmitNs    T3: server time the reply was sent.
     * @param destinationNs T4: local time the reply arrived.
     */
    public NtpSample(final long originateNs, final long receiveNs, final long transmitNs, final long destinationNs)
    {
        this.originateNs = originateNs;
        this.receiveNs = receiveNs;
        this.transmitNs = transmitNs;
        this.destinationNs = destinationNs;
    }

    /**
     * Clock offset θ of the server relative to the local clock; positive when the server is ahead.
     *
     * @param originateNs   T1, local.
     * @param receiveNs     T2, server.
     * @param transmitNs    T3, server.
     * @param destinationNs T4, local.
     * @return θ in nanoseconds, rounded towards negative infinity.
     */
    public static long offsetNs(final long originateNs, final long receiveNs, final long transmitNs, final long destinationNs)
    {
        return Math.floorDiv((receiveNs - originateNs) + (transmitNs - destinationNs), 2);
    }

    /**
     * Round-trip delay δ of the exchange, excluding the server's processing time.
     *
     * @param originateNs   T1, local.
     * @param receiveNs     T2, server.
     * @param transmitNs    T3, server.
     * @param destinationNs T4, local.
     * @return δ in nanoseconds.
     */
    public static long delayNs(final long originateNs, final long receiveNs, final long transmitNs, final long destinationNs)
    {
        return (destinationNs - originateNs) - (transmitNs - receiveNs);
    }

    /**
     * T1.
     *
     * @return local epoch nanoseconds the request was sent.
     */
    public long originateNs()
    {
        return originateNs;
    }

    /**
     * T2.
     *
     * @return server epoch nanoseconds the request arrived.
     */
    public long receiveNs()
    {
        return receiveNs;
    }

    /**
     * T3.
     *
     * @return server epoch nanoseconds the reply was sent.
     */
    public long transmitNs()
    {
        return transmitNs;
    }

    /**
     * T4.
     *
     * @return local epoch nanoseconds the reply arrived.
     */
    public long destinationNs()
    {
        return destinationNs;
    }

    /**
     * θ of this exchange, see {@link #offsetNs(long, long, long, long)}.
     *
     * @return nanoseconds the server is ahead of the local clock.
     */
    public long offsetNs()
    {
        return offsetNs(originateNs, receiveNs, transmitNs, destinationNs);
    }

    /**
     * δ of this exchange, see {@link #delayNs(long, long, long, long)}.
     *
     * @return round-trip nanoseconds.
     */
    public long delayNs()
    {
        return delayNs(originateNs, receiveNs, transmitNs, destinationNs);
    }

    /**
     * Time the server spent between receiving the request and sending the reply, T3 − T2.
     *
     * @return nanoseconds.
     */
    public long serverProcessingNs()
    {
        return transmitNs - receiveNs;
    }

    public boolean equals(final Object o)
    {
        if (this == o)
        {
            return true;
        }
        if (!(o instanceof NtpSample))
        {
            return false;
        }
        final NtpSample that = (NtpSample)o;
        return originateNs == that.originateNs && receiveNs == that.receiveNs &&
            transmitNs == that.transmitNs && destinationNs == that.destinationNs;
    }

    public int hashCode()
    {
        int result = Long.hashCode(originateNs);
        result = 31 * result + Long.hashCode(receiveNs);
        result = 31 * result + Long.hashCode(transmitNs);
        result = 31 * result + Long.hashCode(destinationNs);
        return result;
    }

    public String toString()
    {
        return "NtpSample{offsetNs=" + offsetNs() + ", delayNs=" + delayNs() + ", t1=" + originateNs + ", t2=" + receiveNs +
            ", t3=" + transmitNs + ", t4=" + destinationNs + '}';
    }
}
