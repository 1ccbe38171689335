package io.ticklane.backtest;

import java.util.Map;

/**
 * What one backtest run produced: the strategy's final position and PnL marked at the last mid, the venue's fees and
 * fills, the order flow, and how fast it ran. Everything except {@link #wallClockNs()} and {@link #eventsPerSecond()}
 * is a function of the journal, the configuration and the venue models only, so two runs compare field by field.
 * <p>
 * PnL is in ticks × lots, the unit the venue's fee model charges in: net = realised + unrealised − venue fees.
 *
 * @param marketEvents        market data records fed to the venue (and delivered to the strategy).
 * @param reportsDelivered    execution reports delivered to the strategy.
 * @param firstEventNs        event time of the first market record, epoch ns (0 when none).
 * @param lastEventNs         event time of the last market record, epoch ns.
 * @param position            final signed position, lots.
 * @param lastMid             last mid of the venue's book, ticks ({@code Long.MIN_VALUE} when never two-sided).
 * @param realisedPnl         realised PnL, ticks × lots.
 * @param unrealisedPnl       unrealised PnL at the last mid, ticks × lots.
 * @param fees                fees charged by the venue, ticks × lots (negative for net rebates).
 * @param netPnl              realised + unrealised − fees, ticks × lots.
 * @param newOrders           NewOrder frames the strategy sent.
 * @param cancels             CancelOrder frames the strategy sent.
 * @param replaces            ReplaceOrder frames the strategy sent.
 * @param fills               fill reports the venue produced.
 * @param makerQuantity       lots filled passively.
 * @param takerQuantity       lots filled aggressively.
 * @param venueRejects        requests the venue rejected.
 * @param riskRejections      orders the strategy's risk gate refused.
 * @param venueRejectsByReason the venue's rejects by {@code RejectReason} name, every reason a venue gives (zeros
 *                            too), in the schema's order; they sum to {@code venueRejects}.
 * @param riskRejectsByCheck  the risk gate's refusals by {@code RiskCheck} name, every check (zeros too), in the
 *                            order the gate applies them.
 * @param riskMode            the strategy mode at the end (ACTIVE, REDUCE_ONLY, HALTED): a HALTED strategy stops asking,
 *                            so a halt refuses nothing and shows only here.
 * @param riskModeReason      why (a {@code ModeReason} name; NONE when ACTIVE).
 * @param riskModeSinceNs     event time the mode began, epoch ns ({@code Long.MIN_VALUE} when it never changed).
 * @param riskModeChanges     mode changes over the run.
 * @param bookFramesWhileStale book frames after which the venue's book was not LIVE (nothing fills from it then).
 * @param bookLevelChanges    price-level changes in the market data (each level of a snapshot or an L2 update, each
 *                            order-by-order event) plus trades: the unit other backtesters count their throughput in
 *                            (hftbacktest's rows).
 * @param wallClockNs         wall-clock duration of the run, ns (measurement only).
 */
public record BacktestResult(
    long marketEvents,
    long reportsDelivered,
    long firstEventNs,
    long lastEventNs,
    long position,
    long lastMid,
    double realisedPnl,
    double unrealisedPnl,
    double fees,
    double netPnl,
    long newOrders,
    long cancels,
    long replaces,
    long fills,
    long makerQuantity,
    long takerQuantity,
    long venueRejects,
    long riskRejections,
    Map<String, Long> venueRejectsByReason,
    Map<String, Long> riskRejectsByCheck,
    String riskMode,
    String riskModeReason,
    long riskModeSinceNs,
    long riskModeChanges,
    long bookFramesWhileStale,
    long bookLevelChanges,
    long wallClockNs)
{
    /**
     * @return requests the strategy sent the venue: new orders, cancels and replaces.
     */
    public long requestsSent()
    {
        return newOrders + cancels + replaces;
    }

    /**
     * @return requests the strategy asked its risk gate for: those sent plus those it refused.
     */
    public long requestsAsked()
    {
        return requestsSent() + riskRejections;
    }

    /**
     * @return market events plus reports: every event the loop handled.
     */
    public long events()
    {
        return marketEvents + reportsDelivered;
    }

    /**
     * @return events per wall-clock second (measurement only).
     */
    public double eventsPerSecond()
    {
        return wallClockNs > 0 ? events() * 1e9 / wallClockNs : 0;
    }

    /**
     * @return book level changes and trades per wall-clock second (measurement only).
     */
    public double bookLevelChangesPerSecond()
    {
        return wallClockNs > 0 ? bookLevelChanges * 1e9 / wallClockNs : 0;
    }
}
