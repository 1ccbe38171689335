package io.ticklane.cli;

import io.ticklane.gateway.transport.Transport;
import io.ticklane.gateway.transport.TransportContext;
import io.ticklane.journal.queue.Direction;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.runtime.daemon.DaemonCounters;
import io.ticklane.runtime.daemon.DaemonCountersReader;
import io.ticklane.sbe.AdminCommandDecoder;
import io.ticklane.sbe.AdminCommandType;
import io.ticklane.sbe.CancelOrderDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.NewOrderDecoder;
import io.ticklane.sbe.ReplaceOrderDecoder;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.ticklane.cli.ScriptedVenue.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The clean stop as an operator does it: {@code ticklane daemon} is a process of its own, quoting at a venue, and
 * gets SIGTERM. It must cancel every order, complete its journal and exit 0 with nothing reported as an error,
 * as the README promises.
 */
class DaemonSignalTest
{
    @TempDir
    Path tmp;

    @Test
    void sigtermCancelsEveryOrderCompletesTheJournalAndExitsZeroWithoutAnError() throws Exception
    {
        final String aeronDir = tmp.resolve("aeron").toString();
        final Path config = Files.writeString(tmp.resolve("daemon.properties"),
            "daemon.admin_token_file=" + tmp.resolve("admin.token") + "\nrisk.max_order_quantity=1000\nrisk.max_notional=100000000000\n" +
            "risk.price_collar_ticks=1000\nrisk.stale_market_data_ms=60000\n" +
            "quoter=glft(gamma=0.05,sigma_fallback=1,a_fallback=1,k_fallback=1,order_size=1)\n" +
            "transport.embedded_driver=false\ntransport.aeron_dir=" + aeronDir + "\n" +
            "daemon.run_dir=" + tmp.resolve("runs") + "\ndaemon.idle=sleeping\n");
        final List<String> lines = new CopyOnWriteArrayList<>();
        Transport transport = null;
        Process daemon = null;
        try
        {
            transport = Transport.launch(new TransportContext().aeronDirectoryName(aeronDir));
            daemon = ChildJvm.ticklane(lines, "daemon", "--config", config.toString(), "--quiet");
            final Process started = daemon;
            await("daemon started: " + lines, 60_000, () -> !started.isAlive() ||
                lines.stream().anyMatch((l) -> l.startsWith("daemon state=")));
            try (ScriptedVenue venue = new ScriptedVenue(aeronDir))
            {
                venue.definitionAndSnapshot(999, 1001);
                final DaemonCountersReader counters = new DaemonCountersReader(Path.of(aeronDir));
                await("two quotes resting: " + lines, 30_000, () ->
                    2 == counters.read().getOrDefault(DaemonCounters.OPEN_ORDERS, 0L));

                daemon.toHandle().destroy(); // SIGTERM

                assertTrue(daemon.waitFor(60, TimeUnit.SECONDS), lines.toString());
                await("the last line: " + lines, 10_000, () -> lines.stream().anyMatch((l) -> l.startsWith("stopped ")));
                assertEquals(ExitCodes.OK, daemon.exitValue(), lines.toString());
                assertTrue(lines.stream().noneMatch((l) -> l.toLowerCase(Locale.ROOT).contains("error")), lines.toString());
                assertTrue(lines.contains("stopped reason=shutdown orders_confirmed_cancelled=true"), lines.toString());
                assertEquals(Set.of(), liveAt(venue), "orders left at the venue: " + venue.received());
            }

            final Path journal = onlyRun(tmp.resolve("runs")).resolve("journal");
            final MessageHeaderDecoder header = new MessageHeaderDecoder();
            final AdminCommandDecoder admin = new AdminCommandDecoder();
            final long[] stops = new long[1];
            try (JournalReader reader = JournalReader.open(journal))
            {
                assertTrue(reader.isComplete(), "the trailer was written");
                final long records = reader.readAll((direction, stream, time, buffer, offset, length) ->
                {
                    header.wrap(buffer, offset);
                    if (Direction.IN == direction && AdminCommandDecoder.TEMPLATE_ID == header.templateId() &&
                        AdminCommandType.STOP == admin.wrapAndApplyHeader(buffer, offset, header).command())
                    {
                        stops[0]++;
                    }
                });
                assertEquals(reader.trailerRecordCount(), records);
            }
            assertEquals(1, stops[0], "the shutdown's STOP is journaled");
        }
        finally
        {
            if (null != daemon)
            {
                daemon.destroyForcibly();
                daemon.waitFor(10, TimeUnit.SECONDS);
            }
            CloseHelper.quietClose(transport);
        }
    }

    /**
     * @return client order ids the venue still holds: every new order, renamed by its replaces, not cancelled.
     */
    static Set<Long> liveAt(final ScriptedVenue venue)
    {
        final Set<Long> live = new HashSet<>();
        for (final ScriptedVenue.Order order : venue.received())
        {
            switch (order.templateId())
            {
                case NewOrderDecoder.TEMPLATE_ID:
                    live.add(order.clientOrderId());
                    break;
                case ReplaceOrderDecoder.TEMPLATE_ID:
                    live.remove(order.origClientOrderId());
                    live.add(order.clientOrderId());
                    break;
                case CancelOrderDecoder.TEMPLATE_ID:
                    live.remove(order.origClientOrderId());
                    break;
                default:
                    break;
            }
        }
        return live;
    }

    static Path onlyRun(final Path runs) throws IOException
    {
        try (Stream<Path> entries = Files.list(runs))
        {
            final List<Path> dirs = entries.filter(Files::isDirectory).toList();
            assertEquals(1, dirs.size(), dirs.toString());
            return dirs.get(0);
        }
    }
}
