package io.ticklane.perf.latency;

import io.aeron.Publication;
import io.aeron.Subscription;
import io.ticklane.clock.PipelineStage;
import io.ticklane.gateway.transport.Transport;
import io.ticklane.runtime.daemon.Daemon;
import io.ticklane.runtime.daemon.DaemonConfig;
import io.ticklane.runtime.daemon.IdleStrategies;
import io.ticklane.runtime.daemon.StageLatencies;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One tick-to-quote measurement: a daemon (the real one: receiver, rings, strategy, order sender, journal) and a
 * {@link LoadGenerator} on one embedded media driver over IPC, the generator publishing at a fixed rate and answering
 * orders; tick-to-quote is taken from each causing update's planned send time to the moment the order publication
 * took the order, and every stage of the pipeline is timed. Then, in the same process and at the same rate, the
 * {@link EchoBaseline} round trip. Histograms are collected per second into an interval log.
 */
public final class TickToQuoteRun
{
    private static final int PING_STREAM = 2001;
    private static final int ECHO_STREAM = 2002;

    /** What a run measured. */
    public record Result(
        Histogram tickToQuote,
        Histogram fromReceive,
        Map<String, Histogram> stages,
        Histogram inProcess,
        Histogram baseline,
        long updatesSent,
        long echoesSent,
        double seconds,
        Path journal)
    {
    }

    private final double rate;
    private final double durationSeconds;
    private final double warmupSeconds;
    private final String layout;
    private final String idle;
    private final Path out;
    private final PrintWriter progress;
    private Histogram fromReceive;
    private final java.util.concurrent.atomic.AtomicReference<Throwable> agentError =
        new java.util.concurrent.atomic.AtomicReference<>();
    private int delayedStage = -1;
    private long delayNs;
    private double stallAtSeconds = -1;
    private long stallNs;

    /**
     * @param rate            updates (and pings) per second.
     * @param durationSeconds measured seconds.
     * @param warmupSeconds   seconds run first and not recorded.
     * @param layout          daemon layout: one-thread or threads.
     * @param idle            idle strategy of every agent.
     * @param out             directory for the run's files.
     * @param progress        where one line per second goes.
     */
    public TickToQuoteRun(
        final double rate,
        final double durationSeconds,
        final double warmupSeconds,
        final String layout,
        final String idle,
        final Path out,
        final PrintWriter progress)
    {
        this.rate = rate;
        this.durationSeconds = durationSeconds;
        this.warmupSeconds = warmupSeconds;
        this.layout = layout;
        this.idle = idle;
        this.out = out;
        this.progress = progress;
    }

    /**
     * Harness self-test: slow one stage by a known amount on every event.
     *
     * @param stage   a {@link PipelineStage} from book_applied to order_encoded.
     * @param delayNs busy-wait per event.
     * @return this.
     */
    public TickToQuoteRun injectDelay(final int stage, final long delayNs)
    {
        this.delayedStage = stage;
        this.delayNs = delayNs;
        return this;
    }

    /**
     * Harness self-test: stall the daemon's receiver thread once, this long into the measured run.
     *
     * @param atSeconds seconds after the measured schedule starts.
     * @param stallNs   how long.
     * @return this.
     */
    public TickToQuoteRun injectStall(final double atSeconds, final long stallNs)
    {
        this.stallAtSeconds = atSeconds;
        this.stallNs = stallNs;
        return this;
    }

    /**
     * Runs the daemon measurement, then the baseline.
     *
     * @return the histograms.
     * @throws IOException          if the output cannot be written.
     * @throws InterruptedException if interrupted.
     */
    public Result run() throws IOException, InterruptedException
    {
        Files.createDirectories(out);
        final EpochNanoClock clock = new OffsetEpochNanoClock();
        final DaemonConfig config = DaemonUnderLoad.config(out, layout, idle, List.of("daemon.stage_latency=true"));

        try (Transport transport = Transport.launch(config.transportContext()))
        {
            final Result daemonPart = measureDaemon(config, transport, clock);
            requireNoAgentError("tick-to-quote");
            final Histogram baseline = new Histogram(StageLatencies.HIGHEST_NS, 3);
            final long echoes = measureBaseline(transport, clock, baseline);
            requireNoAgentError("baseline");
            return new Result(daemonPart.tickToQuote(), daemonPart.fromReceive(), daemonPart.stages(), daemonPart.inProcess(), baseline,
                daemonPart.updatesSent(), echoes, durationSeconds, daemonPart.journal());
        }
    }

    private Result measureDaemon(final DaemonConfig config, final Transport transport, final EpochNanoClock clock)
        throws IOException, InterruptedException
    {
        final DaemonUnderLoad underLoad = DaemonUnderLoad.start(config, transport, clock, rate, 0, idle, this::onAgentError);
        final Daemon daemon = underLoad.daemon();
        final LoadGenerator generator = underLoad.generator();
        final Histogram tickToQuote = new Histogram(StageLatencies.HIGHEST_NS, 3);
        fromReceive = new Histogram(StageLatencies.HIGHEST_NS, 3);
        final Histogram inProcess = new Histogram(StageLatencies.HIGHEST_NS, 3);
        final Map<String, Histogram> stages = new LinkedHashMap<>();
        for (int stage = PipelineStage.RING_PUBLISHED; stage <= PipelineStage.PUBLISHED; stage++)
        {
            stages.put(PipelineStage.name(stage), new Histogram(StageLatencies.HIGHEST_NS, 3));
        }
        try
        {
            if (warmupSeconds > 0)
            {
                underLoad.runSchedule(seconds(warmupSeconds));
            }
            final StageLatencies latencies = daemon.stageLatencies();
            if (delayedStage >= 0)
            {
                latencies.injectDelay(delayedStage, delayNs);
            }
            drain(daemon, latencies, null, null, null); // forget the warm-up

            final long startMs = System.currentTimeMillis();
            try (PrintStream hlog = new PrintStream(Files.newOutputStream(out.resolve("tick_to_quote.hlog")), false,
                StandardCharsets.UTF_8))
            {
                final HistogramLogWriter logWriter = new HistogramLogWriter(hlog);
                logWriter.outputComment("tick-to-quote, ns, from planned send time; rate " + rate + "/s, layout " +
                    layout + ", idle " + idle);
                logWriter.outputLogFormatVersion();
                logWriter.outputStartTime(startMs);
                logWriter.setBaseTime(startMs);
                logWriter.outputLegend();
                generator.startSchedule(seconds(durationSeconds));
                if (stallAtSeconds >= 0)
                {
                    daemon.injectStall(clock.nanoTime() + seconds(stallAtSeconds), stallNs);
                }
                Histogram interval = null;
                long second = 0;
                while (generator.running())
                {
                    Thread.sleep(1000);
                    interval = drain(daemon, latencies, tickToQuote, stages, inProcess);
                    logWriter.outputIntervalHistogram(interval);
                    second++;
                    progress.printf("perf: %3ds updates=%,d tick-to-quote p50=%.1fus p99=%.1fus%n", second,
                        generator.updatesSent(), interval.getValueAtPercentile(50) / 1e3,
                        interval.getValueAtPercentile(99) / 1e3);
                    progress.flush();
                }
                Thread.sleep(200); // the last orders
                logWriter.outputIntervalHistogram(drain(daemon, latencies, tickToQuote, stages, inProcess));
            }
            return new Result(tickToQuote, fromReceive, stages, inProcess, null, generator.updatesSent(), 0, durationSeconds,
                daemon.journalDirectory());
        }
        finally
        {
            underLoad.close();
        }
    }

    private Histogram drain(
        final Daemon daemon,
        final StageLatencies latencies,
        final Histogram tickToQuote,
        final Map<String, Histogram> stages,
        final Histogram inProcess)
    {
        final Histogram interval = daemon.tickToQuote().getIntervalHistogram();
        final Histogram naive = daemon.tickToQuoteFromReceive().getIntervalHistogram();
        if (null != tickToQuote)
        {
            tickToQuote.add(interval);
            fromReceive.add(naive);
        }
        for (int stage = PipelineStage.RING_PUBLISHED; stage <= PipelineStage.PUBLISHED; stage++)
        {
            final Histogram stageInterval = latencies.interval(stage, null);
            if (null != stages)
            {
                stages.get(PipelineStage.name(stage)).add(stageInterval);
            }
        }
        final Histogram inProcessInterval = latencies.inProcessInterval(null);
        if (null != inProcess)
        {
            inProcess.add(inProcessInterval);
        }
        return interval;
    }

    private long measureBaseline(final Transport transport, final EpochNanoClock clock, final Histogram latencies)
        throws InterruptedException
    {
        final Publication pings = transport.aeron().addExclusivePublication("aeron:ipc", PING_STREAM);
        final Subscription pingsIn = transport.aeron().addSubscription("aeron:ipc", PING_STREAM);
        final Publication echoes = transport.aeron().addExclusivePublication("aeron:ipc", ECHO_STREAM);
        final Subscription echoesIn = transport.aeron().addSubscription("aeron:ipc", ECHO_STREAM);
        final EchoBaseline.Pinger warmPinger = new EchoBaseline.Pinger(pings, echoesIn, clock, rate);
        final EchoBaseline.Pinger pinger = new EchoBaseline.Pinger(pings, echoesIn, clock, rate);
        final EchoBaseline.Echo echoAgent = new EchoBaseline.Echo(pingsIn, echoes, clock, latencies);
        final AgentRunner echo = new AgentRunner(IdleStrategies.create(idle), this::onAgentError, null, echoAgent);
        try
        {
            DaemonUnderLoad.awaitConnected(pings, pingsIn);
            DaemonUnderLoad.awaitConnected(echoes, echoesIn);
            AgentRunner.startOnThread(echo);
            if (warmupSeconds > 0)
            {
                runPinger(warmPinger, warmupSeconds, "baseline warm-up");
            }
            echoAgent.recording(true);
            runPinger(pinger, durationSeconds, "baseline");
            return pinger.sent();
        }
        finally
        {
            CloseHelper.quietClose(echo); // joins the echo's thread: its histogram is complete after this
            CloseHelper.closeAll(pings, pingsIn, echoes, echoesIn);
        }
    }

    private void runPinger(final EchoBaseline.Pinger pinger, final double seconds, final String what)
        throws InterruptedException
    {
        final AgentRunner runner = new AgentRunner(IdleStrategies.create(idle), this::onAgentError, null, pinger);
        pinger.start(seconds(seconds));
        AgentRunner.startOnThread(runner);
        try
        {
            final long deadline = System.nanoTime() + seconds(seconds) + TimeUnit.SECONDS.toNanos(30);
            while (pinger.running() || pinger.received() < pinger.sent())
            {
                if (System.nanoTime() - deadline > 0)
                {
                    throw new IllegalStateException(what + ": echoes missing: sent " + pinger.sent() + ", received " +
                        pinger.received());
                }
                Thread.sleep(10);
            }
            progress.printf("perf: %s done, %,d echoes%n", what, pinger.received());
            progress.flush();
        }
        finally
        {
            CloseHelper.quietClose(runner);
        }
    }

    private void onAgentError(final Throwable error)
    {
        agentError.compareAndSet(null, error);
    }

    private void requireNoAgentError(final String part)
    {
        final Throwable error = agentError.get();
        if (null != error)
        {
            throw new IllegalStateException(part + ": a harness agent failed, the figures would be wrong: " + error, error);
        }
    }

    private static long seconds(final double seconds)
    {
        return Math.round(seconds * 1e9);
    }
}
