package io.ticklane.research.spark;

import java.util.List;

/**
 * What one walk-forward window found: the configuration that was best on its training days, its figure there
 * (in-sample) and its figure on the test days (out-of-sample), with the tasks each came from.
 *
 * @param window            the window.
 * @param objective         what ranked the configurations.
 * @param status            {@link #OK}, {@link #FAILED} (a training task, or a test task of the pick, failed) or
 *                          {@link #UNDEFINED} (the objective is undefined in-sample for every configuration, or
 *                          out-of-sample for the pick).
 * @param error             why the status is not ok: failed tasks with their inputs and error; empty when ok.
 * @param bestCombination   the pick's index in the grid's order, or -1 when there is none.
 * @param bestGrid          the pick's grid values, in the grid's key order; empty when there is none.
 * @param inSample          the pick's objective over the training days, or NaN.
 * @param outOfSample       the pick's objective over the test days, or NaN.
 * @param inSampleTasks     task ids of the pick on the training days.
 * @param outOfSampleTasks  task ids of the pick on the test days.
 * @param outOfSampleReports report hashes of those test tasks (empty strings for failed ones).
 */
public record WindowResult(
    WalkForwardWindow window,
    Objective objective,
    String status,
    String error,
    int bestCombination,
    List<String> bestGrid,
    double inSample,
    double outOfSample,
    List<Integer> inSampleTasks,
    List<Integer> outOfSampleTasks,
    List<String> outOfSampleReports)
{
    /** Both figures are defined. */
    public static final String OK = "ok";
    /** A task the window needs failed. */
    public static final String FAILED = "failed";
    /** The objective is undefined where the window needs it. */
    public static final String UNDEFINED = "undefined";

    /**
     * @return true if both figures are defined.
     */
    public boolean ok()
    {
        return OK.equals(status);
    }

    /**
     * @return the in-sample figure per training day (PnL objectives), or itself (ratios).
     */
    public double inSamplePerDay()
    {
        return objective.perDay(inSample, window.trainDays().size());
    }

    /**
     * @return the out-of-sample figure per test day (PnL objectives), or itself (ratios).
     */
    public double outOfSamplePerDay()
    {
        return objective.perDay(outOfSample, window.testDays().size());
    }

    /**
     * @return in-sample minus out-of-sample, per day: the overfitting a user must see.
     */
    public double gapPerDay()
    {
        return inSamplePerDay() - outOfSamplePerDay();
    }
}
