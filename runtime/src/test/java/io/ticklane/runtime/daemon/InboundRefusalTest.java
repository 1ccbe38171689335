package io.ticklane.runtime.daemon;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.ticklane.gateway.transport.FrameRefusal;
import io.ticklane.gateway.transport.Transport;
import io.ticklane.gateway.transport.TransportContext;
import io.ticklane.journal.queue.Direction;
import io.ticklane.journal.queue.JournalHeader;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.journal.queue.JournalRecordHandler;
import io.ticklane.journal.queue.JournalWriter;
import io.ticklane.journal.state.StateStore;
import io.ticklane.marketmaking.StrategyMode;
import io.ticklane.marketmaking.strategy.QuotingStrategy;
import io.ticklane.marketmaking.strategy.StrategyCheckpoint;
import io.ticklane.sbe.AdminCommandEncoder;
import io.ticklane.sbe.AdminCommandType;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportEncoder;
import io.ticklane.sbe.InstrumentDefinitionEncoder;
import io.ticklane.sbe.L2Action;
import io.ticklane.sbe.L2SnapshotEncoder;
import io.ticklane.sbe.L2UpdateEncoder;
import io.ticklane.sbe.LiquidityFlag;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.RejectReason;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TimerTickEncoder;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The receiver, journal and trading agents wired as the daemon wires them, on a real embedded media driver, fed
 * forged and malformed frames on every stream between good ones: each refused frame is counted by its reason,
 * journaled as refused and never reaches the strategy, while the good frames (an operator's STOP among them) are
 * applied. The count of inbound records a checkpoint stands at is the one a restart's replay counts, so a restart
 * from a checkpoint taken before the refused frames replays exactly the accepted tail.
 */
class InboundRefusalTest
{
    private static final int MARKET_DATA = TransportContext.DEFAULT_MARKET_DATA_STREAM_ID;
    private static final int REPORTS = TransportContext.DEFAULT_REPORT_STREAM_ID;
    private static final int ADMIN = TransportContext.DEFAULT_ADMIN_STREAM_ID;
    private static final int HEADER = MessageHeaderEncoder.ENCODED_LENGTH;
    private static final String TOKEN = "edge-test-token-0123456789";

    @TempDir
    Path tmp;

    private final UnsafeBuffer out = new UnsafeBuffer(new byte[1024]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void close()
    {
        for (int i = closeables.size() - 1; i >= 0; i--)
        {
            CloseHelper.quietClose(closeables.get(i));
        }
    }

    @Test
    void refusedFramesAreCountedJournaledAsRefusedAndNeverDeliveredAndARestartReplaysOnlyTheAcceptedTail() throws Exception
    {
        // given the daemon's agents on a real driver
        final DaemonConfig config = DaemonConfig.load(Files.writeString(tmp.resolve("daemon.properties"),
            "risk.max_order_quantity=1000\nrisk.max_notional=100000000000\n"),
            List.of("daemon.run_dir=" + tmp.resolve("runs"), "daemon.admin_token_file=" + tokenFile(), "daemon.ring_slots=256",
            "daemon.slot_bytes=512",
            "daemon.outbound_reserve=64"), tmp);
        final Transport transport = closing(Transport.launch(new TransportContext().aeronDirectoryName(tmp.resolve("aeron").toString())));
        final Subscription marketData = closing(transport.subscription("aeron:ipc", MARKET_DATA));
        final Subscription reports = closing(transport.subscription("aeron:ipc", REPORTS));
        final Subscription admin = closing(transport.subscription("aeron:ipc", ADMIN));
        final Publication toMarketData = closing(transport.aeron().addPublication("aeron:ipc", MARKET_DATA));
        final Publication toReports = closing(transport.aeron().addPublication("aeron:ipc", REPORTS));
        final Publication toAdmin = closing(transport.aeron().addPublication("aeron:ipc", ADMIN));
        final DaemonCountersFile countersFile = closing(DaemonCountersFile.create(tmp.resolve("aeron")));
        final DaemonCounters counters = new DaemonCounters(countersFile.manager());
        final AtomicReference<String> haltReason = new AtomicReference<>();

        final RingBuffer<FrameSlot> inbound = FrameSlot.newRing(config.ringSlots(), config.slotBytes());
        final RingBuffer<FrameSlot> outbound = FrameSlot.newRing(config.ringSlots(), config.slotBytes());
        final EventPoller<FrameSlot> journalInbound = inbound.newPoller();
        final EventPoller<FrameSlot> tradingPoller = inbound.newPoller(journalInbound.getSequence());
        inbound.addGatingSequences(tradingPoller.getSequence(), journalInbound.getSequence());
        final EventPoller<FrameSlot> journalOutbound = outbound.newPoller();
        outbound.addGatingSequences(journalOutbound.getSequence());

        final TradingAgent trading = new TradingAgent(tradingPoller, outbound, config.outboundReserve(), counters, haltReason);
        final QuotingStrategy strategy = config.strategy().newStrategy(trading);
        trading.strategy(strategy);
        Files.createDirectories(config.runDir());
        final DaemonState state = new DaemonState(StateStore.open(config.stateFile(), 1, strategy.maxCheckpointLength()),
            config.strategy().instrumentId(), strategy.maxCheckpointLength());
        trading.state(state, 1, 0);
        final Path journalDir = config.runDir().resolve("000001-test").resolve("journal");
        final JournalWriter writer = JournalWriter.create(journalDir, JournalHeader.current(
            List.of(config.instrument()), config.strategy().sha256(), "test", "inbound refusal test"));
        final JournalAgent journal = new JournalAgent(journalInbound, journalOutbound, writer, counters,
            new JournalSpace(journalDir, 0, haltReason, counters));
        final ReceiverAgent receiver = new ReceiverAgent(inbound, marketData, reports, admin, new OffsetEpochNanoClock(),
            TimeUnit.HOURS.toNanos(1), new AdminAuthenticator(config.adminToken(), config.adminThrottle(), counters.adminRejected,
            counters.adminThrottled), haltReason, counters, outbound, journalInbound.getSequence());
        final Runnable dutyCycle = () ->
        {
            receiver.doWork();
            try
            {
                journal.doWork();
                trading.doWork();
            }
            catch (final Exception ex)
            {
                throw new AssertionError(ex);
            }
        };

        // when a market, then forged and malformed frames on every stream, then an operator's STOP
        final int instrument = config.strategy().instrumentId();
        offer(toMarketData, definition(instrument));
        offer(toMarketData, snapshot(instrument, 1, 99, 101));
        offer(toAdmin, fill(instrument, 7));                                  // a fill on the operator stream
        offer(toAdmin, timerTick(Long.MAX_VALUE / 2));                         // a timer tick from outside
        offer(toMarketData, timerTick(System.currentTimeMillis() * 2_000_000L)); // future-stamped, on market data
        offer(toReports, unknownExecType(instrument));                         // execType 77
        offer(toMarketData, hugeGroupCount(instrument));                       // 65535 levels declared in 40 bytes
        offer(toMarketData, 3);                                                // less than a header
        offer(toMarketData, updateOf(40, instrument));                         // more than a 512 byte slot
        offer(toAdmin, stop());
        runUntil(dutyCycle, () -> trading.processed() >= 4 && counters.framesRefused.get() >= 7);

        // then each refusal is counted by its reason (the too long frame journaled cut to a slot), and nothing forged
        // moved the strategy
        assertEquals(7, counters.framesRefused.get());
        assertEquals(1, counters.refused(FrameRefusal.TOO_LONG.code()).get());
        assertEquals(3, counters.refused(FrameRefusal.WRONG_STREAM.code()).get());
        assertEquals(1, counters.refused(FrameRefusal.UNKNOWN_ENUM_VALUE.code()).get());
        assertEquals(1, counters.refused(FrameRefusal.TRUNCATED.code()).get());
        assertEquals(1, counters.refused(FrameRefusal.TOO_SHORT.code()).get());
        assertEquals(4, trading.processed(), "our timer tick, the definition, the snapshot and the STOP");
        assertEquals(0, strategy.position().position(), "the forged fill was not booked");
        assertEquals(StrategyMode.HALTED, strategy.risk().mode(), "the operator's STOP after the garbage was applied");
        assertNull(haltReason.get());
        final long checkpointed = JournalPosition.inboundRecords(StrategyCheckpoint.lastJournalIndex(savedCheckpoint(state), 0));
        assertEquals(4, checkpointed, "the STOP's checkpoint counts accepted inbound records only");

        // and more of both after the checkpoint: an accepted update, refused frames around it; then a crash
        offer(toAdmin, fill(instrument, 5));
        offer(toMarketData, update(instrument, 2, 1, 98));
        offer(toReports, unknownExecType(instrument));
        runUntil(dutyCycle, () -> trading.processed() >= 5 && counters.framesRefused.get() >= 9);
        assertEquals(98, strategy.book().bestBidPrice());
        while (journal.doWork() > 0)
        {
            Thread.onSpinWait();
        }
        writer.abort();
        state.close();

        // the journal holds every refused frame as refused, with its reason, and replays only the accepted ones
        final List<String> refused = new ArrayList<>();
        final long[] inboundRecords = new long[1];
        try (JournalReader reader = JournalReader.open(journalDir, true))
        {
            reader.readAll(new JournalRecordHandler()
            {
                public void onRecord(
                    final Direction direction, final int stream, final long timeNs, final DirectBuffer buffer,
                    final int offset, final int length)
                {
                    inboundRecords[0] += Direction.IN == direction ? 1 : 0;
                }

                public void onRefused(
                    final int refusal, final int stream, final long timeNs, final DirectBuffer buffer,
                    final int offset, final int length)
                {
                    refused.add(FrameRefusal.name(refusal) + "@" + stream +
                        (FrameRefusal.TOO_LONG.code() == refusal ? " " + length + " bytes" : ""));
                }
            });
        }
        refused.sort(null); // the receiver polls stream by stream: order across streams is not offer order
        assertEquals(List.of("TOO_LONG@" + MARKET_DATA + " 512 bytes", "TOO_SHORT@" + MARKET_DATA, "TRUNCATED@" + MARKET_DATA,
            "UNKNOWN_ENUM_VALUE@" + REPORTS, "UNKNOWN_ENUM_VALUE@" + REPORTS, "WRONG_STREAM@" + MARKET_DATA,
            "WRONG_STREAM@" + ADMIN, "WRONG_STREAM@" + ADMIN, "WRONG_STREAM@" + ADMIN), refused);
        assertEquals(trading.processed(), inboundRecords[0]);

        // a restart restores the STOP's checkpoint and replays the one accepted frame after it, not the refused ones
        final TradingAgent restarted = new TradingAgent(inbound.newPoller(), outbound, config.outboundReserve(), counters,
            haltReason);
        final QuotingStrategy restored = config.strategy().newStrategy(restarted);
        restarted.strategy(restored);
        final DaemonState reopened = closing(new DaemonState(StateStore.open(config.stateFile(), 1,
            restored.maxCheckpointLength()), instrument, restored.maxCheckpointLength()));
        final RunRecovery recovery = RunRecovery.prepare(config, restored, restarted, reopened, new OffsetEpochNanoClock());
        closing(recovery.writer::abort);
        assertTrue(recovery.description.contains("restored run 1 at inbound record 4") &&
            recovery.description.contains("replayed 1 inbound records"), recovery.description);
        assertEquals(5, recovery.inboundRecords, "the continued run counts as the live one did");
        assertEquals(0, restored.position().position(), "the forged fills journaled as refused were not replayed");
        assertEquals(StrategyMode.HALTED, restored.risk().mode());
    }

    private UnsafeBuffer savedCheckpoint(final DaemonState state)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[state.buffer().capacity()]);
        assertTrue(state.store().load(1, buffer) > 0, "a checkpoint was saved");
        return buffer;
    }

    private <T extends AutoCloseable> T closing(final T closeable)
    {
        closeables.add(closeable);
        return closeable;
    }

    private static void runUntil(final Runnable dutyCycle, final java.util.function.BooleanSupplier done)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!done.getAsBoolean())
        {
            assertTrue(System.nanoTime() < deadline, "frames did not arrive");
            dutyCycle.run();
        }
    }

    private void offer(final Publication publication, final int length)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (publication.offer(out, 0, length) < 0)
        {
            assertTrue(System.nanoTime() < deadline, "publication did not take the frame");
            Thread.onSpinWait();
        }
    }

    private int definition(final int instrument)
    {
        return HEADER + new InstrumentDefinitionEncoder().wrapAndApplyHeader(out, 0, header).instrumentId(instrument)
            .symbol("EDGE").priceExponent((byte)-2).tickSize(1).quantityExponent((byte)0).lotSize(1).encodedLength();
    }

    private int snapshot(final int instrument, final long sequence, final long bid, final long ask)
    {
        final L2SnapshotEncoder snapshot = new L2SnapshotEncoder().wrapAndApplyHeader(out, 0, header)
            .exchangeTimeNs(1).instrumentId(instrument).sequence(sequence);
        final L2SnapshotEncoder.LevelsEncoder levels = snapshot.levelsCount(2);
        levels.next().side(Side.BUY).price(bid).quantity(10);
        levels.next().side(Side.SELL).price(ask).quantity(10);
        return HEADER + snapshot.encodedLength();
    }

    private int update(final int instrument, final long sequence, final long prevSequence, final long bid)
    {
        final L2UpdateEncoder update = new L2UpdateEncoder().wrapAndApplyHeader(out, 0, header)
            .exchangeTimeNs(2).instrumentId(instrument).sequence(sequence).prevSequence(prevSequence);
        update.levelsCount(2).next().side(Side.BUY).action(L2Action.DELETE).price(99).quantity(0)
            .next().side(Side.BUY).action(L2Action.NEW).price(bid).quantity(10);
        return HEADER + update.encodedLength();
    }

    private int updateOf(final int levels, final int instrument)
    {
        final L2UpdateEncoder update = new L2UpdateEncoder().wrapAndApplyHeader(out, 0, header)
            .exchangeTimeNs(2).instrumentId(instrument).sequence(3).prevSequence(2);
        final L2UpdateEncoder.LevelsEncoder group = update.levelsCount(levels);
        for (int i = 0; i < levels; i++)
        {
            group.next().side(Side.SELL).action(L2Action.NEW).price(200 + i).quantity(1);
        }
        return HEADER + update.encodedLength();
    }

    private int hugeGroupCount(final int instrument)
    {
        final int length = update(instrument, 3, 2, 97);
        out.putShort(HEADER + L2UpdateEncoder.BLOCK_LENGTH + 2, (short)0xFFFF, ByteOrder.LITTLE_ENDIAN);
        return length;
    }

    private int fill(final int instrument, final long quantity)
    {
        return HEADER + new ExecutionReportEncoder().wrapAndApplyHeader(out, 0, header)
            .clientOrderId(1).venueOrderId(1).execId(1).instrumentId(instrument).execType(ExecType.FILL).side(Side.BUY)
            .price(100).orderQuantity(quantity).lastPrice(100).lastQuantity(quantity).leavesQuantity(0).cumQuantity(quantity)
            .liquidity(LiquidityFlag.MAKER).rejectReason(RejectReason.NONE).encodedLength();
    }

    private int unknownExecType(final int instrument)
    {
        final int length = fill(instrument, 3);
        out.putByte(HEADER + ExecutionReportEncoder.execTypeEncodingOffset(), (byte)77);
        return length;
    }

    private int timerTick(final long timestampNs)
    {
        return HEADER + new TimerTickEncoder().wrapAndApplyHeader(out, 0, header).timestampNs(timestampNs).timerId(1)
            .encodedLength();
    }

    private int stop()
    {
        return HEADER + new AdminCommandEncoder().wrapAndApplyHeader(out, 0, header).requestId(1)
            .command(AdminCommandType.STOP).instrumentId(0).authToken(TOKEN).encodedLength();
    }

    private Path tokenFile() throws java.io.IOException
    {
        final Path file = tmp.resolve("admin.token");
        Files.writeString(file, TOKEN);
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
