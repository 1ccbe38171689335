package io.ticklane.marketmaking.risk;

import io.ticklane.marketmaking.StrategyMode;

/**
 * The strategy mode and why: derived from the {@link RiskInputs} and the latches (operator STOP and FLATTEN, a
 * tripped loss or drawdown breaker, an unmatched fill) by a fixed precedence, re-derived at every event. A move to a
 * stricter mode leaves a pending cancel-all for the caller to take. The precedence is described on {@link ModeReason}
 * and {@link RiskGate}.
 */
final class ModeControl
{
    private final RiskInputs inputs;
    private final RiskCounters counters;
    private final long staleMarketDataNs;
    private final long venueSilenceNs;

    boolean operatorStop;
    boolean flattening;
    ModeReason latchedBreaker = ModeReason.NONE;
    StrategyMode mode = StrategyMode.ACTIVE;
    ModeReason modeReason = ModeReason.NONE;
    long modeSinceNs = RiskInputs.NO_TIME;
    boolean cancelAllPending;

    ModeControl(
        final RiskInputs inputs, final RiskCounters counters, final long staleMarketDataNs, final long venueSilenceNs)
    {
        this.inputs = inputs;
        this.counters = counters;
        this.staleMarketDataNs = staleMarketDataNs;
        this.venueSilenceNs = venueSilenceNs;
    }

    /**
     * Latches an unmatched fill, unless a breaker is latched already (the first one holds); like a loss breach it
     * holds until an operator RESUME.
     */
    void latchUnknownFill()
    {
        if (ModeReason.NONE == latchedBreaker)
        {
            latchedBreaker = ModeReason.UNKNOWN_FILL;
        }
    }

    /**
     * Latches the first loss or drawdown breach; it holds until an operator RESUME.
     */
    void latchBreaker()
    {
        if (ModeReason.NONE == latchedBreaker)
        {
            latchedBreaker = inputs.lossBreach ? ModeReason.DAILY_LOSS :
                inputs.drawdownBreach ? ModeReason.DRAWDOWN : ModeReason.NONE;
        }
    }

    boolean watchesVenueSilence()
    {
        return venueSilenceNs > 0;
    }

    boolean isBreachActive(final long timeNs)
    {
        return inputs.lossBreach || inputs.drawdownBreach || inputs.positionBreach || inputs.bookStale ||
            inputs.venueDisconnected || isMarketDataStale(timeNs) || isVenueSilent(timeNs);
    }

    private boolean isVenueSilent(final long timeNs)
    {
        return venueSilenceNs > 0 && RiskInputs.NO_TIME != inputs.lastVenueNs &&
            timeNs - inputs.lastVenueNs > venueSilenceNs;
    }

    private boolean isMarketDataStale(final long timeNs)
    {
        return RiskInputs.NO_TIME != inputs.lastMarketDataNs && timeNs - inputs.lastMarketDataNs > staleMarketDataNs;
    }

    RiskAction takeAction()
    {
        if (cancelAllPending)
        {
            cancelAllPending = false;
            return RiskAction.CANCEL_ALL_REQUIRED;
        }
        return RiskAction.NONE;
    }

    RiskAction evaluateAndTakeAction(final long timeNs)
    {
        evaluate(timeNs);
        return takeAction();
    }

    void evaluate(final long timeNs)
    {
        final StrategyMode newMode;
        final ModeReason newReason;
        if (operatorStop)
        {
            newMode = StrategyMode.HALTED;
            newReason = ModeReason.OPERATOR_STOP;
        }
        else if (ModeReason.NONE != latchedBreaker)
        {
            newMode = StrategyMode.HALTED;
            newReason = latchedBreaker;
        }
        else if (inputs.bookStale)
        {
            newMode = StrategyMode.HALTED;
            newReason = ModeReason.BOOK_STALE;
        }
        else if (inputs.venueDisconnected)
        {
            newMode = StrategyMode.HALTED;
            newReason = ModeReason.VENUE_DISCONNECTED;
        }
        else if (isVenueSilent(timeNs))
        {
            newMode = StrategyMode.HALTED;
            newReason = ModeReason.VENUE_SILENT;
        }
        else if (isMarketDataStale(timeNs))
        {
            newMode = StrategyMode.HALTED;
            newReason = ModeReason.STALE_MARKET_DATA;
        }
        else if (flattening)
        {
            newMode = StrategyMode.REDUCE_ONLY;
            newReason = ModeReason.OPERATOR_FLATTEN;
        }
        else if (inputs.positionBreach)
        {
            newMode = StrategyMode.REDUCE_ONLY;
            newReason = ModeReason.POSITION_LIMIT;
        }
        else
        {
            newMode = StrategyMode.ACTIVE;
            newReason = ModeReason.NONE;
        }

        if (newMode != mode || newReason != modeReason)
        {
            if (strictness(newMode) > strictness(mode))
            {
                cancelAllPending = true;
            }
            mode = newMode;
            modeReason = newReason;
            modeSinceNs = timeNs;
            counters.modeChanges++;
        }
    }

    private static int strictness(final StrategyMode mode)
    {
        switch (mode)
        {
            case HALTED:
                return 2;
            case REDUCE_ONLY:
                return 1;
            default:
                return 0;
        }
    }
}
