package io.ticklane.runtime.daemon;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import io.ticklane.gateway.transport.FrameRefusal;
import io.ticklane.marketmaking.StrategyMode;
import io.ticklane.marketmaking.strategy.QuotingStrategy;
import io.ticklane.sbe.AdminCommandEncoder;
import io.ticklane.sbe.AdminCommandType;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportEncoder;
import io.ticklane.sbe.LiquidityFlag;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.RejectReason;
import io.ticklane.sbe.Side;
import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The trading agent on its own ring: a slot the receiver marked refused is passed over without reaching the
 * strategy, and a report whose enum values the schema does not define (as a journal tail written before the edge
 * check may hold) is passed to the strategy without an exception escaping the agent.
 */
class TradingAgentTest
{
    private static final int HEADER = MessageHeaderEncoder.ENCODED_LENGTH;
    private static final String TOKEN = "trading-agent-test-token";

    @TempDir
    Path tmp;

    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[512]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private DaemonCountersFile countersFile;
    private DaemonCounters counters;
    private RingBuffer<FrameSlot> inbound;
    private TradingAgent trading;
    private QuotingStrategy strategy;
    private int instrument;

    @BeforeEach
    void wire() throws Exception
    {
        final DaemonConfig config = DaemonConfig.load(Files.writeString(tmp.resolve("daemon.properties"),
            ""), List.of("daemon.admin_token_file=" + tmp.resolve("admin.token")), tmp);
        countersFile = DaemonCountersFile.create(tmp);
        counters = new DaemonCounters(countersFile.manager());
        inbound = FrameSlot.newRing(64, 512);
        final RingBuffer<FrameSlot> outbound = FrameSlot.newRing(64, 512);
        final EventPoller<FrameSlot> poller = inbound.newPoller();
        inbound.addGatingSequences(poller.getSequence());
        outbound.addGatingSequences(outbound.newPoller().getSequence());
        trading = new TradingAgent(poller, outbound, 8, counters, new AtomicReference<>());
        strategy = config.strategy().newStrategy(trading);
        trading.strategy(strategy);
        instrument = config.strategy().instrumentId();
    }

    @AfterEach
    void close()
    {
        CloseHelper.quietClose(countersFile);
    }

    @Test
    void aSlotMarkedRefusedNeverReachesTheStrategy() throws Exception
    {
        publish(stop(), FrameRefusal.WRONG_STREAM.code());
        publish(report(ExecType.FILL, RejectReason.NONE), FrameRefusal.WRONG_STREAM.code());
        trading.doWork();

        assertEquals(0, trading.processed());
        assertEquals(StrategyMode.ACTIVE, strategy.risk().mode(), "a refused STOP is not applied");
        assertEquals(0, strategy.position().position(), "a refused fill is not booked");

        publish(stop(), FrameRefusal.ACCEPTED);
        trading.doWork();
        assertEquals(1, trading.processed());
        assertEquals(StrategyMode.HALTED, strategy.risk().mode(), "the same STOP, accepted, is applied");
    }

    @Test
    void aReportWithAnExecTypeOrRejectReasonTheSchemaDoesNotDefineIsHandledWithoutThrowing() throws Exception
    {
        final int unknownExecType = report(ExecType.FILL, RejectReason.NONE);
        frame.putByte(HEADER + ExecutionReportEncoder.execTypeEncodingOffset(), (byte)77);
        publish(unknownExecType, FrameRefusal.ACCEPTED);
        trading.doWork();

        final int unknownReason = report(ExecType.REJECTED, RejectReason.RISK_LIMIT);
        frame.putShort(HEADER + ExecutionReportEncoder.rejectReasonEncodingOffset(), (short)500, ByteOrder.LITTLE_ENDIAN);
        publish(unknownReason, FrameRefusal.ACCEPTED);
        trading.doWork();

        assertEquals(2, trading.processed());
        assertEquals(0, strategy.position().position());
        assertThrows(IllegalArgumentException.class, () -> counters.counter("venue rejects: SBE_UNKNOWN"),
            "a newer venue's reason shares the null value's code: it has no counter of its own");
    }

    private void publish(final int length, final int refusal)
    {
        final long sequence = inbound.next();
        final FrameSlot slot = inbound.get(sequence);
        slot.buffer().putBytes(0, frame, 0, length);
        slot.set(length, 1, 1, 1);
        if (FrameRefusal.ACCEPTED != refusal)
        {
            slot.refuse(refusal);
        }
        inbound.publish(sequence);
    }

    private int report(final ExecType execType, final RejectReason reason)
    {
        return HEADER + new ExecutionReportEncoder().wrapAndApplyHeader(frame, 0, header)
            .clientOrderId(1).venueOrderId(1).execId(1).instrumentId(instrument).execType(execType).side(Side.BUY)
            .price(100).orderQuantity(3).lastPrice(100).lastQuantity(3).leavesQuantity(0).cumQuantity(3)
            .liquidity(LiquidityFlag.MAKER).rejectReason(reason).encodedLength();
    }

    private int stop()
    {
        return HEADER + new AdminCommandEncoder().wrapAndApplyHeader(frame, 0, header).requestId(1)
            .command(AdminCommandType.STOP).authToken(TOKEN).encodedLength();
    }
}
