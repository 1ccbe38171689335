package io.ticklane.runtime.daemon;

import io.ticklane.clock.PipelineStage;
import io.ticklane.clock.StageStamps;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.agrona.concurrent.EpochNanoClock;

import java.util.Arrays;

/**
 * Per-stage latency of every inbound event that made the daemon send an order: the trading thread stamps each
 * {@link PipelineStage} of the event (it is the pipeline's {@link StageStamps}) and, when the event ends with an order
 * encoded, records each stage's time since the previous one into that stage's HdrHistogram {@link Recorder}; the
 * order sender records the last stage (outbound ring and publication). Recorders are wait-free for the recording
 * thread and swapped by a reader thread per interval, so profiling never blocks the hot path. Only the first order of
 * an event is timed, so an event that sends two orders counts once.
 */
public final class StageLatencies implements StageStamps
{
    /** Highest latency tracked, ns; longer ones are recorded as this value (a fixed range never resizes). */
    public static final long HIGHEST_NS = OrderSenderAgent.HIGHEST_LATENCY_NS;

    private final EpochNanoClock clock;
    private final Recorder[] stages = new Recorder[PipelineStage.COUNT];
    private final Recorder inProcess = new Recorder(HIGHEST_NS, 3);
    private final long[] stamps = new long[PipelineStage.COUNT];
    private boolean active;
    private int delayedStage = -1;
    private long delayNs;

    /**
     * @param clock the clock inbound frames are stamped with.
     */
    public StageLatencies(final EpochNanoClock clock)
    {
        this.clock = clock;
        for (int stage = PipelineStage.RING_PUBLISHED; stage < PipelineStage.COUNT; stage++)
        {
            stages[stage] = new Recorder(HIGHEST_NS, 3);
        }
    }

    /**
     * An inbound event starts: the trading agent took it off the ring.
     *
     * @param receivedNs      when the receiver stamped it.
     * @param ringPublishedNs when the receiver published it.
     */
    void begin(final long receivedNs, final long ringPublishedNs)
    {
        Arrays.fill(stamps, 0);
        stamps[PipelineStage.RECEIVED] = receivedNs;
        stamps[PipelineStage.RING_PUBLISHED] = ringPublishedNs;
        stamps[PipelineStage.DECODED] = clock.nanoTime();
        active = true;
    }

    /**
     * Harness self-test: every time {@code stage} is reached, busy-wait first, so a known delay must show in that
     * stage's histogram and in the total. Never set in production.
     *
     * @param stage   stage to slow down, from {@link PipelineStage#BOOK_APPLIED} to {@link PipelineStage#ORDER_ENCODED}.
     * @param delayNs busy-wait per event.
     */
    public void injectDelay(final int stage, final long delayNs)
    {
        if (stage < PipelineStage.BOOK_APPLIED || stage > PipelineStage.ORDER_ENCODED)
        {
            throw new IllegalArgumentException("a delay can be injected from book_applied to order_encoded: " +
                PipelineStage.name(stage));
        }
        this.delayedStage = stage;
        this.delayNs = delayNs;
    }

    private void spin(final long ns)
    {
        final long until = clock.nanoTime() + ns;
        while (clock.nanoTime() - until < 0)
        {
            Thread.onSpinWait();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void stamp(final int stage)
    {
        if (active && 0 == stamps[stage])
        {
            if (stage == delayedStage)
            {
                spin(delayNs);
            }
            stamps[stage] = clock.nanoTime();
        }
    }

    /**
     * @return when the current event's first order was encoded, or 0 if it has none yet.
     */
    long encodedNs()
    {
        return stamps[PipelineStage.ORDER_ENCODED];
    }

    /**
     * The event is done: if it went the whole market data path to an encoded order, record each stage.
     */
    void end()
    {
        active = false;
        for (int stage = PipelineStage.RING_PUBLISHED; stage <= PipelineStage.ORDER_ENCODED; stage++)
        {
            if (0 == stamps[stage])
            {
                return;
            }
        }
        for (int stage = PipelineStage.RING_PUBLISHED; stage <= PipelineStage.ORDER_ENCODED; stage++)
        {
            record(stages[stage], stamps[stage] - stamps[stage - 1]);
        }
        record(inProcess, stamps[PipelineStage.ORDER_ENCODED] - stamps[PipelineStage.DECODED]);
    }

    /**
     * The publication took an event's first order (order sender thread).
     *
     * @param encodedNs   when it was encoded.
     * @param publishedNs when the publication took it.
     */
    void published(final long encodedNs, final long publishedNs)
    {
        record(stages[PipelineStage.PUBLISHED], publishedNs - encodedNs);
    }

    private static void record(final Recorder recorder, final long valueNs)
    {
        if (valueNs >= 0)
        {
            recorder.recordValue(Math.min(valueNs, HIGHEST_NS));
        }
    }

    /**
     * @param stage a stage from {@link PipelineStage#RING_PUBLISHED} to {@link PipelineStage#PUBLISHED}.
     * @param reuse a histogram to recycle, or null.
     * @return the stage's latencies since the last call, ns.
     */
    public Histogram interval(final int stage, final Histogram reuse)
    {
        return stages[stage].getIntervalHistogram(reuse);
    }

    /**
     * @param reuse a histogram to recycle, or null.
     * @return decode to order encoded (the in-process pipeline, no transport) since the last call, ns.
     */
    public Histogram inProcessInterval(final Histogram reuse)
    {
        return inProcess.getIntervalHistogram(reuse);
    }
}
