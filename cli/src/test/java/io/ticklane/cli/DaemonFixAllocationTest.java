package io.ticklane.cli;

import io.ticklane.gateway.fix.venue.FixVenue;
import io.ticklane.gateway.fix.venue.FixVenueConfig;
import io.ticklane.gateway.transport.Transport;
import io.ticklane.gateway.transport.TransportContext;
import io.ticklane.runtime.daemon.Daemon;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static io.ticklane.cli.ScriptedVenue.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Zero allocation in steady state on the daemon's one thread and the FIX session's thread when its orders go over FIX
 * (issue 13's allocation evidence), measured as {@link DaemonAllocationTest} measures the Aeron path.
 */
class DaemonFixAllocationTest
{
    @TempDir
    Path tmp;

    /**
     * {@link DaemonAllocationTest} over FIX 4.4: the one daemon thread hands each order to the FIX session's thread,
     * which polls Artio's library, encodes the order as FIX, hands it to Artio ({@code trySend}) and maps the FIX
     * answers back to SBE; both threads are measured. The scripted venue answers behind Ticklane's QuickFIX/J acceptor
     * ({@link FixVenue}), whose own threads allocate freely, as do Artio's engine, driver and archive threads.
     */
    @Test
    void theOneThreadDaemonAllocatesNothingInSteadyStateOverFix() throws Exception
    {
        final String aeronDir = tmp.resolve("aeron").toString();
        final int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            port = socket.getLocalPort();
        }
        final Path password = tmp.resolve("fix.password");
        Files.writeString(password, "alloc-pw\n");
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        final Daemon daemon = Daemon.start(DaemonAllocationTest.config(tmp, aeronDir, "gateway.orders=fix", "fix.port=" + port,
            "fix.sender_comp_id=TICKLANE", "fix.target_comp_id=VENUE", "fix.username=trader",
            "fix.password_file=" + password, "fix.store_dir=" + tmp.resolve("fix-store")), null, new OffsetEpochNanoClock());
        try (ScriptedVenue venue = new ScriptedVenue(aeronDir);
            Transport venueTransport = Transport.launch(new TransportContext().aeronDirectoryName(aeronDir)
                .embeddedDriver(false));
            FixVenue fixVenue = FixVenue.launch(new FixVenueConfig("VENUE", "TICKLANE", "trader", "alloc-pw",
                new BigDecimal("0.01"), BigDecimal.ONE, null, null), port, venueTransport, ScriptedVenue.INSTRUMENT,
                "SYNTH", new OffsetEpochNanoClock()))
        {
            await("logged on over FIX", 30_000, () -> 1 == daemon.fixSessionCounters().loggedOn());
            assertEquals(2, daemon.agentThreads().size(), "the daemon's thread and the FIX session's, both measured");
            DaemonAllocationTest.assertSteadyStateAllocatesNothing(daemon, venue);
            assertEquals(0, fixVenue.counters().requestsRefused(), "the FIX venue took every order");
        }
        finally
        {
            daemon.shutdown();
        }
        assertEquals(null, daemon.firstError());
    }

}
