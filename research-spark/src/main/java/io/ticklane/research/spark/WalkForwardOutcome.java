package io.ticklane.research.spark;

import java.util.List;

/**
 * What a walk-forward gave: every task's result, each window's pick and figures, and their aggregate.
 *
 * @param tasks   results of every task run (journals in some window, and unreadable ones, x every combination).
 * @param windows each window's result, in the plan's order.
 * @param overall the aggregate.
 */
public record WalkForwardOutcome(List<TaskResult> tasks, List<WindowResult> windows, WalkForwardOverall overall)
{
    /**
     * @return true if every task ran.
     */
    public boolean allTasksRan()
    {
        return tasks.stream().allMatch(TaskResult::ok);
    }
}
