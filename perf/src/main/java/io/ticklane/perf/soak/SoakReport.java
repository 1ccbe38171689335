package io.ticklane.perf.soak;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * What a soak found, as a table for people ({@link #table()}), JSON for tools ({@link #writeJson}) and a per-minute
 * CSV for plotting ({@link #writeCsv}), with one verdict line that states the figures the goal is about (collections
 * and pause after warm-up, resident memory slope) without judging them, and warnings, loud, for a run whose figures
 * cannot be taken at face value: the generator fell short of the rate, the daemon halted, updates were lost.
 * <p>
 * Over 500 lines: the text, JSON and CSV renderings of one result; the figures are computed in {@link SoakMinutes}
 * and {@link SoakResult}, so what is left here is formatting, which the next split would take by format.
 */
public final class SoakReport
{
    private static final double MIB = 1024.0 * 1024.0;
    private static final double SHORTFALL = 0.99;
    private static final double MINUTE_SHORTFALL = 0.95;
    private static final Map<String, ToLongFunction<SoakSample>> LEVELS = levels();
    private static final Map<String, ToLongFunction<SoakSample.Flow>> COUNTS = counts();

    private final SoakResult result;
    private final List<SoakMinute> minutes;
    private final SoakSample warmupStart;
    private final SoakSample start;
    private final SoakSample end;

    /**
     * The level of one memory figure at the end of warm-up and at the end, and its least-squares slope.
     *
     * @param name           e.g. "rss".
     * @param startBytes     at the end of warm-up (-1: not available).
     * @param endBytes       at the end.
     * @param slopePerMinute bytes per minute over every measured reading (NaN: too few).
     */
    public record Trend(String name, long startBytes, long endBytes, double slopePerMinute)
    {
    }

    /**
     * @param result what the soak measured.
     */
    public SoakReport(final SoakResult result)
    {
        this.result = result;
        this.minutes = SoakMinutes.of(result.samples());
        final List<SoakSample> samples = result.samples();
        SoakSample last = samples.get(0);
        for (final SoakSample sample : samples)
        {
            if (0 == sample.minute())
            {
                last = sample;
            }
        }
        this.warmupStart = samples.get(0);
        this.start = last;
        this.end = samples.get(samples.size() - 1);
    }

    /**
     * @return one row per measured minute.
     */
    public List<SoakMinute> minutes()
    {
        return minutes;
    }

    /**
     * @return measured seconds (to the last reading).
     */
    public double measuredSeconds()
    {
        return (end.elapsedNs() - start.elapsedNs()) / 1e9;
    }

    /**
     * @return updates per second the generator sent after warm-up.
     */
    public double achievedRate()
    {
        final double seconds = measuredSeconds();
        return seconds > 0 ? (end.flow().updatesSent() - start.flow().updatesSent()) / seconds : Double.NaN;
    }

    /**
     * @return true if the generator sent less than 99% of the requested rate after warm-up, or less than 95% in a
     *     full minute.
     */
    public boolean rateShortfall()
    {
        final double requested = result.settings().rate();
        if (!(achievedRate() >= SHORTFALL * requested))
        {
            return true;
        }
        for (final SoakMinute minute : minutes)
        {
            if (minute.full() && minute.perSecond(minute.flow().updatesSent()) < MINUTE_SHORTFALL * requested)
            {
                return true;
            }
        }
        return false;
    }

    /**
     * @return collections and pause time after warm-up.
     */
    public GcTally gcAfterWarmup()
    {
        return end.jvm().gc().minus(start.jvm().gc());
    }

    /**
     * @return collections and pause time during warm-up.
     */
    public GcTally gcDuringWarmup()
    {
        return start.jvm().gc().minus(warmupStart.jvm().gc());
    }

    /**
     * @return bytes the daemon's agent threads allocated after warm-up.
     */
    public long daemonAllocatedAfterWarmup()
    {
        return end.jvm().daemonAllocated() - start.jvm().daemonAllocated();
    }

    /**
     * @return bytes every thread of the process allocated after warm-up.
     */
    public long allAllocatedAfterWarmup()
    {
        return end.jvm().allAllocated() - start.jvm().allAllocated();
    }

    /**
     * @return each memory figure's start, end and slope.
     */
    public List<Trend> trends()
    {
        final List<SoakSample> measured = result.samples();
        final List<Trend> trends = new ArrayList<>();
        LEVELS.forEach((name, level) -> trends.add(new Trend(name, level.applyAsLong(start), level.applyAsLong(end),
            SoakMinutes.slopePerMinute(measured, level))));
        return trends;
    }

    /**
     * @param name a trend's name ("rss", "rssAnon", "heapUsed", ...).
     * @return that trend.
     */
    public Trend trend(final String name)
    {
        return trends().stream().filter((t) -> t.name().equals(name)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no memory trend '" + name + "'"));
    }

    /**
     * @return the statements a reader must see before any figure: each is a reason the run is not what was asked.
     */
    public List<String> warnings()
    {
        final List<String> warnings = new ArrayList<>();
        final double requested = result.settings().rate();
        if (rateShortfall())
        {
            warnings.add(String.format(Locale.ROOT, "the generator did not keep up: %,.0f updates/s achieved of %,.0f/s " +
                "requested (%.1f%%; slowest full minute %,.0f/s, up to %,d updates behind schedule, %,d offers " +
                "back-pressured): the figures are for the rate achieved", achievedRate(), requested,
                100 * achievedRate() / requested, slowestMinuteRate(), maxPeaks().behindSchedule(),
                result.generator().backPressured()));
        }
        if (null != result.endedEarly())
        {
            warnings.add("the run ended early after " + Math.round(measuredSeconds()) + " s measured: " +
                result.endedEarly());
        }
        if (result.drained().updatesNotReceived() > 0)
        {
            warnings.add(String.format(Locale.ROOT, "%,d updates published were not received by the daemon " +
                "10 s after the schedule ended", result.drained().updatesNotReceived()));
        }
        if (result.drained().sendFailures() > 0)
        {
            warnings.add(String.format(Locale.ROOT, "%,d order frames were not taken by the publication",
                result.drained().sendFailures()));
        }
        if (0 != end.mode())
        {
            warnings.add("the daemon was not ACTIVE at the end (mode " + end.mode() + ")");
        }
        if (result.generator().reportsNotTaken() > 0)
        {
            warnings.add(String.format(Locale.ROOT, "%,d execution reports could not be published by the generator",
                result.generator().reportsNotTaken()));
        }
        return warnings;
    }

    /**
     * @return the one line the goal is read from: collections and pause after warm-up, resident memory slope.
     */
    public String verdict()
    {
        final GcTally gc = gcAfterWarmup();
        return String.format(Locale.ROOT, "verdict: GC after warm-up: %d collections, %d ms (%s); RSS growth %s MiB/min " +
                "(anon %s, file %s); direct %s MiB, mapped %s MiB, journal mapped %s MiB; daemon threads allocated " +
                "%,d bytes after warm-up; rate %,.0f/s of %,.0f/s%s",
            gc.collections(), gc.pauseMs(), String.join(", ", result.host().collectors()),
            slope(trend("rss")), slope(trend("rssAnon")), slope(trend("rssFile")), growth(trend("direct")),
            growth(trend("mapped")), growth(trend("journalMapped")), daemonAllocatedAfterWarmup(), achievedRate(),
            result.settings().rate(), rateShortfall() ? " (SHORT)" : "");
    }

    /**
     * @return the per-minute table, the overall figures, the warnings and the verdict.
     */
    public String table()
    {
        final SoakSettings settings = result.settings();
        final StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "soak: %,.0f updates/s requested for %.0f s after %.0f s warm-up; " +
                "layout %s, idle %s, fill every %d orders; %d CPUs, %s, %s%n", settings.rate(),
            settings.durationSeconds(), settings.warmupSeconds(), settings.layout(), settings.idle(),
            settings.fillEvery(), result.host().processors(), result.host().javaVersion(),
            String.join(", ", result.host().collectors())));
        text.append(String.format(Locale.ROOT, "%4s %6s %10s %8s %9s %7s %10s %9s %6s %8s %4s %6s %8s %8s %8s %8s" +
                " %7s %7s %7s %14s %14s %5s %5s%n", "min", "s", "updates/s", "not rcvd", "orders/s", "fills/s",
            "journal/s", "rings max", "jlag", "behind", "gc", "gc ms", "heap MiB", "rss MiB", "anon MiB", "file MiB",
            "direct", "mapped", "jmapped", "daemon alloc B", "all alloc B", "cpu%", "load"));
        for (final SoakMinute m : minutes)
        {
            final SoakSample.Flow f = m.flow();
            final SoakSample.Memory mem = m.memory();
            text.append(String.format(Locale.ROOT, "%4d %6.1f %,10.0f %,8d %,9.0f %,7.0f %,10.0f %9s %,6d %,8d %4d %6d" +
                    " %8.1f %8.1f %8.1f %8.1f %7.1f %7.1f %7.1f %,14d %,14d %5.0f %5.2f%n", m.minute(), m.seconds(),
                m.perSecond(f.updatesSent()), m.notReceivedAtEnd(), m.perSecond(f.ordersSent()), m.perSecond(f.fills()),
                m.perSecond(f.journalRecords()), m.peaks().inboundRing() + "/" + m.peaks().outboundRing(),
                m.peaks().journalLag(), m.peaks().behindSchedule(), m.jvm().gc().collections(), m.jvm().gc().pauseMs(),
                mib(mem.heapUsed()), mib(mem.rss()), mib(mem.rssAnon()), mib(mem.rssFile()), mib(mem.direct()),
                mib(mem.mapped()), mib(mem.journalMapped()), m.jvm().daemonAllocated(), m.jvm().allAllocated(),
                m.cpuPercent(), m.jvm().loadAverage()));
        }
        final SoakSample.Flow drained = result.drained();
        text.append(String.format(Locale.ROOT, "updates: %,d sent, %,d received, %,d not received after draining; " +
                "achieved %,.0f/s of %,.0f/s after warm-up (%.2f%%)%n", drained.updatesSent(),
            drained.marketDataFrames(), drained.updatesNotReceived(), achievedRate(), settings.rate(),
            100 * achievedRate() / settings.rate()));
        text.append("rates per second over the minutes (min / mean / max, spread):");
        COUNTS.forEach((name, count) ->
        {
            final SoakMinutes.Spread spread = SoakMinutes.spread(minutes, count);
            if (null != spread)
            {
                text.append(String.format(Locale.ROOT, " %s %,.0f / %,.0f / %,.0f (%.1f%%);", name,
                    spread.minPerSecond(), spread.meanPerSecond(), spread.maxPerSecond(), spread.spreadPercent()));
            }
        });
        text.append(System.lineSeparator());
        text.append("memory, end of warm-up -> end (slope):");
        for (final Trend trend : trends())
        {
            text.append(String.format(Locale.ROOT, " %s %.1f -> %.1f MiB (%s MiB/min);", trend.name(),
                mib(trend.startBytes()), mib(trend.endBytes()), slope(trend)));
        }
        text.append(System.lineSeparator());
        final SoakSample.Peaks peaks = maxPeaks();
        text.append(String.format(Locale.ROOT, "peaks: inbound ring %,d slots, outbound ring %,d slots, journal lag " +
                "%,d frames, generator behind schedule %,d updates (%.1f ms)%n", peaks.inboundRing(),
            peaks.outboundRing(), peaks.journalLag(), peaks.behindSchedule(), 1e3 * peaks.behindSchedule() / settings.rate()));
        text.append(String.format(Locale.ROOT, "allocation after warm-up: daemon threads %,d bytes, all threads %,d " +
            "bytes; most:", daemonAllocatedAfterWarmup(), allAllocatedAfterWarmup()));
        for (final ProcessProbe.ThreadAllocation thread : result.topAllocators())
        {
            text.append(String.format(Locale.ROOT, " %s %,d;", thread.name(), thread.bytes()));
        }
        text.append(System.lineSeparator());
        final GcTally warm = gcDuringWarmup();
        text.append(String.format(Locale.ROOT, "gc: %s; during warm-up %d collections (%d ms)%s; heap max %.0f MiB%n",
            String.join(", ", result.host().collectors()), warm.collections(), warm.pauseMs(),
            Double.isNaN(result.explicitGc()) ? "" : String.format(Locale.ROOT,
                ", one of them System.gc() %.0f s before its end", result.explicitGc()),
            mib(result.host().heapMaxBytes())));
        for (final ProcessProbe.GcEvent event : result.gcEvents())
        {
            text.append(String.format(Locale.ROOT, "gc after warm-up at %.1f s: %s, %s, cause %s, %d ms%n",
                event.atSeconds(), event.collector(), event.action(), event.cause(), event.durationMs()));
        }
        text.append(String.format(Locale.ROOT, "counts after draining: orders %,d, reports %,d, fills %,d (generator " +
                "sent %,d), journal records %,d; position %d lots, mode %d%n", drained.ordersSent(), drained.reports(),
            drained.fills(), result.generator().fillsSent(), drained.journalRecords(), end.position(), end.mode()));
        text.append(String.format(Locale.ROOT, "journal: files of %,d bytes (Chronicle sizes them in chunks), %s%n",
            result.journalBytes(), result.journalKept() ? "kept" : "deleted"));
        for (final String warning : warnings())
        {
            text.append("WARNING: ").append(warning).append(System.lineSeparator());
        }
        text.append(verdict()).append(System.lineSeparator());
        return text.toString();
    }

    /**
     * @param file where the JSON goes.
     * @throws IOException if it cannot be written.
     */
    public void writeJson(final Path file) throws IOException
    {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8))
        {
            writeJson(writer);
        }
    }

    /**
     * @param writer where the JSON goes (left open).
     * @throws IOException if it cannot be written.
     */
    public void writeJson(final Writer writer) throws IOException
    {
        final SoakSettings settings = result.settings();
        try (JsonGenerator json = new JsonFactory().createGenerator(writer))
        {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("benchmark", "soak");
            number(json, "requestedRatePerSecond", settings.rate());
            number(json, "achievedRatePerSecond", achievedRate());
            json.writeBooleanField("rateShortfall", rateShortfall());
            number(json, "durationSeconds", settings.durationSeconds());
            number(json, "measuredSeconds", measuredSeconds());
            number(json, "warmupSeconds", settings.warmupSeconds());
            json.writeStringField("layout", settings.layout());
            json.writeStringField("idle", settings.idle());
            json.writeNumberField("fillEvery", settings.fillEvery());
            json.writeStringField("endedEarly", result.endedEarly());
            json.writeArrayFieldStart("warnings");
            for (final String warning : warnings())
            {
                json.writeString(warning);
            }
            json.writeEndArray();
            json.writeStringField("verdict", verdict());
            writeHost(json);
            json.writeObjectFieldStart("gc");
            writeGc(json, "afterWarmup", gcAfterWarmup());
            writeGc(json, "duringWarmup", gcDuringWarmup());
            number(json, "systemGcSecondsBeforeEndOfWarmup", result.explicitGc());
            json.writeArrayFieldStart("eventsAfterWarmup");
            for (final ProcessProbe.GcEvent event : result.gcEvents())
            {
                json.writeStartObject();
                number(json, "atSeconds", event.atSeconds());
                json.writeStringField("collector", event.collector());
                json.writeStringField("action", event.action());
                json.writeStringField("cause", event.cause());
                json.writeNumberField("durationMs", event.durationMs());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeObjectFieldStart("memory");
            for (final Trend trend : trends())
            {
                json.writeObjectFieldStart(trend.name());
                json.writeNumberField("startBytes", trend.startBytes());
                json.writeNumberField("endBytes", trend.endBytes());
                number(json, "slopeBytesPerMinute", trend.slopePerMinute());
                json.writeEndObject();
            }
            json.writeEndObject();
            writeAllocation(json);
            writeCounts(json);
            final SoakSample.Peaks peaks = maxPeaks();
            json.writeObjectFieldStart("peaks");
            json.writeNumberField("inboundRingSlots", peaks.inboundRing());
            json.writeNumberField("outboundRingSlots", peaks.outboundRing());
            json.writeNumberField("journalLagFrames", peaks.journalLag());
            json.writeNumberField("behindScheduleUpdates", peaks.behindSchedule());
            json.writeEndObject();
            json.writeNumberField("journalBytesOnDisk", result.journalBytes());
            json.writeBooleanField("journalKept", result.journalKept());
            json.writeArrayFieldStart("minutes");
            for (final SoakMinute minute : minutes)
            {
                json.writeStartObject();
                final List<String> header = csvHeader();
                final List<Double> row = csvRow(minute);
                for (int i = 0; i < header.size(); i++)
                {
                    number(json, header.get(i), row.get(i));
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    /**
     * @param file where the per-minute CSV goes: a header line, then one line per minute.
     * @throws IOException if it cannot be written.
     */
    public void writeCsv(final Path file) throws IOException
    {
        final StringBuilder csv = new StringBuilder(String.join(",", csvHeader())).append('\n');
        for (final SoakMinute minute : minutes)
        {
            final List<String> cells = new ArrayList<>();
            for (final double value : csvRow(minute))
            {
                cells.add(value == Math.rint(value) && Math.abs(value) < 1e15 ?
                    Long.toString((long)value) : String.format(Locale.ROOT, "%.3f", value));
            }
            csv.append(String.join(",", cells)).append('\n');
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    static double mib(final long bytes)
    {
        return bytes < 0 ? Double.NaN : bytes / MIB;
    }

    private static List<String> csvHeader()
    {
        return List.of("minute", "seconds", "updates_per_s", "market_data_per_s", "not_received_at_end", "orders_per_s",
            "reports_per_s", "fills_per_s", "journal_records_per_s", "send_failures", "inbound_ring_max",
            "outbound_ring_max", "journal_lag_max", "behind_schedule_max", "gc_collections", "gc_pause_ms",
            "heap_used_bytes", "rss_bytes", "rss_anon_bytes", "rss_file_bytes", "rss_shmem_bytes", "direct_bytes",
            "mapped_bytes", "journal_mapped_bytes", "daemon_allocated_bytes", "all_allocated_bytes", "cpu_percent",
            "load_average", "mode");
    }

    private static List<Double> csvRow(final SoakMinute m)
    {
        final SoakSample.Flow f = m.flow();
        final SoakSample.Memory mem = m.memory();
        return List.of((double)m.minute(), m.seconds(), m.perSecond(f.updatesSent()), m.perSecond(f.marketDataFrames()),
            (double)m.notReceivedAtEnd(), m.perSecond(f.ordersSent()), m.perSecond(f.reports()), m.perSecond(f.fills()),
            m.perSecond(f.journalRecords()), (double)f.sendFailures(), (double)m.peaks().inboundRing(),
            (double)m.peaks().outboundRing(), (double)m.peaks().journalLag(), (double)m.peaks().behindSchedule(),
            (double)m.jvm().gc().collections(), (double)m.jvm().gc().pauseMs(), (double)mem.heapUsed(),
            (double)mem.rss(), (double)mem.rssAnon(), (double)mem.rssFile(), (double)mem.rssShmem(),
            (double)mem.direct(), (double)mem.mapped(), (double)mem.journalMapped(), (double)m.jvm().daemonAllocated(),
            (double)m.jvm().allAllocated(), m.cpuPercent(), m.jvm().loadAverage(), (double)m.mode());
    }

    private void writeHost(final JsonGenerator json) throws IOException
    {
        final SoakResult.Host host = result.host();
        json.writeObjectFieldStart("host");
        json.writeNumberField("processors", host.processors());
        json.writeStringField("javaVersion", host.javaVersion());
        json.writeArrayFieldStart("collectors");
        for (final String collector : host.collectors())
        {
            json.writeString(collector);
        }
        json.writeEndArray();
        json.writeNumberField("heapMaxBytes", host.heapMaxBytes());
        json.writeArrayFieldStart("jvmArguments");
        for (final String argument : host.jvmArguments())
        {
            json.writeString(argument);
        }
        json.writeEndArray();
        number(json, "loadAverageStart", start.jvm().loadAverage());
        number(json, "loadAverageEnd", end.jvm().loadAverage());
        json.writeEndObject();
    }

    private static void writeGc(final JsonGenerator json, final String name, final GcTally gc) throws IOException
    {
        json.writeObjectFieldStart(name);
        json.writeNumberField("collections", gc.collections());
        json.writeNumberField("pauseMs", gc.pauseMs());
        json.writeEndObject();
    }

    private void writeAllocation(final JsonGenerator json) throws IOException
    {
        json.writeObjectFieldStart("allocationAfterWarmup");
        json.writeNumberField("daemonThreadsBytes", daemonAllocatedAfterWarmup());
        json.writeNumberField("allThreadsBytes", allAllocatedAfterWarmup());
        json.writeArrayFieldStart("topThreads");
        for (final ProcessProbe.ThreadAllocation thread : result.topAllocators())
        {
            json.writeStartObject();
            json.writeStringField("name", thread.name());
            json.writeNumberField("bytes", thread.bytes());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private void writeCounts(final JsonGenerator json) throws IOException
    {
        final SoakSample.Flow drained = result.drained();
        json.writeObjectFieldStart("counts");
        json.writeNumberField("updatesSent", drained.updatesSent());
        json.writeNumberField("marketDataFrames", drained.marketDataFrames());
        json.writeNumberField("updatesNotReceived", drained.updatesNotReceived());
        json.writeNumberField("ordersSent", drained.ordersSent());
        json.writeNumberField("reports", drained.reports());
        json.writeNumberField("fills", drained.fills());
        json.writeNumberField("generatorFills", result.generator().fillsSent());
        json.writeNumberField("journalRecords", drained.journalRecords());
        json.writeNumberField("sendFailures", drained.sendFailures());
        json.writeNumberField("generatorBackPressured", result.generator().backPressured());
        json.writeNumberField("position", end.position());
        json.writeNumberField("mode", end.mode());
        json.writeEndObject();
        json.writeObjectFieldStart("ratesPerSecond");
        for (final Map.Entry<String, ToLongFunction<SoakSample.Flow>> count : COUNTS.entrySet())
        {
            final SoakMinutes.Spread spread = SoakMinutes.spread(minutes, count.getValue());
            if (null != spread)
            {
                json.writeObjectFieldStart(count.getKey());
                number(json, "min", spread.minPerSecond());
                number(json, "mean", spread.meanPerSecond());
                number(json, "max", spread.maxPerSecond());
                number(json, "spreadPercent", spread.spreadPercent());
                json.writeEndObject();
            }
        }
        json.writeEndObject();
    }

    private static void number(final JsonGenerator json, final String name, final double value) throws IOException
    {
        if (Double.isNaN(value) || Double.isInfinite(value))
        {
            json.writeNullField(name); // JSON has no NaN: "not measured"
        }
        else if (value == Math.rint(value) && Math.abs(value) < 1e15)
        {
            json.writeNumberField(name, (long)value);
        }
        else
        {
            json.writeNumberField(name, value);
        }
    }

    private SoakSample.Peaks maxPeaks()
    {
        SoakSample.Peaks peaks = SoakSample.Peaks.NONE;
        for (final SoakMinute minute : minutes)
        {
            peaks = peaks.max(minute.peaks());
        }
        return peaks;
    }

    private double slowestMinuteRate()
    {
        final SoakMinutes.Spread spread = SoakMinutes.spread(minutes, SoakSample.Flow::updatesSent);
        return null == spread ? Double.NaN : spread.minPerSecond();
    }

    private static String slope(final Trend trend)
    {
        return Double.isNaN(trend.slopePerMinute()) ? "n/a" : String.format(Locale.ROOT, "%+.2f",
            trend.slopePerMinute() / MIB);
    }

    private static String growth(final Trend trend)
    {
        return trend.startBytes() < 0 || trend.endBytes() < 0 ? "n/a" :
            String.format(Locale.ROOT, "%+.1f", (trend.endBytes() - trend.startBytes()) / MIB);
    }

    private static Map<String, ToLongFunction<SoakSample>> levels()
    {
        final Map<String, ToLongFunction<SoakSample>> levels = new LinkedHashMap<>();
        levels.put("rss", (s) -> s.memory().rss());
        levels.put("rssAnon", (s) -> s.memory().rssAnon());
        levels.put("rssFile", (s) -> s.memory().rssFile());
        levels.put("rssShmem", (s) -> s.memory().rssShmem());
        levels.put("heapUsed", (s) -> s.memory().heapUsed());
        levels.put("direct", (s) -> s.memory().direct());
        levels.put("mapped", (s) -> s.memory().mapped());
        levels.put("journalMapped", (s) -> s.memory().journalMapped());
        return levels;
    }

    private static Map<String, ToLongFunction<SoakSample.Flow>> counts()
    {
        final Map<String, ToLongFunction<SoakSample.Flow>> counts = new LinkedHashMap<>();
        counts.put("updates", SoakSample.Flow::updatesSent);
        counts.put("marketData", SoakSample.Flow::marketDataFrames);
        counts.put("orders", SoakSample.Flow::ordersSent);
        counts.put("reports", SoakSample.Flow::reports);
        counts.put("fills", SoakSample.Flow::fills);
        counts.put("journalRecords", SoakSample.Flow::journalRecords);
        return counts;
    }
}
