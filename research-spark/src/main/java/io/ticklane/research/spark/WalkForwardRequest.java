package io.ticklane.research.spark;

/**
 * What {@code research walk-forward} was asked to do: a sweep's inputs (catalogue, base configuration, grid, engine,
 * shared settings, output directory) and the windows' lengths and objective.
 *
 * @param sweep       the tasks' inputs and where they run; the results land in its output directory.
 * @param trainDays   N: days each window picks on.
 * @param testDays    M: days each window then tests the pick on; also the step between windows.
 * @param embargoDays E: days left out between a window's training and test days.
 * @param objective   what the pick maximises.
 * @param cpcvBlocks  G of combinatorial purged cross-validation over the same results, or 0 for none.
 * @param cpcvTests   k, the test blocks of each split (with {@code cpcvBlocks}).
 */
public record WalkForwardRequest(
    SweepRequest sweep, int trainDays, int testDays, int embargoDays, Objective objective, int cpcvBlocks, int cpcvTests)
{
}
