package io.ticklane.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ticklane research catalog|sweep} parse and explain themselves in the cli, and run in a child JVM whose
 * classpath is research-spark's: without those jars they refuse with how to build them. (The child itself is tested
 * in research-spark, where Spark is on the classpath.)
 */
class ResearchCommandTest
{
    @TempDir
    Path tmp;

    @Test
    void sweepHelpNamesTheGridTheEnginesAndTheOutputs()
    {
        final CliRun run = CliRun.run("research", "sweep", "--help");

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        for (final String expected : new String[]{ "--grid", "--engine", "--master", "results.parquet", "summary.html" })
        {
            assertTrue(run.out.contains(expected), expected + " in " + run.out);
        }
        assertEquals(ExitCodes.OK, CliRun.run("research", "catalog", "--help").exitCode);
        assertEquals(ExitCodes.OK, CliRun.run("research", "--help").exitCode);
    }

    @Test
    void withoutTheResearchJarsTheCommandSaysHowToBuildThem()
    {
        final CliRun run = CliRun.run("research", "catalog", tmp.toString(), "--home", tmp.toString());

        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains(ResearchJvm.BUILD), run.err);
    }

    @Test
    void theChildJvmRunsResearchMainWithTheFlagsFileAndTheResearchClasspath()
    {
        final List<String> command = ResearchJvm.command(tmp, List.of("catalog", "DIR"));

        assertEquals("@" + tmp.resolve("tuning/jvm/ticklane.jvmopts"), command.get(1));
        assertEquals("-cp", command.get(2));
        assertTrue(command.get(3).contains(tmp.resolve("research-spark/target/ticklane-research-spark.jar").toString()), command.get(3));
        assertTrue(command.get(3).endsWith(tmp.resolve("research-spark/target/lib") + "/*"), command.get(3));
        assertEquals(List.of(ResearchJvm.MAIN, "catalog", "DIR"), command.subList(4, 7));
    }

    @Test
    void aBadEngineIsRefusedBeforeAnyJvmStarts()
    {
        final CliRun run = CliRun.run("research", "sweep", "--journals", "c", "--config", "f", "--grid", "gamma=1",
            "--out", tmp.toString(), "--engine", "hadoop", "--home", tmp.toString());

        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("--engine must be local or spark"), run.err);
    }
}
