package io.ticklane.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TuneCommandTest
{
    @TempDir
    Path root;

    @Test
    void emptyTreeIsUnknownEverywhereAndNotAFailure()
    {
        final CliRun run = CliRun.run("tune", "check", "--root", root.toString());

        assertEquals(ExitCodes.OK, run.exitCode, run::toString);
        assertEquals("checks=12 ok=0 info=0 warn=0 fail=0 unknown=12 result=ok", run.lastLine(), run::toString);
    }

    @Test
    void clocksourceNotTscFailsTheCheckWithItsFix() throws Exception
    {
        write("sys/devices/system/clocksource/clocksource0/current_clocksource", "hpet");

        final CliRun run = CliRun.run("tune", "check", "--root", root.toString());

        assertEquals(ExitCodes.CHECK_FAILED, run.exitCode, run::toString);
        assertTrue(run.out.contains("FAIL     clocksource"), run::toString);
        assertTrue(run.out.contains("fix: boot with clocksource=tsc tsc=reliable"), run::toString);
        assertTrue(run.lastLine().endsWith("fail=1 unknown=11 result=critical-item-wrong"), run::toString);
    }

    @Test
    void jsonListsEveryFinding() throws Exception
    {
        write("sys/kernel/mm/transparent_hugepage/enabled", "[always] madvise never");

        final CliRun run = CliRun.run("tune", "check", "--root", root.toString(), "--json");

        assertEquals(ExitCodes.OK, run.exitCode, run::toString);
        assertTrue(run.out.contains("\"check\" : \"thp.enabled\""), run::toString);
        assertTrue(run.out.contains("\"status\" : \"WARN\""), run::toString);
        assertTrue(run.out.contains("\"criticalItemWrong\" : false"), run::toString);
    }

    @Test
    void rootThatIsNotADirectoryIsBadUsage()
    {
        final CliRun run = CliRun.run("tune", "check", "--root", root.resolve("nope").toString());

        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
        assertTrue(run.err.contains("--root is not a directory"), run::toString);
    }

    private void write(final String relative, final String content) throws Exception
    {
        final Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content + "\n");
    }
}
