package io.ticklane.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

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
        final CliRun run = CliRun.run("admin", "stop", "--aeron-dir", tmp.toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("no media driver in " + tmp), run.err);
    }

    @Test
    void aDaemonJoiningAMissingDriverIsABadSettingNotACrash()
    {
        final String noDriver = tmp.resolve("no-driver").toString();
        final CliRun run = CliRun.run("daemon", "--config", ExampleFiles.file("sim-venue-daemon/daemon.properties").toString(),
            "--set", "transport.embedded_driver=false", "--set", "transport.aeron_dir=" + noDriver,
            "--set", "daemon.run_dir=" + tmp.resolve("runs"), "--set", "daemon.admin_token_file=" + tmp.resolve("admin.token"),
            "--duration", "1", "--quiet");
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("error: no media driver in " + noDriver) && !run.err.contains("internal error"),
            run.err);
    }

    @Test
    void anUnknownAdminCommandIsBadUsage()
    {
        final CliRun run = CliRun.run("admin", "pause", "--aeron-dir", tmp.toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("unknown admin command 'pause'"), run.err);
    }

    @Test
    void theTokenIsNoLongerTakenFromTheCommandLine()
    {
        final CliRun run = CliRun.run("admin", "stop", "--token", "0123456789abcdef", "--aeron-dir", tmp.toString());

        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("Unknown option") && run.err.contains("'--token'"), run.err);
    }

    @Test
    void aTokenFileGroupOrOthersCanReadIsRefusedByTheClientAndTheDaemonNamingTheFix() throws IOException
    {
        Files.createFile(tmp.resolve("cnc.dat")); // past the driver check, to the token
        final Path file = Files.writeString(tmp.resolve("admin.token"), "0123456789abcdef0123456789abcdef\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        final CliRun admin = CliRun.run("admin", "stop", "--token-file", file.toString(), "--aeron-dir", tmp.toString());
        final CliRun daemon = CliRun.run("daemon", "--set", "daemon.admin_token_file=" + file,
            "--set", "daemon.run_dir=" + tmp.resolve("runs"), "--duration", "1", "--quiet");

        for (final CliRun run : new CliRun[]{admin, daemon})
        {
            assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
            assertTrue(run.err.strip().endsWith("error: admin token file " + file +
                " is readable or writable by group or others (rw-r--r--): chmod 600 " + file), run.err);
        }
    }

    @Test
    void aShortTokenIsRefusedByTheClient() throws IOException
    {
        Files.createFile(tmp.resolve("cnc.dat"));
        final Path file = Files.writeString(tmp.resolve("admin.token"), "secret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        final CliRun run = CliRun.run("admin", "stop", "--token-file", file.toString(), "--aeron-dir", tmp.toString());

        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("admin token file " + file + " holds 6 characters: an operator token is 16 to 32"),
            run.err);
    }
}
