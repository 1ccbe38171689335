package io.ticklane.runtime.daemon;

import io.ticklane.journal.queue.Direction;
import io.ticklane.journal.queue.JournalWriter;
import io.ticklane.journal.state.StateStore;
import io.ticklane.marketmaking.strategy.QuotingStrategy;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportEncoder;
import io.ticklane.sbe.L2Action;
import io.ticklane.sbe.L2SnapshotEncoder;
import io.ticklane.sbe.L2UpdateEncoder;
import io.ticklane.sbe.LiquidityFlag;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.NewOrderDecoder;
import io.ticklane.sbe.OrderStatusCompleteEncoder;
import io.ticklane.sbe.OrderStatusRequestEncoder;
import io.ticklane.sbe.RejectReason;
import io.ticklane.sbe.ReplaceOrderDecoder;
import io.ticklane.sbe.Side;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A restart after a crash must leave the strategy exactly as the killed process left it at its last journaled
 * event. The kill -9 loop found it did not when the journal's tail (the records after the last checkpoint) held
 * market data the killed process had quoted on: the checkpoint holds no book, so the tail was replayed over an empty
 * one, the replaces quoted in it were never regenerated, and the restarted daemon handed their client order ids out
 * again (the venue then reported a fill of an order the daemon counted twice, once on its report and once by the
 * reconciliation's "resting order gone: filled" rule).
 */
class RunRecoveryTest
{
    private static final long SECOND = 1_000_000_000L;
    private static final int INSTRUMENT = 1;

    @TempDir
    Path tmp;

    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[1024]);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final List<byte[]> sent = new ArrayList<>();
    private long inbound;
    private long sequence;
    private long execId;

    @Test
    void aRestartRebuildsTheBookSoTheJournalTailQuotesAsItDidLive() throws Exception
    {
        final DaemonConfig config = config();
        final EpochNanoClock clock = () -> 100 * SECOND;

        // given a daemon that reconciled, quoted on a snapshot, had its quotes acknowledged and saved a checkpoint...
        final QuotingStrategy live = config.strategy().newStrategy(this::onOrder);
        final RunRecovery start;
        final int tailOrders;
        try (DaemonState state = state(config, live))
        {
            start = RunRecovery.prepare(config, live, trading(), state, clock);
            final JournalWriter journal = start.writer;
            statusRequest(journal, live, SECOND);
            statusComplete(journal, live, SECOND);
            snapshot(journal, live, 2 * SECOND, 999, 1001);
            acknowledge(journal, live, 2 * SECOND);
            assertTrue(live.orders().openOrderCount() >= 2, "quoting both sides");
            state.save(live, JournalPosition.of(start.run, inbound));

            // ...then quoted on more market data (journaled, as the daemon journals before the strategy sees a frame)
            sent.clear();
            touch(journal, live, 3 * SECOND, 999, 1001, 1003, 1005);
            touch(journal, live, 4 * SECOND, 1003, 1005, 1006, 1008);
            tailOrders = sent.size();
            assertTrue(tailOrders > 0, "the tail's market data moved the quotes");
            journal.abort(); // kill -9: no trailer
        }
        final byte[] killed = checkpointOf(live);

        // when the daemon restarts
        final TradingAgent trading = trading();
        final QuotingStrategy restarted = config.strategy().newStrategy(trading);
        trading.strategy(restarted);
        final RunRecovery recovery;
        try (DaemonState state = state(config, restarted))
        {
            recovery = RunRecovery.prepare(config, restarted, trading, state, clock);
            recovery.writer.abort();
        }

        // then it continues the run, re-made (muted) the orders the tail quoted, and stands where the killed one stood
        assertTrue(recovery.description.contains("the run crashed: its journal continues"), recovery.description);
        assertEquals(start.run, recovery.run);
        assertEquals(tailOrders, trading.mutedFrames(), "order frames the tail regenerated");
        assertArrayEquals(killed, checkpointOf(restarted), "the restarted strategy's state against the killed one's");
        assertEquals(live.quoteManager().nextClientOrderId(), restarted.quoteManager().nextClientOrderId(),
            "next client order id");
    }

    private DaemonConfig config() throws Exception
    {
        final Path file = Files.writeString(tmp.resolve("daemon.properties"),
            "risk.max_order_quantity=1000\nrisk.max_notional=100000000000\n" +
            "risk.price_collar_ticks=1000\nrisk.stale_market_data_ms=60000\nrisk.max_orders_per_second=1000000\n" +
            "quoter=glft(gamma=0.05,sigma_fallback=1,a_fallback=1,k_fallback=1,order_size=1)\n");
        return DaemonConfig.load(file, List.of("daemon.run_dir=" + tmp.resolve("runs"),
            "daemon.admin_token_file=" + tmp.resolve("admin.token")), tmp);
    }

    private static DaemonState state(final DaemonConfig config, final QuotingStrategy strategy) throws Exception
    {
        Files.createDirectories(config.stateFile().toAbsolutePath().getParent());
        return new DaemonState(StateStore.open(config.stateFile(), 1, strategy.maxCheckpointLength()),
            config.strategy().instrumentId(), strategy.maxCheckpointLength());
    }

    private static TradingAgent trading()
    {
        final CountersManager manager = new CountersManager(
            new UnsafeBuffer(ByteBuffer.allocateDirect(DaemonCountersFile.MAX_COUNTERS * CountersReader.METADATA_LENGTH)),
            new UnsafeBuffer(ByteBuffer.allocateDirect(DaemonCountersFile.MAX_COUNTERS * CountersReader.COUNTER_LENGTH)));
        final com.lmax.disruptor.RingBuffer<FrameSlot> inboundRing = FrameSlot.newRing(8, 512);
        final com.lmax.disruptor.RingBuffer<FrameSlot> outbound = FrameSlot.newRing(8, 512);
        return new TradingAgent(inboundRing.newPoller(), outbound, 4, new DaemonCounters(manager), new AtomicReference<>());
    }

    private static byte[] checkpointOf(final QuotingStrategy strategy)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[strategy.maxCheckpointLength()]);
        final int length = strategy.checkpoint(buffer, 0, 0);
        final byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        return bytes;
    }

    private void onOrder(final int type, final MutableDirectBuffer buffer, final int index, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(index, bytes);
        sent.add(bytes);
    }

    private void in(final JournalWriter journal, final QuotingStrategy strategy, final int length, final long timeNs)
    {
        journal.append(Direction.IN, 0, timeNs, frame, 0, length);
        inbound++;
        final int before = sent.size();
        strategy.onMessage(headerDecoder.wrap(frame, 0).templateId(), frame, 0, length);
        for (int i = before; i < sent.size(); i++)
        {
            final byte[] order = sent.get(i);
            journal.append(Direction.OUT, 0, timeNs, new UnsafeBuffer(order), 0, order.length);
        }
    }

    private void statusRequest(final JournalWriter journal, final QuotingStrategy strategy, final long timeNs)
    {
        final OrderStatusRequestEncoder request = new OrderStatusRequestEncoder().wrapAndApplyHeader(frame, 0, headerEncoder)
            .sendingTimeNs(timeNs).requestId(timeNs).instrumentId(INSTRUMENT);
        in(journal, strategy, MessageHeaderEncoder.ENCODED_LENGTH + request.encodedLength(), timeNs);
    }

    private void statusComplete(final JournalWriter journal, final QuotingStrategy strategy, final long timeNs)
    {
        final OrderStatusCompleteEncoder complete = new OrderStatusCompleteEncoder()
            .wrapAndApplyHeader(frame, 0, headerEncoder)
            .venueTimeNs(timeNs).localTimeNs(timeNs).requestId(timeNs).instrumentId(INSTRUMENT).orderCount(0);
        in(journal, strategy, MessageHeaderEncoder.ENCODED_LENGTH + complete.encodedLength(), timeNs);
    }

    private void snapshot(
        final JournalWriter journal, final QuotingStrategy strategy, final long timeNs, final long bid, final long ask)
    {
        final L2SnapshotEncoder snapshot = new L2SnapshotEncoder().wrapAndApplyHeader(frame, 0, headerEncoder)
            .exchangeTimeNs(timeNs).receiveTimeNs(timeNs).instrumentId(INSTRUMENT).sequence(++sequence);
        final L2SnapshotEncoder.LevelsEncoder levels = snapshot.levelsCount(2);
        levels.next().side(Side.BUY).price(bid).quantity(10);
        levels.next().side(Side.SELL).price(ask).quantity(10);
        in(journal, strategy, MessageHeaderEncoder.ENCODED_LENGTH + snapshot.encodedLength(), timeNs);
    }

    private void touch(
        final JournalWriter journal, final QuotingStrategy strategy, final long timeNs,
        final long oldBid, final long oldAsk, final long bid, final long ask)
    {
        final L2UpdateEncoder update = new L2UpdateEncoder().wrapAndApplyHeader(frame, 0, headerEncoder)
            .exchangeTimeNs(timeNs).receiveTimeNs(timeNs).instrumentId(INSTRUMENT)
            .sequence(sequence + 1).prevSequence(sequence);
        sequence++;
        final L2UpdateEncoder.LevelsEncoder levels = update.levelsCount(4);
        levels.next().side(Side.BUY).action(L2Action.DELETE).price(oldBid).quantity(0);
        levels.next().side(Side.SELL).action(L2Action.DELETE).price(oldAsk).quantity(0);
        levels.next().side(Side.BUY).action(L2Action.CHANGE).price(bid).quantity(10);
        levels.next().side(Side.SELL).action(L2Action.CHANGE).price(ask).quantity(10);
        in(journal, strategy, MessageHeaderEncoder.ENCODED_LENGTH + update.encodedLength(), timeNs);
    }

    /** The venue acknowledges every new order and replace sent so far. */
    private void acknowledge(final JournalWriter journal, final QuotingStrategy strategy, final long timeNs)
    {
        final List<byte[]> toAnswer = new ArrayList<>(sent);
        sent.clear();
        final NewOrderDecoder newOrder = new NewOrderDecoder();
        final ReplaceOrderDecoder replace = new ReplaceOrderDecoder();
        for (final byte[] order : toAnswer)
        {
            final UnsafeBuffer buffer = new UnsafeBuffer(order);
            headerDecoder.wrap(buffer, 0);
            if (NewOrderDecoder.TEMPLATE_ID == headerDecoder.templateId())
            {
                newOrder.wrapAndApplyHeader(buffer, 0, headerDecoder);
                report(journal, strategy, timeNs, newOrder.clientOrderId(), ExecType.ACK, newOrder.side(),
                    newOrder.price(), newOrder.quantity());
            }
            else if (ReplaceOrderDecoder.TEMPLATE_ID == headerDecoder.templateId())
            {
                replace.wrapAndApplyHeader(buffer, 0, headerDecoder);
                report(journal, strategy, timeNs, replace.clientOrderId(), ExecType.REPLACED, replace.side(),
                    replace.price(), replace.quantity());
            }
        }
    }

    private void report(
        final JournalWriter journal, final QuotingStrategy strategy, final long timeNs, final long clientOrderId,
        final ExecType type, final Side side, final long price, final long quantity)
    {
        final ExecutionReportEncoder report = new ExecutionReportEncoder().wrapAndApplyHeader(frame, 0, headerEncoder)
            .venueTimeNs(timeNs).localTimeNs(timeNs).clientOrderId(clientOrderId).venueOrderId(clientOrderId)
            .execId(++execId).instrumentId(INSTRUMENT).execType(type).side(side).price(price)
            .orderQuantity(quantity).lastPrice(0).lastQuantity(0).leavesQuantity(quantity).cumQuantity(0)
            .liquidity(LiquidityFlag.NONE).rejectReason(RejectReason.NONE);
        in(journal, strategy, MessageHeaderEncoder.ENCODED_LENGTH + report.encodedLength(), timeNs);
    }
}
