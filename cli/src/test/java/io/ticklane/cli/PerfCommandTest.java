package io.ticklane.cli;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PerfCommandTest
{
    private static final String JMH_RESULT = "[{\"benchmark\":\"io.ticklane.perf.SbeDecodeBenchmark.ticklane\",\"mode\":\"thrpt\"," +
        "\"primaryMetric\":{\"score\":3.2331798E7,\"scoreError\":641272.0,\"scoreUnit\":\"ops/s\"}," +
        "\"secondaryMetrics\":{\"gc.alloc.rate.norm\":{\"score\":0.0,\"scoreUnit\":\"B/op\"}}}]";

    @TempDir
    Path dir;

    @Test
    void reportOfTwoRunsPrintsTheSideBySideTableAndWritesTheHtml() throws Exception
    {
        final Path flat = hgrm("flat.hgrm", oneToHundred());
        final Path slower = hgrm("slower.hgrm", scaled(oneToHundred(), 2));
        final Path html = dir.resolve("report.html");

        final CliRun run = CliRun.run("perf", "report", flat.toString(), slower.toString(), "--out", html.toString());

        assertEquals(ExitCodes.OK, run.exitCode, run::toString);
        assertTrue(run.out.contains("99.000 (2.00x)") || run.out.contains("198.000 (2.00x)"), run::toString);
        assertEquals("report=" + html, run.lastLine(), run::toString);
        final String page = Files.readString(html);
        assertTrue(page.contains("<svg") && page.contains(">99%<"), "plot in the page");
    }

    @Test
    void reportJsonIsOneSummaryPerFile() throws Exception
    {
        final CliRun run = CliRun.run("perf", "report", hgrm("flat.hgrm", oneToHundred()).toString(), "--json");

        assertEquals(ExitCodes.OK, run.exitCode, run::toString);
        assertTrue(run.out.strip().startsWith("["), run::toString);
        assertTrue(run.out.contains("\"p99\" : 99.0"), run::toString);
        assertTrue(run.out.contains("\"count\" : 100"), run::toString);
    }

    @Test
    void missingOrGarbledFilesAreBadInputNamingTheFile() throws Exception
    {
        final Path missing = dir.resolve("missing.hgrm");
        final Path garbled = Files.writeString(dir.resolve("garbled.hgrm"), "Value Percentile\n  oops\n");
        final Path unknown = Files.writeString(dir.resolve("run.txt"), "x");

        final CliRun first = CliRun.run("perf", "report", missing.toString());
        final CliRun second = CliRun.run("perf", "report", garbled.toString());
        final CliRun third = CliRun.run("perf", "report", unknown.toString());

        assertEquals(ExitCodes.BAD_INPUT, first.exitCode, first::toString);
        assertTrue(first.err.contains("no such file: " + missing), first::toString);
        assertEquals(ExitCodes.BAD_INPUT, second.exitCode, second::toString);
        assertTrue(second.err.contains(garbled + ":2: "), second::toString);
        assertEquals(ExitCodes.BAD_INPUT, third.exitCode, third::toString);
        assertTrue(third.err.contains(unknown + ": unknown histogram file type"), third::toString);
    }

    @Test
    void compareExitsOneWhenAPercentileWorsenedBeyondTheThreshold() throws Exception
    {
        final Path old = hgrm("old.hgrm", oneToHundred());
        final Path same = hgrm("same.hgrm", oneToHundred());
        final Path worse = hgrm("worse.hgrm", scaled(oneToHundred(), 2));

        final CliRun pass = CliRun.run("perf", "compare", old.toString(), same.toString());
        final CliRun fail = CliRun.run("perf", "compare", old.toString(), worse.toString(), "--threshold", "50%");
        final CliRun loose = CliRun.run("perf", "compare", old.toString(), worse.toString(), "--threshold", "150");

        assertEquals(ExitCodes.OK, pass.exitCode, pass::toString);
        assertEquals("threshold=10% worsened=0 result=ok", pass.lastLine(), pass::toString);
        assertEquals(ExitCodes.CHECK_FAILED, fail.exitCode, fail::toString);
        assertTrue(fail.out.contains("WORSE"), fail::toString);
        assertEquals("threshold=50% worsened=5 result=regression", fail.lastLine(), fail::toString);
        assertEquals(ExitCodes.OK, loose.exitCode, loose::toString);
    }

    @Test
    void compareReadsSummaryJsonAndPrintsJson() throws Exception
    {
        final Path old = Files.writeString(dir.resolve("old.json"), summaryJson(10));
        final Path newer = Files.writeString(dir.resolve("new.json"), summaryJson(12));

        final CliRun run = CliRun.run("perf", "compare", old.toString(), newer.toString(), "--json");

        assertEquals(ExitCodes.CHECK_FAILED, run.exitCode, run::toString);
        assertTrue(run.out.contains("\"worsened\" : 5"), run::toString);
        assertTrue(run.out.contains("\"ratio\" : 1.2"), run::toString);
    }

    @Test
    void badThresholdIsBadUsage() throws Exception
    {
        final Path old = hgrm("old.hgrm", oneToHundred());

        final CliRun run = CliRun.run("perf", "compare", old.toString(), old.toString(), "--threshold", "-5%");

        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
        assertTrue(run.err.contains("--threshold must be a non-negative percentage"), run::toString);
    }

    @Test
    void jmhRenderWritesTheHtmlBesideTheJson() throws Exception
    {
        final Path json = Files.writeString(dir.resolve("jmh-result.json"), JMH_RESULT);

        final CliRun run = CliRun.run("perf", "jmh", "--render", json.toString());

        assertEquals(ExitCodes.OK, run.exitCode, run::toString);
        assertTrue(run.out.contains("SbeDecodeBenchmark.ticklane"), run::toString);
        assertTrue(Files.readString(dir.resolve("jmh-result.html")).contains("32,331,798"));
    }

    @Test
    void jmhRunsPerfJmhAsAChildProcessAndRendersWhatItWrote() throws Exception
    {
        final Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("perf"));
        final Path fixture = Files.writeString(dir.resolve("fixture.json"), JMH_RESULT);
        final Path args = dir.resolve("args.txt");
        Files.writeString(home.resolve("perf/jmh"), String.join("\n",
            "#!/usr/bin/env bash",
            "echo \"$@\" > '" + args + "'",
            "while [ $# -gt 0 ]; do if [ \"$1\" = -rff ]; then cp '" + fixture + "' \"$2\"; fi; shift; done",
            ""));
        final Path out = dir.resolve("out");

        final CliRun run = CliRun.run("perf", "jmh", "SbeDecode", "--prof", "gc", "--home", home.toString(),
            "--out-dir", out.toString());

        assertEquals(ExitCodes.OK, run.exitCode, run::toString);
        assertEquals("-prof gc -rf json -rff " + out.toAbsolutePath().resolve("jmh-result.json") + " SbeDecode",
            Files.readString(args).strip());
        assertTrue(Files.isRegularFile(out.resolve("jmh-result.html")));
        assertTrue(run.lastLine().startsWith("results=" + out.resolve("jmh-result.json")), run::toString);
    }

    @Test
    void jmhRunThatWritesNothingFails() throws Exception
    {
        final Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("perf"));
        Files.writeString(home.resolve("perf/jmh"), "#!/usr/bin/env bash\nexit 1\n");

        final CliRun run = CliRun.run("perf", "jmh", "--home", home.toString(), "--out-dir", dir.resolve("out").toString());

        assertEquals(ExitCodes.CHECK_FAILED, run.exitCode, run::toString);
        assertTrue(run.err.contains("JMH run failed (perf/jmh exit 1)"), run::toString);
    }

    private static Histogram oneToHundred()
    {
        final Histogram histogram = new Histogram(3);
        for (int value = 1; value <= 100; value++)
        {
            histogram.recordValue(value);
        }
        return histogram;
    }

    private static Histogram scaled(final Histogram histogram, final int factor)
    {
        final Histogram scaled = new Histogram(3);
        histogram.recordedValues().forEach(value ->
            scaled.recordValueWithCount(value.getValueIteratedTo() * factor, value.getCountAtValueIteratedTo()));
        return scaled;
    }

    private Path hgrm(final String name, final Histogram histogram) throws Exception
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8))
        {
            histogram.outputPercentileDistribution(out, 1.0);
        }
        return Files.write(dir.resolve(name), bytes.toByteArray());
    }

    private static String summaryJson(final double p50)
    {
        return "{\"name\":\"run\",\"unit\":\"us\",\"count\":1000,\"ratePerSecond\":100000.0,\"percentiles\":{" +
            "\"p50\":" + p50 + ",\"p90\":" + (p50 * 2) + ",\"p99\":" + (p50 * 4) + ",\"p99.9\":" + (p50 * 8) +
            ",\"p99.99\":" + (p50 * 16) + ",\"max\":" + (p50 * 32) + "}}";
    }
}
