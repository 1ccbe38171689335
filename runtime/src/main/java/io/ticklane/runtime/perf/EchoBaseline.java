package io.ticklane.runtime.perf;

import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import org.HdrHistogram.Histogram;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The baseline a tick-to-quote figure is judged against: a bare Aeron IPC round trip at the same fixed rate, with
 * nothing but a copy in between. The {@link Pinger} publishes a frame the size of a market data update carrying its
 * planned send time and measures, when the echo comes back, the time since that planned time (so this baseline is
 * corrected for coordinated omission exactly as tick-to-quote is); the {@link Echo} republishes every frame it gets.
 */
public final class EchoBaseline
{
    /** Bytes per ping: about an L2 update of four levels. */
    public static final int FRAME_LENGTH = 128;

    private EchoBaseline()
    {
    }

    /**
     * Sends pings on a fixed schedule and records round trips from their planned times.
     */
    public static final class Pinger implements Agent, FragmentHandler
    {
        private final Publication pings;
        private final Subscription echoes;
        private final EpochNanoClock clock;
        private final long intervalNs;
        private final Histogram roundTrips;
        private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[FRAME_LENGTH]);
        private long startNs;
        private long stopNs;
        private long sent;
        private long received;
        private volatile boolean running;

        /**
         * @param pings      publication to the echo.
         * @param echoes     subscription of the echo's answers.
         * @param clock      clock of both ends (one process).
         * @param rate       pings per second.
         * @param roundTrips where round trips go, ns (fixed range; values above it are clamped).
         */
        public Pinger(
            final Publication pings,
            final Subscription echoes,
            final EpochNanoClock clock,
            final double rate,
            final Histogram roundTrips)
        {
            this.pings = pings;
            this.echoes = echoes;
            this.clock = clock;
            this.intervalNs = Math.round(1e9 / rate);
            this.roundTrips = roundTrips;
        }

        /**
         * Starts the schedule now.
         *
         * @param durationNs how long to ping.
         */
        public void start(final long durationNs)
        {
            startNs = clock.nanoTime();
            stopNs = startNs + durationNs;
            sent = 0;
            running = true;
        }

        /**
         * {@inheritDoc}
         */
        public String roleName()
        {
            return "echo-pinger";
        }

        /**
         * {@inheritDoc}
         */
        public int doWork()
        {
            int work = echoes.poll(this, 64);
            if (running)
            {
                final long nowNs = clock.nanoTime();
                long plannedNs = startNs + sent * intervalNs;
                while (plannedNs <= nowNs && plannedNs < stopNs)
                {
                    buffer.putLong(0, plannedNs);
                    if (pings.offer(buffer, 0, FRAME_LENGTH) < 0)
                    {
                        break;
                    }
                    sent++;
                    work++;
                    plannedNs += intervalNs;
                }
                if (plannedNs >= stopNs)
                {
                    running = false;
                }
            }
            return work;
        }

        /**
         * {@inheritDoc}
         */
        public void onFragment(final DirectBuffer frame, final int offset, final int length, final Header header)
        {
            final long latencyNs = clock.nanoTime() - frame.getLong(offset);
            roundTrips.recordValue(Math.max(0, Math.min(latencyNs, roundTrips.getHighestTrackableValue())));
            received++;
        }

        /**
         * @return true while pings remain to be sent.
         */
        public boolean running()
        {
            return running;
        }

        /**
         * @return pings sent.
         */
        public long sent()
        {
            return sent;
        }

        /**
         * @return echoes received.
         */
        public long received()
        {
            return received;
        }
    }

    /**
     * Sends back every frame it receives, retrying while the publication is back-pressured (a closed or
     * disconnected pinger ends the retry).
     */
    public static final class Echo implements Agent, FragmentHandler
    {
        private final Subscription pings;
        private final Publication echoes;

        /**
         * @param pings  subscription of the pinger's frames.
         * @param echoes publication back to the pinger.
         */
        public Echo(final Subscription pings, final Publication echoes)
        {
            this.pings = pings;
            this.echoes = echoes;
        }

        /**
         * {@inheritDoc}
         */
        public String roleName()
        {
            return "echo";
        }

        /**
         * {@inheritDoc}
         */
        public int doWork()
        {
            return pings.poll(this, 64);
        }

        /**
         * {@inheritDoc}
         */
        public void onFragment(final DirectBuffer frame, final int offset, final int length, final Header header)
        {
            long result;
            do
            {
                result = echoes.offer(frame, offset, length);
            }
            while (Publication.BACK_PRESSURED == result || Publication.ADMIN_ACTION == result);
        }
    }
}
