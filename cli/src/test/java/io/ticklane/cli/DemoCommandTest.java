package io.ticklane.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's first command for real, shortened: the simulated exchange and the daemon in one process over Aeron
 * IPC (and, with {@code --fix}, its orders over FIX 4.4 to a QuickFIX/J acceptor); the daemon quotes and gets filled,
 * stops cleanly, and the replay of its journal reproduces what it sent.
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

    @Test
    void theFixDemoTradesOverFixKeepsThePasswordOutOfTheRunAndReplaysToTheSameBytes() throws Exception
    {
        final Path summary = tmp.resolve("fix-summary.json");
        final CliRun run = CliRun.run("demo", "--fix", "--duration", "5", "--out", tmp.resolve("fix-demo").toString(),
            "--json-summary", summary.toString());

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        assertTrue(run.out.contains("demo: orders over FIX 4.4: Artio initiator TICKLANE -> QuickFIX/J acceptor VENUE"),
            run.out);
        assertTrue(run.out.contains("(equal: the replay reproduced the live run)"), run.out);
        final String json = Files.readString(summary);
        assertTrue(json.matches("(?s).*\"orders sent: new\" : [1-9].*"), "quotes went out over FIX: " + json);
        assertTrue(json.matches("(?s).*\"fills\" : [1-9].*"), "the venue filled some over FIX: " + json);

        final Path session;
        try (Stream<Path> sessions = Files.list(tmp.resolve("fix-demo")))
        {
            session = sessions.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        final String password = Files.readString(session.resolve("fix.password")).trim();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(session.resolve("fix-store"))),
            "the FIX archive (which holds the Logon as sent) is its owner's alone");
        try (Stream<Path> files = Files.walk(session.resolve("runs")))
        {
            for (final Path file : files.filter(Files::isRegularFile).toList())
            {
                assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(password),
                    "the FIX password is in " + file);
            }
        }
    }
}
