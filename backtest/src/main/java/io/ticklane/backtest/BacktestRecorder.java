package io.ticklane.backtest;

import io.ticklane.marketmaking.order.Position;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportDecoder;
import io.ticklane.sbe.LiquidityFlag;
import io.ticklane.sbe.Side;

import java.util.ArrayList;
import java.util.List;

/**
 * Records what a backtest's metrics need, from the venue's side of the run (venue time, as the fills happen): the
 * driver tells it of each market event's time and resulting mid, and of every execution report. It keeps PnL by
 * average cost, our live quotes, time-weighted inventory, uptime and spread, markouts, and compact samples on fixed
 * grids of event time (equity for the risk statistics, a finer grid for charts, UTC day boundaries).
 * <p>
 * Per market event the cost is a field write and one comparison against the next due time; samples are appended
 * only on the grids and on fills, into growable primitive arrays. Wall-clock time never enters.
 */
public final class BacktestRecorder
{
    /**
     * Twice-mid value meaning "no two-sided book".
     */
    public static final long NO_MID = Long.MIN_VALUE;

    private final MetricSettings settings;
    private final Position ledger = new Position(0, 1, 0, 0);
    private final OwnQuotes quotes = new OwnQuotes();
    private final TimeWeighted inventory = new TimeWeighted();
    private final TimeWeighted bothQuoted = new TimeWeighted();
    private final TimeWeighted bidQuoted = new TimeWeighted();
    private final TimeWeighted askQuoted = new TimeWeighted();
    private final TimeWeighted spread = new TimeWeighted();
    private final Markouts markouts;

    private final LongSeries curveTimes = new LongSeries(1024);
    private final DoubleSeries curveEquity = new DoubleSeries(1024);
    private final LongSeries chartTimes = new LongSeries(4096);
    private final DoubleSeries chartEquity = new DoubleSeries(4096);
    private final LongSeries chartPosition = new LongSeries(4096);
    private final LongSeries chartMid2 = new LongSeries(4096);
    private final LongSeries chartBid = new LongSeries(4096);
    private final LongSeries chartAsk = new LongSeries(4096);
    private final LongSeries fillTimes = new LongSeries(1024);
    private final LongSeries fillPrices = new LongSeries(1024);
    private final LongSeries fillSigned = new LongSeries(1024);
    private final LongSeries dayStarts = new LongSeries(8);
    private final DoubleSeries dayRealised = new DoubleSeries(8);
    private final DoubleSeries dayUnrealised = new DoubleSeries(8);
    private final DoubleSeries dayFees = new DoubleSeries(8);

    private long mid2 = NO_MID;
    private double fees;
    private double turnoverTicksLots;
    private long filledLots;
    private long fills;
    private long maxLong;
    private long maxShort;
    private long nextSampleNs = Long.MAX_VALUE;
    private long nextChartNs = Long.MAX_VALUE;
    private long nextDayNs = Long.MAX_VALUE;
    private long nextDueNs = Long.MAX_VALUE;
    private long startNs;
    private long endNs;
    private boolean started;
    private boolean ended;

    /**
     * @param settings grids and horizons.
     */
    public BacktestRecorder(final MetricSettings settings)
    {
        this.settings = settings;
        this.markouts = new Markouts(settings.markoutHorizonsNs());
    }

    /**
     * The first market event's time, before it is applied: the measured window starts here.
     *
     * @param timeNs event time.
     */
    public void start(final long timeNs)
    {
        started = true;
        startNs = timeNs;
        curveTimes.add(timeNs);
        curveEquity.add(0);
        nextSampleNs = gridAfter(timeNs, settings.sampleIntervalNs());
        nextChartNs = gridAfter(timeNs, settings.chartIntervalNs());
        nextDayNs = gridAfter(timeNs, MetricSettings.DAY_NS);
        dayStarts.add(timeNs);
        dayRealised.add(0);
        dayUnrealised.add(0);
        dayFees.add(0);
        inventory.set(timeNs, 0, true);
        quotesChanged(timeNs);
        updateNextDue();
    }

    private static long gridAfter(final long timeNs, final long intervalNs)
    {
        return Math.floorDiv(timeNs, intervalNs) * intervalNs + intervalNs;
    }

    /**
     * Before anything at {@code timeNs} is applied (a market event, a fill): samples and markouts due earlier are
     * taken with the current state. One comparison unless something is due.
     *
     * @param timeNs event time, non-decreasing.
     */
    public void onTime(final long timeNs)
    {
        if (nextDueNs < timeNs)
        {
            advance(timeNs, false);
        }
    }

    /**
     * @param mid2 bid + ask of the venue's book after a market event, ticks, or {@link #NO_MID}.
     */
    public void onMid(final long mid2)
    {
        this.mid2 = mid2;
    }

    private void advance(final long timeNs, final boolean inclusive)
    {
        while (true)
        {
            final long due = Math.min(nextSampleNs, Math.min(nextChartNs, nextDayNs));
            if (due > timeNs || (due == timeNs && !inclusive))
            {
                break;
            }
            final double equity = equity();
            if (due == nextSampleNs)
            {
                curveTimes.add(due);
                curveEquity.add(equity);
                nextSampleNs += settings.sampleIntervalNs();
            }
            if (due == nextChartNs)
            {
                chartSample(due, equity);
                nextChartNs += settings.chartIntervalNs();
            }
            if (due == nextDayNs)
            {
                dayStarts.add(due);
                dayRealised.add(ledger.realisedPnlTicksLots());
                dayUnrealised.add(unrealised());
                dayFees.add(fees);
                nextDayNs += MetricSettings.DAY_NS;
            }
        }
        if (inclusive)
        {
            markouts.finish(timeNs, mid2);
        }
        else
        {
            markouts.advance(timeNs, mid2);
        }
        updateNextDue();
    }

    private void chartSample(final long timeNs, final double equity)
    {
        chartTimes.add(timeNs);
        chartEquity.add(equity);
        chartPosition.add(ledger.position());
        chartMid2.add(mid2);
        chartBid.add(quotes.bestBid());
        chartAsk.add(quotes.bestAsk());
    }

    private void updateNextDue()
    {
        nextDueNs = Math.min(Math.min(nextSampleNs, nextChartNs), Math.min(nextDayNs, markouts.nextDueNs()));
    }

    /**
     * An execution report from the venue, read inside the venue's report handler.
     *
     * @param report decoder positioned on the report.
     * @param fee    the venue's fee of this report's fill, ticks × lots (ignored for other reports).
     */
    public void onReport(final ExecutionReportDecoder report, final double fee)
    {
        final long timeNs = report.venueTimeNs();
        if (started && !ended)
        {
            onTime(timeNs);
        }
        final short execType = report.execTypeRaw();
        final boolean buy = Side.BUY.value() == report.sideRaw();
        if (ExecType.PARTIAL_FILL.value() == execType || ExecType.FILL.value() == execType)
        {
            onFill(timeNs, buy, report.lastPrice(), report.lastQuantity(), LiquidityFlag.MAKER.value() == report.liquidityRaw(), fee);
            if (ExecType.FILL.value() == execType)
            {
                quotes.onDone(report.venueOrderId());
            }
        }
        else if (ExecType.ACK.value() == execType)
        {
            quotes.onLive(report.venueOrderId(), buy, report.price());
        }
        else if (ExecType.REPLACED.value() == execType)
        {
            quotes.onReplaced(report.venueOrderId(), buy, report.price());
        }
        else if (ExecType.CANCELLED.value() == execType)
        {
            quotes.onDone(report.venueOrderId());
        }
        if (started && !ended)
        {
            quotesChanged(timeNs);
        }
    }

    private void onFill(final long timeNs, final boolean buy, final long price, final long quantity, final boolean maker,
        final double fee)
    {
        final int sign = buy ? 1 : -1;
        ledger.onFill(buy ? Side.BUY : Side.SELL, price, quantity, maker);
        fees += fee;
        fills++;
        filledLots += quantity;
        turnoverTicksLots += (double)price * quantity;
        fillTimes.add(timeNs);
        fillPrices.add(price);
        fillSigned.add(sign * quantity);
        final long position = ledger.position();
        maxLong = Math.max(maxLong, position);
        maxShort = Math.min(maxShort, position);
        if (started && !ended)
        {
            inventory.set(timeNs, position, true);
            markouts.onFill(timeNs, sign, price, mid2);
            updateNextDue();
        }
    }

    private void quotesChanged(final long timeNs)
    {
        final long bid = quotes.bestBid();
        final long ask = quotes.bestAsk();
        final boolean hasBid = OwnQuotes.NONE != bid;
        final boolean hasAsk = OwnQuotes.NONE != ask;
        bidQuoted.set(timeNs, hasBid ? 1 : 0, true);
        askQuoted.set(timeNs, hasAsk ? 1 : 0, true);
        bothQuoted.set(timeNs, hasBid && hasAsk ? 1 : 0, true);
        spread.set(timeNs, hasBid && hasAsk ? ask - bid : 0, hasBid && hasAsk);
    }

    /**
     * The last market event has been applied: samples up to and including {@code timeNs} are taken, markouts due
     * by then resolved (the rest excluded) and the time-weighted window closed. Fills after this (orders still in
     * flight) count in the totals only.
     *
     * @param timeNs event time of the last market event.
     */
    public void endOfData(final long timeNs)
    {
        if (!started)
        {
            return;
        }
        advance(timeNs, true);
        if (curveTimes.get(curveTimes.size() - 1) != timeNs)
        {
            curveTimes.add(timeNs);
            curveEquity.add(equity());
        }
        chartSample(timeNs, equity());
        inventory.finish(timeNs);
        bothQuoted.finish(timeNs);
        bidQuoted.finish(timeNs);
        askQuoted.finish(timeNs);
        spread.finish(timeNs);
        endNs = timeNs;
        ended = true;
    }

    private double unrealised()
    {
        final long position = ledger.position();
        return 0 == position || NO_MID == mid2 ? 0 : (mid2 * 0.5 - ledger.averagePrice()) * position;
    }

    private double equity()
    {
        return ledger.realisedPnlTicksLots() + unrealised() - fees;
    }

    /**
     * @return the metrics of the run: call after {@link #endOfData} and after the in-flight orders played out.
     */
    public BacktestMetrics metrics()
    {
        final List<BacktestMetrics.DayPnl> days = new ArrayList<>();
        for (int d = 0; d < dayStarts.size(); d++)
        {
            final boolean last = d == dayStarts.size() - 1;
            final double realised = (last ? ledger.realisedPnlTicksLots() : dayRealised.get(d + 1)) - dayRealised.get(d);
            final double unrealisedChange = (last ? unrealised() : dayUnrealised.get(d + 1)) - dayUnrealised.get(d);
            final double dayFee = (last ? fees : dayFees.get(d + 1)) - dayFees.get(d);
            days.add(new BacktestMetrics.DayPnl(dayStarts.get(d), realised, unrealisedChange, dayFee,
                realised + unrealisedChange - dayFee));
        }
        final EquityCurve curve = new EquityCurve(curveTimes.toArray(), curveEquity.toArray(), settings.sampleIntervalNs());
        final long[] horizons = settings.markoutHorizonsNs();
        final BacktestMetrics.Markout[] markout = new BacktestMetrics.Markout[horizons.length];
        for (int h = 0; h < horizons.length; h++)
        {
            markout[h] = new BacktestMetrics.Markout(horizons[h], markouts.mean(h), markouts.count(h), markouts.excluded(h));
        }
        final double windowNs = endNs - startNs;
        return new BacktestMetrics(
            settings,
            startNs,
            endNs,
            ledger.realisedPnlTicksLots(),
            unrealised(),
            fees,
            equity(),
            List.copyOf(days),
            curve,
            fills,
            filledLots,
            turnoverTicksLots,
            inventory.mean(),
            inventory.std(),
            maxLong,
            maxShort,
            share(bothQuoted, windowNs),
            share(bidQuoted, windowNs),
            share(askQuoted, windowNs),
            spread.mean(),
            List.of(markout),
            markouts.meanEdge(),
            markouts.withoutMid(),
            new BacktestMetrics.Series(chartTimes.toArray(), chartEquity.toArray(), chartPosition.toArray(),
                chartMid2.toArray(), chartBid.toArray(), chartAsk.toArray(), fillTimes.toArray(), fillPrices.toArray(),
                fillSigned.toArray()));
    }

    private static Statistic share(final TimeWeighted quoted, final double windowNs)
    {
        return windowNs > 0 ? quoted.mean() : Statistic.undefined("the data spans no time");
    }
}
