package io.ticklane.cli;

import com.sun.net.httpserver.HttpServer;
import io.ticklane.runtime.daemon.Daemon;
import io.ticklane.runtime.daemon.DaemonConfig;
import io.ticklane.sbe.Side;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.ticklane.cli.ScriptedVenue.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Alerts for real: a daemon on an embedded media driver and a scripted venue, the real {@code ticklane admin} halting
 * and resuming it, and the real {@code ticklane cockpit} (a child JVM, alert rules from --set) reading the daemon's
 * counters file and POSTing to a local HTTP receiver. A halt and a resume are exactly one alert and one resolution; while the webhook is down beyond its
 * retries nothing arrives, then or later, and the daemon is never held up by it.
 */
class CockpitAlertsEndToEndTest
{
    private static final String TOKEN = "e2e-cockpit-alert-token-01234567";
    private static final String CONFIG =
        "risk.max_order_quantity=1000\nrisk.max_notional=100000000000\nrisk.price_collar_ticks=1000\n" +
        "risk.stale_market_data_ms=60000\nquoter=glft(gamma=0.05,sigma_fallback=1,a_fallback=1,k_fallback=1,order_size=1)\n";

    @TempDir
    Path tmp;

    private final List<String> received = new CopyOnWriteArrayList<>();

    @Test
    void aHaltAndResumeIsOneAlertAndOneResolutionAndADeadWebhookGetsNothing() throws Exception
    {
        final String aeronDir = tmp.resolve("aeron").toString();
        final String token = OperatorTokens.write(tmp.resolve("admin.token"), TOKEN).toString();
        final DaemonConfig config = DaemonConfig.load(Files.writeString(tmp.resolve("daemon.properties"), CONFIG), List.of(
            "daemon.run_dir=" + tmp.resolve("runs"), "transport.aeron_dir=" + aeronDir, "daemon.admin_token_file=" + token),
            tmp, Map.of());
        final Daemon daemon = Daemon.start(config, null, new OffsetEpochNanoClock());
        final int port = freePort();
        HttpServer server = receiver(port);
        final List<String> cockpit = new CopyOnWriteArrayList<>();
        Process process = null;
        try (ScriptedVenue venue = new ScriptedVenue(aeronDir, config.transportContext()))
        {
            venue.definitionAndSnapshot(999, 1001);
            await("two-sided quotes", 30_000, () -> null != venue.lastQuote(Side.BUY) && null != venue.lastQuote(Side.SELL));
            process = ChildJvm.ticklane(cockpit, "cockpit", "--port", "0", "--aeron-dir", aeronDir,
                "--set", "alert.webhook.url=http://127.0.0.1:" + port + "/alerts", "--set", "alert.poll_ms=100",
                "--set", "alert.min_interval_ms=0", "--set", "alert.webhook.retries=2", "--set", "alert.webhook.backoff_ms=100",
                "--set", "alert.webhook.backoff_max_ms=200");
            await("the cockpit's alerts", 60_000, () -> lines(cockpit, "cockpit: alerts to stderr and the webhook") == 1);
            Thread.sleep(1_000);
            assertEquals(List.of(), received, "an active daemon raises nothing");

            admin("stop", token, aeronDir);
            await("the halt's alert", 10_000, () -> 1 == received.size());
            admin("resume", token, aeronDir);
            await("its resolution", 10_000, () -> 2 == received.size());
            Thread.sleep(1_000);
            assertEquals(2, received.size(), received.toString());
            assertTrue(received.get(0).contains("\"condition\":\"halted\",\"state\":\"FIRING\""), received.get(0));
            assertTrue(received.get(0).contains("mode HALTED (OPERATOR_STOP)"), received.get(0));
            assertTrue(received.get(1).contains("\"condition\":\"halted\",\"state\":\"RESOLVED\""), received.get(1));
            assertTrue(received.get(1).contains("mode ACTIVE"), received.get(1));

            // the webhook goes away: a halt and a resume are tried, retried, given up, and logged
            server.stop(0);
            admin("stop", token, aeronDir);
            await("the cockpit sees the halt", 10_000, () -> lines(cockpit, "[ticklane FIRING] halted") == 2);
            admin("resume", token, aeronDir);
            await("both given up", 20_000, () -> lines(cockpit, "alert webhook: given up after") == 2);
            server = receiver(port);
            Thread.sleep(1_000);
            assertEquals(2, received.size(), "nothing sent late: " + received);
            assertEquals(4, lines(cockpit, "[ticklane "), "every alert is logged, each once: " + cockpit);
        }
        finally
        {
            if (null != process)
            {
                process.destroy();
                process.waitFor(30, TimeUnit.SECONDS);
            }
            server.stop(0);
            daemon.shutdown();
        }
        assertNull(daemon.firstError());
        assertEquals(0, process.exitValue(), "a clean stop on SIGTERM: " + cockpit);
    }

    /**
     * @return lines holding the text; an alert's own log line, not a webhook line quoting it, when the text is an
     *         alert's.
     */
    private static long lines(final List<String> lines, final String containing)
    {
        final boolean alert = containing.startsWith("[ticklane ");
        return lines.stream().filter((line) -> line.contains(containing) && !(alert && line.contains("alert webhook:"))).count();
    }

    private static void admin(final String command, final String token, final String aeronDir)
    {
        final CliRun run = CliRun.run("admin", command, "--token-file", token, "--aeron-dir", aeronDir);
        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
    }

    private HttpServer receiver(final int port) throws IOException
    {
        final HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/alerts", (exchange) ->
        {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }
}
