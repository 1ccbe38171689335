package io.ticklane.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's first command for real, shortened: the simulated exchange and the daemon in one process over Aeron
 * IPC; the daemon quotes and gets filled, stops cleanly, and the replay of its journal reproduces what it sent.
 */
class DemoCommandTest
{
    @TempDir
    Path tmp;

    @Test
    void theDemoQuotesFillsStopsCleanlyAndReplaysToTheSameBytes() throws Exception
    {
        final Path summary = tmp.resolve("summary.json");
        final CliRun run = CliRun.run("demo", "--duration", "4", "--out", tmp.resolve("demo").toString(),
            "--json-summary", summary.toString());

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        assertTrue(run.out.contains("(equal: the replay reproduced the live run)"), run.out);
        assertTrue(run.out.contains("t2q p99"), "status header: " + run.out);
        final String json = Files.readString(summary);
        assertTrue(json.contains("\"replayReproducesLive\" : true"), json);
        assertTrue(json.matches("(?s).*\"orders sent: new\" : [1-9].*"), "quotes went out: " + json);
        assertTrue(json.matches("(?s).*\"fills\" : [1-9].*"), "the venue filled some: " + json);
        final String journal = run.out.lines().filter((l) -> l.startsWith("demo: journal=")).findFirst().orElseThrow()
            .substring("demo: journal=".length());
        final CliRun inspect = CliRun.run("journal", "inspect", journal);
        assertEquals(ExitCodes.OK, inspect.exitCode, "a clean stop leaves a complete journal: " + inspect);
    }
}
