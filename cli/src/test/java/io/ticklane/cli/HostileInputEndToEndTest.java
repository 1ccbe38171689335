package io.ticklane.cli;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.ticklane.gateway.transport.FrameRefusal;
import io.ticklane.gateway.transport.TransportContext;
import io.ticklane.journal.queue.Direction;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.runtime.daemon.Daemon;
import io.ticklane.runtime.daemon.DaemonConfig;
import io.ticklane.runtime.daemon.DaemonCounters;
import io.ticklane.runtime.daemon.DaemonCountersReader;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportEncoder;
import io.ticklane.sbe.L2Action;
import io.ticklane.sbe.L2SnapshotEncoder;
import io.ticklane.sbe.L2UpdateEncoder;
import io.ticklane.sbe.LiquidityFlag;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.RejectReason;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TimerTickEncoder;
import io.ticklane.sbe.AdminCommandEncoder;
import org.agrona.CloseHelper;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.ticklane.cli.ScriptedVenue.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hostile publisher against the real daemon (embedded media driver, scripted venue, Chronicle Queue journal): on
 * the market data, report and operator streams it sends garbage behind valid headers, a frame declaring 65,535 levels,
 * an execution report with an execType no schema defines, a fill, a timer tick and a snapshot on the operator stream
 * and a future-stamped timer tick on market data. Each is refused and counted by its reason, the daemon keeps
 * quoting with its position and mode untouched, an operator's {@code admin stop} is applied, a restart reads the run's
 * journal without choking, {@code journal cat} shows each refusal with its reason, and {@code ticklane replay}
 * reproduces the live run's orders byte for byte.
 */
class HostileInputEndToEndTest
{
    private static final String CONFIG =
        "risk.max_order_quantity=1000\nrisk.max_notional=100000000000\n" +
        "risk.price_collar_ticks=1000\nrisk.stale_market_data_ms=60000\n" +
        "quoter=glft(gamma=0.05,sigma_fallback=1,a_fallback=1,k_fallback=1,order_size=1)\n";
    private static final int HEADER = MessageHeaderEncoder.ENCODED_LENGTH;
    private static final byte GARBAGE = (byte)0xAB;

    @TempDir
    Path tmp;

    private final UnsafeBuffer out = new UnsafeBuffer(new byte[1024]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();

    @Test
    void hostileFramesOnEveryStreamAreRefusedCountedJournaledAndNeverActedOn() throws Exception
    {
        final String aeronDir = tmp.resolve("aeron").toString();
        final DaemonConfig config = config(aeronDir);
        final Daemon daemon = Daemon.start(config, null, new OffsetEpochNanoClock());
        final TransportContext channels = config.transportContext();
        Aeron hostile = null;
        try (ScriptedVenue venue = new ScriptedVenue(aeronDir, channels))
        {
            // given a daemon quoting both sides
            venue.definitionAndSnapshot(999, 1001);
            await("two-sided quotes", 30_000, () -> null != venue.lastQuote(Side.BUY) && null != venue.lastQuote(Side.SELL));
            await("quotes acknowledged", 5_000, () -> 2 == counters(aeronDir).get(DaemonCounters.OPEN_ORDERS));
            final long bid = venue.lastQuote(Side.BUY).clientOrderId();

            // when a hostile publisher sends on every stream
            hostile = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDir));
            final Publication marketData = hostile.addPublication(channels.marketDataChannel(), channels.marketDataStreamId());
            final Publication reports = hostile.addPublication(channels.reportChannel(), channels.reportStreamId());
            final Publication admin = hostile.addPublication(channels.adminChannel(), channels.adminStreamId());
            offer(marketData, garbageBehind(L2UpdateEncoder.TEMPLATE_ID, L2UpdateEncoder.BLOCK_LENGTH, 64)); // TRUNCATED
            offer(marketData, hugeGroupCount());                                                            // TRUNCATED
            offer(marketData, timerTick(System.currentTimeMillis() * 1_000_000L + TimeUnit.DAYS.toNanos(365))); // WRONG_STREAM
            offer(reports, unknownExecType(bid));                                                           // UNKNOWN_ENUM_VALUE
            offer(reports, garbageBehind(ExecutionReportEncoder.TEMPLATE_ID, ExecutionReportEncoder.BLOCK_LENGTH, 0));
            offer(admin, fill(bid, 7));                                                                     // WRONG_STREAM
            offer(admin, timerTick(Long.MAX_VALUE / 2));                                                    // WRONG_STREAM
            offer(admin, snapshot());                                                                       // WRONG_STREAM
            offer(admin, garbageBehind(AdminCommandEncoder.TEMPLATE_ID, AdminCommandEncoder.BLOCK_LENGTH, 0)); // UNKNOWN_ENUM

            // then each is refused and counted by its reason
            await("nine refusals", 10_000, () -> 9 == counters(aeronDir).get(DaemonCounters.FRAMES_REFUSED));
            final Map<String, Long> counters = counters(aeronDir);
            assertEquals(2L, counters.get(DaemonCounters.INBOUND_REFUSED + FrameRefusal.TRUNCATED), counters.toString());
            assertEquals(4L, counters.get(DaemonCounters.INBOUND_REFUSED + FrameRefusal.WRONG_STREAM), counters.toString());
            assertEquals(3L, counters.get(DaemonCounters.INBOUND_REFUSED + FrameRefusal.UNKNOWN_ENUM_VALUE), counters.toString());
            assertEquals(0L, counters.get(DaemonCounters.INBOUND_REFUSED + FrameRefusal.TOO_SHORT), counters.toString());

            // and the daemon goes on quoting, its position and mode untouched by the forged frames
            final int before = venue.received().size();
            venue.touch(999, 1001, 1000, 1002);
            await("quoting after the barrage", 10_000, () -> venue.received().size() > before);
            assertEquals(0L, counters(aeronDir).get(DaemonCounters.POSITION), "the forged fills were not booked");
            assertEquals(0L, counters(aeronDir).get(DaemonCounters.MODE), "still ACTIVE");
            assertNull(daemon.haltReason());

            // and an operator's STOP is applied
            final CliRun stop = CliRun.run("admin", "stop", "--token-file", tmp.resolve("admin.token").toString(),
                "--aeron-dir", aeronDir);
            assertEquals(ExitCodes.OK, stop.exitCode, stop.toString());
            assertTrue(stop.out.contains("mode=HALTED"), stop.toString());
            await("all cancelled", 5_000, () -> 0 == counters(aeronDir).get(DaemonCounters.OPEN_ORDERS));
        }
        finally
        {
            CloseHelper.quietClose(hostile);
            daemon.shutdown();
        }
        assertNull(daemon.firstError());

        // a restart reads the whole run's journal, refused records included, and starts
        final Daemon restarted = Daemon.start(config, null, new OffsetEpochNanoClock());
        try
        {
            assertTrue(restarted.recoveryDescription().contains("restored run 1 at inbound record") &&
                restarted.recoveryDescription().contains("position 0, mode HALTED"), restarted.recoveryDescription());
        }
        finally
        {
            restarted.shutdown();
        }
        assertNull(restarted.firstError());

        // journal cat names every refused record and its reason
        final Path journal = daemon.journalDirectory();
        final CliRun cat = CliRun.run("journal", "cat", journal.toString());
        assertEquals(ExitCodes.OK, cat.exitCode, cat.err);
        final List<String> refused = Arrays.stream(cat.out.split("\n")).filter((line) -> line.contains(" REFUSED ")).toList();
        assertEquals(9, refused.size(), String.join("\n", refused));
        assertEquals(2, refused.stream().filter((line) -> line.contains(" refused TRUNCATED: ")).count(), refused.toString());
        assertEquals(3, refused.stream().filter((line) -> line.contains(" refused UNKNOWN_ENUM_VALUE: ")).count());
        assertTrue(refused.stream().anyMatch((line) -> line.contains(" REFUSED " + channels.adminStreamId() +
            " ExecutionReport record ") && line.contains(" refused WRONG_STREAM: ")), refused.toString());
        assertTrue(refused.stream().anyMatch((line) -> line.contains(" REFUSED " + channels.marketDataStreamId() +
            " TimerTick record ") && line.contains(" refused WRONG_STREAM: ")), refused.toString());
        assertTrue(refused.stream().anyMatch((line) -> line.contains(" REFUSED " + channels.adminStreamId() +
            " L2Snapshot record ") && line.contains(" refused WRONG_STREAM: ")), refused.toString());

        // and a replay, which passes refused records over as the live strategy did, sends the live run's orders
        final MessageDigest live = MessageDigest.getInstance("SHA-256");
        try (JournalReader reader = JournalReader.open(journal))
        {
            reader.readAll((direction, stream, receiveTimeNs, buffer, offset, length) ->
            {
                if (Direction.OUT == direction)
                {
                    final byte[] bytes = new byte[length];
                    buffer.getBytes(offset, bytes);
                    live.update(bytes);
                }
            });
        }
        final CliRun replay = CliRun.run("replay", "--journal", journal.toString(),
            "--config", daemon.runDirectory().resolve("strategy.properties").toString());
        assertEquals(ExitCodes.OK, replay.exitCode, replay.toString());
        assertEquals("sha256=" + HexFormat.of().formatHex(live.digest()), replay.lastLine(), replay.out);
    }

    private DaemonConfig config(final String aeronDir) throws IOException
    {
        final Path file = Files.writeString(tmp.resolve("daemon.properties"), CONFIG);
        return DaemonConfig.load(file, List.of("daemon.run_dir=" + tmp.resolve("runs"),
            "daemon.admin_token_file=" + tmp.resolve("admin.token"), "transport.aeron_dir=" + aeronDir),
            tmp);
    }

    private static Map<String, Long> counters(final String aeronDir)
    {
        return new DaemonCountersReader(Path.of(aeronDir)).read();
    }

    private void offer(final Publication publication, final int length)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (publication.offer(out, 0, length) < 0)
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new IllegalStateException("the daemon did not take a hostile frame");
            }
            Thread.onSpinWait();
        }
    }

    /**
     * A valid message header for the template, then bytes of 0xAB: its block (and a group header, when
     * {@code extra} bytes follow it) say whatever 0xAB says.
     */
    private int garbageBehind(final int templateId, final int blockLength, final int extra)
    {
        header.wrap(out, 0).blockLength(blockLength).templateId(templateId).schemaId(MessageHeaderEncoder.SCHEMA_ID)
            .version(MessageHeaderEncoder.SCHEMA_VERSION);
        out.setMemory(HEADER, blockLength + extra, GARBAGE);
        return HEADER + blockLength + extra;
    }

    private int hugeGroupCount()
    {
        final L2UpdateEncoder update = new L2UpdateEncoder().wrapAndApplyHeader(out, 0, header)
            .instrumentId(ScriptedVenue.INSTRUMENT).sequence(100).prevSequence(99);
        update.levelsCount(1).next().side(Side.BUY).action(L2Action.NEW).price(1000).quantity(500);
        out.putShort(HEADER + L2UpdateEncoder.BLOCK_LENGTH + 2, (short)0xFFFF, ByteOrder.LITTLE_ENDIAN);
        return HEADER + update.encodedLength();
    }

    private int fill(final long clientOrderId, final long quantity)
    {
        return HEADER + new ExecutionReportEncoder().wrapAndApplyHeader(out, 0, header)
            .venueTimeNs(1).clientOrderId(clientOrderId).venueOrderId(clientOrderId).execId(999_999)
            .instrumentId(ScriptedVenue.INSTRUMENT).execType(ExecType.FILL).side(Side.BUY).price(999).orderQuantity(quantity)
            .lastPrice(999).lastQuantity(quantity).leavesQuantity(0).cumQuantity(quantity).liquidity(LiquidityFlag.MAKER)
            .rejectReason(RejectReason.NONE).encodedLength();
    }

    private int unknownExecType(final long clientOrderId)
    {
        final int length = fill(clientOrderId, 7);
        out.putByte(HEADER + ExecutionReportEncoder.execTypeEncodingOffset(), (byte)77);
        return length;
    }

    private int timerTick(final long timestampNs)
    {
        return HEADER + new TimerTickEncoder().wrapAndApplyHeader(out, 0, header).timestampNs(timestampNs).timerId(1)
            .encodedLength();
    }

    private int snapshot()
    {
        final L2SnapshotEncoder snapshot = new L2SnapshotEncoder().wrapAndApplyHeader(out, 0, header)
            .instrumentId(ScriptedVenue.INSTRUMENT).sequence(1_000);
        snapshot.levelsCount(1).next().side(Side.BUY).price(2_000).quantity(1);
        return HEADER + snapshot.encodedLength();
    }
}
