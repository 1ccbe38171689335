package io.ticklane.gateway.transport;

import io.ticklane.sbe.AdminCommandEncoder;
import io.ticklane.sbe.AdminCommandType;
import io.ticklane.sbe.AggressorSide;
import io.ticklane.sbe.BestBidOfferEncoder;
import io.ticklane.sbe.CancelOrderEncoder;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportEncoder;
import io.ticklane.sbe.HeartbeatEncoder;
import io.ticklane.sbe.InstrumentDefinitionEncoder;
import io.ticklane.sbe.L2Action;
import io.ticklane.sbe.L2SnapshotEncoder;
import io.ticklane.sbe.L2UpdateEncoder;
import io.ticklane.sbe.L3EventType;
import io.ticklane.sbe.L3OrderEventEncoder;
import io.ticklane.sbe.LiquidityFlag;
import io.ticklane.sbe.MassCancelEncoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.NewOrderEncoder;
import io.ticklane.sbe.OrderStatusCompleteEncoder;
import io.ticklane.sbe.OrderStatusRequestEncoder;
import io.ticklane.sbe.RejectReason;
import io.ticklane.sbe.ReplaceOrderEncoder;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.StrategyCheckpointEncoder;
import io.ticklane.sbe.TimerTickEncoder;
import io.ticklane.sbe.TradeEncoder;
import io.ticklane.sbe.TradeType;
import io.ticklane.sbe.TradingStatusEncoder;
import io.ticklane.sbe.TradingStatusType;
import io.ticklane.sbe.VenueSessionEncoder;
import io.ticklane.sbe.VenueSessionState;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The edge check, reason by reason, at the boundaries: every inbound frame is accepted only if its header, lengths,
 * groups, enum values and stream all hold, and the check itself neither throws nor allocates, whatever the bytes.
 */
class InboundFrameValidatorTest
{
    private static final int SLOT = 4096;
    private static final int HEADER = MessageHeaderEncoder.ENCODED_LENGTH;

    private final InboundFrameValidator validator = new InboundFrameValidator(SLOT);
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[2 * SLOT]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final Map<String, byte[]> encoded = new LinkedHashMap<>();

    @Test
    void everyWellFormedInboundTemplateIsAcceptedOnItsOwnStream()
    {
        assertEquals(FrameRefusal.ACCEPTED, check(StreamRole.MARKET_DATA, l2Update(3)));
        assertEquals(FrameRefusal.ACCEPTED, check(StreamRole.MARKET_DATA, l2Snapshot(2)));
        assertEquals(FrameRefusal.ACCEPTED, check(StreamRole.MARKET_DATA, l2Update(0)), "an update may carry no level");
        assertEquals(FrameRefusal.ACCEPTED, check(StreamRole.REPORTS, report(ExecType.FILL)));
        assertEquals(FrameRefusal.ACCEPTED, check(StreamRole.REPORTS, venueSession(VenueSessionState.DISCONNECTED)));
        assertEquals(FrameRefusal.ACCEPTED, check(StreamRole.ADMIN, admin(AdminCommandType.STOP)));
        assertEquals(FrameRefusal.ACCEPTED, check(StreamRole.INTERNAL, timerTick()));
    }

    @Test
    void aFrameShorterThanAMessageHeaderIsTooShort()
    {
        final int length = heartbeat();
        assertEquals(FrameRefusal.TOO_SHORT.code(), validator.validate(StreamRole.MARKET_DATA, buffer, 0, HEADER - 1));
        assertEquals(FrameRefusal.TOO_SHORT.code(), validator.validate(StreamRole.MARKET_DATA, buffer, 0, 0));
        assertEquals(FrameRefusal.TRUNCATED.code(), validator.validate(StreamRole.MARKET_DATA, buffer, 0, HEADER),
            "a header alone is not a heartbeat");
        assertEquals(FrameRefusal.ACCEPTED, validator.validate(StreamRole.MARKET_DATA, buffer, 0, length));
    }

    @Test
    void aFrameLongerThanASlotIsTooLongAndOneOfExactlyASlotIsAccepted()
    {
        final int levelLength = L2UpdateEncoder.LevelsEncoder.sbeBlockLength();
        final int fixed = HEADER + L2UpdateEncoder.BLOCK_LENGTH + L2UpdateEncoder.LevelsEncoder.sbeHeaderSize();
        final int levels = (SLOT - fixed) / levelLength;
        final int length = l2Update(levels);
        final InboundFrameValidator exact = new InboundFrameValidator(length);
        assertEquals(FrameRefusal.ACCEPTED, exact.validate(StreamRole.MARKET_DATA, buffer, 0, length));
        assertEquals(FrameRefusal.TOO_LONG.code(), exact.validate(StreamRole.MARKET_DATA, buffer, 0, length + 1));
    }

    @Test
    void anotherSchemaIsForeign()
    {
        final int length = l2Update(1);
        buffer.putShort(4, (short)(MessageHeaderEncoder.SCHEMA_ID + 1), ByteOrder.LITTLE_ENDIAN);
        assertEquals(FrameRefusal.FOREIGN_SCHEMA.code(), check(StreamRole.MARKET_DATA, length));
    }

    @Test
    void aVersionFromTheFutureIsRefusedAndTheCurrentOrAnOlderOneIsNot()
    {
        final int length = report(ExecType.ACK);
        buffer.putShort(6, (short)(MessageHeaderEncoder.SCHEMA_VERSION + 1), ByteOrder.LITTLE_ENDIAN);
        assertEquals(FrameRefusal.FUTURE_VERSION.code(), check(StreamRole.REPORTS, length));
        buffer.putShort(6, (short)0xFFFF, ByteOrder.LITTLE_ENDIAN);
        assertEquals(FrameRefusal.FUTURE_VERSION.code(), check(StreamRole.REPORTS, length));
        buffer.putShort(6, (short)MessageHeaderEncoder.SCHEMA_VERSION, ByteOrder.LITTLE_ENDIAN);
        assertEquals(FrameRefusal.ACCEPTED, check(StreamRole.REPORTS, length));
        buffer.putShort(6, (short)1, ByteOrder.LITTLE_ENDIAN);
        assertEquals(FrameRefusal.ACCEPTED, check(StreamRole.REPORTS, length));
    }

    @Test
    void aTemplateIdThisBuildDoesNotKnowIsUnknownOnEveryStream()
    {
        final int length = heartbeat();
        for (final int templateId : new int[]{0, 2, 16, 35, 43, 59, 61, 63, 64, 1000, 0xFFFF})
        {
            buffer.putShort(2, (short)templateId, ByteOrder.LITTLE_ENDIAN);
            for (final StreamRole role : StreamRole.values())
            {
                assertEquals(FrameRefusal.UNKNOWN_TEMPLATE.code(), check(role, length), "template " + templateId + " on " + role);
            }
        }
    }

    @Test
    void aBlockShorterThanTheTemplatesIsRefusedEvenIfTheFrameIsLongEnough()
    {
        final int length = report(ExecType.ACK);
        buffer.putShort(0, (short)(ExecutionReportEncoder.BLOCK_LENGTH - 1), ByteOrder.LITTLE_ENDIAN);
        assertEquals(FrameRefusal.SHORT_BLOCK.code(), check(StreamRole.REPORTS, length));
        buffer.putShort(0, (short)0, ByteOrder.LITTLE_ENDIAN);
        assertEquals(FrameRefusal.SHORT_BLOCK.code(), check(StreamRole.REPORTS, length));
    }

    @Test
    void aLongerBlockIsAcceptedWhenTheFrameHoldsIt()
    {
        final int length = report(ExecType.ACK);
        buffer.putShort(0, (short)(ExecutionReportEncoder.BLOCK_LENGTH + 8), ByteOrder.LITTLE_ENDIAN);
        assertEquals(FrameRefusal.TRUNCATED.code(), check(StreamRole.REPORTS, length));
        assertEquals(FrameRefusal.ACCEPTED, check(StreamRole.REPORTS, length + 8));
    }

    @Test
    void aFrameOneByteShortOfItsBlockOrOfItsLastGroupEntryIsTruncated()
    {
        final int report = report(ExecType.ACK);
        assertEquals(FrameRefusal.TRUNCATED.code(), check(StreamRole.REPORTS, report - 1));

        final int update = l2Update(3);
        assertEquals(FrameRefusal.ACCEPTED, check(StreamRole.MARKET_DATA, update));
        assertEquals(FrameRefusal.TRUNCATED.code(), check(StreamRole.MARKET_DATA, update - 1));
        final int groupHeaderEnd = HEADER + L2UpdateEncoder.BLOCK_LENGTH + L2UpdateEncoder.LevelsEncoder.sbeHeaderSize();
        assertEquals(FrameRefusal.TRUNCATED.code(), check(StreamRole.MARKET_DATA, groupHeaderEnd - 1), "cut in the group header");
        assertEquals(FrameRefusal.TRUNCATED.code(), check(StreamRole.MARKET_DATA, groupHeaderEnd), "no room for the entries");
    }

    @Test
    void aHugeGroupCountIsTruncatedAndNothingIsReadPastTheFrame()
    {
        final int length = l2Snapshot(2);
        final int groupHeader = HEADER + L2SnapshotEncoder.BLOCK_LENGTH;
        buffer.putShort(groupHeader + 2, (short)0xFFFF, ByteOrder.LITTLE_ENDIAN);
        assertEquals(FrameRefusal.TRUNCATED.code(), check(StreamRole.MARKET_DATA, length));
        buffer.putShort(groupHeader, (short)0xFFFF, ByteOrder.LITTLE_ENDIAN);
        assertEquals(FrameRefusal.TRUNCATED.code(), check(StreamRole.MARKET_DATA, length), "65535 entries of 65535 bytes");
    }

    @Test
    void aGroupEntryBlockShorterThanTheGroupsIsRefused()
    {
        final int length = l2Update(2);
        final int groupHeader = HEADER + L2UpdateEncoder.BLOCK_LENGTH;
        buffer.putShort(groupHeader, (short)(L2UpdateEncoder.LevelsEncoder.sbeBlockLength() - 1), ByteOrder.LITTLE_ENDIAN);
        assertEquals(FrameRefusal.SHORT_BLOCK.code(), check(StreamRole.MARKET_DATA, length));
    }

    @Test
    void anEnumValueTheSchemaDoesNotDefineIsRefusedAndTheNullValuePassesToTheHandlers()
    {
        final int report = report(ExecType.ACK);
        final int execTypeAt = HEADER + ExecutionReportEncoder.execTypeEncodingOffset();
        buffer.putByte(execTypeAt, (byte)77);
        assertEquals(FrameRefusal.UNKNOWN_ENUM_VALUE.code(), check(StreamRole.REPORTS, report));
        buffer.putByte(execTypeAt, (byte)0xFF);
        assertEquals(FrameRefusal.ACCEPTED, check(StreamRole.REPORTS, report), "the null value: handlers refuse it");
        report(ExecType.ACK);
        buffer.putByte(HEADER + ExecutionReportEncoder.sideEncodingOffset(), (byte)3);
        assertEquals(FrameRefusal.UNKNOWN_ENUM_VALUE.code(), check(StreamRole.REPORTS, report));
        report(ExecType.REJECTED);
        buffer.putShort(HEADER + ExecutionReportEncoder.rejectReasonEncodingOffset(), (short)500, ByteOrder.LITTLE_ENDIAN);
        assertEquals(FrameRefusal.UNKNOWN_ENUM_VALUE.code(), check(StreamRole.REPORTS, report));

        final int update = l2Update(3);
        final int thirdLevel = HEADER + L2UpdateEncoder.BLOCK_LENGTH + 4 + 2 * L2UpdateEncoder.LevelsEncoder.sbeBlockLength();
        buffer.putByte(thirdLevel + L2UpdateEncoder.LevelsEncoder.actionEncodingOffset(), (byte)9);
        assertEquals(FrameRefusal.UNKNOWN_ENUM_VALUE.code(), check(StreamRole.MARKET_DATA, update), "the last level's action");
        l2Update(3);
        buffer.putByte(thirdLevel + L2UpdateEncoder.LevelsEncoder.sideEncodingOffset(), (byte)0);
        assertEquals(FrameRefusal.UNKNOWN_ENUM_VALUE.code(), check(StreamRole.MARKET_DATA, update), "side 0 is not a side");

        final int snapshot = l2Snapshot(2);
        buffer.putByte(HEADER + L2SnapshotEncoder.BLOCK_LENGTH + 4 + L2SnapshotEncoder.LevelsEncoder.sideEncodingOffset(), (byte)7);
        assertEquals(FrameRefusal.UNKNOWN_ENUM_VALUE.code(), check(StreamRole.MARKET_DATA, snapshot));

        final int admin = admin(AdminCommandType.STOP);
        buffer.putByte(HEADER + AdminCommandEncoder.commandEncodingOffset(), (byte)4);
        assertEquals(FrameRefusal.UNKNOWN_ENUM_VALUE.code(), check(StreamRole.ADMIN, admin));

        final int trade = encodeTrade();
        buffer.putByte(HEADER + TradeEncoder.tradeTypeEncodingOffset(), (byte)3);
        assertEquals(FrameRefusal.UNKNOWN_ENUM_VALUE.code(), check(StreamRole.MARKET_DATA, trade));
    }

    @Test
    void aVenueSessionComesOnTheReportStreamOnlyAndWithAStateTheSchemaDefines()
    {
        final int length = venueSession(VenueSessionState.CONNECTED);
        assertEquals(HEADER + 8 + 8 + 1 + 4, length, "timestampNs, localTimeNs, state, sessionEpoch");
        assertEquals(FrameRefusal.ACCEPTED, check(StreamRole.REPORTS, length));
        assertEquals(FrameRefusal.WRONG_STREAM.code(), check(StreamRole.MARKET_DATA, length));
        assertEquals(FrameRefusal.WRONG_STREAM.code(), check(StreamRole.ADMIN, length));
        assertEquals(FrameRefusal.WRONG_STREAM.code(), check(StreamRole.INTERNAL, length), "only a gateway says it");
        assertEquals(FrameRefusal.TRUNCATED.code(), check(StreamRole.REPORTS, length - 1));

        final int stateAt = HEADER + VenueSessionEncoder.stateEncodingOffset();
        buffer.putByte(stateAt, (byte)7);
        assertEquals(FrameRefusal.UNKNOWN_ENUM_VALUE.code(), check(StreamRole.REPORTS, length));
        buffer.putByte(stateAt, (byte)2);
        assertEquals(FrameRefusal.UNKNOWN_ENUM_VALUE.code(), check(StreamRole.REPORTS, length), "the first value past CONNECTED");
        buffer.putByte(stateAt, (byte)0xFF);
        assertEquals(FrameRefusal.ACCEPTED, check(StreamRole.REPORTS, length), "the null value: the strategy refuses it");
        buffer.putByte(stateAt, (byte)0);
        assertEquals(FrameRefusal.ACCEPTED, check(StreamRole.REPORTS, length), "0 is DISCONNECTED");
    }

    /**
     * The allow-list as a specification, written out here independently of {@link StreamTemplates}.
     */
    @Test
    void eachTemplateFamilyIsAcceptedOnlyOnItsStreams()
    {
        final Map<String, Integer> frames = new LinkedHashMap<>();
        final Map<String, Set<StreamRole>> allowed = new LinkedHashMap<>();
        final Set<StreamRole> marketData = EnumSet.of(StreamRole.MARKET_DATA);
        final Set<StreamRole> nowhere = EnumSet.noneOf(StreamRole.class);
        family(frames, allowed, "InstrumentDefinition", marketData, () -> HEADER + new InstrumentDefinitionEncoder()
            .wrapAndApplyHeader(buffer, 0, header).symbol("X").encodedLength());
        family(frames, allowed, "L2Snapshot", marketData, () -> l2Snapshot(1));
        family(frames, allowed, "L2Update", marketData, () -> l2Update(1));
        family(frames, allowed, "L3OrderEvent", marketData, () -> HEADER + new L3OrderEventEncoder()
            .wrapAndApplyHeader(buffer, 0, header).eventType(L3EventType.ADD).side(Side.BUY).encodedLength());
        family(frames, allowed, "Trade", marketData, this::encodeTrade);
        family(frames, allowed, "BestBidOffer", marketData, () -> HEADER + new BestBidOfferEncoder()
            .wrapAndApplyHeader(buffer, 0, header).encodedLength());
        family(frames, allowed, "TradingStatus", marketData, () -> HEADER + new TradingStatusEncoder()
            .wrapAndApplyHeader(buffer, 0, header).status(TradingStatusType.TRADING).encodedLength());
        family(frames, allowed, "Heartbeat", marketData, this::heartbeat);
        family(frames, allowed, "ExecutionReport", EnumSet.of(StreamRole.REPORTS), () -> report(ExecType.FILL));
        family(frames, allowed, "OrderStatusComplete", EnumSet.of(StreamRole.REPORTS), () -> HEADER +
            new OrderStatusCompleteEncoder().wrapAndApplyHeader(buffer, 0, header).encodedLength());
        family(frames, allowed, "VenueSession", EnumSet.of(StreamRole.REPORTS),
            () -> venueSession(VenueSessionState.CONNECTED));
        family(frames, allowed, "AdminCommand", EnumSet.of(StreamRole.ADMIN, StreamRole.INTERNAL),
            () -> admin(AdminCommandType.RESUME));
        family(frames, allowed, "TimerTick", EnumSet.of(StreamRole.INTERNAL), this::timerTick);
        family(frames, allowed, "OrderStatusRequest", EnumSet.of(StreamRole.INTERNAL), () -> HEADER +
            new OrderStatusRequestEncoder().wrapAndApplyHeader(buffer, 0, header).encodedLength());
        family(frames, allowed, "NewOrder", nowhere, () -> HEADER + new NewOrderEncoder()
            .wrapAndApplyHeader(buffer, 0, header).encodedLength());
        family(frames, allowed, "CancelOrder", nowhere, () -> HEADER + new CancelOrderEncoder()
            .wrapAndApplyHeader(buffer, 0, header).encodedLength());
        family(frames, allowed, "ReplaceOrder", nowhere, () -> HEADER + new ReplaceOrderEncoder()
            .wrapAndApplyHeader(buffer, 0, header).encodedLength());
        family(frames, allowed, "MassCancel", nowhere, () -> HEADER + new MassCancelEncoder()
            .wrapAndApplyHeader(buffer, 0, header).encodedLength());
        family(frames, allowed, "StrategyCheckpoint", nowhere, () ->
        {
            final StrategyCheckpointEncoder checkpoint = new StrategyCheckpointEncoder().wrapAndApplyHeader(buffer, 0, header);
            checkpoint.openOrdersCount(0);
            checkpoint.freeSlotsCount(1).next().slot(0);
            return HEADER + checkpoint.encodedLength();
        });

        for (final Map.Entry<String, Integer> frame : frames.entrySet())
        {
            for (final StreamRole role : StreamRole.values())
            {
                final int expected = allowed.get(frame.getKey()).contains(role) ? FrameRefusal.ACCEPTED :
                    FrameRefusal.WRONG_STREAM.code();
                assertEquals(expected, frameCheck(frame.getKey(), role), frame.getKey() + " on " + role);
            }
        }
    }

    @Test
    void randomBytesNeverThrowAndAlwaysGetAKnownCode()
    {
        final Random random = new Random(18);
        final byte[] bytes = new byte[SLOT + 16];
        for (int i = 0; i < 50_000; i++)
        {
            random.nextBytes(bytes);
            buffer.putBytes(0, bytes);
            if (random.nextBoolean())
            {
                // a plausible header keeps the walk going past the first checks
                header.wrap(buffer, 0).schemaId(MessageHeaderEncoder.SCHEMA_ID).version(random.nextInt(3))
                    .templateId(new int[]{10, 11, 12, 13, 15, 40, 50, 51, 60}[random.nextInt(9)]);
            }
            final int length = random.nextInt(bytes.length);
            final int code = validator.validate(StreamRole.values()[random.nextInt(4)], buffer, 0, length);
            assertTrue(FrameRefusal.ACCEPTED == code || null != FrameRefusal.of(code), "code " + code);
        }
    }

    @Test
    void validatingAllocatesNothing()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final int update = l2Update(20);
        final UnsafeBuffer reportFrame = new UnsafeBuffer(new byte[256]);
        final int report = HEADER + new ExecutionReportEncoder().wrapAndApplyHeader(reportFrame, 0, header)
            .execType(ExecType.FILL).side(Side.SELL).liquidity(LiquidityFlag.MAKER).rejectReason(RejectReason.NONE)
            .encodedLength();
        final long[] sum = new long[2];
        validateEach(update, reportFrame, report, 200_000, sum);
        long allocated = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3 && allocated != 0; attempt++) // a JIT deoptimisation may allocate once
        {
            final long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            validateEach(update, reportFrame, report, 1_000_000, sum);
            allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        }
        assertEquals(0, allocated, "bytes allocated over a million validations of each kind");
        assertEquals(FrameRefusal.WRONG_STREAM.code() * sum[1], sum[0], "only the report on the admin stream is refused");
    }

    private void validateEach(
        final int update, final UnsafeBuffer reportFrame, final int report, final int times, final long[] sum)
    {
        for (int i = 0; i < times; i++)
        {
            sum[0] += validator.validate(StreamRole.MARKET_DATA, buffer, 0, update);
            sum[0] += validator.validate(StreamRole.REPORTS, reportFrame, 0, report);
            sum[0] += validator.validate(StreamRole.ADMIN, reportFrame, 0, report);
        }
        sum[1] += times;
    }

    private interface Encoding
    {
        int encode();
    }

    private void family(
        final Map<String, Integer> frames, final Map<String, Set<StreamRole>> allowed, final String name,
        final Set<StreamRole> roles, final Encoding encoding)
    {
        buffer.setMemory(0, buffer.capacity(), (byte)0);
        final int length = encoding.encode();
        final byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        encoded.put(name, bytes);
        frames.put(name, length);
        allowed.put(name, roles);
    }

    private int frameCheck(final String name, final StreamRole role)
    {
        final byte[] bytes = encoded.get(name);
        final UnsafeBuffer frame = new UnsafeBuffer(bytes);
        return validator.validate(role, frame, 0, bytes.length);
    }

    private int check(final StreamRole role, final int length)
    {
        return validator.validate(role, buffer, 0, length);
    }

    private int l2Update(final int levels)
    {
        final L2UpdateEncoder update = new L2UpdateEncoder().wrapAndApplyHeader(buffer, 0, header)
            .exchangeTimeNs(1).receiveTimeNs(0).instrumentId(1).sequence(2).prevSequence(1);
        final L2UpdateEncoder.LevelsEncoder group = update.levelsCount(levels);
        for (int i = 0; i < levels; i++)
        {
            group.next().side(0 == (i & 1) ? Side.BUY : Side.SELL).action(L2Action.CHANGE).price(100 + i).quantity(5);
        }
        return HEADER + update.encodedLength();
    }

    private int l2Snapshot(final int levels)
    {
        final L2SnapshotEncoder snapshot = new L2SnapshotEncoder().wrapAndApplyHeader(buffer, 0, header)
            .exchangeTimeNs(1).receiveTimeNs(0).instrumentId(1).sequence(1);
        final L2SnapshotEncoder.LevelsEncoder group = snapshot.levelsCount(levels);
        for (int i = 0; i < levels; i++)
        {
            group.next().side(0 == (i & 1) ? Side.BUY : Side.SELL).price(100 + i).quantity(5);
        }
        return HEADER + snapshot.encodedLength();
    }

    private int report(final ExecType execType)
    {
        return HEADER + new ExecutionReportEncoder().wrapAndApplyHeader(buffer, 0, header)
            .clientOrderId(1).execType(execType).side(Side.BUY).liquidity(LiquidityFlag.NONE)
            .rejectReason(ExecType.REJECTED == execType ? RejectReason.RISK_LIMIT : RejectReason.NONE).encodedLength();
    }

    private int venueSession(final VenueSessionState state)
    {
        return HEADER + new VenueSessionEncoder().wrapAndApplyHeader(buffer, 0, header)
            .timestampNs(5).localTimeNs(0).state(state).sessionEpoch(2).encodedLength();
    }

    private int admin(final AdminCommandType command)
    {
        return HEADER + new AdminCommandEncoder().wrapAndApplyHeader(buffer, 0, header).command(command).encodedLength();
    }

    private int timerTick()
    {
        return HEADER + new TimerTickEncoder().wrapAndApplyHeader(buffer, 0, header).timestampNs(1).timerId(1).encodedLength();
    }

    private int heartbeat()
    {
        return HEADER + new HeartbeatEncoder().wrapAndApplyHeader(buffer, 0, header).timestampNs(1).encodedLength();
    }

    private int encodeTrade()
    {
        return HEADER + new TradeEncoder().wrapAndApplyHeader(buffer, 0, header)
            .aggressorSide(AggressorSide.BUY).tradeType(TradeType.REGULAR).encodedLength();
    }
}
