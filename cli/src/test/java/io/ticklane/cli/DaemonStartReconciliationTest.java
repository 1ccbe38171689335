package io.ticklane.cli;

import io.ticklane.journal.queue.Direction;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.runtime.daemon.Daemon;
import io.ticklane.runtime.daemon.DaemonConfig;
import io.ticklane.runtime.daemon.DaemonCounters;
import io.ticklane.sbe.OrderStatusRequestDecoder;
import io.ticklane.sbe.Side;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.ticklane.cli.ScriptedVenue.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No order leaves a starting daemon before the venue has answered its order status request (issue 18, item 3): the
 * venue here publishes its market before it takes orders, and answers the status request late. Before, the daemon
 * quoted on the first snapshot, before it had asked the venue anything (and, the order publication not yet connected,
 * halted on the send failure).
 */
class DaemonStartReconciliationTest
{
    @TempDir
    Path tmp;

    @Test
    void noOrderLeavesBeforeTheVenueHasAnsweredTheStartUpStatusRequest() throws Exception
    {
        final String aeronDir = tmp.resolve("aeron").toString();
        final Path file = Files.writeString(tmp.resolve("daemon.properties"),
            "risk.admin_token=start-reconciliation-token\nrisk.max_order_quantity=1000\n" +
            "risk.max_notional=100000000000\nrisk.price_collar_ticks=1000\nrisk.stale_market_data_ms=60000\n" +
            "quoter=glft(gamma=0.05,sigma_fallback=1,a_fallback=1,k_fallback=1,order_size=1)\n");
        final DaemonConfig config = DaemonConfig.load(file, List.of("daemon.run_dir=" + tmp.resolve("runs"),
            "transport.aeron_dir=" + aeronDir), tmp);
        final Daemon daemon = Daemon.start(config, null, new OffsetEpochNanoClock());
        final DaemonCounters counters = daemon.counters();
        try (ScriptedVenue venue = new ScriptedVenue(aeronDir, config.transportContext(), false))
        {
            // given a venue whose market is up before its order gateway, and which answers status requests late
            venue.holdStatusAnswers(true);
            venue.definitionAndSnapshot(999, 1001);
            Thread.sleep(500); // time for a daemon that would quote on the snapshot to try
            venue.openOrderGateway();
            await("the status request", 30_000, () -> venue.statusRequests() >= 1);

            // when the market moves while the answer is outstanding
            venue.touch(999, 1001, 1000, 1002);
            await("the daemon's book at the new touch", 30_000, () ->
                1000 == counters.counter(DaemonCounters.BEST_BID) && 1002 == counters.counter(DaemonCounters.BEST_ASK));

            // then nothing was sent, and the daemon did not halt
            assertEquals(0, counters.counter(DaemonCounters.ORDERS_NEW), "orders sent before the venue answered");
            assertEquals(0, counters.counter(DaemonCounters.SEND_FAILURES), "send failures");
            assertTrue(venue.received().isEmpty(), "the venue received " + venue.received());
            assertEquals(0, counters.counter(DaemonCounters.RECONCILED), "not reconciled while the answer is outstanding");
            assertNull(daemon.haltReason());

            // and once the venue answers, it quotes
            venue.releaseStatusAnswers();
            await("two-sided quotes", 30_000, () -> null != venue.lastQuote(Side.BUY) && null != venue.lastQuote(Side.SELL));
        }
        finally
        {
            daemon.shutdown();
        }
        assertNull(daemon.firstError());

        // the request is the journal's first record: a replay begins the reconciliation before any market data too
        final int[] first = {-1};
        try (JournalReader reader = JournalReader.open(daemon.journalDirectory()))
        {
            reader.poll((direction, stream, timeNs, buffer, offset, length) ->
                first[0] = Direction.IN == direction ? buffer.getShort(offset + 2, ByteOrder.LITTLE_ENDIAN) & 0xFFFF : -2, 1);
        }
        assertEquals(OrderStatusRequestDecoder.TEMPLATE_ID, first[0], "template of the journal's first record");
    }
}
