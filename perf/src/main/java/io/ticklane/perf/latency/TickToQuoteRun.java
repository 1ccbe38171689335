package io.ticklane.perf.latency;

import com.sun.management.ThreadMXBean;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.ticklane.clock.PipelineStage;
import io.ticklane.gateway.transport.Transport;
import io.ticklane.runtime.daemon.Daemon;
import io.ticklane.runtime.daemon.DaemonConfig;
import io.ticklane.runtime.daemon.DaemonCounters;
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
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One tick-to-quote measurement: a daemon (the real one: receiver, rings, strategy, order sender, journal) and a
 * {@link LoadGenerator} on one embedded media driver over IPC, the generator publishing at a fixed rate and answering
 * orders; tick-to-quote is taken from each causing update's planned send time to the moment the daemon's order
 * gateway returned SENT, and every stage of the pipeline is timed. Then, in the same process and at the same rate,
 * the {@link EchoBaseline} round trip. Histograms are collected per second into an interval log.
 * <p>
 * <b>Gateways.</b> The daemon's orders can go over Aeron ({@code aeron}: the order publication, answered by the
 * generator directly) or over FIX 4.4 ({@code fix}: the daemon's Artio initiator over loopback TCP to QuickFIX/J's
 * acceptor in front of the same generator, {@link DaemonUnderLoad.FixFront}); with both, each is measured by its own
 * daemon start at the same rate and duration, with the same warm-up. Where tick-to-order ends differs by path, as
 * the gateway defines SENT: for Aeron, the order publication took the SBE frame (it is in the IPC log, readable by
 * the venue); for FIX, Artio's library took the encoded FIX message ({@code Session.trySend} claimed it in the
 * library's publication to Artio's engine), which has not yet framed and written it to the socket. Neither figure
 * includes the venue's receipt: the orders carry no per-order origin time the acceptor could read at better than the
 * millisecond of TransactTime.
 * <p>
 * <b>Rounds.</b> With {@code rounds > 1} the parts (each gateway, then the echo) run in turn, each for
 * {@code duration / rounds} per round (a fresh daemon each time, warmed up each time), and their histograms are
 * merged: a phase of the shared machine's load is then spread over every part, not charged to one.
 * <p>
 * <b>Allocation.</b> Over each measured window the harness reads the bytes every thread of the process allocated
 * ({@code ThreadMXBean}) and the collections the JVM ran; the daemon's agent threads are reported apart. On the FIX
 * path the daemon's thread also polls Artio's library; Artio's engine and QuickFIX/J (the counterparty) are other
 * threads, and a collection their garbage causes stops the daemon too.
 * <p>
 * Over 500 lines: one measurement is one sequence (start a daemon, drive it, drain its histograms and allocation
 * figures, then the baseline) whose steps share the run's settings and its error latch; the per-gateway totals are
 * a small nested class of it. Split, the steps would pass that state back and forth.
 */
public final class TickToQuoteRun
{
    /** The gateway whose orders go over the Aeron order publication. */
    public static final String AERON = "aeron";
    /** The gateway whose orders go over FIX 4.4 (Artio to QuickFIX/J on loopback). */
    public static final String FIX = "fix";
    private static final int PING_STREAM = 2001;
    private static final int ECHO_STREAM = 2002;

    /**
     * What one gateway's daemon runs measured, merged over the rounds.
     *
     * @param gateway               {@link #AERON} or {@link #FIX}.
     * @param tickToQuote           planned send time to SENT, ns.
     * @param fromReceive           receive stamp to SENT, ns (naive).
     * @param stages                per pipeline stage, ns.
     * @param inProcess             decode to order encoded, ns.
     * @param updatesSent           updates the generator published in the measured windows.
     * @param ordersSent            orders (new, replace, cancel) the daemon sent in them.
     * @param daemonAllocatedBytes  bytes the daemon's agent threads allocated in them.
     * @param threadAllocatedBytes  bytes allocated in them per thread name, every thread of the process that did.
     * @param gcCount               collections in them.
     * @param gcMillis              collection time in them.
     * @param journal               the last daemon run's journal.
     */
    public record GatewayRun(
        String gateway,
        Histogram tickToQuote,
        Histogram fromReceive,
        Map<String, Histogram> stages,
        Histogram inProcess,
        long updatesSent,
        long ordersSent,
        long daemonAllocatedBytes,
        Map<String, Long> threadAllocatedBytes,
        long gcCount,
        long gcMillis,
        Path journal)
    {
    }

    /**
     * What a run measured.
     *
     * @param gateways    per gateway, in the order asked; the first is the run's headline.
     * @param baseline    the IPC echo, ns.
     * @param echoesSent  pings sent.
     * @param seconds     measured seconds per part.
     */
    public record Result(Map<String, GatewayRun> gateways, Histogram baseline, long echoesSent, double seconds)
    {
        private GatewayRun first()
        {
            return gateways.values().iterator().next();
        }

        /**
         * @return the first gateway's tick-to-quote.
         */
        public Histogram tickToQuote()
        {
            return first().tickToQuote();
        }

        /**
         * @return the first gateway's tick-to-quote from the receive stamp.
         */
        public Histogram fromReceive()
        {
            return first().fromReceive();
        }

        /**
         * @return the first gateway's stages.
         */
        public Map<String, Histogram> stages()
        {
            return first().stages();
        }

        /**
         * @return the first gateway's in-process latency.
         */
        public Histogram inProcess()
        {
            return first().inProcess();
        }

        /**
         * @return updates the first gateway's generator sent.
         */
        public long updatesSent()
        {
            return first().updatesSent();
        }

        /**
         * @return the first gateway's journal.
         */
        public Path journal()
        {
            return first().journal();
        }
    }

    private final double rate;
    private final double durationSeconds;
    private final double warmupSeconds;
    private final String layout;
    private final String idle;
    private final Path out;
    private final PrintWriter progress;
    private final AtomicReference<Throwable> agentError = new AtomicReference<>();
    private List<String> gatewayNames = List.of(AERON);
    private int rounds = 1;
    private int delayedStage = -1;
    private long delayNs;
    private double stallAtSeconds = -1;
    private long stallNs;

    /**
     * @param rate            updates (and pings) per second.
     * @param durationSeconds measured seconds (per gateway, and for the echo).
     * @param warmupSeconds   seconds run first and not recorded (each daemon start, and the echo).
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
     * @param names  {@link #AERON} and/or {@link #FIX}, each once, in the order they run.
     * @param rounds how many times the parts take turns (each measured {@code duration / rounds} a turn).
     * @return this.
     */
    public TickToQuoteRun gateways(final List<String> names, final int rounds)
    {
        if (names.isEmpty() || names.stream().distinct().count() != names.size() ||
            !names.stream().allMatch((name) -> AERON.equals(name) || FIX.equals(name)))
        {
            throw new IllegalArgumentException("gateways: aeron and/or fix, each once: " + names);
        }
        if (rounds < 1 || rounds > 100)
        {
            throw new IllegalArgumentException("rounds must be 1-100: " + rounds);
        }
        this.gatewayNames = List.copyOf(names);
        this.rounds = rounds;
        return this;
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
     * Runs the daemon measurement of each gateway, then the baseline, {@code rounds} times.
     *
     * @return the histograms.
     * @throws IOException          if the output cannot be written.
     * @throws InterruptedException if interrupted.
     */
    public Result run() throws IOException, InterruptedException
    {
        Files.createDirectories(out);
        final EpochNanoClock clock = new OffsetEpochNanoClock();
        final DaemonConfig first = DaemonUnderLoad.config(out, layout, idle, List.of("daemon.stage_latency=true"));
        final double slice = durationSeconds / rounds;
        final Map<String, Totals> totals = new LinkedHashMap<>();
        final List<PrintStream> logs = new ArrayList<>();
        try (Transport transport = Transport.launch(first.transportContext()))
        {
            final long startMs = System.currentTimeMillis();
            for (final String gateway : gatewayNames)
            {
                final PrintStream hlog = new PrintStream(Files.newOutputStream(out.resolve(
                    TickToQuoteReport.fileName("tick_to_quote", gateway) + ".hlog")), false, StandardCharsets.UTF_8);
                logs.add(hlog);
                final HistogramLogWriter logWriter = new HistogramLogWriter(hlog);
                logWriter.outputComment("tick-to-quote, ns, from planned send time to the order gateway's SENT; gateway " +
                    gateway + ", rate " + rate + "/s, layout " + layout + ", idle " + idle + ", rounds " + rounds);
                logWriter.outputLogFormatVersion();
                logWriter.outputStartTime(startMs);
                logWriter.setBaseTime(startMs);
                logWriter.outputLegend();
                totals.put(gateway, new Totals(gateway, logWriter));
            }
            final Histogram baseline = new Histogram(StageLatencies.HIGHEST_NS, 3);
            long echoes = 0;
            for (int round = 1; round <= rounds; round++)
            {
                for (final String gateway : gatewayNames)
                {
                    final String part = gateway + (rounds > 1 ? "-" + round : "");
                    final List<String> extra = new ArrayList<>(List.of("daemon.stage_latency=true",
                        "daemon.run_dir=" + out.resolve("runs").resolve(part)));
                    DaemonUnderLoad.FixFront fix = null;
                    if (FIX.equals(gateway))
                    {
                        fix = DaemonUnderLoad.FixFront.in(out.resolve("fix").resolve(part));
                        extra.addAll(fix.settings());
                    }
                    final DaemonConfig config = DaemonUnderLoad.config(out, layout, idle, extra);
                    measureDaemon(config, fix, transport, clock, totals.get(gateway), slice, part);
                    requireNoAgentError("tick-to-quote over " + gateway);
                }
                echoes += measureBaseline(transport, clock, baseline, slice);
                requireNoAgentError("baseline");
            }
            final Map<String, GatewayRun> gateways = new LinkedHashMap<>();
            totals.forEach((name, total) -> gateways.put(name, total.result()));
            return new Result(gateways, baseline, echoes, durationSeconds);
        }
        finally
        {
            logs.forEach(PrintStream::close);
        }
    }

    private void measureDaemon(
        final DaemonConfig config,
        final DaemonUnderLoad.FixFront fix,
        final Transport transport,
        final EpochNanoClock clock,
        final Totals totals,
        final double seconds,
        final String part)
        throws IOException, InterruptedException
    {
        final DaemonUnderLoad underLoad = DaemonUnderLoad.start(config, fix, transport, clock, rate, 0, idle,
            this::onAgentError);
        final Daemon daemon = underLoad.daemon();
        final LoadGenerator generator = underLoad.generator();
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
            drain(daemon, latencies, null); // forget the warm-up

            final Map<Long, Long> allocatedBefore = allocatedBytes();
            final long[] gcBefore = gc();
            final long ordersBefore = orders(daemon.counters());
            generator.startSchedule(seconds(seconds));
            if (stallAtSeconds >= 0)
            {
                daemon.injectStall(clock.nanoTime() + seconds(stallAtSeconds), stallNs);
            }
            long second = 0;
            final long deadlineNs = System.nanoTime() + seconds(seconds) + TimeUnit.SECONDS.toNanos(30);
            while (generator.running())
            {
                if (System.nanoTime() - deadlineNs > 0)
                {
                    // the daemon stopped taking market data (its thread blocked, e.g. inside Artio's library poll):
                    // say so instead of waiting for ever
                    throw new IllegalStateException(part + ": the schedule did not end 30 s after it was due; updates " +
                        "sent " + generator.updatesSent() + ", back-pressured offers " + generator.backPressured() +
                        ", daemon halt: " + daemon.haltReason() + ", error: " + daemon.firstError());
                }
                Thread.sleep(1000);
                final Histogram interval = drain(daemon, latencies, totals);
                totals.log.outputIntervalHistogram(interval);
                second++;
                progress.printf("perf: %s %3ds updates=%,d tick-to-quote p50=%.1fus p99=%.1fus%n", part, second,
                    generator.updatesSent(), interval.getValueAtPercentile(50) / 1e3,
                    interval.getValueAtPercentile(99) / 1e3);
                progress.flush();
            }
            Thread.sleep(200); // the last orders
            totals.log.outputIntervalHistogram(drain(daemon, latencies, totals));
            totals.ordersSent += orders(daemon.counters()) - ordersBefore;
            final long[] gcAfter = gc();
            totals.gcCount += gcAfter[0] - gcBefore[0];
            totals.gcMillis += gcAfter[1] - gcBefore[1];
            totals.allocated(allocatedBefore, allocatedBytes(), daemon.agentThreads());
            totals.updatesSent += generator.updatesSent();
            totals.journal = daemon.journalDirectory();
        }
        finally
        {
            underLoad.close();
        }
    }

    private static long orders(final DaemonCounters counters)
    {
        return counters.counter(DaemonCounters.ORDERS_NEW) + counters.counter(DaemonCounters.ORDERS_REPLACE) +
            counters.counter(DaemonCounters.ORDERS_CANCEL);
    }

    /**
     * @return bytes allocated so far by every live thread, by thread id.
     */
    private static Map<Long, Long> allocatedBytes()
    {
        final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long[] ids = threads.getAllThreadIds();
        final long[] bytes = threads.getThreadAllocatedBytes(ids);
        final Map<Long, Long> allocated = new HashMap<>();
        for (int i = 0; i < ids.length; i++)
        {
            if (bytes[i] >= 0)
            {
                allocated.put(ids[i], bytes[i]);
            }
        }
        return allocated;
    }

    private static long[] gc()
    {
        long count = 0;
        long millis = 0;
        for (final GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans())
        {
            count += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        return new long[]{count, millis};
    }

    private Histogram drain(final Daemon daemon, final StageLatencies latencies, final Totals totals)
    {
        final Histogram interval = daemon.tickToQuote().getIntervalHistogram();
        final Histogram naive = daemon.tickToQuoteFromReceive().getIntervalHistogram();
        if (null != totals)
        {
            totals.tickToQuote.add(interval);
            totals.fromReceive.add(naive);
        }
        for (int stage = PipelineStage.RING_PUBLISHED; stage <= PipelineStage.PUBLISHED; stage++)
        {
            final Histogram stageInterval = latencies.interval(stage, null);
            if (null != totals)
            {
                totals.stages.get(PipelineStage.name(stage)).add(stageInterval);
            }
        }
        final Histogram inProcessInterval = latencies.inProcessInterval(null);
        if (null != totals)
        {
            totals.inProcess.add(inProcessInterval);
        }
        return interval;
    }

    /** One gateway's figures as the rounds add to them. */
    private static final class Totals
    {
        private final String gateway;
        private final HistogramLogWriter log;
        private final Histogram tickToQuote = new Histogram(StageLatencies.HIGHEST_NS, 3);
        private final Histogram fromReceive = new Histogram(StageLatencies.HIGHEST_NS, 3);
        private final Histogram inProcess = new Histogram(StageLatencies.HIGHEST_NS, 3);
        private final Map<String, Histogram> stages = new LinkedHashMap<>();
        private final Map<String, Long> threadBytes = new TreeMap<>();
        private long updatesSent;
        private long ordersSent;
        private long daemonBytes;
        private long gcCount;
        private long gcMillis;
        private Path journal;

        Totals(final String gateway, final HistogramLogWriter log)
        {
            this.gateway = gateway;
            this.log = log;
            for (int stage = PipelineStage.RING_PUBLISHED; stage <= PipelineStage.PUBLISHED; stage++)
            {
                stages.put(PipelineStage.name(stage), new Histogram(StageLatencies.HIGHEST_NS, 3));
            }
        }

        void allocated(final Map<Long, Long> before, final Map<Long, Long> after, final List<Thread> daemonThreads)
        {
            final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
            for (final Map.Entry<Long, Long> entry : after.entrySet())
            {
                final Long start = before.get(entry.getKey());
                if (null == start)
                {
                    continue; // started inside the window: not a steady-state thread
                }
                final long bytes = entry.getValue() - start;
                final ThreadInfo info = threads.getThreadInfo(entry.getKey());
                if (bytes > 0 && null != info)
                {
                    threadBytes.merge(info.getThreadName(), bytes, Long::sum);
                }
                for (final Thread thread : daemonThreads)
                {
                    if (thread.getId() == entry.getKey())
                    {
                        daemonBytes += bytes;
                    }
                }
            }
        }

        GatewayRun result()
        {
            return new GatewayRun(gateway, tickToQuote, fromReceive, stages, inProcess, updatesSent, ordersSent,
                daemonBytes, threadBytes, gcCount, gcMillis, journal);
        }
    }

    private long measureBaseline(
        final Transport transport, final EpochNanoClock clock, final Histogram latencies, final double seconds)
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
            runPinger(pinger, seconds, "baseline");
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
