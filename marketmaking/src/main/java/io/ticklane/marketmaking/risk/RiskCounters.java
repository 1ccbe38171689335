package io.ticklane.marketmaking.risk;

/**
 * What the risk gate counted: every rejection by its check, every operator command by its outcome, passed orders and
 * cancels, mode changes and unmatched fills. Per process, never checkpointed (the journal has the history); read by the daemon's
 * counters through {@link RiskGate}.
 */
final class RiskCounters
{
    private final long[] rejections = new long[RiskCheck.values().length];
    private final long[] adminOutcomes = new long[AdminOutcome.values().length];
    long passedOrders;
    long passedCancels;
    long modeChanges;
    long unknownFills;

    RiskCheck reject(final RiskCheck outcome)
    {
        rejections[outcome.ordinal()]++;
        return outcome;
    }

    AdminOutcome admin(final AdminOutcome outcome)
    {
        adminOutcomes[outcome.ordinal()]++;
        return outcome;
    }

    long rejections(final RiskCheck check)
    {
        return rejections[check.ordinal()];
    }

    long adminOutcomes(final AdminOutcome outcome)
    {
        return adminOutcomes[outcome.ordinal()];
    }
}
