package io.ticklane.clock;

import org.agrona.concurrent.EpochNanoClock;
import org.apache.commons.net.ntp.NtpV3Impl;
import org.apache.commons.net.ntp.NtpV3Packet;
import org.apache.commons.net.ntp.TimeStamp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Estimates how far a local {@link EpochNanoClock} is from an NTP server's clock by sending a few SNTP client
 * requests and applying the RFC 5905 on-wire maths to each answer.
 * <p>
 * commons-net only encodes and decodes the packets: T1 and T4 are read from the injected clock at nanosecond
 * resolution right around send and receive (commons-net's own {@code TimeInfo} keeps milliseconds). The request's
 * transmit field carries a random cookie rather than the time, as chrony does, and a reply counts only if it echoes
 * that cookie as its originate timestamp. This is a start-up or operator tool, not a hot-path component: it blocks
 * and allocates.
 */
public final class NtpClockCheck
{
    /** Size of an NTP header without extension fields or MAC. */
    public static final int NTP_PACKET_LENGTH = 48;

    private static final int MAX_REPLY_LENGTH = 1024;
    private static final int STRATUM_KISS_OF_DEATH = 0;
    private static final int STRATUM_UNSYNCHRONIZED = 16;

    private final EpochNanoClock clock;
    private final int samples;
    private final long timeoutNs;
    private final long intervalNs;
    private final SecureRandom cookies = new SecureRandom();

    /**
     * Configures a check.
     *
     * @param clock      local clock under test: T1 and T4 come from it.
     * @param samples    requests to send, at least 1.
     * @param timeoutMs  how long to wait for each reply, at least 1.
     * @param intervalMs pause between requests so as not to trip the server's rate limit, 0 or more.
     */
    public NtpClockCheck(final EpochNanoClock clock, final int samples, final long timeoutMs, final long intervalMs)
    {
        if (samples < 1)
        {
            throw new IllegalArgumentException("samples must be at least 1: " + samples);
        }
        if (timeoutMs < 1 || timeoutMs > Integer.MAX_VALUE)
        {
            throw new IllegalArgumentException("timeout must be 1 to " + Integer.MAX_VALUE + " ms: " + timeoutMs);
        }
        if (intervalMs < 0)
        {
            throw new IllegalArgumentException("interval must not be negative: " + intervalMs);
        }
        this.clock = clock;
        this.samples = samples;
        this.timeoutNs = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        this.intervalNs = TimeUnit.MILLISECONDS.toNanos(intervalMs);
    }

    /**
     * Queries the server {@code samples} times and returns every answered exchange and the best one.
     * Unanswered requests are counted; the check fails only if none is answered, or at once on a reply that
     * says not to trust the server (kiss-of-death, unsynchronized) or is not an NTP server reply at all.
     *
     * @param host server name or address.
     * @param port UDP port, normally {@link NtpV3Packet#NTP_PORT}.
     * @return the estimate.
     * @throws NtpCheckException with the kind of failure and a message naming the server.
     */
    public NtpCheckResult check(final String host, final int port) throws NtpCheckException
    {
        final InetAddress address = resolve(host);
        final String server = host + ':' + port;
        final List<NtpSample> answered = new ArrayList<>(samples);
        final byte[] replyBuffer = new byte[MAX_REPLY_LENGTH];
        final NtpV3Impl reply = new NtpV3Impl();
        int bestStratum = 0;
        String bestReferenceId = "";
        int bestLeapIndicator = 0;
        int bestPrecision = 0;
        long bestDelayNs = Long.MAX_VALUE;
        int requestsSent = 0;
        int ignoredReplies = 0;

        try (DatagramSocket socket = new DatagramSocket())
        {
            socket.connect(address, port);
            for (int i = 0; i < samples; i++)
            {
                if (i > 0)
                {
                    pause(server);
                }

                final long cookie = cookies.nextLong();
                final DatagramPacket request = newRequest(cookie);
                final long deadlineNs = System.nanoTime() + timeoutNs;
                final long originateNs = clock.nanoTime();
                socket.send(request);
                requestsSent++;

                while (true)
                {
                    final long remainingNs = deadlineNs - System.nanoTime();
                    if (remainingNs <= 0)
                    {
                        break;
                    }
                    socket.setSoTimeout((int)Math.max(1, TimeUnit.NANOSECONDS.toMillis(remainingNs + 999_999)));
                    final DatagramPacket packet = new DatagramPacket(replyBuffer, replyBuffer.length);
                    try
                    {
                        socket.receive(packet);
                    }
                    catch (final SocketTimeoutException ex)
                    {
                        break;
                    }
                    final long destinationNs = clock.nanoTime();

                    if (packet.getLength() < NTP_PACKET_LENGTH)
                    {
                        throw new NtpCheckException(NtpCheckException.Failure.MALFORMED_REPLY,
                            "malformed reply from " + server + ": " + packet.getLength() + " bytes, an NTP packet has at least " +
                            NTP_PACKET_LENGTH, null);
                    }
                    reply.setDatagramPacket(packet);
                    if (reply.getOriginateTimeStamp().ntpValue() != cookie)
                    {
                        ignoredReplies++;
                        continue;
                    }

                    final NtpSample sample = validate(server, reply, originateNs, destinationNs);
                    answered.add(sample);
                    if (sample.delayNs() < bestDelayNs)
                    {
                        bestDelayNs = sample.delayNs();
                        bestStratum = reply.getStratum();
                        bestReferenceId = reply.getReferenceIdString();
                        bestLeapIndicator = reply.getLeapIndicator();
                        bestPrecision = reply.getPrecision();
                    }
                    break;
                }
            }
        }
        catch (final PortUnreachableException ex)
        {
            throw new NtpCheckException(NtpCheckException.Failure.NETWORK_ERROR,
                "port unreachable: nothing listens on " + server, ex);
        }
        catch (final IOException ex)
        {
            throw new NtpCheckException(NtpCheckException.Failure.NETWORK_ERROR,
                "network error talking to " + server + ": " + ex.getMessage(), ex);
        }

        if (answered.isEmpty())
        {
            throw new NtpCheckException(NtpCheckException.Failure.TIMEOUT,
                "no reply from " + server + " within " + TimeUnit.NANOSECONDS.toMillis(timeoutNs) + " ms to any of " +
                requestsSent + " request(s)", null);
        }

        return new NtpCheckResult(
            host, port, requestsSent, answered, bestStratum, bestReferenceId, bestLeapIndicator, bestPrecision, ignoredReplies);
    }

    private static InetAddress resolve(final String host) throws NtpCheckException
    {
        try
        {
            return InetAddress.getByName(host);
        }
        catch (final UnknownHostException ex)
        {
            throw new NtpCheckException(NtpCheckException.Failure.UNKNOWN_HOST, "unknown host: " + host, ex);
        }
    }

    private static DatagramPacket newRequest(final long cookie)
    {
        final NtpV3Impl request = new NtpV3Impl();
        request.setMode(NtpV3Packet.MODE_CLIENT);
        request.setVersion(NtpV3Packet.VERSION_4);
        request.setTransmitTime(new TimeStamp(cookie));
        return request.getDatagramPacket();
    }

    private static NtpSample validate(
        final String server, final NtpV3Packet reply, final long originateNs, final long destinationNs)
        throws NtpCheckException
    {
        if (reply.getMode() != NtpV3Packet.MODE_SERVER)
        {
            throw new NtpCheckException(NtpCheckException.Failure.MALFORMED_REPLY,
                "malformed reply from " + server + ": mode " + reply.getMode() + ", expected " + NtpV3Packet.MODE_SERVER +
                " (server)", null);
        }
        if (reply.getVersion() < 1 || reply.getVersion() > NtpV3Packet.VERSION_4)
        {
            throw new NtpCheckException(NtpCheckException.Failure.MALFORMED_REPLY,
                "malformed reply from " + server + ": NTP version " + reply.getVersion(), null);
        }
        if (reply.getStratum() == STRATUM_KISS_OF_DEATH)
        {
            throw new NtpCheckException(NtpCheckException.Failure.KISS_OF_DEATH,
                "kiss-of-death from " + server + ": code '" + kissCode(reply.getReferenceId()) + "' (stratum 0), do not retry soon",
                null);
        }
        if (reply.getLeapIndicator() == NtpV3Packet.LI_ALARM_CONDITION || reply.getStratum() >= STRATUM_UNSYNCHRONIZED)
        {
            throw new NtpCheckException(NtpCheckException.Failure.UNSYNCHRONIZED,
                "server " + server + " is not synchronized (leap indicator " + reply.getLeapIndicator() + ", stratum " +
                reply.getStratum() + ")", null);
        }
        final long receiveNtp = reply.getReceiveTimeStamp().ntpValue();
        final long transmitNtp = reply.getTransmitTimeStamp().ntpValue();
        if (receiveNtp == 0 || transmitNtp == 0)
        {
            throw new NtpCheckException(NtpCheckException.Failure.MALFORMED_REPLY,
                "malformed reply from " + server + ": zero receive or transmit timestamp", null);
        }

        return new NtpSample(
            originateNs, NtpTimestamps.toEpochNanos(receiveNtp), NtpTimestamps.toEpochNanos(transmitNtp), destinationNs);
    }

    private static String kissCode(final int referenceId)
    {
        final StringBuilder code = new StringBuilder(4);
        for (int shift = 24; shift >= 0; shift -= 8)
        {
            final char c = (char)((referenceId >>> shift) & 0xFF);
            if (c >= ' ' && c <= '~')
            {
                code.append(c);
            }
        }
        return code.toString();
    }

    private void pause(final String server) throws NtpCheckException
    {
        if (intervalNs > 0)
        {
            try
            {
                TimeUnit.NANOSECONDS.sleep(intervalNs);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new NtpCheckException(NtpCheckException.Failure.INTERRUPTED,
                    "interrupted while checking " + server, ex);
            }
        }
    }
}
