package io.ticklane.research.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks each window's configuration from its training days only, then reads the pick's test-day results. The pick
 * is the combination with the highest objective over the training journals; a tie goes to the first in the grid's
 * order, and a combination whose objective is undefined there never wins. Test-day results are read only for the
 * pick, after it is made, so nothing a window tests on can change what it picks.
 */
public final class WalkForwardSelection
{
    private WalkForwardSelection()
    {
    }

    /**
     * @param windows      the windows.
     * @param results      results of every task the windows need (task id = journal index x combinations + combination).
     * @param combinations the grid's number of combinations.
     * @param objective    what ranks them.
     * @return one result per window, in the windows' order.
     * @throws IllegalStateException if a task a window needs has no result (a bug, not bad input).
     */
    public static List<WindowResult> select(
        final List<WalkForwardWindow> windows, final List<TaskResult> results, final int combinations, final Objective objective)
    {
        final Map<Integer, TaskResult> byId = new HashMap<>();
        for (final TaskResult result : results)
        {
            byId.put(result.task().taskId(), result);
        }
        final List<WindowResult> selected = new ArrayList<>();
        for (final WalkForwardWindow window : windows)
        {
            selected.add(select(window, byId, combinations, objective));
        }
        return selected;
    }

    /**
     * @param windowResults the windows' results.
     * @return their aggregate over the windows whose figures are both defined.
     */
    public static WalkForwardOverall overall(final List<WindowResult> windowResults)
    {
        double in = 0;
        double out = 0;
        double outTotal = 0;
        int ok = 0;
        boolean additive = true;
        for (final WindowResult result : windowResults)
        {
            additive = result.objective().additive();
            if (result.ok())
            {
                in += result.inSamplePerDay();
                out += result.outOfSamplePerDay();
                outTotal += result.outOfSample();
                ok++;
            }
        }
        final double inMean = ok > 0 ? in / ok : Double.NaN;
        final double outMean = ok > 0 ? out / ok : Double.NaN;
        return new WalkForwardOverall(windowResults.size(), ok, inMean, outMean, inMean - outMean,
            additive && ok > 0 ? outTotal : Double.NaN);
    }

    private static WindowResult select(
        final WalkForwardWindow window, final Map<Integer, TaskResult> byId, final int combinations, final Objective objective)
    {
        final StringBuilder failures = new StringBuilder();
        final List<List<TaskResult>> training = new ArrayList<>();
        for (int c = 0; c < combinations; c++)
        {
            final List<TaskResult> runs = results(window.trainJournals(), c, combinations, byId);
            failures.append(failures(runs));
            training.add(runs);
        }
        if (failures.length() > 0)
        {
            return new WindowResult(window, objective, WindowResult.FAILED, "training: " + failures.toString().strip(), -1,
                List.of(), Double.NaN, Double.NaN, List.of(), List.of(), List.of());
        }
        int best = -1;
        double bestValue = Double.NaN;
        for (int c = 0; c < combinations; c++)
        {
            final double value = objective.of(training.get(c));
            if (!Double.isNaN(value) && (best < 0 || value > bestValue))
            {
                best = c;
                bestValue = value;
            }
        }
        if (best < 0)
        {
            return new WindowResult(window, objective, WindowResult.UNDEFINED, objective.reportField() +
                " is undefined on the training days for every combination", -1, List.of(), Double.NaN, Double.NaN,
                List.of(), List.of(), List.of());
        }
        final List<TaskResult> picked = training.get(best);
        final List<TaskResult> test = results(window.testJournals(), best, combinations, byId);
        final String testFailures = failures(test).strip();
        final double outOfSample = testFailures.isEmpty() ? objective.of(test) : Double.NaN;
        final String status;
        final String error;
        if (!testFailures.isEmpty())
        {
            status = WindowResult.FAILED;
            error = "test: " + testFailures;
        }
        else if (Double.isNaN(outOfSample))
        {
            status = WindowResult.UNDEFINED;
            error = objective.reportField() + " is undefined on the test days for the pick";
        }
        else
        {
            status = WindowResult.OK;
            error = "";
        }
        return new WindowResult(window, objective, status, error, best, picked.get(0).task().gridValues(), bestValue,
            outOfSample, ids(picked), ids(test), test.stream().map(TaskResult::reportSha256).toList());
    }

    private static List<TaskResult> results(
        final List<Integer> journals, final int combination, final int combinations, final Map<Integer, TaskResult> byId)
    {
        final List<TaskResult> runs = new ArrayList<>();
        for (final int journal : journals)
        {
            final int taskId = journal * combinations + combination;
            final TaskResult result = byId.get(taskId);
            if (null == result)
            {
                throw new IllegalStateException("no result for task " + taskId + " (journal " + journal + ", combination " +
                    combination + ")");
            }
            runs.add(result);
        }
        return runs;
    }

    private static String failures(final List<TaskResult> runs)
    {
        final StringBuilder text = new StringBuilder();
        for (final TaskResult run : runs)
        {
            if (!run.ok())
            {
                text.append("task ").append(run.task().taskId()).append(" (journal ").append(run.task().journalPath())
                    .append(", grid ").append(run.task().gridKeys()).append('=').append(run.task().gridValues()).append("): ")
                    .append(run.error()).append("; ");
            }
        }
        return text.toString();
    }

    private static List<Integer> ids(final List<TaskResult> runs)
    {
        return runs.stream().map((r) -> r.task().taskId()).toList();
    }
}
