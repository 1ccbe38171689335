package io.ticklane.marketmaking.risk;

import io.ticklane.sbe.AdminCommandType;

/**
 * Small, readable limits for the risk tests, with the numbers each expectation is computed from.
 */
final class RiskFixture
{
    static final long T0 = 1_700_000_000_000_000_000L;
    static final long MS = 1_000_000L;
    static final long SECOND = 1_000_000_000L;
    static final long REFERENCE = 1_000;
    static final long BID = 999;
    static final long ASK = 1_001;

    private RiskFixture()
    {
    }

    /**
     * Max order 10 lots, max position 100, max notional 50,000 at 5 per tick per lot (1,000 ticks × 10 lots), collars
     * 20 passive / 5 aggressive, flatten 2 through the touch, 3 open orders, 5 orders and 4 cancels per second, max
     * loss 1,000, max drawdown 1,500, market data stale after 500 ms.
     */
    static RiskLimits limits()
    {
        return new RiskLimits()
            .maxOrderQuantity(10)
            .maxPosition(100)
            .maxNotional(50_000)
            .tickValue(5)
            .priceCollarTicks(20)
            .aggressiveCollarTicks(5)
            .flattenCollarTicks(2)
            .maxOpenOrders(3)
            .maxOrdersPerSecond(5)
            .maxCancelsPerSecond(4)
            .maxDailyLoss(1_000)
            .maxDrawdown(1_500)
            .staleMarketDataMs(500);
    }

    /**
     * A gate with fresh market data at {@link #T0}: reference 1,000, touch 999 / 1,001, flat, nothing working.
     */
    static RiskGate liveGate()
    {
        final RiskGate gate = new RiskGate(limits());
        gate.onMarketData(T0, REFERENCE, BID, ASK);
        return gate;
    }

    static AdminOutcome admin(final RiskGate gate, final AdminCommandType type, final long timeNs)
    {
        return gate.onAdmin(type, timeNs);
    }
}
