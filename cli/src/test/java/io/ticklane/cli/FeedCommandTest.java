package io.ticklane.cli;

import io.ticklane.feedserve.Faults;
import io.ticklane.feedserve.FeedServer;
import io.ticklane.feedserve.Pace;
import io.ticklane.feedserve.ServeContext;
import io.ticklane.journal.RealData;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code feed} commands as a user runs them: {@code feed binance --verify} against {@code feed serve} prints the
 * same last line as {@code book verify} on the file and exits 0; with a dropped connection it still ends exact but
 * reports the gap and exits 1; bad usage exits 2; {@code feed serve} serves a whole capture and exits 0.
 */
class FeedCommandTest
{
    private static final String CAPTURE = "binance/usdm/btcusdt_20240718.gz";

    @Test
    void feedBinanceVerifyPrintsBookVerifysLastLineAndExitsZero()
    {
        final Path file = RealData.file(CAPTURE);
        final CliRun bookVerify = CliRun.run("book", "verify", "--binance", file.toString());
        try (FeedServer server = FeedServer.start(new ServeContext().captures(List.of(file)).pace(Pace.MAX)))
        {
            final CliRun feed = CliRun.run("feed", "binance", "--market", "usdm", "--symbol", "btcusdt",
                "--ws-url", "ws://127.0.0.1:" + server.port(), "--rest-url", "http://127.0.0.1:" + server.port(), "--verify");

            assertEquals(ExitCodes.OK, feed.exitCode, feed.toString());
            assertEquals(ExitCodes.OK, bookVerify.exitCode, bookVerify.toString());
            assertEquals("updates=3321 gaps=0 resyncs=0 crossed=0 top_mismatches=0", bookVerify.lastLine());
            assertEquals(bookVerify.lastLine(), feed.lastLine());
            assertTrue(feed.out.contains("publishing=none"), feed.out);
        }
    }

    @Test
    void aDroppedConnectionEndsExactButTheGapFailsTheCheck()
    {
        final Path file = RealData.file(CAPTURE);
        try (FeedServer server = FeedServer.start(
            new ServeContext().captures(List.of(file)).pace(Pace.parse("30x")).faults(new Faults(0, 0, 3_000))))
        {
            // Twice in CI (a loaded host) the client never heard of the server's drop and sat on a silent connection
            // until --duration: the silence timeout drops such a connection (5 s here, a 30x replay is never that
            // quiet) and reconnects; the duration only bounds the test.
            final CliRun feed = CliRun.run("feed", "binance", "--market", "usdm",
                "--ws-url", "ws://127.0.0.1:" + server.port(), "--rest-url", "http://127.0.0.1:" + server.port(), "--verify",
                "--silence-timeout-ms", "5000", "--duration", "120");

            assertEquals(ExitCodes.CHECK_FAILED, feed.exitCode, feed.toString());
            assertTrue(feed.lastLine().matches("updates=\\d+ gaps=1 resyncs=1 crossed=0 top_mismatches=0"), feed.lastLine());
            assertTrue(feed.out.contains("connects=2"), feed.out);
        }
    }

    @Test
    void feedServeSendsAWholeCaptureToAClientAndExitsZero() throws Exception
    {
        final Path file = RealData.file(CAPTURE);
        final int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0))
        {
            port = probe.getLocalPort();
        }
        final CliRun[] serve = new CliRun[1];
        final Thread server = new Thread(() -> serve[0] = CliRun.run("feed", "serve", "--binance", file.toString(),
            "--pace", "max", "--port", Integer.toString(port), "--duration", "120"));
        server.start();
        awaitListening(port);
        final CliRun feed = CliRun.run("feed", "binance", "--market", "usdm", "--ws-url", "ws://127.0.0.1:" + port,
            "--rest-url", "http://127.0.0.1:" + port, "--verify", "--duration", "120");
        server.join(30_000);

        assertEquals(ExitCodes.OK, feed.exitCode, feed.toString());
        assertEquals(ExitCodes.OK, serve[0].exitCode, serve[0].toString());
        assertTrue(serve[0].lastLine().startsWith("sent=11413 dropped=0 corrupted=0 connections=1"), serve[0].lastLine());
    }

    @Test
    void verifyAgainstAStandInThatIsGoneGivesUpInsteadOfHanging() throws Exception
    {
        final int port;
        try (FeedServer server = FeedServer.start(new ServeContext().captures(List.of(RealData.file(CAPTURE))).pace(Pace.MAX)))
        {
            port = server.port();
            // the first snapshot (sizes) is fetched while it is up; it is gone before the WebSocket connects
            final CliRun sizesOnly = CliRun.run("feed", "binance", "--market", "usdm", "--ws-url", "ws://127.0.0.1:1",
                "--rest-url", "http://127.0.0.1:" + port, "--verify", "--duration", "120");
            assertEquals(ExitCodes.CHECK_FAILED, sizesOnly.exitCode, sizesOnly.toString());
            assertTrue(sizesOnly.out.contains("gave up: 8 connection attempts in a row failed"), sizesOnly.out);
        }
    }

    private static void awaitListening(final int port) throws InterruptedException
    {
        final long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline)
        {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port))
            {
                return;
            }
            catch (final java.io.IOException ex)
            {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("feed serve is not listening on " + port);
    }

    @Test
    void badUsageExitsTwo()
    {
        assertEquals(ExitCodes.BAD_INPUT, CliRun.run("feed", "binance", "--market", "coinm").exitCode);
        assertEquals(ExitCodes.BAD_INPUT, CliRun.run("feed", "binance", "--market", "spot", "--ws-url", "http://x").exitCode);
        assertEquals(ExitCodes.BAD_INPUT, CliRun.run("feed", "serve").exitCode);
        assertEquals(ExitCodes.BAD_INPUT, CliRun.run("feed", "serve", "--lines", "/no/such/file", "--pace", "max").exitCode);
        assertEquals(ExitCodes.BAD_INPUT, CliRun.run("feed", "serve", "--binance", RealData.file(CAPTURE).toString(),
            "--pace", "fast").exitCode);
    }
}
