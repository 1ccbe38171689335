package io.ticklane.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code stat} and {@code admin} with no daemon to talk to: a clear one-line answer and an exit code that says why.
 */
class OperatorCommandsWithoutDaemonTest
{
    @TempDir
    Path tmp;

    @Test
    void statFindsNoDaemonAndSaysWhere()
    {
        final CliRun run = CliRun.run("stat", "--aeron-dir", tmp.toString(), "--count", "1");
        assertEquals(ExitCodes.CHECK_FAILED, run.exitCode, run.toString());
        assertTrue(run.err.contains("no daemon counters in " + tmp), run.err);
    }

    @Test
    void adminWithoutADriverIsBadUsage()
    {
        final CliRun run = CliRun.run("admin", "stop", "--token", "t", "--aeron-dir", tmp.toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("no media driver in " + tmp), run.err);
    }

    @Test
    void anUnknownAdminCommandIsBadUsage()
    {
        final CliRun run = CliRun.run("admin", "pause", "--token", "t", "--aeron-dir", tmp.toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("unknown admin command 'pause'"), run.err);
    }
}
