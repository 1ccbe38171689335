package io.ticklane.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real {@code ticklane perf soak} for a few seconds at a low rate (the long soak is a benchmark, run by hand):
 * the table, the verdict, the JSON and the per-minute CSV with every field and sane values, the journal deleted.
 */
class PerfSoakCommandTest
{
    private static final double RATE = 2_000;

    @TempDir
    Path tmp;

    @Test
    void aShortSoakReportsEveryFigureWithSaneValues() throws Exception
    {
        final Path out = tmp.resolve("soak");
        final Path json = tmp.resolve("reports/soak.json");
        final CliRun run = CliRun.run("perf", "soak", "--rate", "2000", "--duration", "4", "--warmup", "1",
            "--fill-every", "20", "--out", out.toString(), "--json", json.toString());

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        assertTrue(run.err.contains("soak: warm-up") && run.err.contains("soak: soak "), "progress: " + run.err);
        assertTrue(run.out.contains("verdict: GC after warm-up: "), run.out);
        assertTrue(run.out.contains("RSS growth "), run.out);

        final Map<String, Double> numbers = numbers(json);
        final double achieved = numbers.get("achievedRatePerSecond");
        // a generator held up by a busy machine sends late (and the report says so), never more than asked
        assertTrue(achieved > 0 && achieved < 1.05 * RATE, "achieved " + achieved);
        assertEquals(0.0, numbers.get("counts.updatesNotReceived"), "every update reached the daemon");
        assertTrue(numbers.get("counts.updatesSent") >= 4 * RATE, numbers.toString());
        assertTrue(numbers.get("counts.ordersSent") > 0, "the daemon quoted");
        assertTrue(numbers.get("counts.fills") > 0 && numbers.get("counts.fills") <= numbers.get("counts.generatorFills"),
            "the generator's fills were applied: " + numbers);
        assertTrue(Math.abs(numbers.get("counts.position")) <= 1, "fills alternate sides");
        assertTrue(numbers.get("counts.journalRecords") > numbers.get("counts.updatesSent"), "everything journaled");
        assertEquals(0.0, numbers.get("counts.mode"), "still active");
        assertTrue(numbers.get("gc.afterWarmup.collections") >= 0 && numbers.get("gc.afterWarmup.pauseMs") >= 0);
        assertTrue(numbers.get("gc.duringWarmup.collections") >= 1 && numbers.get("gc.systemGcSecondsBeforeEndOfWarmup") > 0,
            "the harness collects once late in warm-up: " + numbers);
        assertTrue(numbers.get("memory.rss.endBytes") > numbers.get("memory.rssAnon.endBytes"), numbers.toString());
        assertTrue(numbers.get("memory.rssAnon.endBytes") > numbers.get("memory.heapUsed.endBytes") / 2, numbers.toString());
        assertTrue(numbers.get("memory.journalMapped.endBytes") > 0, "the journal's mappings are seen");
        assertTrue(numbers.get("memory.direct.endBytes") > 0, "the daemon's rings are direct buffers");
        assertTrue(numbers.get("journalBytesOnDisk") > 0);
        assertTrue(numbers.get("host.processors") >= 1);
        assertTrue(numbers.containsKey("allocationAfterWarmup.daemonThreadsBytes"), numbers.toString());
        assertTrue(numbers.containsKey("peaks.journalLagFrames") && numbers.containsKey("peaks.inboundRingSlots"));
        assertTrue(numbers.get("minutes.0.seconds") > 0, numbers.toString());
        assertTrue(numbers.get("minutes.0.market_data_per_s") > 0 && numbers.get("minutes.0.orders_per_s") > 0,
            numbers.toString());

        final List<String> csv = Files.readAllLines(out.resolve("soak-minutes.csv"));
        assertEquals(2, csv.size(), "header and one (short) minute: " + csv);
        assertTrue(csv.get(0).contains("gc_collections") && csv.get(0).contains("rss_bytes") &&
            csv.get(0).contains("inbound_ring_max") && csv.get(0).contains("journal_lag_max"), csv.get(0));
        assertTrue(Files.size(out.resolve("daemon-status.log")) > 0, "the daemon's status line ran");
        try (var journals = Files.walk(out.resolve("runs")))
        {
            assertTrue(journals.noneMatch((p) -> p.toString().endsWith(".cq4")), "the journal is deleted by default");
        }
    }

    @Test
    void badArgumentsExitTwoNamingTheOption()
    {
        final CliRun rate = CliRun.run("perf", "soak", "--rate", "0", "--out", tmp.toString());
        assertEquals(ExitCodes.BAD_INPUT, rate.exitCode, rate.toString());
        assertTrue(rate.err.contains("--rate"), rate.err);
        final CliRun fills = CliRun.run("perf", "soak", "--fill-every", "-1", "--out", tmp.toString());
        assertEquals(ExitCodes.BAD_INPUT, fills.exitCode, fills.toString());
        assertTrue(fills.err.contains("--fill-every"), fills.err);
        final CliRun layout = CliRun.run("perf", "soak", "--layout", "sideways", "--out", tmp.toString());
        assertEquals(ExitCodes.BAD_INPUT, layout.exitCode, layout.toString());
    }

    /**
     * Every number of the report by its dotted path (array elements by index).
     */
    private static Map<String, Double> numbers(final Path json) throws IOException
    {
        final Map<String, Double> numbers = new HashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(json.toFile()))
        {
            parser.nextToken();
            walk(parser, "", numbers);
        }
        return numbers;
    }

    private static void walk(final JsonParser parser, final String path, final Map<String, Double> numbers)
        throws IOException
    {
        final JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT)
        {
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String name = parser.currentName();
                parser.nextToken();
                walk(parser, path.isEmpty() ? name : path + "." + name, numbers);
            }
        }
        else if (token == JsonToken.START_ARRAY)
        {
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY)
            {
                walk(parser, path + "." + index++, numbers);
            }
        }
        else if (token.isNumeric())
        {
            numbers.put(path, parser.getDoubleValue());
        }
    }
}
