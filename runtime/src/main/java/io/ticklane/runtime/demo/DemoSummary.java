package io.ticklane.runtime.demo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ticklane.gateway.sim.exchange.ExchangeCounters;
import io.ticklane.runtime.daemon.Daemon;
import io.ticklane.runtime.daemon.DaemonCounters;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The demo's final figures as a JSON file, for scripts and CI to check a demo without parsing its text: where the
 * run and journal are, whether the replay of the journal reproduced the live outbound frames, the daemon's main
 * counters, the venue's, and the tick-to-quote percentiles in microseconds.
 */
public final class DemoSummary
{
    private static final List<String> DAEMON_COUNTERS = List.of(DaemonCounters.INBOUND_FRAMES, DaemonCounters.MARKET_DATA,
        DaemonCounters.REPORTS, DaemonCounters.ORDERS_NEW, DaemonCounters.ORDERS_REPLACE, DaemonCounters.ORDERS_CANCEL,
        DaemonCounters.FILLS, DaemonCounters.POSITION, DaemonCounters.NET_PNL, DaemonCounters.MODE,
        DaemonCounters.OPEN_ORDERS, DaemonCounters.JOURNAL_RECORDS);
    private static final double[] PERCENTILES = {50, 90, 99, 99.9};

    private DemoSummary()
    {
    }

    /**
     * @param file                 where.
     * @param demo                 the demo, after its daemon's shutdown and before it is closed (counters are read).
     * @param tickToQuote          the whole run's tick-to-quote histogram, ns.
     * @param liveOutboundSha256   SHA-256 of the journal's outbound frames.
     * @param replayOutboundSha256 SHA-256 of what a replay of the journal's inbound frames sent.
     * @throws IOException if it cannot be written.
     */
    public static void write(
        final Path file,
        final LiveDemo demo,
        final Histogram tickToQuote,
        final String liveOutboundSha256,
        final String replayOutboundSha256) throws IOException
    {
        final Daemon daemon = demo.daemon();
        final DaemonCounters counters = daemon.counters();
        final ExchangeCounters venue = demo.exchange().counters();
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            JsonGenerator json = new JsonFactory().createGenerator(writer))
        {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("runDirectory", daemon.runDirectory().toString());
            json.writeStringField("journal", daemon.journalDirectory().toString());
            json.writeStringField("liveOutboundSha256", liveOutboundSha256);
            json.writeStringField("replayOutboundSha256", replayOutboundSha256);
            json.writeBooleanField("replayReproducesLive", liveOutboundSha256.equals(replayOutboundSha256));
            json.writeObjectFieldStart("daemon");
            for (final String label : DAEMON_COUNTERS)
            {
                json.writeNumberField(label, counters.counter(label));
            }
            json.writeEndObject();
            json.writeObjectFieldStart("venue");
            json.writeNumberField("framesPublished", venue.framesPublished());
            json.writeNumberField("framesFollowed", venue.framesFollowed());
            json.writeNumberField("ordersReceived", venue.ordersReceived());
            json.writeNumberField("fills", venue.fills());
            json.writeNumberField("rejects", venue.rejects());
            json.writeEndObject();
            json.writeObjectFieldStart("tickToQuoteMicros");
            json.writeNumberField("count", tickToQuote.getTotalCount());
            for (final double percentile : PERCENTILES)
            {
                json.writeNumberField("p" + (percentile == Math.rint(percentile) ? Long.toString((long)percentile) :
                    Double.toString(percentile)), tickToQuote.getValueAtPercentile(percentile) / 1e3);
            }
            json.writeNumberField("max", tickToQuote.getMaxValue() / 1e3);
            json.writeEndObject();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }
}
