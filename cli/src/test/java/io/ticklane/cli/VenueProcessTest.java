package io.ticklane.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code ticklane venue} as its own process, stopped by SIGTERM as an operator or a service manager would.
 */
class VenueProcessTest
{
    @TempDir
    Path tmp;

    @Test
    void sigtermStopsTheVenueCleanlyAndItsEmbeddedDriverRemovesItsDirectory() throws Exception
    {
        final Path aeronDir = tmp.resolve("aeron");
        final List<String> lines = new CopyOnWriteArrayList<>();
        final Process process = ChildJvm.ticklane(lines, "venue", "--aeron-dir", aeronDir.toString(), "--rate", "2000",
            "--idle", "sleeping");
        try
        {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (lines.stream().noneMatch((line) -> line.matches("\\s+\\d+\\.\\ds .*")))
            {
                if (System.nanoTime() > deadline || !process.isAlive())
                {
                    fail("no status line: " + lines);
                }
                Thread.sleep(50);
            }
            assertTrue(Files.exists(aeronDir.resolve("cnc.dat")));

            process.toHandle().destroy(); // SIGTERM, leaving our end of its output open

            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "stopped within 30 s: " + lines);
            Thread.sleep(200); // the last lines
            assertTrue(lines.stream().anyMatch((line) -> line.startsWith("stopped reason=signal published=0 without_subscriber=")),
                lines.toString());
            assertFalse(Files.exists(aeronDir), "the embedded driver deleted its directory on the way out");
            assertEquals(ExitCodes.OK, process.exitValue(), "SIGTERM is a clean stop: exit 0");
        }
        finally
        {
            process.destroyForcibly();
        }
    }
}
