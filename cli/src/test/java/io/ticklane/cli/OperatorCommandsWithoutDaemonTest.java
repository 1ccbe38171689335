package io.ticklane.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code stat} and {@code admin} with no daemon to talk to, and a {@code daemon} told to join a media driver that is not
 * there: a clear one-line answer and an exit code that says why.
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
    void aDaemonJoiningAMissingDriverIsABadSettingNotACrash()
    {
        final String noDriver = tmp.resolve("no-driver").toString();
        final CliRun run = CliRun.run("daemon", "--config", ExampleFiles.file("sim-venue-daemon/daemon.properties").toString(),
            "--set", "transport.embedded_driver=false", "--set", "transport.aeron_dir=" + noDriver,
            "--set", "daemon.run_dir=" + tmp.resolve("runs"), "--duration", "1", "--quiet");
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("error: no media driver in " + noDriver) && !run.err.contains("internal error"),
            run.err);
    }

    @Test
    void anUnknownAdminCommandIsBadUsage()
    {
        final CliRun run = CliRun.run("admin", "pause", "--token", "t", "--aeron-dir", tmp.toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("unknown admin command 'pause'"), run.err);
    }
}
