package io.ticklane.cli;

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
