package io.ticklane.research.spark;

import java.io.Serializable;
import java.util.List;

/**
 * One backtest of a sweep: a journal of the catalogue and one combination of the grid, with the complete
 * configuration text it runs (the base file plus the combination's overrides, as {@code SweepPlan} writes it).
 * Serializable: on Spark, tasks travel to the executors.
 *
 * @param taskId        stable key: journal index in the catalogue's order x combinations + combination index.
 * @param journalPath   journal directory.
 * @param journalSha256 the catalogue's hash of it.
 * @param instruments   its instruments, as the catalogue lists them.
 * @param combination   index of the combination in the grid's order.
 * @param gridKeys      swept keys, normalised as {@code SweepPlan} does.
 * @param gridValues    this task's value of each key.
 * @param configText    the configuration the backtest runs.
 */
public record SweepTask(
    int taskId,
    String journalPath,
    String journalSha256,
    String instruments,
    int combination,
    List<String> gridKeys,
    List<String> gridValues,
    String configText) implements Serializable
{
}
