package io.ticklane.clock;

import org.agrona.concurrent.EpochNanoClock;
import org.apache.commons.net.ntp.NtpV3Impl;
import org.apache.commons.net.ntp.NtpV3Packet;
import org.apache.commons.net.ntp.TimeStamp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny NTP server on 127.0.0.1 for tests: its clock is a local clock shifted by a known offset, it holds each
 * request for a known processing time between stamping T2 and T3, and it can misbehave on purpose.
 * Shared with the runtime module's CLI tests through the clock test-jar.
 */
public final class LoopbackNtpResponder implements AutoCloseable
{
    /**
     * How the responder treats requests.
     */
    public enum Behaviour
    {
        /** A correct stratum-1 server reply. */
        ANSWER,
        /** Read requests and never reply. */
        SILENT,
        /** Ignore the first request, answer the others. */
        DROP_FIRST,
        /** Before each correct reply, send one whose originate timestamp answers no request (a late or spoofed reply). */
        BOGUS_REPLY_FIRST,
        /** Reply with 20 bytes, too short to be NTP. */
        TRUNCATED,
        /** Reply in client mode rather than server mode. */
        WRONG_MODE,
        /** Reply with stratum 0 and kiss code RATE. */
        KISS_OF_DEATH,
        /** Reply with leap indicator 3 and stratum 16. */
        UNSYNCHRONIZED
    }

    /** Reference id the responder reports at stratum 1. */
    public static final String REFERENCE_ID = "TEST";

    private final DatagramSocket socket;
    private final EpochNanoClock localClock;
    private final long offsetNs;
    private final long processingDelayNs;
    private final Behaviour behaviour;
    private final AtomicInteger requestsReceived = new AtomicInteger();
    private final Thread thread;

    /**
     * Binds to an ephemeral port on 127.0.0.1 and starts answering on its own thread.
     *
     * @param localClock        clock the server's time is derived from.
     * @param offsetNs          how far the server's clock is ahead of {@code localClock}.
     * @param processingDelayNs time held between stamping receive (T2) and transmit (T3).
     * @param behaviour         how to treat requests.
     * @throws IOException if the socket cannot be bound.
     */
    public LoopbackNtpResponder(
        final EpochNanoClock localClock, final long offsetNs, final long processingDelayNs, final Behaviour behaviour)
        throws IOException
    {
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.localClock = localClock;
        this.offsetNs = offsetNs;
        this.processingDelayNs = processingDelayNs;
        this.behaviour = behaviour;
        this.thread = new Thread(this::serve, "loopback-ntp-responder");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Port the responder listens on.
     *
     * @return ephemeral UDP port on 127.0.0.1.
     */
    public int port()
    {
        return socket.getLocalPort();
    }

    /**
     * Requests received so far, answered or not.
     *
     * @return count.
     */
    public int requestsReceived()
    {
        return requestsReceived.get();
    }

    public void close() throws InterruptedException
    {
        socket.close();
        thread.join(TimeUnit.SECONDS.toMillis(5));
    }

    private void serve()
    {
        final byte[] buffer = new byte[1024];
        while (!socket.isClosed())
        {
            final DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try
            {
                socket.receive(packet);
                final long receiveNs = localClock.nanoTime() + offsetNs;
                final int count = requestsReceived.incrementAndGet();
                if (behaviour == Behaviour.SILENT || (behaviour == Behaviour.DROP_FIRST && count == 1))
                {
                    continue;
                }
                final NtpV3Impl request = new NtpV3Impl();
                request.setDatagramPacket(packet);
                final long requestTransmit = request.getTransmitTimeStamp().ntpValue();
                if (behaviour == Behaviour.BOGUS_REPLY_FIRST)
                {
                    respond(packet.getSocketAddress(), requestTransmit + 1, receiveNs);
                }
                respond(packet.getSocketAddress(), requestTransmit, receiveNs);
            }
            catch (final IOException ex)
            {
                if (!socket.isClosed())
                {
                    throw new IllegalStateException("loopback NTP responder failed", ex);
                }
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void respond(final SocketAddress client, final long originate, final long receiveNs)
        throws IOException, InterruptedException
    {
        final NtpV3Impl reply = new NtpV3Impl();
        reply.setVersion(NtpV3Packet.VERSION_4);
        reply.setMode(behaviour == Behaviour.WRONG_MODE ? NtpV3Packet.MODE_CLIENT : NtpV3Packet.MODE_SERVER);
        reply.setLeapIndicator(NtpV3Packet.LI_NO_WARNING);
        reply.setStratum(1);
        reply.setReferenceId(asciiId(REFERENCE_ID));
        reply.setPrecision(-20);
        if (behaviour == Behaviour.KISS_OF_DEATH)
        {
            reply.setStratum(0);
            reply.setReferenceId(asciiId("RATE"));
        }
        else if (behaviour == Behaviour.UNSYNCHRONIZED)
        {
            reply.setLeapIndicator(NtpV3Packet.LI_ALARM_CONDITION);
            reply.setStratum(16);
        }
        reply.setOriginateTimeStamp(new TimeStamp(originate));
        reply.setReceiveTimeStamp(new TimeStamp(NtpTimestamps.fromEpochNanos(receiveNs)));

        TimeUnit.NANOSECONDS.sleep(processingDelayNs);
        final long transmitNs = localClock.nanoTime() + offsetNs;
        reply.setTransmitTime(new TimeStamp(NtpTimestamps.fromEpochNanos(transmitNs)));

        final DatagramPacket out = reply.getDatagramPacket();
        if (behaviour == Behaviour.TRUNCATED)
        {
            out.setLength(20);
        }
        out.setSocketAddress(client);
        socket.send(out);
    }

    private static int asciiId(final String id)
    {
        int value = 0;
        for (int i = 0; i < 4; i++)
        {
            value = (value << 8) | (i < id.length() ? id.charAt(i) : 0);
        }
        return value;
    }
}
