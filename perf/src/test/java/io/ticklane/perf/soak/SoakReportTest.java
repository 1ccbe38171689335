package io.ticklane.perf.soak;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.ticklane.perf.soak.JsonTree.at;
import static io.ticklane.perf.soak.SampleBuilder.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoakReportTest
{
    private static final SoakResult.Host HOST = new SoakResult.Host(2, "17.0.15",
        List.of("G1 Young Generation", "G1 Old Generation"), 6_000 * MIB, List.of("-XX:+UseG1GC"));

    @TempDir
    Path tmp;

    @Test
    void theJsonCarriesSettingsGcMemoryCountsAndOneObjectPerMinute() throws Exception
    {
        final SoakReport report = new SoakReport(twoMinutes(100_000, 100_000));
        final StringWriter json = new StringWriter();

        report.writeJson(json);

        final Map<String, Object> root = JsonTree.parse(json.toString());
        assertEquals("soak", root.get("benchmark"));
        assertEquals(100_000L, root.get("requestedRatePerSecond"));
        assertEquals(100_000L, root.get("achievedRatePerSecond"));
        assertEquals(false, root.get("rateShortfall"));
        assertEquals(List.of(), root.get("warnings"));
        assertEquals(1L, at(root, "gc.afterWarmup.collections"));
        assertEquals(12L, at(root, "gc.afterWarmup.pauseMs"));
        assertEquals(2L, at(root, "gc.duringWarmup.collections"));
        assertEquals(10L, at(root, "gc.systemGcSecondsBeforeEndOfWarmup"));
        assertEquals("G1 Evacuation Pause", at(root, "gc.eventsAfterWarmup.0.cause"));
        assertEquals(List.of("G1 Young Generation", "G1 Old Generation"), at(root, "host.collectors"));
        assertEquals(800L * MIB, at(root, "memory.rss.startBytes"));
        assertEquals(804L * MIB, at(root, "memory.rss.endBytes"));
        assertEquals(2.0 * MIB, ((Number)at(root, "memory.rss.slopeBytesPerMinute")).doubleValue(), 1.0);
        assertEquals(15_000_000L, at(root, "counts.updatesSent"), "warm-up included");
        assertEquals(0L, at(root, "counts.updatesNotReceived"));
        assertEquals(4_000L, at(root, "allocationAfterWarmup.daemonThreadsBytes"));
        assertEquals("main", at(root, "allocationAfterWarmup.topThreads.0.name"));
        assertEquals(7L, at(root, "peaks.inboundRingSlots"));
        assertEquals(2, ((List<?>)root.get("minutes")).size());
        assertEquals(2L, at(root, "minutes.1.minute"));
        assertEquals(100_000L, at(root, "minutes.1.updates_per_s"));
        assertEquals(1L, at(root, "minutes.1.gc_collections"));
        assertTrue(((String)root.get("verdict")).startsWith("verdict: GC after warm-up: 1 collections, 12 ms"));
    }

    @Test
    void theCsvHasAHeaderAndOneLinePerMinuteOfTheSameWidth() throws Exception
    {
        final Path csv = tmp.resolve("minutes.csv");

        new SoakReport(twoMinutes(100_000, 100_000)).writeCsv(csv);

        final List<String> lines = Files.readAllLines(csv);
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).startsWith("minute,seconds,updates_per_s,"), lines.get(0));
        final int columns = lines.get(0).split(",").length;
        assertEquals(columns, lines.get(1).split(",").length);
        assertTrue(lines.get(2).startsWith("2,60,100000,"), lines.get(2));
    }

    @Test
    void theVerdictStatesGcAfterWarmUpAndTheResidentSlopeWithoutJudging()
    {
        final SoakReport report = new SoakReport(twoMinutes(100_000, 100_000));

        final String verdict = report.verdict();

        assertTrue(verdict.startsWith("verdict: GC after warm-up: 1 collections, 12 ms (G1 Young Generation, " +
            "G1 Old Generation); RSS growth +2.00 MiB/min"), verdict);
        assertTrue(verdict.contains("daemon threads allocated 4,000 bytes after warm-up"), verdict);
        assertFalse(verdict.contains("SHORT"), verdict);
        assertTrue(report.table().contains(verdict), "the table ends with the verdict");
    }

    @Test
    void aGeneratorThatFellShortIsSaidLoudly()
    {
        final SoakReport report = new SoakReport(twoMinutes(100_000, 90_000));

        assertTrue(report.rateShortfall());
        assertTrue(report.verdict().endsWith("(SHORT)"), report.verdict());
        assertEquals(1, report.warnings().size(), report.warnings().toString());
        assertTrue(report.warnings().get(0).startsWith("the generator did not keep up: 90,000 updates/s achieved " +
            "of 100,000/s"), report.warnings().get(0));
        assertTrue(report.table().contains("WARNING: the generator did not keep up"));
    }

    @Test
    void aHaltAndLostUpdatesAreWarnings()
    {
        final SoakResult complete = twoMinutes(100_000, 100_000);
        final SoakResult halted = new SoakResult(complete.settings(), complete.samples(),
            new SoakSample.Flow(12_000_000, 11_999_000, 0, 0, 0, 0, 3), complete.topAllocators(), List.of(),
            complete.generator(), 0, false, Double.NaN, "risk breach", HOST);

        final List<String> warnings = new SoakReport(halted).warnings();

        assertTrue(warnings.stream().anyMatch((w) -> w.startsWith("the run ended early") && w.contains("risk breach")),
            warnings.toString());
        assertTrue(warnings.stream().anyMatch((w) -> w.startsWith("1,000 updates published were not received")),
            warnings.toString());
        assertTrue(warnings.stream().anyMatch((w) -> w.startsWith("3 order frames were not taken")), warnings.toString());
    }

    @Test
    void aRunThatEndedAtItsFirstMeasuredReadingWritesNullsNotNaN() throws Exception
    {
        final SoakSettings settings = new SoakSettings(1_000, 60, 1, "one-thread", "backoff", 0, tmp, false);
        final SoakResult result = new SoakResult(settings, List.of(SampleBuilder.at(0, -1).build(),
            SampleBuilder.at(0, 0).updates(1_000).build()), new SoakSample.Flow(1_000, 1_000, 0, 0, 0, 0, 0),
            List.of(), List.of(), new SoakResult.Generator(0, 0, 0), 0, false, Double.NaN, "halted", HOST);
        final SoakReport report = new SoakReport(result);
        final StringWriter json = new StringWriter();

        report.writeJson(json);

        final Map<String, Object> root = JsonTree.parse(json.toString());
        assertTrue(root.containsKey("achievedRatePerSecond"));
        assertNull(root.get("achievedRatePerSecond"), "no measured time, no rate");
        assertNull(at(root, "memory.rss.slopeBytesPerMinute"), "one measured reading has no slope");
        assertEquals(List.of(), root.get("minutes"));
        assertTrue(report.verdict().contains("RSS growth n/a MiB/min"), report.verdict());
        assertTrue(report.rateShortfall(), "no rate is not the rate asked for");
    }

    /**
     * Two measured minutes after a 30 s warm-up at {@code achieved} updates/s: one collection in the second minute,
     * resident memory +2 MiB a minute, 4,000 bytes allocated by the daemon thread.
     */
    private SoakResult twoMinutes(final double requested, final long achieved)
    {
        final SoakSettings settings = new SoakSettings(requested, 120, 30, "one-thread", "backoff", 1000, tmp, false);
        final long warm = 30 * achieved;
        final List<SoakSample> samples = List.of(
            SampleBuilder.at(0, -30).build(),
            SampleBuilder.at(0, 0).updates(warm).gc(2, 300).rss(800 * MIB).build(),
            SampleBuilder.at(1, 60).updates(warm + 60 * achieved).gc(2, 300).rss(802 * MIB).peaks(7, 2, 1, 50)
                .allocated(4_000, 3 * MIB).build(),
            SampleBuilder.at(2, 120).updates(warm + 120 * achieved).gc(3, 312).rss(804 * MIB).peaks(3, 1, 1, 20)
                .allocated(4_000, 6 * MIB).build());
        final long sent = warm + 120 * achieved;
        return new SoakResult(settings, samples, new SoakSample.Flow(sent, sent, 1_000, 1_001, 1, 3_000, 0),
            List.of(new ProcessProbe.ThreadAllocation("main", 6 * MIB)),
            List.of(new ProcessProbe.GcEvent(75.2, "G1 Young Generation", "end of minor GC", "G1 Evacuation Pause", 12)),
            new SoakResult.Generator(0, 0, 1), 1 << 30, false, 10.0, null, HOST);
    }
}
