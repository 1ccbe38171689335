package io.ticklane.cockpit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ticklane.marketmaking.risk.ModeReason;
import io.ticklane.runtime.daemon.DaemonCounters;
import io.ticklane.runtime.daemon.ModeName;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The live page's JSON: one {@link LiveSample} as the figures the page shows (named, with their units), every raw
 * counter besides, the session history for the chart, and a control's result. Written with Jackson's streaming
 * generator, the only JSON library the runtime already has.
 */
final class LiveJson
{
    private static final JsonFactory JSON = new JsonFactory();

    private LiveJson()
    {
    }

    static String sample(final LiveSample s)
    {
        return write((gen) ->
        {
            gen.writeNumberField("time_ms", s.timeMs());
            gen.writeStringField("daemon", s.daemon());
            gen.writeStringField("problem", s.problem());
            if (s.hasDaemon())
            {
                final long mode = s.value(DaemonCounters.MODE);
                final long reason = s.value(DaemonCounters.MODE_REASON);
                gen.writeStringField("mode", ModeName.of(mode));
                gen.writeStringField("mode_reason", reason >= 0 && reason < ModeReason.values().length ?
                    ModeReason.values()[(int)reason].name() : Long.toString(reason));
                gen.writeNumberField("position_lots", s.value(DaemonCounters.POSITION));
                gen.writeNumberField("net_pnl_tick_lots", s.value(DaemonCounters.NET_PNL));
                gen.writeNumberField("best_bid_ticks", s.value(DaemonCounters.BEST_BID));
                gen.writeNumberField("best_ask_ticks", s.value(DaemonCounters.BEST_ASK));
                gen.writeNumberField("quoted_bid_ticks", s.value(DaemonCounters.QUOTED_BID));
                gen.writeNumberField("quoted_ask_ticks", s.value(DaemonCounters.QUOTED_ASK));
                gen.writeNumberField("open_orders", s.value(DaemonCounters.OPEN_ORDERS));
                gen.writeNumberField("fills", s.value(DaemonCounters.FILLS));
                gen.writeNumberField("tick_to_quote_p50_ns", s.value(DaemonCounters.TICK_TO_QUOTE_P50));
                gen.writeNumberField("tick_to_quote_p99_ns", s.value(DaemonCounters.TICK_TO_QUOTE_P99));
                gen.writeNumberField("inbound_ring_slots", s.value(DaemonCounters.INBOUND_RING_OCCUPANCY));
                gen.writeNumberField("outbound_ring_slots", s.value(DaemonCounters.OUTBOUND_RING_OCCUPANCY));
                gen.writeNumberField("journal_lag_frames", s.value(DaemonCounters.JOURNAL_LAG));
                gen.writeNumberField("heartbeat_age_ms", s.heartbeatAgeMs());
                gen.writeBooleanField("heartbeat_age_at_least", s.heartbeatAgeAtLeast());
                gen.writeObjectFieldStart("rejects");
                for (final var entry : s.counters().entrySet())
                {
                    final String label = entry.getKey();
                    if (label.startsWith(CockpitMetrics.VENUE_REJECTS) || label.startsWith(CockpitMetrics.RISK_REJECTS) ||
                        label.startsWith(DaemonCounters.INBOUND_REFUSED))
                    {
                        gen.writeNumberField(label, entry.getValue());
                    }
                }
                gen.writeEndObject();
            }
            gen.writeArrayFieldStart("fills_recent");
            for (final LiveSample.Fill f : s.fills())
            {
                gen.writeStartObject();
                gen.writeNumberField("time_ns", f.receiveTimeNs());
                gen.writeStringField("side", f.side());
                gen.writeNumberField("price_ticks", f.price());
                gen.writeNumberField("quantity_lots", f.quantity());
                gen.writeNumberField("client_order_id", f.clientOrderId());
                gen.writeNumberField("exec_id", f.execId());
                gen.writeStringField("liquidity", f.liquidity());
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeStringField("fills_note", s.fillsNote());
            gen.writeObjectFieldStart("counters");
            for (final var entry : s.counters().entrySet())
            {
                gen.writeNumberField(entry.getKey(), entry.getValue());
            }
            gen.writeEndObject();
        });
    }

    static String history(final long[][] rows)
    {
        return write((gen) ->
        {
            final String[] names = {"time_ms", "position_lots", "net_pnl_tick_lots"};
            for (int r = 0; r < names.length; r++)
            {
                gen.writeFieldName(names[r]);
                gen.writeArray(rows[r], 0, rows[r].length);
            }
        });
    }

    static String result(final AdminControl.Result r)
    {
        return write((gen) ->
        {
            gen.writeStringField("control", r.control());
            gen.writeStringField("outcome", r.outcome());
            gen.writeBooleanField("applied", r.applied());
            gen.writeStringField("message", r.message());
            gen.writeStringField("mode", r.mode());
            gen.writeNumberField("open_orders", r.openOrders());
            gen.writeNumberField("position_lots", r.position());
        });
    }

    static String object(final String... keyValues)
    {
        return write((gen) ->
        {
            for (int i = 0; i < keyValues.length; i += 2)
            {
                gen.writeStringField(keyValues[i], keyValues[i + 1]);
            }
        });
    }

    /** Writes the fields of one JSON object. */
    @FunctionalInterface
    interface Fields
    {
        void write(JsonGenerator gen) throws IOException;
    }

    static String write(final Fields fields)
    {
        final StringWriter out = new StringWriter();
        try (JsonGenerator gen = JSON.createGenerator(out))
        {
            gen.writeStartObject();
            fields.write(gen);
            gen.writeEndObject();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }
}
