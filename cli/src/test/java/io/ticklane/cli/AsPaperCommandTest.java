package io.ticklane.cli;

import io.ticklane.marketmaking.research.AsPaperResult;
import io.ticklane.marketmaking.research.AsPaperSimulation;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AsPaperCommandTest
{
    @Test
    void defaultRunPrintsBothStrategiesForThePapersThreeGammas()
    {
        final CliRun run = CliRun.run("research", "as-paper", "--runs", "50");

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        assertTrue(run.out.contains("gamma=0.1  runs=50  seed=1"), run.out);
        assertTrue(run.out.contains("gamma=0.01  runs=50  seed=1"), run.out);
        assertTrue(run.out.contains("gamma=0.5  runs=50  seed=1"), run.out);
        assertEquals(3, run.out.split("\ninventory ").length - 1, run.out);
        assertEquals(3, run.out.split("\nsymmetric ").length - 1, run.out);
    }

    @Test
    void tablePrintsTheSimulationsNumbers()
    {
        final AsPaperResult expected = new AsPaperSimulation(0.1, 50, 9).run();

        final CliRun run = CliRun.run("research", "as-paper", "--gamma", "0.1", "--runs", "50", "--seed", "9");

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        assertTrue(run.out.contains(String.format(Locale.ROOT, "%-10s %8.2f %8.2f %12.2f %8.2f %13.2f%n",
            "inventory", expected.averageSpread(), expected.inventory().meanProfit(), expected.inventory().stdProfit(),
            expected.inventory().meanInventory(), expected.inventory().stdInventory())), run.out);
    }

    @Test
    void jsonCarriesTheFullPrecisionNumbers()
    {
        final AsPaperResult expected = new AsPaperSimulation(0.01, 40, 5).run();

        final CliRun run = CliRun.run("research", "as-paper", "--gamma", "0.01", "--runs", "40", "--seed", "5", "--json");

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        assertTrue(run.out.strip().startsWith("{") && run.out.strip().endsWith("}"), run.out);
        assertTrue(run.out.contains("\"gamma\" : 0.01"), run.out);
        assertTrue(run.out.contains("\"mean_profit\" : " + expected.inventory().meanProfit()), run.out);
        assertTrue(run.out.contains("\"std_final_q\" : " + expected.symmetric().stdInventory()), run.out);
    }

    @Test
    void gammaTakesACommaListAndRepeats()
    {
        final CliRun run = CliRun.run("research", "as-paper", "--gamma", "0.1,0.2", "--gamma", "1", "--runs", "10");

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        assertTrue(run.out.contains("gamma=0.1 ") && run.out.contains("gamma=0.2 ") && run.out.contains("gamma=1.0 "),
            run.out);
    }

    @Test
    void sameSeedPrintsTheSameAndAnotherSeedDoesNot()
    {
        final CliRun first = CliRun.run("research", "as-paper", "--gamma", "0.1", "--runs", "30", "--seed", "3");
        final CliRun again = CliRun.run("research", "as-paper", "--gamma", "0.1", "--runs", "30", "--seed", "3");
        final CliRun other = CliRun.run("research", "as-paper", "--gamma", "0.1", "--runs", "30", "--seed", "4");

        assertEquals(first.out, again.out);
        assertNotEquals(first.out.replace("seed=3", ""), other.out.replace("seed=4", ""));
    }

    @Test
    void longRunsReportProgressOnStderr()
    {
        final CliRun run = CliRun.run("research", "as-paper", "--gamma", "0.5", "--runs", "10000");

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        assertTrue(run.err.contains("research as-paper: gamma=0.5 10,000/10,000 runs..."), run.err);
        assertTrue(!run.out.contains("runs..."), "progress stays off stdout");
    }

    @Test
    void badParametersAreBadInput()
    {
        assertEquals(ExitCodes.BAD_INPUT, CliRun.run("research", "as-paper", "--gamma", "0").exitCode);
        assertEquals(ExitCodes.BAD_INPUT, CliRun.run("research", "as-paper", "--gamma", "-1").exitCode);
        assertEquals(ExitCodes.BAD_INPUT, CliRun.run("research", "as-paper", "--gamma", "abc").exitCode);
        assertEquals(ExitCodes.BAD_INPUT, CliRun.run("research", "as-paper", "--runs", "1").exitCode);
        final CliRun run = CliRun.run("research", "as-paper", "--gamma", "NaN");
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("gamma must be positive and finite"), run.err);
    }
}
