package io.ticklane.cli;

import io.ticklane.journal.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code demo --feed binance-replay} for real, shortened: feed serve replays the shared USD-M capture (found from
 * {@code ticklane.data}, the default when no {@code --capture} is given) at ten times its pace, the Binance feed
 * handler publishes it on the demo's market-data stream, the daemon quotes BTCUSDT on it and the simulated venue,
 * following the same frames, fills some of its quotes; the daemon stops cleanly and the replay of its journal
 * reproduces what it sent.
 */
class DemoBinanceReplayTest
{
    @TempDir
    Path tmp;

    @Test
    void theDaemonQuotesOnTheReplayedCaptureTheVenueFillsOnTheSameMarketAndTheJournalReplaysToTheSameBytes() throws Exception
    {
        final Path capture = RealData.file("binance/usdm/btcusdt_20240808.gz");
        final Path summary = tmp.resolve("summary.json");
        final CliRun run = CliRun.run("demo", "--feed", "binance-replay", "--duration", "12",
            "--out", tmp.resolve("demo").toString(), "--json-summary", summary.toString());

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        assertTrue(run.out.contains("demo: Binance usdm BTCUSDT capture " + capture + " replayed by feed serve"), run.out);
        assertTrue(run.out.contains("demo: instrument BTCUSDT tick=0.1 lot=0.001"), "sizes from the capture's snapshot: " + run.out);

        final String feed = line(run.out, "demo: feed ");
        assertTrue(count(feed, "messages") > 1_000, "the handler took in the replayed stream: " + feed);
        assertEquals(1, count(feed, "snapshotsApplied"), "synced once from the capture's snapshot: " + feed);
        assertEquals(0, count(feed, "gaps"), feed);
        assertTrue(count(feed, "published") > 1_000, "frames went out on the market-data stream: " + feed);
        assertEquals(0, count(feed, "publish_failed"), feed);

        final String venue = line(run.out, "demo: venue followed ");
        assertTrue(venue.matches("demo: venue followed [1-9][0-9]{3,} frames \\(0 refused\\), fills=[1-9][0-9]*"),
            "the venue matched on the same frames and filled some quotes: " + venue);

        assertTrue(run.out.contains("(equal: the replay reproduced the live run)"), run.out);
        final String json = Files.readString(summary);
        assertTrue(json.contains("\"replayReproducesLive\" : true"), json);
        assertTrue(json.matches("(?s).*\"orders sent: new\" : [1-9].*"), "the daemon quoted: " + json);
        assertTrue(json.matches("(?s).*\"fills\" : [1-9].*"), "the venue filled some: " + json);

        final String journal = line(run.out, "demo: journal=").substring("demo: journal=".length());
        final CliRun inspect = CliRun.run("journal", "inspect", journal);
        assertEquals(ExitCodes.OK, inspect.exitCode, "a clean stop leaves a complete journal: " + inspect);
    }

    @Test
    void aMissingCaptureIsABadUsageThatNamesTheOption()
    {
        final CliRun run = CliRun.run("demo", "--feed", "binance-replay", "--capture", tmp.resolve("none.gz").toString(),
            "--out", tmp.resolve("demo").toString());

        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("--capture: no such file: " + tmp.resolve("none.gz")), run.err);
    }

    private static String line(final String out, final String prefix)
    {
        return out.lines().filter((l) -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(
            "no line starting '" + prefix + "' in:\n" + out));
    }

    private static long count(final String line, final String name)
    {
        final Matcher matcher = Pattern.compile("\\b" + name + "=(\\d+)").matcher(line);
        assertTrue(matcher.find(), name + " in " + line);
        return Long.parseLong(matcher.group(1));
    }
}
