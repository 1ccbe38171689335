package io.ticklane.backtest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Writes {@code report.json}: a backtest's inputs, models, totals and metrics, deterministic for the same journal,
 * configuration, models and code (field order fixed, doubles in Java's shortest round-trip form), with the wall
 * clock and paths in a separate {@code run} object. An undefined statistic is written as {@code null} with a sibling
 * {@code <name>_undefined} saying why, never as NaN.
 */
public final class ReportJson
{
    /**
     * Identifies this layout of the report.
     */
    public static final String FORMAT = "ticklane-backtest-report/3";

    private ReportJson()
    {
    }

    /**
     * @param file   written (replaced).
     * @param report what to write.
     * @throws IOException if the file cannot be written.
     */
    public static void write(final Path file, final BacktestReport report) throws IOException
    {
        try (JsonGenerator gen = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8))
        {
            gen.useDefaultPrettyPrinter();
            gen.writeStartObject();
            gen.writeStringField("format", FORMAT);
            gen.writeStringField("journal_sha256", report.journal().sha256());
            gen.writeNumberField("journal_records", report.journal().records());
            gen.writeStringField("config_sha256", report.configSha256());
            gen.writeStringField("code_version", report.codeVersion());
            instrument(gen, report);
            gen.writeObjectFieldStart("strategy");
            gen.writeStringField("quoter", report.quoterSpec());
            gen.writeObjectFieldStart("overrides");
            for (final Map.Entry<String, String> entry : report.overrides().entrySet())
            {
                gen.writeStringField(entry.getKey(), entry.getValue());
            }
            gen.writeEndObject();
            gen.writeEndObject();
            final BacktestReport.Models models = report.models();
            gen.writeObjectFieldStart("models");
            gen.writeStringField("queue", models.queue());
            gen.writeStringField("latency", models.latency());
            gen.writeStringField("latency_source", models.latencySource());
            gen.writeStringField("fees", models.fees());
            gen.writeNumberField("maker_bps", models.makerBps());
            gen.writeNumberField("taker_bps", models.takerBps());
            gen.writeNumberField("timer_interval_ms", models.timerIntervalMs());
            gen.writeEndObject();
            gen.writeObjectFieldStart("realised_latency_ns");
            distribution(gen, "tick_to_venue_arrival", report.latency().tickToVenueArrival());
            distribution(gen, "order_round_trip", report.latency().orderRoundTrip());
            gen.writeEndObject();
            gen.writeStringField("pnl_unit", "ticks x lots");
            gen.writeFieldName("result");
            result(gen, report.result());
            metrics(gen, report);
            final BacktestReport.Guard guard = report.guard();
            gen.writeObjectFieldStart("fill_illusion_guard");
            gen.writeStringField("risk_averse_queue", "risk-averse");
            gen.writeNumberField("risk_averse_net_pnl", guard.riskAverse().netPnl());
            gen.writeNumberField("risk_averse_fills", guard.riskAverse().fills());
            gen.writeStringField("optimistic_queue", guard.optimisticName());
            gen.writeNumberField("optimistic_net_pnl", guard.optimistic().netPnl());
            gen.writeNumberField("optimistic_fills", guard.optimistic().fills());
            gen.writeNumberField("risk_averse_book_frames_while_stale", guard.riskAverse().bookFramesWhileStale());
            gen.writeNumberField("optimistic_book_frames_while_stale", guard.optimistic().bookFramesWhileStale());
            gen.writeNumberField("net_pnl_difference", guard.difference());
            gen.writeEndObject();
            final BacktestReport.Run run = report.run();
            gen.writeObjectFieldStart("run");
            gen.writeStringField("journal", run.journalPath());
            gen.writeStringField("config", run.configPath());
            gen.writeNumberField("wall_clock_s", run.wallClockNs() / 1e9);
            gen.writeNumberField("events_per_second", report.result().events() * 1e9 / Math.max(1, run.wallClockNs()));
            gen.writeNumberField("book_level_changes_per_second",
                report.result().bookLevelChanges() * 1e9 / Math.max(1, run.wallClockNs()));
            gen.writeNumberField("guard_wall_clock_s", run.guardWallClockNs() / 1e9);
            gen.writeEndObject();
            gen.writeEndObject();
        }
    }

    private static void distribution(final JsonGenerator gen, final String name, final RealisedLatency.Distribution d)
        throws IOException
    {
        gen.writeObjectFieldStart(name);
        gen.writeNumberField("count", d.count());
        gen.writeNumberField("min", d.min());
        gen.writeNumberField("p50", d.p50());
        gen.writeNumberField("p99", d.p99());
        gen.writeNumberField("max", d.max());
        gen.writeEndObject();
    }

    private static void instrument(final JsonGenerator gen, final BacktestReport report) throws IOException
    {
        gen.writeObjectFieldStart("instrument");
        gen.writeNumberField("id", report.instrument().id());
        gen.writeStringField("symbol", report.instrument().symbol());
        gen.writeNumberField("tick_size", report.instrument().tickSize());
        gen.writeNumberField("lot_size", report.instrument().lotSize());
        gen.writeNumberField("price_exponent", report.instrument().priceExponent());
        gen.writeNumberField("quantity_exponent", report.instrument().quantityExponent());
        gen.writeNumberField("money_per_tick_lot", report.moneyPerTickLot());
        gen.writeEndObject();
    }

    private static void result(final JsonGenerator gen, final BacktestResult r) throws IOException
    {
        gen.writeStartObject();
        gen.writeNumberField("events", r.events());
        gen.writeNumberField("market_events", r.marketEvents());
        gen.writeNumberField("reports", r.reportsDelivered());
        gen.writeNumberField("first_event_ns", r.firstEventNs());
        gen.writeNumberField("last_event_ns", r.lastEventNs());
        gen.writeNumberField("position", r.position());
        if (Long.MIN_VALUE == r.lastMid())
        {
            gen.writeNullField("last_mid");
        }
        else
        {
            gen.writeNumberField("last_mid", r.lastMid());
        }
        gen.writeNumberField("realised_pnl", r.realisedPnl());
        gen.writeNumberField("unrealised_pnl", r.unrealisedPnl());
        gen.writeNumberField("fees", r.fees());
        gen.writeNumberField("net_pnl", r.netPnl());
        gen.writeObjectFieldStart("orders");
        gen.writeNumberField("new", r.newOrders());
        gen.writeNumberField("cancel", r.cancels());
        gen.writeNumberField("replace", r.replaces());
        gen.writeEndObject();
        gen.writeNumberField("fills", r.fills());
        gen.writeNumberField("maker_quantity", r.makerQuantity());
        gen.writeNumberField("taker_quantity", r.takerQuantity());
        gen.writeNumberField("venue_rejects", r.venueRejects());
        gen.writeNumberField("risk_rejections", r.riskRejections());
        counts(gen, "venue_rejects_by_reason", r.venueRejectsByReason());
        counts(gen, "risk_rejections_by_check", r.riskRejectsByCheck());
        gen.writeObjectFieldStart("risk_mode_at_end");
        gen.writeStringField("mode", r.riskMode());
        gen.writeStringField("reason", r.riskModeReason());
        if (Long.MIN_VALUE == r.riskModeSinceNs() || 0 == r.riskModeChanges())
        {
            gen.writeNullField("since_ns");
        }
        else
        {
            gen.writeNumberField("since_ns", r.riskModeSinceNs());
        }
        gen.writeNumberField("changes", r.riskModeChanges());
        gen.writeEndObject();
        gen.writeNumberField("book_frames_while_stale", r.bookFramesWhileStale());
        gen.writeNumberField("book_level_changes", r.bookLevelChanges());
        gen.writeEndObject();
    }

    private static void counts(final JsonGenerator gen, final String name, final Map<String, Long> counts) throws IOException
    {
        gen.writeObjectFieldStart(name);
        for (final Map.Entry<String, Long> count : counts.entrySet())
        {
            gen.writeNumberField(count.getKey(), count.getValue());
        }
        gen.writeEndObject();
    }

    private static void metrics(final JsonGenerator gen, final BacktestReport report) throws IOException
    {
        final BacktestMetrics m = report.metrics();
        final BacktestResult r = report.result();
        final double money = report.moneyPerTickLot();
        final EquityCurve curve = m.curve();
        gen.writeObjectFieldStart("metrics");
        gen.writeObjectFieldStart("window");
        gen.writeNumberField("start_ns", m.startNs());
        gen.writeNumberField("end_ns", m.endNs());
        gen.writeStringField("start_utc", Instant.ofEpochSecond(0, m.startNs()).toString());
        gen.writeStringField("end_utc", Instant.ofEpochSecond(0, m.endNs()).toString());
        gen.writeNumberField("duration_s", (m.endNs() - m.startNs()) / 1e9);
        gen.writeEndObject();

        gen.writeObjectFieldStart("sampling");
        gen.writeNumberField("equity_interval_s", m.settings().sampleIntervalNs() / 1e9);
        gen.writeNumberField("returns", curve.returnCount());
        gen.writeStringField("annualisation", "sqrt(intervals in a 365-day year of 24 h)");
        gen.writeNumberField("annualisation_factor", curve.annualisation());
        gen.writeNumberField("chart_interval_s", m.settings().chartIntervalNs() / 1e9);
        gen.writeEndObject();

        gen.writeObjectFieldStart("pnl");
        gen.writeNumberField("realised", m.realisedPnl());
        gen.writeNumberField("unrealised", m.unrealisedPnl());
        gen.writeNumberField("fees", m.fees());
        gen.writeNumberField("net", m.netPnl());
        gen.writeNumberField("net_money", m.netPnl() * money);
        gen.writeEndObject();

        gen.writeArrayFieldStart("per_day");
        for (final BacktestMetrics.DayPnl day : m.days())
        {
            gen.writeStartObject();
            gen.writeStringField("date_utc", Instant.ofEpochSecond(0, day.dayStartNs()).toString().substring(0, 10));
            gen.writeNumberField("realised", day.realised());
            gen.writeNumberField("unrealised_change", day.unrealisedChange());
            gen.writeNumberField("fees", day.fees());
            gen.writeNumberField("net", day.net());
            gen.writeEndObject();
        }
        gen.writeEndArray();

        statistic(gen, "sharpe", curve.sharpe());
        statistic(gen, "sortino", curve.sortino());
        statistic(gen, "calmar", curve.calmar());
        final EquityCurve.Drawdown drawdown = curve.maxDrawdown();
        gen.writeObjectFieldStart("max_drawdown");
        gen.writeNumberField("depth", drawdown.depth());
        gen.writeNumberField("depth_money", drawdown.depth() * money);
        gen.writeNumberField("peak_ns", drawdown.peakNs());
        gen.writeNumberField("trough_ns", drawdown.troughNs());
        gen.writeNumberField("end_ns", drawdown.endNs());
        gen.writeNumberField("duration_s", drawdown.durationNs() / 1e9);
        gen.writeBooleanField("recovered", drawdown.recovered());
        gen.writeEndObject();

        gen.writeObjectFieldStart("turnover");
        gen.writeNumberField("filled_lots", m.filledLots());
        gen.writeNumberField("ticks_x_lots", m.turnoverTicksLots());
        gen.writeNumberField("money", m.turnoverTicksLots() * money);
        gen.writeEndObject();

        gen.writeObjectFieldStart("orders");
        gen.writeNumberField("new", r.newOrders());
        gen.writeNumberField("cancel", r.cancels());
        gen.writeNumberField("replace", r.replaces());
        gen.writeNumberField("fills", r.fills());
        statistic(gen, "fill_ratio", fillRatio(r));
        statistic(gen, "order_to_trade", orderToTrade(r));
        gen.writeEndObject();

        gen.writeObjectFieldStart("inventory");
        statistic(gen, "mean", m.inventoryMean());
        statistic(gen, "std", m.inventoryStd());
        gen.writeNumberField("max_long", m.maxLong());
        gen.writeNumberField("max_short", m.maxShort());
        gen.writeEndObject();

        gen.writeObjectFieldStart("quote_uptime");
        statistic(gen, "both", m.uptimeBoth());
        statistic(gen, "bid", m.uptimeBid());
        statistic(gen, "ask", m.uptimeAsk());
        gen.writeEndObject();
        statistic(gen, "average_quoted_spread_ticks", m.averageSpread());

        gen.writeObjectFieldStart("markouts");
        gen.writeStringField("definition", "side x (mid(t + h) - mid(t)) in ticks; positive = good for us");
        statistic(gen, "edge_ticks", m.markoutEdge());
        gen.writeNumberField("fills_without_mid", m.fillsWithoutMid());
        gen.writeArrayFieldStart("horizons");
        for (final BacktestMetrics.Markout markout : m.markouts())
        {
            gen.writeStartObject();
            gen.writeNumberField("horizon_ms", markout.horizonNs() / 1e6);
            statistic(gen, "mean_ticks", markout.mean());
            gen.writeNumberField("fills", markout.fills());
            gen.writeNumberField("excluded", markout.excluded());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeEndObject();
        gen.writeEndObject();
    }

    /**
     * @param r a run's totals.
     * @return fill reports per new order.
     */
    public static Statistic fillRatio(final BacktestResult r)
    {
        return r.newOrders() > 0 ? Statistic.of((double)r.fills() / r.newOrders()) : Statistic.undefined("no order sent");
    }

    /**
     * @param r a run's totals.
     * @return order messages (new + cancel + replace) per fill report.
     */
    public static Statistic orderToTrade(final BacktestResult r)
    {
        return r.fills() > 0 ? Statistic.of((double)(r.newOrders() + r.cancels() + r.replaces()) / r.fills()) :
            Statistic.undefined("no fill");
    }

    private static void statistic(final JsonGenerator gen, final String name, final Statistic statistic) throws IOException
    {
        if (statistic.defined())
        {
            gen.writeNumberField(name, statistic.value());
        }
        else
        {
            gen.writeNullField(name);
            gen.writeStringField(name + "_undefined", statistic.undefined());
        }
    }
}
