package io.ticklane.marketmaking.strategy;

import io.ticklane.marketmaking.StrategyMode;
import io.ticklane.marketmaking.order.OrderState;
import io.ticklane.marketmaking.order.Orders;
import io.ticklane.marketmaking.risk.ModeReason;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.GroupSizeEncodingEncoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.NewOrderEncoder;
import io.ticklane.sbe.RiskGateStateEncoder;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.StrategyCheckpointEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A checkpoint file written by an earlier build must still restore, value for value: {@code
 * checkpoint/strategy-checkpoint-v2.bin} was written by {@link CheckpointFixtureWriter} (its scenario: short 1 lot
 * after a partial bid fill and a full ask fill, both quotes being replaced, the operator's FLATTEN holding), and the
 * values below are written out by hand, not read back through the encoder. Damaged and hostile copies of it are
 * refused, each with the check that names the problem, and never with an exception.
 */
class CheckpointFixtureTest
{
    private static final long SECOND = 1_000_000_000L;
    private static final int HEADER = MessageHeaderEncoder.ENCODED_LENGTH;
    private static final int OPEN_ORDERS_GROUP = HEADER + StrategyCheckpointEncoder.BLOCK_LENGTH;

    private final byte[] fixture = CheckpointScenario.fixture("/checkpoint/strategy-checkpoint-v2.bin");
    private final UnsafeBuffer bytes = new UnsafeBuffer(fixture.clone());

    @Test
    void theVersion2FileRestoresFieldByField()
    {
        final StrategyHarness h = new StrategyHarness(CheckpointFixtureWriter.QUOTER);

        assertEquals(661, fixture.length);
        assertEquals(CheckpointCheck.VALID, h.strategy.restore(bytes, 0, fixture.length));

        CheckpointScenario.assertRestored(h.strategy, bytes);
        final Orders orders = h.strategy.orders();

        // the flatten latch came back: a timer re-evaluates the mode and it stays
        h.strategy.risk().onTimer(6 * SECOND);
        assertEquals(ModeReason.OPERATOR_FLATTEN, h.strategy.risk().modeReason());
        assertEquals(5 * SECOND, h.strategy.risk().modeSinceNs());

        // the replace in flight carries its price and quantity: the venue's REPLACED applies them
        orders.onReport(7, ExecType.REPLACED, 0, 2);
        CheckpointScenario.assertOrder(orders, 0, 7, OrderState.PARTIALLY_FILLED, Side.BUY, 1004, 2, 1);
        assertEquals(-1, orders.slotOf(5));

        // the free-slot stack came back in its order: the next order takes slot 2, then 3
        orders.onNewSent(100, Side.BUY, 990, 1, 7 * SECOND);
        orders.onNewSent(101, Side.SELL, 1020, 1, 7 * SECOND);
        assertEquals(2, orders.slotOf(100));
        assertEquals(3, orders.slotOf(101));
    }

    @Test
    void aDamagedByteIsRefusedAsABadChecksum()
    {
        flip(HEADER + StrategyCheckpointEncoder.positionEncodingOffset());

        assertRefused(CheckpointCheck.BAD_CHECKSUM, fixture.length);
    }

    @Test
    void truncatedBytesAreRefusedAsTooShort()
    {
        assertRefused(CheckpointCheck.TOO_SHORT, fixture.length - 1);
        assertRefused(CheckpointCheck.TOO_SHORT, OPEN_ORDERS_GROUP - 1);
        assertRefused(CheckpointCheck.TOO_SHORT, HEADER - 1);
        assertRefused(CheckpointCheck.TOO_SHORT, 0);
    }

    @Test
    void aGroupCountBeyondTheBytesIsRefused()
    {
        new GroupSizeEncodingEncoder().wrap(bytes, OPEN_ORDERS_GROUP).numInGroup(60);

        assertRefused(CheckpointCheck.BAD_GROUP_COUNT, fixture.length);
    }

    @Test
    void anotherMessageOrSchemaOrVersionIsRefused()
    {
        final MessageHeaderEncoder header = new MessageHeaderEncoder().wrap(bytes, 0);
        header.templateId(NewOrderEncoder.TEMPLATE_ID);
        assertRefused(CheckpointCheck.WRONG_TEMPLATE, fixture.length);

        header.templateId(StrategyCheckpointEncoder.TEMPLATE_ID).schemaId(StrategyCheckpointEncoder.SCHEMA_ID + 1);
        assertRefused(CheckpointCheck.WRONG_SCHEMA, fixture.length);

        header.schemaId(StrategyCheckpointEncoder.SCHEMA_ID).version(StrategyCheckpointEncoder.SCHEMA_VERSION + 1);
        assertRefused(CheckpointCheck.UNSUPPORTED_VERSION, fixture.length);
        header.version(StrategyCheckpoint.FIRST_VERSION - 1);
        assertRefused(CheckpointCheck.UNSUPPORTED_VERSION, fixture.length);

        header.version(StrategyCheckpointEncoder.SCHEMA_VERSION).blockLength(StrategyCheckpointEncoder.BLOCK_LENGTH - 1);
        assertRefused(CheckpointCheck.BAD_BLOCK_LENGTH, fixture.length);
    }

    @Test
    void aSealedRecordWithAnUnknownModeOrASlotUsedTwiceIsRefusedAsABadField()
    {
        bytes.putByte(HEADER + StrategyCheckpointEncoder.riskEncodingOffset() + RiskGateStateEncoder.modeEncodingOffset(),
            (byte)77);
        reseal();
        assertRefused(CheckpointCheck.BAD_FIELD, fixture.length);

        bytes.putBytes(0, fixture);
        // the last free slot (2) becomes 0, which the first open order holds
        bytes.putInt(fixture.length - StrategyCheckpointEncoder.FreeSlotsEncoder.sbeBlockLength(), 0,
            StrategyCheckpointEncoder.BYTE_ORDER);
        reseal();
        assertRefused(CheckpointCheck.BAD_FIELD, fixture.length);
    }

    @Test
    void noDamageMakesRestoreThrow()
    {
        // one strategy for all: a refused restore changes nothing, and a passed one replaces all it restores
        final QuotingStrategy strategy = fresh();
        for (int length = 0; length < fixture.length; length++)
        {
            assertNotEquals(CheckpointCheck.VALID, strategy.restore(bytes, 0, length), "length " + length);
        }
        for (int at = 0; at < fixture.length; at++)
        {
            for (final int mask : new int[] {0x01, 0xFF})
            {
                bytes.putBytes(0, fixture);
                bytes.putByte(at, (byte)(fixture[at] ^ mask));
                assertNotEquals(CheckpointCheck.VALID, strategy.restore(bytes, 0, fixture.length), "byte " + at);
                reseal(); // a writer that knows the checksum: the structure and value checks must hold alone
                strategy.restore(bytes, 0, fixture.length);
            }
        }
    }

    private void assertRefused(final CheckpointCheck expected, final int length)
    {
        final QuotingStrategy strategy = fresh();
        assertEquals(expected, strategy.restore(bytes, 0, length));
        assertEquals(0, strategy.orders().openOrderCount(), "nothing restored");
        assertEquals(0, strategy.position().position(), "nothing restored");
        assertEquals(StrategyMode.ACTIVE, strategy.risk().mode(), "nothing restored");
    }

    private static QuotingStrategy fresh()
    {
        return new StrategyHarness(CheckpointFixtureWriter.QUOTER).strategy;
    }

    private void flip(final int at)
    {
        bytes.putByte(at, (byte)(bytes.getByte(at) ^ 0x10));
    }

    /** Seals the bytes again as a writer would: CRC32C of the message without its checksum field. */
    private void reseal()
    {
        final int checksumAt = HEADER + StrategyCheckpointEncoder.checksumEncodingOffset();
        final int checksumEnd = checksumAt + StrategyCheckpointEncoder.checksumEncodingLength();
        final CRC32C crc = new CRC32C();
        crc.update(bytes.byteArray(), 0, checksumAt);
        crc.update(bytes.byteArray(), checksumEnd, fixture.length - checksumEnd);
        bytes.putInt(checksumAt, (int)crc.getValue(), StrategyCheckpointEncoder.BYTE_ORDER);
    }
}
