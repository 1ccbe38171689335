package io.ticklane.marketmaking.risk;

import io.ticklane.sbe.RiskFlagsDecoder;
import io.ticklane.sbe.RiskGateStateDecoder;
import io.ticklane.sbe.RiskGateStateEncoder;

/**
 * The risk gate's decision state as the {@code RiskGateState} composite of the SBE StrategyCheckpoint, and back:
 * the {@link RiskInputs} and the {@link ModeControl} latches and mode, so a restored gate keeps an operator STOP
 * stopped, a tripped breaker tripped and the PnL peak where it was. Limits are configuration; rate
 * windows and counters are not written (see docs/decisions/crash-recovery.md).
 */
final class RiskGateCheckpoint
{
    private RiskGateCheckpoint()
    {
    }

    static void encode(final RiskInputs inputs, final ModeControl mode, final RiskGateStateEncoder state)
    {
        state.position(inputs.position)
            .workingBuy(inputs.workingBuy)
            .workingSell(inputs.workingSell)
            .openOrders(inputs.openOrders);
        state.flags().clear()
            .positionBreach(inputs.positionBreach)
            .lossBreach(inputs.lossBreach)
            .drawdownBreach(inputs.drawdownBreach)
            .bookStale(inputs.bookStale)
            .operatorStop(mode.operatorStop)
            .flattening(mode.flattening)
            .cancelAllPending(mode.cancelAllPending)
            .venueDisconnected(inputs.venueDisconnected);
        state.referencePrice(inputs.referencePrice)
            .bestBid(inputs.bestBid)
            .bestAsk(inputs.bestAsk)
            .lastMarketDataNs(inputs.lastMarketDataNs)
            .lastVenueNs(inputs.lastVenueNs)
            .pnl(inputs.pnl)
            .peakPnl(inputs.peakPnl)
            .modeSinceNs(mode.modeSinceNs)
            .mode(ModeCodes.code(mode.mode))
            .modeReason(ModeCodes.code(mode.modeReason))
            .latchedBreaker(ModeCodes.code(mode.latchedBreaker));
    }

    static boolean isDecodable(final RiskGateStateDecoder state)
    {
        return null != ModeCodes.mode(state.modeRaw()) && null != ModeCodes.reason(state.modeReasonRaw()) &&
            null != ModeCodes.reason(state.latchedBreakerRaw());
    }

    static void decode(final RiskGateStateDecoder state, final RiskInputs inputs, final ModeControl mode)
    {
        inputs.position = state.position();
        inputs.workingBuy = state.workingBuy();
        inputs.workingSell = state.workingSell();
        inputs.openOrders = state.openOrders();
        final RiskFlagsDecoder flags = state.flags();
        inputs.positionBreach = flags.positionBreach();
        inputs.lossBreach = flags.lossBreach();
        inputs.drawdownBreach = flags.drawdownBreach();
        inputs.bookStale = flags.bookStale();
        inputs.venueDisconnected = flags.venueDisconnected();
        mode.operatorStop = flags.operatorStop();
        mode.flattening = flags.flattening();
        mode.cancelAllPending = flags.cancelAllPending();
        inputs.referencePrice = state.referencePrice();
        inputs.bestBid = state.bestBid();
        inputs.bestAsk = state.bestAsk();
        inputs.lastMarketDataNs = state.lastMarketDataNs();
        inputs.lastVenueNs = state.lastVenueNs();
        inputs.pnl = state.pnl();
        inputs.peakPnl = state.peakPnl();
        mode.modeSinceNs = state.modeSinceNs();
        mode.mode = ModeCodes.mode(state.modeRaw());
        mode.modeReason = ModeCodes.reason(state.modeReasonRaw());
        mode.latchedBreaker = ModeCodes.reason(state.latchedBreakerRaw());
    }
}
