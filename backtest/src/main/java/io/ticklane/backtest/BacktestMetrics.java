package io.ticklane.backtest;

import java.util.List;

/**
 * The measured picture of one backtest run beyond its totals: PnL split by UTC day, risk statistics of the sampled
 * equity curve, turnover, inventory, quote uptime and spread, markouts, and the bounded series the report's charts
 * are drawn from. A pure function of the journal, the configuration and the models. PnL and turnover are in
 * ticks × lots; times are event-time epoch ns.
 *
 * @param settings          the sampling grids and markout horizons used.
 * @param startNs           first market event.
 * @param endNs             last market event.
 * @param realisedPnl       realised PnL (average cost), including fills of orders played out after the data.
 * @param unrealisedPnl     unrealised PnL at the final mid ((bid + ask) / 2, half ticks kept).
 * @param fees              venue fees (negative: rebates).
 * @param netPnl            realised + unrealised − fees.
 * @param days              PnL per UTC day; they add up to the totals.
 * @param curve             equity sampled on {@link MetricSettings#sampleIntervalNs()}.
 * @param fills             fill reports.
 * @param filledLots        lots filled, both sides.
 * @param turnoverTicksLots Σ price × quantity over fills.
 * @param inventoryMean     time-weighted mean position, lots.
 * @param inventoryStd      time-weighted standard deviation of the position, lots.
 * @param maxLong           largest long position, lots (0 if never long).
 * @param maxShort          largest short position, lots, negative (0 if never short).
 * @param uptimeBoth        share of the data's time with a live bid and a live ask at the venue.
 * @param uptimeBid         share with a live bid.
 * @param uptimeAsk         share with a live ask.
 * @param averageSpread     time-weighted mean of our best ask − best bid while both are live, ticks.
 * @param markouts          markout per horizon.
 * @param markoutEdge       mean side × (mid − fill price) at the fill, ticks.
 * @param fillsWithoutMid   fills left out of markouts because the book was not two-sided.
 * @param series            chart series.
 */
public record BacktestMetrics(
    MetricSettings settings,
    long startNs,
    long endNs,
    double realisedPnl,
    double unrealisedPnl,
    double fees,
    double netPnl,
    List<DayPnl> days,
    EquityCurve curve,
    long fills,
    long filledLots,
    double turnoverTicksLots,
    Statistic inventoryMean,
    Statistic inventoryStd,
    long maxLong,
    long maxShort,
    Statistic uptimeBoth,
    Statistic uptimeBid,
    Statistic uptimeAsk,
    Statistic averageSpread,
    List<Markout> markouts,
    Statistic markoutEdge,
    long fillsWithoutMid,
    Series series)
{
    /**
     * PnL of one UTC day (the first and last days are partial: from the first event, to the end of the run).
     *
     * @param dayStartNs        start of the day's window, epoch ns.
     * @param realised          realised during the day.
     * @param unrealisedChange  change of unrealised PnL over the day.
     * @param fees              fees charged during the day.
     * @param net               realised + unrealised change − fees.
     */
    public record DayPnl(long dayStartNs, double realised, double unrealisedChange, double fees, double net)
    {
    }

    /**
     * Mean markout at one horizon.
     *
     * @param horizonNs the horizon.
     * @param mean      mean signed mid move, ticks (positive: good for us).
     * @param fills     fills resolved.
     * @param excluded  fills excluded (horizon after the data end, or no mid then).
     */
    public record Markout(long horizonNs, Statistic mean, long fills, long excluded)
    {
    }

    /**
     * What the charts are drawn from: samples on the chart grid (mid and quotes as {@code Long.MIN_VALUE} when
     * absent; mid as bid + ask, i.e. twice the mid) and every fill (quantity signed: positive for buys).
     *
     * @param timesNs     chart sample times.
     * @param equity      equity, ticks × lots.
     * @param position    position, lots.
     * @param mid2        bid + ask of the market, ticks.
     * @param bid         our best live bid, ticks.
     * @param ask         our best live ask, ticks.
     * @param fillTimesNs fill times.
     * @param fillPrices  fill prices, ticks.
     * @param fillSigned  fill quantities, lots, signed.
     */
    public record Series(
        long[] timesNs,
        double[] equity,
        long[] position,
        long[] mid2,
        long[] bid,
        long[] ask,
        long[] fillTimesNs,
        long[] fillPrices,
        long[] fillSigned)
    {
    }
}
