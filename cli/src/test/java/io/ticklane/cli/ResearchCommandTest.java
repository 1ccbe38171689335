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

    @Test
    void walkForwardHelpNamesTheWindowsTheObjectiveTheSharedTaskOptionsAndTheOutputs()
    {
        final CliRun run = CliRun.run("research", "walk-forward", "--help");

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        for (final String expected : new String[]{ "--train-days", "--test-days", "--embargo-days", "--objective", "sharpe",
            "--grid", "--engine", "--sample-interval", "--maker-bps", "walk_forward.parquet", "walk_forward.html" })
        {
            assertTrue(run.out.contains(expected), expected + " in " + run.out);
        }
        assertTrue(CliRun.run("research", "--help").out.contains("walk-forward"));
    }

    @Test
    void aBadObjectiveOrWindowLengthIsRefusedBeforeAnyJvmStarts()
    {
        final CliRun objective = CliRun.run("research", "walk-forward", "--journals", "c", "--config", "f", "--grid", "gamma=1",
            "--out", tmp.toString(), "--train-days", "1", "--test-days", "1", "--objective", "profit", "--home", tmp.toString());
        final CliRun days = CliRun.run("research", "walk-forward", "--journals", "c", "--config", "f", "--grid", "gamma=1",
            "--out", tmp.toString(), "--train-days", "0", "--test-days", "1", "--home", tmp.toString());
        final CliRun engine = CliRun.run("research", "walk-forward", "--journals", "c", "--config", "f", "--grid", "gamma=1",
            "--out", tmp.toString(), "--train-days", "1", "--test-days", "1", "--engine", "hadoop", "--home", tmp.toString());

        assertEquals(ExitCodes.BAD_INPUT, objective.exitCode, objective.toString());
        assertTrue(objective.err.contains("--objective must be"), objective.err);
        assertEquals(ExitCodes.BAD_INPUT, days.exitCode, days.toString());
        assertTrue(days.err.contains("--train-days and --test-days must be at least 1"), days.err);
        assertEquals(ExitCodes.BAD_INPUT, engine.exitCode, engine.toString());
        assertTrue(engine.err.contains("--engine must be local or spark"), engine.err);
        final CliRun cpcv = CliRun.run("research", "walk-forward", "--journals", "c", "--config", "f", "--grid", "gamma=1",
            "--out", tmp.toString(), "--train-days", "1", "--test-days", "1", "--cpcv", "6", "--home", tmp.toString());
        assertEquals(ExitCodes.BAD_INPUT, cpcv.exitCode, cpcv.toString());
        assertTrue(cpcv.err.contains("--cpcv takes G,K"), cpcv.err);
    }

    @Test
    void sweepAndWalkForwardForwardTheSameTaskOptionsFromOneMixin()
    {
        final String[] shared = { "--journals", "cat.parquet", "--config", "base.properties", "--grid", "gamma=1,2",
            "--out", tmp.toString(), "--engine", "spark", "--master", "local[2]", "--sample-interval", "1", "--maker-bps", "-1" };
        final ResearchTaskOptions sweep = new ResearchTaskOptions();
        final ResearchTaskOptions walkForward = new ResearchTaskOptions();
        new picocli.CommandLine(sweep).parseArgs(shared);
        new picocli.CommandLine(walkForward).parseArgs(shared);

        final List<String> sweepArgs = sweep.arguments("sweep");
        assertEquals(sweepArgs.subList(1, sweepArgs.size()), walkForward.arguments("walk-forward").subList(1, sweepArgs.size()));
        assertTrue(sweepArgs.containsAll(List.of("--sample-interval", "1", "--maker-bps", "-1", "--master", "local[2]")), sweepArgs.toString());
    }
}
