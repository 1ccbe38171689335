package io.ticklane.cli;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.ticklane.gateway.transport.TransportContext;
import io.ticklane.journal.RealData;
import io.ticklane.orderbook.BookFeed;
import io.ticklane.orderbook.BookState;
import io.ticklane.orderbook.L2Book;
import io.ticklane.sbe.ExecutionReportDecoder;
import io.ticklane.sbe.HeartbeatDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.NewOrderEncoder;
import io.ticklane.sbe.OrderType;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TimeInForce;
import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The real {@code ticklane venue} command, in-process with its own embedded media driver in a temporary directory,
 * and a client joining that driver as a daemon would.
 */
class VenueCommandTest
{
    @TempDir
    Path tmp;

    @Test
    void aSyntheticVenuePublishesAMarketFillsACrossingOrderAndStopsAfterItsDuration() throws Exception
    {
        final String aeronDir = tmp.resolve("aeron").toString();
        final CompletableFuture<CliRun> venue = CompletableFuture.supplyAsync(() -> CliRun.run("venue",
            "--aeron-dir", aeronDir, "--duration", "3", "--rate", "5000", "--sigma", "0", "--idle", "sleeping"));

        final L2Book book = new L2Book(1);
        final BookFeed feed = new BookFeed(book);
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final ExecutionReportDecoder report = new ExecutionReportDecoder();
        final List<String> reports = new ArrayList<>();
        final long[] heartbeats = new long[1];
        final FragmentHandler marketData = new FragmentAssembler((buffer, offset, length, h) ->
        {
            header.wrap(buffer, offset);
            if (HeartbeatDecoder.TEMPLATE_ID == header.templateId())
            {
                heartbeats[0]++;
                return;
            }
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[length]);
            frame.putBytes(0, buffer, offset, length);
            feed.onMessage(header.templateId(), frame, 0, length);
        });
        final FragmentHandler reportHandler = (buffer, offset, length, h) ->
        {
            report.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, ExecutionReportDecoder.BLOCK_LENGTH,
                ExecutionReportDecoder.SCHEMA_VERSION);
            reports.add(report.execType() + " #" + report.clientOrderId() + " " + report.lastQuantity() + "@" + report.lastPrice());
        };

        awaitDriver(aeronDir, venue);
        final Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDir));
        try
        {
            final Subscription md = aeron.addSubscription("aeron:ipc", TransportContext.DEFAULT_MARKET_DATA_STREAM_ID);
            final Subscription reportStream = aeron.addSubscription("aeron:ipc", TransportContext.DEFAULT_REPORT_STREAM_ID);
            final ExclusivePublication orders = aeron.addExclusivePublication("aeron:ipc",
                TransportContext.DEFAULT_ORDER_STREAM_ID);
            await("synced book and heartbeats", () ->
            {
                md.poll(marketData, 100);
                return BookState.LIVE == book.state() && heartbeats[0] >= 2 && orders.isConnected();
            });

            final long ask = book.bestAskPrice();
            final UnsafeBuffer out = new UnsafeBuffer(new byte[128]);
            final NewOrderEncoder order = new NewOrderEncoder().wrapAndApplyHeader(out, 0, new MessageHeaderEncoder())
                .sendingTimeNs(System.currentTimeMillis() * 1_000_000).clientOrderId(5).instrumentId(1).side(Side.BUY)
                .orderType(OrderType.LIMIT).timeInForce(TimeInForce.IOC).price(ask).quantity(1);
            await("order taken", () -> orders.offer(out, 0, MessageHeaderEncoder.ENCODED_LENGTH + order.encodedLength()) > 0);
            await("ACK and FILL", () ->
            {
                reportStream.poll(reportHandler, 10);
                md.poll(marketData, 100);
                return reports.size() >= 2;
            });
            assertEquals(List.of("ACK #5 0@0", "FILL #5 1@" + ask), reports);
            assertEquals(0, book.gapCount());
        }
        finally
        {
            CloseHelper.close(aeron);
        }

        final CliRun run = venue.get(20, TimeUnit.SECONDS);
        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        assertTrue(run.out.startsWith("venue synthetic seed=1 rate=5000.0/s"), run.out);
        assertTrue(run.out.contains("frames/s"), run.out);
        assertTrue(run.out.lines().filter((line) -> line.matches("\\s+\\d+\\.\\ds .*")).count() >= 2, run.out);
        assertTrue(run.lastLine().startsWith("stopped reason=duration"), run.out);
        assertTrue(run.lastLine().contains(" orders=1 fills=1 rejects=0"), run.out);
    }

    @Test
    void aJournalIsReplayedAsFastAsPossibleUntilItsEnd() throws Exception
    {
        final Path journal = tmp.resolve("usdm");
        final CliRun imported = CliRun.run("import", "binance",
            "--input", RealData.file("binance/usdm/btcusdt_20240718.gz").toString(),
            "--instrument", "BTCUSDT", "--out", journal.toString());
        assertEquals(ExitCodes.OK, imported.exitCode, imported.toString());

        final CliRun run = CliRun.run("venue", "--journal", journal.toString(), "--speed", "0", "--quiet",
            "--aeron-dir", tmp.resolve("aeron").toString(), "--duration", "60");

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        assertTrue(run.out.startsWith("venue journal=" + journal + " instrument=1 (BTCUSDT) pace=receive speed=0.0"), run.out);
        assertTrue(run.lastLine().startsWith("stopped reason=end-of-journal published=0 without_subscriber=11410 "),
            run.out);
    }

    @Test
    void badOptionsAreBadInput()
    {
        final CliRun missing = CliRun.run("venue", "--journal", tmp.resolve("none").toString(), "--aeron-dir",
            tmp.resolve("aeron").toString());
        assertEquals(ExitCodes.BAD_INPUT, missing.exitCode, missing.toString());

        final CliRun both = CliRun.run("venue", "--synthetic", "--journal", tmp.toString());
        assertEquals(ExitCodes.BAD_INPUT, both.exitCode, both.toString());
        assertTrue(both.err.contains("--synthetic and --journal are exclusive"), both.err);

        final CliRun pace = CliRun.run("venue", "--pace", "sideways");
        assertEquals(ExitCodes.BAD_INPUT, pace.exitCode);
        assertTrue(pace.err.contains("--pace must be receive or exchange"), pace.err);

        final CliRun rate = CliRun.run("venue", "--rate", "10", "--market-rate", "20", "--aeron-dir",
            tmp.resolve("aeron").toString());
        assertEquals(ExitCodes.BAD_INPUT, rate.exitCode);
        assertTrue(rate.err.contains("marketOrdersPerSecond must be"), rate.err);

        final CliRun idle = CliRun.run("venue", "--idle", "nap");
        assertEquals(ExitCodes.BAD_INPUT, idle.exitCode);

        final CliRun noDriver = CliRun.run("venue", "--external-driver", "--aeron-dir", tmp.resolve("nothing").toString());
        assertEquals(ExitCodes.BAD_INPUT, noDriver.exitCode, noDriver.toString());
        assertTrue(noDriver.err.contains("no media driver in "), noDriver.err);
    }

    @Test
    void fixOptionsAreCheckedAndTheFixVenueStartsAndStops() throws Exception
    {
        final CliRun alone = CliRun.run("venue", "--fix-port", "9878");
        assertEquals(ExitCodes.BAD_INPUT, alone.exitCode, alone.toString());
        assertTrue(alone.err.contains("--fix-port and --fix-config go together"), alone.err);

        final Path password = tmp.resolve("fix-password");
        Files.writeString(password, "pw-" + System.nanoTime() + "\n");
        java.nio.file.Files.setPosixFilePermissions(password, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        final Path config = tmp.resolve("fix.properties");
        Files.writeString(config, "sender_comp_id=VENUE\ntarget_comp_id=CLIENT\nusername=u\npassword_file=fix-password\n" +
            "tick_size=0.05\nlot_size=1\n");
        final int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0))
        {
            port = socket.getLocalPort();
        }
        final CliRun wrongTick = CliRun.run("venue", "--fix-port", Integer.toString(port), "--fix-config", config.toString(),
            "--aeron-dir", tmp.resolve("aeron-tick").toString(), "--duration", "1", "--quiet");
        assertEquals(ExitCodes.BAD_INPUT, wrongTick.exitCode, wrongTick.toString());
        assertTrue(wrongTick.err.contains("tick_size is 0.05 but the market's tick is 0.01"), wrongTick.err);

        Files.writeString(config, Files.readString(config).replace("tick_size=0.05", "tick_size=0.01") + "colour=blue\n");
        final CliRun unknownKey = CliRun.run("venue", "--fix-port", Integer.toString(port), "--fix-config", config.toString());
        assertEquals(ExitCodes.BAD_INPUT, unknownKey.exitCode, unknownKey.toString());
        assertTrue(unknownKey.err.contains("unknown key(s) [colour]"), unknownKey.err);

        Files.writeString(config, Files.readString(config).replace("colour=blue\n", ""));
        final CliRun run = CliRun.run("venue", "--fix-port", Integer.toString(port), "--fix-config", config.toString(),
            "--aeron-dir", tmp.resolve("aeron-fix").toString(), "--duration", "1", "--quiet");
        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        assertTrue(run.out.contains("fix port=" + port + " session=VENUE->CLIENT tick_size=0.01 lot_size=1 store=memory"),
            run.out);
        assertTrue(run.lastLine().contains(" fix_logons=0 fix_logons_refused=0 fix_requests=0"), run.out);
    }

    @Test
    void aSecondVenueWhereADriverRunsIsRefusedAndTheFirstServesOn() throws Exception
    {
        final String aeronDir = tmp.resolve("aeron").toString();
        final CompletableFuture<CliRun> first = CompletableFuture.supplyAsync(() -> CliRun.run("venue",
            "--aeron-dir", aeronDir, "--duration", "3", "--quiet"));
        awaitDriver(aeronDir, first);

        final CliRun second = CliRun.run("venue", "--aeron-dir", aeronDir, "--duration", "1");

        assertEquals(ExitCodes.BAD_INPUT, second.exitCode, second.toString());
        assertTrue(second.err.contains("a media driver is already running in " + aeronDir), second.err);
        final CliRun firstRun = first.get(20, TimeUnit.SECONDS);
        assertEquals(ExitCodes.OK, firstRun.exitCode, firstRun.toString());
        assertTrue(firstRun.lastLine().startsWith("stopped reason=duration"), firstRun.out);
    }

    private static void awaitDriver(final String aeronDir, final CompletableFuture<CliRun> venue) throws Exception
    {
        await("the venue's media driver", () ->
        {
            if (venue.isDone())
            {
                fail("venue ended early: " + venue.join());
            }
            return Files.exists(Path.of(aeronDir, "cnc.dat"));
        });
        Thread.sleep(200); // the driver maps its CnC file before it is ready; Aeron.connect also waits
    }

    private static void await(final String what, final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                fail("timed out waiting for " + what);
            }
            Thread.onSpinWait();
        }
    }
}
