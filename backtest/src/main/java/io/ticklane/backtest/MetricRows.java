package io.ticklane.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The metrics of a report as (name, text) rows, in one order and one wording for the HTML table and the console:
 * units in the names, undefined values with their reason.
 */
public final class MetricRows
{
    private MetricRows()
    {
    }

    /**
     * @param report the report.
     * @return rows of {name, value}.
     */
    public static List<String[]> of(final BacktestReport report)
    {
        final BacktestMetrics m = report.metrics();
        final BacktestResult r = report.result();
        final EquityCurve curve = m.curve();
        final EquityCurve.Drawdown drawdown = curve.maxDrawdown();
        final double money = report.moneyPerTickLot();
        final List<String[]> rows = new ArrayList<>();
        rows.add(row("window (UTC)", java.time.Instant.ofEpochSecond(0, m.startNs()) + " .. " +
            java.time.Instant.ofEpochSecond(0, m.endNs())));
        rows.add(row("net PnL (ticks x lots)", num(m.netPnl())));
        rows.add(row("net PnL (money)", num(m.netPnl() * money)));
        rows.add(row("realised PnL (ticks x lots)", num(m.realisedPnl())));
        rows.add(row("unrealised PnL at the last mid (ticks x lots)", num(m.unrealisedPnl())));
        rows.add(row("fees (ticks x lots, negative = rebate)", num(m.fees())));
        rows.add(row("equity sampling interval (s)", num(m.settings().sampleIntervalNs() / 1e9)));
        rows.add(row("returns sampled", Long.toString(curve.returnCount())));
        rows.add(row("Sharpe (annualised, 365 x 24 h)", text(curve.sharpe())));
        rows.add(row("Sortino (annualised, 365 x 24 h)", text(curve.sortino())));
        rows.add(row("Calmar", text(curve.calmar())));
        rows.add(row("max drawdown (ticks x lots)", num(drawdown.depth())));
        rows.add(row("max drawdown duration (s)", num(drawdown.durationNs() / 1e9) +
            (drawdown.recovered() ? "" : " (not recovered by the end)")));
        rows.add(row("turnover (ticks x lots)", num(m.turnoverTicksLots())));
        rows.add(row("turnover (money)", num(m.turnoverTicksLots() * money)));
        rows.add(row("filled lots", Long.toString(m.filledLots())));
        rows.add(row("orders new / cancel / replace", r.newOrders() + " / " + r.cancels() + " / " + r.replaces()));
        rows.add(row("fills", Long.toString(r.fills())));
        rows.add(row("risk rejects by check", RejectShares.riskLine(r)));
        rows.add(row("venue rejects by reason", RejectShares.venueLine(r)));
        rows.add(row("risk mode", RejectShares.modeLine(r)));
        rows.add(row("fill ratio (fills per new order)", text(ReportJson.fillRatio(r))));
        rows.add(row("order-to-trade (order messages per fill)", text(ReportJson.orderToTrade(r))));
        rows.add(row("inventory mean (lots, time-weighted)", text(m.inventoryMean())));
        rows.add(row("inventory std (lots, time-weighted)", text(m.inventoryStd())));
        rows.add(row("inventory max long / short (lots)", m.maxLong() + " / " + m.maxShort()));
        rows.add(row("quote uptime both sides", percent(m.uptimeBoth())));
        rows.add(row("quote uptime bid / ask", percent(m.uptimeBid()) + " / " + percent(m.uptimeAsk())));
        rows.add(row("average quoted spread (ticks)", text(m.averageSpread())));
        rows.add(row("edge at fill (ticks, side x (mid - price))", text(m.markoutEdge())));
        for (final BacktestMetrics.Markout markout : m.markouts())
        {
            rows.add(row("markout +" + num(markout.horizonNs() / 1e6) + " ms (ticks)", text(markout.mean()) + " over " +
                markout.fills() + " fills, " + markout.excluded() + " excluded"));
        }
        rows.add(row("queue / latency / fees", report.models().queue() + " / " + report.models().latency() + " / " +
            report.models().fees()));
        rows.add(row("fill-illusion guard: net PnL risk-averse / " + report.guard().optimisticName(),
            num(report.guard().riskAverse().netPnl()) + " / " + num(report.guard().optimistic().netPnl()) +
            " (difference " + num(report.guard().difference()) + ")"));
        return rows;
    }

    private static String[] row(final String name, final String value)
    {
        return new String[]{name, value};
    }

    private static String num(final double value)
    {
        return String.format(Locale.ROOT, "%.4f", value).replaceAll("\\.?0+$", "");
    }

    private static String text(final Statistic statistic)
    {
        return statistic.defined() ? num(statistic.value()) : "undefined: " + statistic.undefined();
    }

    private static String percent(final Statistic statistic)
    {
        return statistic.defined() ? String.format(Locale.ROOT, "%.2f%%", 100 * statistic.value()) :
            "undefined: " + statistic.undefined();
    }
}
