package io.ticklane.marketmaking.risk;

import io.ticklane.marketmaking.StrategyMode;
import io.ticklane.sbe.AdminCommandType;

/**
 * The operator's hand on the gate: STOP, FLATTEN, CANCEL_ALL and RESUME, and the flatten orders that work the
 * position to zero while FLATTEN holds. Every command's outcome is counted; RESUME is refused while nothing is latched
 * or while a breach is active. No token is checked here: a command reaches the gate only after the daemon's receiver
 * authenticated it (or from a journal, which holds only commands that were).
 */
final class OperatorCommands
{
    private final Flattener flattener = new Flattener();
    private final long flattenCollarTicks;
    private final long maxOrderQuantity;
    private final RiskInputs inputs;
    private final ModeControl mode;
    private final RiskCounters counters;

    OperatorCommands(final RiskLimits limits, final RiskInputs inputs, final ModeControl mode, final RiskCounters counters)
    {
        flattenCollarTicks = limits.flattenCollarTicks();
        maxOrderQuantity = limits.maxOrderQuantity();
        this.inputs = inputs;
        this.mode = mode;
        this.counters = counters;
    }

    AdminOutcome onAdmin(final short commandRaw, final long timeNs)
    {
        if (AdminCommandType.STOP.value() == commandRaw)
        {
            mode.operatorStop = true;
            mode.flattening = false;
            return cancelAllAfterAdmin(timeNs);
        }
        if (AdminCommandType.FLATTEN.value() == commandRaw)
        {
            mode.operatorStop = false;
            mode.flattening = true;
            return cancelAllAfterAdmin(timeNs);
        }
        if (AdminCommandType.CANCEL_ALL.value() == commandRaw)
        {
            return cancelAllAfterAdmin(timeNs);
        }
        if (AdminCommandType.RESUME.value() == commandRaw)
        {
            return resume(timeNs);
        }
        return counters.admin(AdminOutcome.REJECTED_UNKNOWN_COMMAND);
    }

    private AdminOutcome cancelAllAfterAdmin(final long timeNs)
    {
        mode.evaluate(timeNs);
        mode.cancelAllPending = false; // the outcome asks for it
        return counters.admin(AdminOutcome.CANCEL_ALL_REQUIRED);
    }

    private AdminOutcome resume(final long timeNs)
    {
        mode.evaluate(timeNs);
        if (!mode.operatorStop && !mode.flattening && ModeReason.NONE == mode.latchedBreaker)
        {
            return counters.admin(AdminOutcome.RESUME_REFUSED_NOTHING_TO_RESUME);
        }
        if (mode.isBreachActive(timeNs))
        {
            return counters.admin(AdminOutcome.RESUME_REFUSED_BREACH_ACTIVE);
        }
        mode.operatorStop = false;
        mode.flattening = false;
        mode.latchedBreaker = ModeReason.NONE;
        mode.evaluate(timeNs);
        return counters.admin(AdminOutcome.RESUMED);
    }

    boolean nextFlattenOrder()
    {
        return mode.flattening && StrategyMode.REDUCE_ONLY == mode.mode && flattener.compute(inputs.position,
            inputs.workingBuy, inputs.workingSell, inputs.bestBid, inputs.bestAsk, flattenCollarTicks, maxOrderQuantity);
    }

    Flattener flattener()
    {
        return flattener;
    }
}
