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
import org.HdrHistogram.Recorder;
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
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One tick-to-quote measurement: a daemon (the real one: receiver, rings, strategy, order sender, journal) and a
 * {@link LoadGenerator} on one embedded media driver over IPC, the generator publishing at a fixed rate and answering
 * orders; tick-to-quote is taken from each causing update's planned send time to the moment the daemon's order
 * gateway returned SENT, and every stage of the pipeline is timed. Against it, in the same process and at the same
 * rate, the {@link EchoBaseline} round trip. Histograms are collected about once a second into an interval log.
 * <p>
 * <b>Slices.</b> The pipeline and the echo alternate in {@code slices} short slices each ({@code duration / slices}
 * seconds each): pipeline then echo in odd slices, echo then pipeline in even ones, so neither part is always the one
 * that follows the other. A phase of the shared machine's load then falls on both parts instead of on one, and each
 * pair of neighbouring slices gives a pipeline ÷ echo ratio at p50 and p99 ({@link SliceRatios}: the median ratio,
 * its spread, and the rule that makes a run whose echo is slower than the pipeline INVALID).
 * <p>
 * <b>What is the same and what is not.</b> For one gateway the daemon, its generator, the pinger and the echo are
 * started once and all stay up for every slice; only which pair is driven changes. So both parts run with the same
 * threads alive, the same idle strategy on every agent (the harness's, also the daemon's), the same rate, the same
 * media driver, no thread pinned (the harness sets no {@code daemon.cores}), one warm-up each of the same length
 * before the first slice. What cannot be the same: the pipeline's own threads ({@code threads} layout: four daemon
 * agents where the echo has one; {@code one-thread}: one, as the echo) and its work (journal, strategy, orders
 * answered by the generator, which is the pipeline's point); on the FIX path, Artio's and QuickFIX/J's threads. With
 * {@code busy-spin}, the idle pair spins while the other is measured: both parts pay for it alike, and the machine
 * needs a core per agent.
 * <p>
 * <b>Gateways.</b> The daemon's orders can go over Aeron ({@code aeron}: the order publication, answered by the
 * generator directly) or over FIX 4.4 ({@code fix}: the daemon's Artio initiator over loopback TCP to QuickFIX/J's
 * acceptor in front of the same generator, {@link DaemonUnderLoad.FixFront}); with both, each gateway has its own
 * daemon start and its own sliced run against the echo, at the same rate and duration, with the same warm-up. Where
 * tick-to-order ends differs by path, as the gateway defines SENT: for Aeron, the order publication took the SBE frame
 * (it is in the IPC log, readable by the venue); for FIX, Artio's library took the encoded FIX message
 * ({@code Session.trySend} claimed it in the library's publication to Artio's engine), which has not yet framed and
 * written it to the socket. Neither figure includes the venue's receipt: the orders carry no per-order origin time the
 * acceptor could read at better than the millisecond of TransactTime.
 * <p>
 * <b>Allocation.</b> Over each measured pipeline slice the harness reads the bytes every thread of the process
 * allocated ({@code ThreadMXBean}) and the collections the JVM ran; the daemon's agent threads are reported apart. On
 * the FIX path the daemon's thread also polls Artio's library; Artio's engine and QuickFIX/J (the counterparty) are
 * other threads, and a collection their garbage causes stops the daemon too.
 * <p>
 * Over 500 lines: one measurement is one sequence (start a daemon and the echo, warm both, alternate the slices,
 * drain histograms and allocation figures) whose steps share the run's settings and its error latch; the per-gateway
 * totals and the echo pair are small nested classes of it. Split, the steps would pass that state back and forth.
 */
public final class TickToQuoteRun
{
    /** The gateway whose orders go over the Aeron order publication. */
    public static final String AERON = "aeron";
    /** The gateway whose orders go over FIX 4.4 (Artio to QuickFIX/J on loopback). */
    public static final String FIX = "fix";
    private static final int PING_STREAM = 2001;
    private static final int ECHO_STREAM = 2002;
    private static final double MIN_SLICE_SECONDS = 0.1;

    /**
     * What one gateway's daemon measured, merged over its slices.
     *
     * @param gateway               {@link #AERON} or {@link #FIX}.
     * @param tickToQuote           planned send time to SENT, ns.
     * @param fromReceive           receive stamp to SENT, ns (naive).
     * @param stages                per pipeline stage, ns.
     * @param inProcess             decode to order encoded, ns.
     * @param echo                  the echo's slices alternated with this gateway's, ns.
     * @param ratios                per slice pair p50 and p99 of both parts, and the baseline verdict.
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
        Histogram echo,
        SliceRatios ratios,
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
     * @param baseline    the IPC echo, every gateway's echo slices merged, ns.
     * @param echoesSent  pings sent in the measured echo slices.
     * @param seconds     measured seconds per part (per gateway, and the echo next to each).
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
         * @return the first gateway's slice ratios and baseline verdict.
         */
        public SliceRatios ratios()
        {
            return first().ratios();
        }

        /**
         * @return true when every gateway's echo held as its baseline ({@link SliceRatios#valid()}).
         */
        public boolean baselineValid()
        {
            return gateways.values().stream().allMatch((run) -> run.ratios().valid());
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
    private int slices = 1;
    private long echoDelayNs;
    private int delayedStage = -1;
    private long delayNs;
    private double stallAtSeconds = -1;
    private long stallNs;

    /**
     * @param rate            updates (and pings) per second.
     * @param durationSeconds measured seconds (per gateway, and for the echo next to each).
     * @param warmupSeconds   seconds run first and not recorded (each daemon start, and the echo next to it).
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
     * @param slices how many slices the pipeline and the echo each get, alternating ({@code duration / slices}
     *               seconds each, at least {@value #MIN_SLICE_SECONDS} s).
     * @return this.
     */
    public TickToQuoteRun gateways(final List<String> names, final int slices)
    {
        if (names.isEmpty() || names.stream().distinct().count() != names.size() ||
            !names.stream().allMatch((name) -> AERON.equals(name) || FIX.equals(name)))
        {
            throw new IllegalArgumentException("gateways: aeron and/or fix, each once: " + names);
        }
        if (slices < 1 || slices > 1000)
        {
            throw new IllegalArgumentException("slices must be 1-1000: " + slices);
        }
        if (durationSeconds / slices < MIN_SLICE_SECONDS)
        {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "each of %d slices would last %.3f s: at least " +
                "%.1f s a slice (more --duration or fewer --slices)", slices, durationSeconds / slices, MIN_SLICE_SECONDS));
        }
        this.gatewayNames = List.copyOf(names);
        this.slices = slices;
        return this;
    }

    /**
     * Harness self-test: make the echo busy-wait before each republish, so the baseline is slower than the pipeline
     * and the run must come out INVALID.
     *
     * @param delayNs busy-wait per echo.
     * @return this.
     */
    public TickToQuoteRun injectEchoDelay(final long delayNs)
    {
        this.echoDelayNs = delayNs;
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
     * Harness self-test: stall the daemon's receiver thread once, this long into the first measured pipeline slice.
     *
     * @param atSeconds seconds after that slice's schedule starts.
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
     * Runs each gateway's daemon against the echo, alternating {@code slices} slices of each.
     *
     * @return the histograms and the slice ratios.
     * @throws IOException          if the output cannot be written.
     * @throws InterruptedException if interrupted.
     */
    public Result run() throws IOException, InterruptedException
    {
        Files.createDirectories(out);
        final EpochNanoClock clock = new OffsetEpochNanoClock();
        final DaemonConfig first = DaemonUnderLoad.config(out, layout, idle, List.of("daemon.stage_latency=true"));
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
                    gateway + ", rate " + rate + "/s, layout " + layout + ", idle " + idle + ", slices " + slices +
                    " (gaps are the echo's slices)");
                logWriter.outputLogFormatVersion();
                logWriter.outputStartTime(startMs);
                logWriter.setBaseTime(startMs);
                logWriter.outputLegend();
                totals.put(gateway, new Totals(gateway, logWriter));
            }
            final Histogram baseline = new Histogram(StageLatencies.HIGHEST_NS, 3);
            long echoes = 0;
            for (final String gateway : gatewayNames)
            {
                final List<String> extra = new ArrayList<>(List.of("daemon.stage_latency=true",
                    "daemon.run_dir=" + out.resolve("runs").resolve(gateway)));
                DaemonUnderLoad.FixFront fix = null;
                if (FIX.equals(gateway))
                {
                    fix = DaemonUnderLoad.FixFront.in(out.resolve("fix").resolve(gateway));
                    extra.addAll(fix.settings());
                }
                final DaemonConfig config = DaemonUnderLoad.config(out, layout, idle, extra);
                final Totals total = totals.get(gateway);
                echoes += measure(config, fix, transport, clock, total);
                requireNoAgentError("tick-to-quote over " + gateway);
                baseline.add(total.echo);
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

    /**
     * One gateway: its daemon and the echo started, both warmed up, then the slices alternated.
     *
     * @return echoes sent in the measured echo slices.
     */
    private long measure(
        final DaemonConfig config,
        final DaemonUnderLoad.FixFront fix,
        final Transport transport,
        final EpochNanoClock clock,
        final Totals totals)
        throws IOException, InterruptedException
    {
        final double sliceSeconds = durationSeconds / slices;
        final String gateway = totals.gateway;
        final DaemonUnderLoad underLoad = DaemonUnderLoad.start(config, fix, transport, clock, rate, 0, idle,
            this::onAgentError);
        EchoPair echo = null;
        try
        {
            echo = new EchoPair(transport, clock);
            final Daemon daemon = underLoad.daemon();
            final StageLatencies latencies = daemon.stageLatencies();
            if (warmupSeconds > 0)
            {
                underLoad.runSchedule(seconds(warmupSeconds));
                echo.slice(warmupSeconds, gateway + " echo warm-up");
            }
            if (delayedStage >= 0)
            {
                latencies.injectDelay(delayedStage, delayNs);
            }
            long echoes = 0;
            for (int slice = 1; slice <= slices; slice++)
            {
                final String part = gateway + " slice " + slice + "/" + slices;
                final Histogram pipeline;
                final Histogram echoed;
                if (1 == slice % 2)
                {
                    pipeline = pipelineSlice(underLoad, clock, totals, sliceSeconds, part, 1 == slice);
                    echoed = echo.slice(sliceSeconds, part + " echo");
                }
                else
                {
                    echoed = echo.slice(sliceSeconds, part + " echo");
                    pipeline = pipelineSlice(underLoad, clock, totals, sliceSeconds, part, false);
                }
                echoes += echo.pinger.sent();
                totals.echo.add(echoed);
                final SliceRatios.Slice pair = new SliceRatios.Slice(slice, pipeline.getTotalCount(), p50(pipeline),
                    p99(pipeline), echoed.getTotalCount(), p50(echoed), p99(echoed));
                totals.slices.add(pair);
                progress.printf(Locale.ROOT, "perf: %s pipeline p50=%.2fus p99=%.2fus (%,d) echo p50=%.2fus " +
                    "p99=%.2fus (%,d) ratio p50=%.2f p99=%.2f%n", part, pair.pipelineP50(), pair.pipelineP99(),
                    pair.pipelineCount(), pair.echoP50(), pair.echoP99(), pair.echoCount(), pair.ratioP50(),
                    pair.ratioP99());
                progress.flush();
            }
            totals.journal = daemon.journalDirectory();
            return echoes;
        }
        finally
        {
            CloseHelper.quietClose(echo);
            underLoad.close();
        }
    }

    /**
     * One measured pipeline slice: the generator's schedule for {@code seconds}, the daemon's histograms drained
     * about once a second into the totals and the log.
     *
     * @return the slice's tick-to-quote, ns.
     */
    private Histogram pipelineSlice(
        final DaemonUnderLoad underLoad,
        final EpochNanoClock clock,
        final Totals totals,
        final double seconds,
        final String part,
        final boolean first)
        throws InterruptedException
    {
        final Daemon daemon = underLoad.daemon();
        final LoadGenerator generator = underLoad.generator();
        final StageLatencies latencies = daemon.stageLatencies();
        drain(daemon, latencies, null); // forget what came before (the warm-up, or stragglers of the last slice)
        final Histogram slice = new Histogram(StageLatencies.HIGHEST_NS, 3);
        final Map<Long, Long> allocatedBefore = allocatedBytes();
        final long[] gcBefore = gc();
        final long ordersBefore = orders(daemon.counters());
        generator.startSchedule(seconds(seconds));
        if (first && stallAtSeconds >= 0)
        {
            daemon.injectStall(clock.nanoTime() + seconds(stallAtSeconds), stallNs);
        }
        final long deadlineNs = System.nanoTime() + seconds(seconds) + TimeUnit.SECONDS.toNanos(30);
        long nextDrainNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
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
            Thread.sleep(10);
            if (System.nanoTime() - nextDrainNs >= 0)
            {
                final Histogram interval = drain(daemon, latencies, totals);
                totals.log.outputIntervalHistogram(interval);
                slice.add(interval);
                nextDrainNs += TimeUnit.SECONDS.toNanos(1);
            }
        }
        Thread.sleep(200); // the last orders
        final Histogram last = drain(daemon, latencies, totals);
        totals.log.outputIntervalHistogram(last);
        slice.add(last);
        totals.ordersSent += orders(daemon.counters()) - ordersBefore;
        final long[] gcAfter = gc();
        totals.gcCount += gcAfter[0] - gcBefore[0];
        totals.gcMillis += gcAfter[1] - gcBefore[1];
        totals.allocated(allocatedBefore, allocatedBytes(), daemon.agentThreads());
        totals.updatesSent += generator.updatesSent();
        return slice;
    }

    private static double p50(final Histogram histogram)
    {
        return histogram.getValueAtPercentile(50) / 1e3;
    }

    private static double p99(final Histogram histogram)
    {
        return histogram.getValueAtPercentile(99) / 1e3;
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

    /** One gateway's figures as its slices add to them. */
    private static final class Totals
    {
        private final String gateway;
        private final HistogramLogWriter log;
        private final Histogram tickToQuote = new Histogram(StageLatencies.HIGHEST_NS, 3);
        private final Histogram fromReceive = new Histogram(StageLatencies.HIGHEST_NS, 3);
        private final Histogram inProcess = new Histogram(StageLatencies.HIGHEST_NS, 3);
        private final Histogram echo = new Histogram(StageLatencies.HIGHEST_NS, 3);
        private final List<SliceRatios.Slice> slices = new ArrayList<>();
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
            final SliceRatios ratios = new SliceRatios(slices, tickToQuote.getValueAtPercentile(50) / 1e3,
                echo.getValueAtPercentile(50) / 1e3);
            return new GatewayRun(gateway, tickToQuote, fromReceive, stages, inProcess, echo, ratios, updatesSent,
                ordersSent, daemonBytes, threadBytes, gcCount, gcMillis, journal);
        }
    }

    /**
     * The echo's two agents (pinger, echo) on their own IPC streams of the run's media driver, up for a whole
     * gateway's sliced run like the daemon and its generator; the pinger is driven one slice at a time.
     */
    private final class EchoPair implements AutoCloseable
    {
        private final Publication pings;
        private final Subscription pingsIn;
        private final Publication echoes;
        private final Subscription echoesIn;
        private final Recorder latencies = new Recorder(StageLatencies.HIGHEST_NS, 3);
        private final EchoBaseline.Pinger pinger;
        private final AgentRunner echoRunner;
        private final AgentRunner pingerRunner;

        EchoPair(final Transport transport, final EpochNanoClock clock) throws InterruptedException
        {
            pings = transport.aeron().addExclusivePublication("aeron:ipc", PING_STREAM);
            pingsIn = transport.aeron().addSubscription("aeron:ipc", PING_STREAM);
            echoes = transport.aeron().addExclusivePublication("aeron:ipc", ECHO_STREAM);
            echoesIn = transport.aeron().addSubscription("aeron:ipc", ECHO_STREAM);
            pinger = new EchoBaseline.Pinger(pings, echoesIn, clock, rate);
            echoRunner = new AgentRunner(IdleStrategies.create(idle), TickToQuoteRun.this::onAgentError, null,
                new EchoBaseline.Echo(pingsIn, echoes, clock, latencies, StageLatencies.HIGHEST_NS, echoDelayNs));
            pingerRunner = new AgentRunner(IdleStrategies.create(idle), TickToQuoteRun.this::onAgentError, null, pinger);
            DaemonUnderLoad.awaitConnected(pings, pingsIn);
            DaemonUnderLoad.awaitConnected(echoes, echoesIn);
            AgentRunner.startOnThread(echoRunner);
            AgentRunner.startOnThread(pingerRunner);
        }

        /**
         * Pings at the run's rate for {@code seconds} and waits for every echo.
         *
         * @return the echo's latencies in this slice, ns.
         */
        Histogram slice(final double seconds, final String what) throws InterruptedException
        {
            latencies.getIntervalHistogram(); // forget what came before (the warm-up, or a straggler)
            pinger.start(seconds(seconds));
            final long deadline = System.nanoTime() + seconds(seconds) + TimeUnit.SECONDS.toNanos(30);
            while (pinger.running() || pinger.received() < pinger.sentTotal())
            {
                if (System.nanoTime() - deadline > 0)
                {
                    throw new IllegalStateException(what + ": echoes missing: sent " + pinger.sentTotal() + ", received " +
                        pinger.received());
                }
                Thread.sleep(10);
            }
            Thread.sleep(20); // the echo records just after its publication took the copy the pinger has read
            requireNoAgentError(what);
            return latencies.getIntervalHistogram();
        }

        public void close()
        {
            CloseHelper.quietCloseAll(pingerRunner, echoRunner);
            CloseHelper.closeAll(pings, pingsIn, echoes, echoesIn);
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
