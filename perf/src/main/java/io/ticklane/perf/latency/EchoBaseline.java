package io.ticklane.perf.latency;

import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import org.HdrHistogram.Recorder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The baseline a tick-to-quote figure is judged against: the same path with nothing in the middle. The
 * {@link Pinger} publishes, at the same fixed rate, a frame the size of a market data update carrying its planned
 * send time; the {@link Echo} receives it and republishes it at once, and records the time from the planned send
 * time to the moment its publication took the copy. That is the shape of tick-to-quote (planned send, IPC hop,
 * receive, publish an answer, measured when the publication takes it) minus the daemon, corrected for coordinated
 * omission the same way. The pinger drains the echoes so the echo is never back-pressured.
 * <p>
 * Both agents stay up for a whole sliced run, as the daemon and its load generator do: the pinger is started for
 * each echo slice ({@link Pinger#start}) and the echo's latencies are taken per slice from its {@link Recorder}.
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
        private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[FRAME_LENGTH]);
        private long startNs;
        private long stopNs;
        private long sent;
        private volatile long sentTotal;
        private volatile long received;
        private volatile boolean running;

        /**
         * @param pings      publication to the echo.
         * @param echoes     subscription of the echo's answers.
         * @param clock      clock of both ends (one process).
         * @param rate       pings per second.
         */
        public Pinger(
            final Publication pings,
            final Subscription echoes,
            final EpochNanoClock clock,
            final double rate)
        {
            this.pings = pings;
            this.echoes = echoes;
            this.clock = clock;
            this.intervalNs = Math.round(1e9 / rate);
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
                    sentTotal = sentTotal + 1; // single writer: this agent
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
            received = received + 1; // single writer: this agent
        }

        /**
         * @return true while pings remain to be sent.
         */
        public boolean running()
        {
            return running;
        }

        /**
         * @return pings sent by the current (or last) schedule; read it once {@link #running()} is false.
         */
        public long sent()
        {
            return sent;
        }

        /**
         * @return pings sent by every schedule so far.
         */
        public long sentTotal()
        {
            return sentTotal;
        }

        /**
         * @return echoes received, over every schedule so far.
         */
        public long received()
        {
            return received;
        }
    }

    /**
     * Sends back every frame it receives, retrying while the publication is back-pressured (a closed or
     * disconnected pinger ends the retry), and records planned send time to republished.
     */
    public static final class Echo implements Agent, FragmentHandler
    {
        private final Subscription pings;
        private final Publication echoes;
        private final EpochNanoClock clock;
        private final Recorder latencies;
        private final long highestNs;
        private final long delayNs;

        /**
         * @param pings     subscription of the pinger's frames.
         * @param echoes    publication back to the pinger.
         * @param clock     clock of both ends (one process).
         * @param latencies where planned-send-to-republished goes, ns; take its interval histograms from any thread.
         * @param highestNs the largest value recorded; longer ones are clamped to it.
         * @param delayNs   harness self-test: busy-wait this long before each republish (0 in a real run), which makes
         *                  the baseline deliberately slower than what it bounds.
         */
        public Echo(
            final Subscription pings,
            final Publication echoes,
            final EpochNanoClock clock,
            final Recorder latencies,
            final long highestNs,
            final long delayNs)
        {
            this.pings = pings;
            this.echoes = echoes;
            this.clock = clock;
            this.latencies = latencies;
            this.highestNs = highestNs;
            this.delayNs = delayNs;
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
            if (delayNs > 0)
            {
                final long until = System.nanoTime() + delayNs;
                while (System.nanoTime() - until < 0)
                {
                    Thread.onSpinWait();
                }
            }
            long result;
            do
            {
                result = echoes.offer(frame, offset, length);
            }
            while (Publication.BACK_PRESSURED == result || Publication.ADMIN_ACTION == result);
            if (result > 0)
            {
                final long latencyNs = clock.nanoTime() - frame.getLong(offset);
                latencies.recordValue(Math.max(0, Math.min(latencyNs, highestNs)));
            }
        }
    }
}
