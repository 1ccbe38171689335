package io.ticklane.cli;

import io.ticklane.feedserve.FeedServer;
import io.ticklane.feedserve.Pace;
import io.ticklane.feedserve.ServeContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedKrakenCommandTest
{
    private static final Path SAMPLES = Path.of("../gateway/src/test/resources/kraken");

    @TempDir
    Path dir;

    @Test
    void cleanSampleVerifiesEveryChecksumAndExitsZero()
    {
        final CliRun run = CliRun.run("feed", "kraken", "--pair", "XBT/USD", "--depth", "10",
            "--verify-file", SAMPLES.resolve("xbtusd-book10.jsonl").toString());
        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        assertEquals("updates=7 checksums_ok=7 checksums_failed=0 resyncs=0 crossed=0", run.lastLine());
        assertTrue(run.out.contains("price_decimals=5 (derived from the first snapshot) lot_decimals=8"), run.out);
    }

    @Test
    void corruptedSampleReportsTheFailureAndTheResyncAndExitsOne()
    {
        final CliRun run = CliRun.run("feed", "kraken", "--price-decimals", "5", "--lot-decimals", "8",
            "--verify-file", SAMPLES.resolve("xbtusd-book10-corrupted.jsonl").toString());
        assertEquals(ExitCodes.CHECK_FAILED, run.exitCode, run.toString());
        assertEquals("updates=10 checksums_ok=8 checksums_failed=1 resyncs=1 crossed=0", run.lastLine());
        assertTrue(run.out.contains("resubscribes=1"), run.out);
        assertTrue(run.out.contains("last problem: checksum mismatch"), run.out);
    }

    @Test
    void offGridDecimalsMakeMalformedMessagesAndExitOne()
    {
        final CliRun run = CliRun.run("feed", "kraken", "--price-decimals", "4",
            "--verify-file", SAMPLES.resolve("xbtusd-book10.jsonl").toString());
        assertEquals(ExitCodes.CHECK_FAILED, run.exitCode, run.toString());
        assertTrue(run.out.contains("malformed=1 "), run.out);
        assertTrue(run.out.contains("book ended EMPTY"), run.out);
    }

    @Test
    void liveVerifyOverFeedServeGivesVerifyFilesLastLineAndExitCode() throws Exception
    {
        for (final String sample : new String[] {"xbtusd-book10.jsonl", "xbtusd-book10-corrupted.jsonl"})
        {
            final Path file = SAMPLES.resolve(sample);
            final CliRun fromFile = CliRun.run("feed", "kraken", "--verify-file", file.toString());
            final CliRun live;
            try (FeedServer server = FeedServer.start(new ServeContext().lines(file).pace(Pace.MAX)))
            {
                live = CliRun.run("feed", "kraken", "--pair", "XBT/USD", "--depth", "10",
                    "--ws-url", "ws://127.0.0.1:" + server.port() + "/", "--verify", "--duration", "60");
                assertTrue(server.awaitFinished(5_000), server.summary());
            }
            assertEquals(fromFile.exitCode, live.exitCode, live.toString());
            assertEquals(fromFile.lastLine(), live.lastLine(), live.toString());
            assertTrue(live.out.startsWith("feed kraken pair=XBT/USD depth=10 ws=ws://127.0.0.1:"), live.out);
            assertTrue(live.out.contains("connects=1 "), live.out);
        }
    }

    @Test
    void liveOptionsAreValidatedWithTheOptionNamed()
    {
        final CliRun silence = CliRun.run("feed", "kraken", "--silence-timeout-ms", "5");
        assertEquals(ExitCodes.BAD_INPUT, silence.exitCode, silence.toString());
        assertTrue(silence.err.contains("silence-timeout-ms must be at least 100"), silence.err);
        final CliRun url = CliRun.run("feed", "kraken", "--ws-url", "http://127.0.0.1:1/");
        assertEquals(ExitCodes.BAD_INPUT, url.exitCode, url.toString());
        assertTrue(url.err.contains("ws-url must be ws://"), url.err);
        final CliRun duration = CliRun.run("feed", "kraken", "--duration", "-1");
        assertEquals(ExitCodes.BAD_INPUT, duration.exitCode, duration.toString());
        assertTrue(duration.err.contains("--duration must not be negative"), duration.err);
        final CliRun pair = CliRun.run("feed", "kraken", "--pair", "XBTUSD");
        assertEquals(ExitCodes.BAD_INPUT, pair.exitCode, pair.toString());
        assertTrue(pair.err.contains("pair must look like XBT/USD"), pair.err);
    }

    @Test
    void badUsageAndMissingFilesExitTwo() throws IOException
    {
        assertEquals(ExitCodes.BAD_INPUT, CliRun.run("feed", "kraken", "--verify-file", dir.resolve("absent").toString()).exitCode);
        final Path empty = Files.createFile(dir.resolve("empty.jsonl"));
        final CliRun badDepth = CliRun.run("feed", "kraken", "--depth", "11", "--verify-file", empty.toString());
        assertEquals(ExitCodes.BAD_INPUT, badDepth.exitCode, badDepth.toString());
        assertTrue(badDepth.err.contains("depth must be one Kraken offers"), badDepth.err);
        final CliRun mixed = CliRun.run("feed", "kraken", "--verify-file", empty.toString(), "--ws-url", "ws://127.0.0.1:1/");
        assertEquals(ExitCodes.BAD_INPUT, mixed.exitCode, mixed.toString());
        assertTrue(mixed.err.contains("--ws-url is for the live connection"), mixed.err);
        assertEquals(ExitCodes.OK, CliRun.run("feed", "kraken", "--help").exitCode);
    }
}
