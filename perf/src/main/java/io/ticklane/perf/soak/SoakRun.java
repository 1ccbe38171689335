package io.ticklane.perf.soak;

import io.ticklane.gateway.transport.Transport;
import io.ticklane.perf.latency.DaemonUnderLoad;
import io.ticklane.perf.latency.LoadGenerator;
import io.ticklane.runtime.daemon.Daemon;
import io.ticklane.runtime.daemon.DaemonConfig;
import io.ticklane.runtime.daemon.DaemonCounters;
import io.ticklane.runtime.daemon.StatusLine;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * One soak: the daemon (in this process, as {@code ticklane daemon} runs it, status line every second included,
 * written to {@code daemon-status.log}) and the {@link LoadGenerator} at a fixed rate on one embedded media driver,
 * for warm-up plus the measured duration as one unbroken schedule. Every 100 ms the harness reads the daemon's
 * gauges (ring occupancy, journal lag) and the generator's lag behind its schedule, keeping the maxima; every ten
 * seconds it takes a {@link SoakSample} and prints a progress line. Ten seconds before warm-up ends it calls
 * {@code System.gc()} once, so what the measured window collects is the steady state's garbage. The sampling thread
 * is the only one of the harness that allocates, a few kilobytes per reading.
 */
public final class SoakRun
{
    private static final long TICK_NS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long SAMPLE_NS = TimeUnit.SECONDS.toNanos(SoakSettings.SAMPLE_SECONDS);
    private static final long MINUTE_NS = TimeUnit.MINUTES.toNanos(1);
    private static final long DRAIN_NS = TimeUnit.SECONDS.toNanos(10);
    private static final long GC_BEFORE_END_OF_WARMUP_NS = TimeUnit.SECONDS.toNanos(10);

    private final SoakSettings settings;
    private final PrintWriter progress;
    private final AtomicReference<Throwable> agentError = new AtomicReference<>();
    private final List<SoakSample> samples = new ArrayList<>();
    private DaemonCounters counters;
    private LoadGenerator generator;
    private ProcessProbe probe;
    private long[] base;
    private long inboundPeak;
    private long outboundPeak;
    private long journalLagPeak;
    private long behindPeak;
    private double explicitGcSeconds = Double.NaN;

    /**
     * @param settings what to run.
     * @param progress where a line every ten seconds goes.
     */
    public SoakRun(final SoakSettings settings, final PrintWriter progress)
    {
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * Runs the soak.
     *
     * @return what it measured.
     * @throws IOException          if the output directory or the daemon's run cannot be made.
     * @throws InterruptedException if interrupted.
     */
    public SoakResult run() throws IOException, InterruptedException
    {
        final Path out = settings.out();
        Files.createDirectories(out);
        final EpochNanoClock clock = new OffsetEpochNanoClock();
        final DaemonConfig config = DaemonUnderLoad.config(out, settings.layout(), settings.idle(), List.of());
        try (Transport transport = Transport.launch(config.transportContext());
            PrintWriter status = new PrintWriter(Files.newBufferedWriter(out.resolve("daemon-status.log"),
                StandardCharsets.UTF_8)))
        {
            final DaemonUnderLoad underLoad = DaemonUnderLoad.start(config, transport, clock, settings.rate(),
                settings.fillEvery(), settings.idle(), this::onAgentError);
            final Daemon daemon = underLoad.daemon();
            final String endedEarly;
            final SoakSample.Flow drained;
            final List<ProcessProbe.ThreadAllocation> top;
            final List<ProcessProbe.GcEvent> gcEvents;
            try
            {
                counters = daemon.counters();
                generator = underLoad.generator();
                probe = new ProcessProbe(daemon.agentThreads().stream().mapToLong(Thread::getId).toArray(),
                    daemon.journalDirectory());
                endedEarly = soak(daemon, clock, status);
                drained = drain(clock);
                top = probe.topAllocators(8);
                gcEvents = probe.gcEventsSinceMark();
            }
            finally
            {
                if (null != probe)
                {
                    probe.close();
                }
                underLoad.close();
            }
            requireNoAgentError();
            final Path journal = daemon.journalDirectory();
            final long journalBytes = sizeOf(journal);
            if (!settings.keepJournal())
            {
                delete(journal);
            }
            return new SoakResult(settings, List.copyOf(samples), drained, top, gcEvents,
                new SoakResult.Generator(generator.backPressured(), generator.reportsNotTaken(), generator.fillsSent()),
                journalBytes, settings.keepJournal(), explicitGcSeconds, endedEarly, host());
        }
    }

    private String soak(final Daemon daemon, final EpochNanoClock clock, final PrintWriter status)
        throws IOException, InterruptedException
    {
        final StatusLine statusLine = new StatusLine(counters, daemon.tickToQuote());
        statusLine.printHeader(status);
        final long warmupNs = Math.round(settings.warmupSeconds() * 1e9);
        final long totalNs = warmupNs + Math.round(settings.durationSeconds() * 1e9);
        base = counts();
        samples.add(sample(0, -warmupNs));
        if (0 == warmupNs)
        {
            probe.markAllocations();
        }
        final long startNs = clock.nanoTime();
        generator.startSchedule(totalNs);
        long nextTickNs = TICK_NS;
        long nextStatusNs = TimeUnit.SECONDS.toNanos(1);
        long plannedNs = nextSample(0, warmupNs, totalNs);
        // a full collection late in warm-up: the measured window starts with an empty young generation, so a
        // collection in it is caused by what the steady state allocates, not by start-up's garbage
        final long gcAtNs = warmupNs - Math.min(GC_BEFORE_END_OF_WARMUP_NS, warmupNs / 2);
        boolean collected = 0 == warmupNs;
        while (true)
        {
            final long sleepNs = startNs + nextTickNs - clock.nanoTime();
            if (sleepNs > 0)
            {
                TimeUnit.NANOSECONDS.sleep(sleepNs);
            }
            nextTickNs += TICK_NS;
            final long elapsedNs = clock.nanoTime() - startNs;
            readPeaks(clock);
            if (!collected && elapsedNs >= gcAtNs)
            {
                System.gc();
                collected = true;
                explicitGcSeconds = (warmupNs - elapsedNs) / 1e9;
            }
            if (elapsedNs >= nextStatusNs)
            {
                statusLine.print(status);
                nextStatusNs += TimeUnit.SECONDS.toNanos(1);
            }
            final String halted = null != agentError.get() ? "a harness agent failed: " + agentError.get() :
                daemon.haltReason();
            if (elapsedNs >= plannedNs || null != halted)
            {
                final int minute = plannedNs <= warmupNs ? 0 : (int)((plannedNs - warmupNs + MINUTE_NS - 1) / MINUTE_NS);
                final long stampNs = plannedNs >= totalNs && null == halted ? lastUpdateNs(clock, startNs) : elapsedNs;
                final SoakSample sample = sample(minute, stampNs - warmupNs);
                samples.add(sample);
                if (plannedNs == warmupNs)
                {
                    probe.markAllocations();
                }
                printProgress(sample, plannedNs, warmupNs, totalNs);
                if (null != halted)
                {
                    progress.printf("soak: WARNING: the daemon halted after %.0f s: %s; the run ends here%n",
                        elapsedNs / 1e9, halted);
                    progress.flush();
                    return halted;
                }
                if (plannedNs >= totalNs)
                {
                    return null;
                }
                plannedNs = nextSample(plannedNs, warmupNs, totalNs);
            }
        }
    }

    /**
     * The last reading is stamped with the time the generator sent its last update: the sampler may wake up to
     * 100 ms after it, and a generator held up by a busy machine may still be catching up when the schedule ends.
     */
    private long lastUpdateNs(final EpochNanoClock clock, final long startNs) throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + DRAIN_NS;
        while (generator.running() && System.nanoTime() - deadlineNs < 0)
        {
            Thread.sleep(1);
        }
        return generator.running() ? clock.nanoTime() - startNs : generator.finishedAtNs() - startNs;
    }

    private static long nextSample(final long plannedNs, final long warmupNs, final long totalNs)
    {
        return Math.min(plannedNs + SAMPLE_NS, plannedNs < warmupNs ? warmupNs : totalNs);
    }

    private SoakSample.Flow drain(final EpochNanoClock clock) throws InterruptedException
    {
        final long deadlineNs = clock.nanoTime() + DRAIN_NS;
        SoakSample.Flow flow = flow(counts());
        while ((generator.running() || flow.updatesNotReceived() > 0 ||
            0 != counters.counter(DaemonCounters.JOURNAL_LAG)) && clock.nanoTime() - deadlineNs < 0)
        {
            Thread.sleep(10);
            flow = flow(counts());
        }
        return flow;
    }

    private void readPeaks(final EpochNanoClock clock)
    {
        inboundPeak = Math.max(inboundPeak, counters.counter(DaemonCounters.INBOUND_RING_OCCUPANCY));
        outboundPeak = Math.max(outboundPeak, counters.counter(DaemonCounters.OUTBOUND_RING_OCCUPANCY));
        journalLagPeak = Math.max(journalLagPeak, counters.counter(DaemonCounters.JOURNAL_LAG));
        behindPeak = Math.max(behindPeak, generator.behindSchedule(clock.nanoTime()));
    }

    /**
     * The daemon's counts first, the generator's updates last: updates not received are never undercounted.
     */
    private long[] counts()
    {
        return new long[]{
            counters.counter(DaemonCounters.MARKET_DATA),
            counters.counter(DaemonCounters.ORDERS_NEW) + counters.counter(DaemonCounters.ORDERS_REPLACE) +
                counters.counter(DaemonCounters.ORDERS_CANCEL),
            counters.counter(DaemonCounters.REPORTS),
            counters.counter(DaemonCounters.FILLS),
            counters.counter(DaemonCounters.JOURNAL_RECORDS),
            counters.counter(DaemonCounters.SEND_FAILURES),
            generator.updatesSent()};
    }

    private SoakSample.Flow flow(final long[] now)
    {
        return new SoakSample.Flow(now[6], now[0] - base[0], now[1] - base[1], now[2] - base[2], now[3] - base[3],
            now[4] - base[4], now[5] - base[5]);
    }

    private SoakSample sample(final int minute, final long elapsedNs) throws IOException
    {
        final SoakSample.Flow flow = flow(counts());
        final SoakSample.Peaks peaks = new SoakSample.Peaks(inboundPeak, outboundPeak, journalLagPeak, behindPeak);
        inboundPeak = 0;
        outboundPeak = 0;
        journalLagPeak = 0;
        behindPeak = 0;
        return new SoakSample(minute, elapsedNs, flow, peaks, probe.memory(), probe.jvm(),
            counters.counter(DaemonCounters.MODE), counters.counter(DaemonCounters.POSITION));
    }

    private void printProgress(final SoakSample sample, final long plannedNs, final long warmupNs, final long totalNs)
    {
        final SoakSample previous = samples.size() >= 2 ? samples.get(samples.size() - 2) : sample;
        final double seconds = Math.max(1e-9, (sample.elapsedNs() - previous.elapsedNs()) / 1e9);
        final SoakSample.Flow flow = sample.flow().minus(previous.flow());
        final SoakSample.Memory memory = sample.memory();
        final SoakSample.Jvm jvm = sample.jvm().minus(previous.jvm());
        progress.printf("soak: %s %4.0f/%.0f s  updates %,.0f/s (not received %,d)  orders %,.0f/s  fills %,.0f/s" +
            "  gc %d (%d ms)  heap %.0f MiB  rss %.0f MiB (anon %.0f)  rings %d/%d  journal lag %d  behind %,d" +
            "  cpu %.0f%%  load %.2f%n",
            plannedNs <= warmupNs ? "warm-up" : "soak   ", (plannedNs <= warmupNs ? plannedNs : plannedNs - warmupNs) / 1e9,
            (plannedNs <= warmupNs ? warmupNs : totalNs - warmupNs) / 1e9,
            flow.updatesSent() / seconds, sample.flow().updatesNotReceived(), flow.ordersSent() / seconds,
            flow.fills() / seconds, jvm.gc().collections(), jvm.gc().pauseMs(), SoakReport.mib(memory.heapUsed()),
            SoakReport.mib(memory.rss()), SoakReport.mib(memory.rssAnon()), sample.peaks().inboundRing(),
            sample.peaks().outboundRing(), sample.peaks().journalLag(), sample.peaks().behindSchedule(),
            jvm.cpuNs() / (seconds * 1e7), sample.jvm().loadAverage());
        progress.flush();
    }

    private SoakResult.Host host()
    {
        return new SoakResult.Host(Runtime.getRuntime().availableProcessors(), Runtime.version().toString(),
            probe.collectorNames(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax(),
            ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    private void onAgentError(final Throwable error)
    {
        agentError.compareAndSet(null, error);
    }

    private void requireNoAgentError()
    {
        final Throwable error = agentError.get();
        if (null != error)
        {
            throw new IllegalStateException("soak: a harness agent failed, the figures would be wrong: " + error, error);
        }
    }

    private static long sizeOf(final Path directory) throws IOException
    {
        if (!Files.isDirectory(directory))
        {
            return 0;
        }
        try (Stream<Path> files = Files.walk(directory))
        {
            long bytes = 0;
            for (final Path file : (Iterable<Path>)files.filter(Files::isRegularFile)::iterator)
            {
                bytes += Files.size(file);
            }
            return bytes;
        }
    }

    private static void delete(final Path directory) throws IOException
    {
        if (!Files.isDirectory(directory))
        {
            return;
        }
        try (Stream<Path> files = Files.walk(directory))
        {
            for (final Path file : (Iterable<Path>)files.sorted(Comparator.reverseOrder())::iterator)
            {
                Files.delete(file);
            }
        }
    }
}
