package io.ticklane.marketmaking.strategy;

import io.ticklane.marketmaking.StrategyMode;
import io.ticklane.marketmaking.order.OrderState;
import io.ticklane.marketmaking.order.Orders;
import io.ticklane.marketmaking.risk.ModeReason;
import io.ticklane.sbe.CheckpointOrderState;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.QuoteManagerStateDecoder;
import io.ticklane.sbe.RiskGateStateDecoder;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.StrategyCheckpointDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A checkpoint written by the build before SBE checkpoints still restores: {@code
 * checkpoint/strategy-checkpoint-v1-legacy.bin} was written by that build's own code (its generator and printout are
 * in the README beside it) from the scenario of {@link CheckpointFixtureWriter}, and the values below are written out
 * by hand. Damaged and hostile v1 records are refused with the check that names the problem, never with an exception.
 * The offsets here are the v1 layout's, written out as the old Javadoc states them: this test checks the upgrader's
 * reading of that layout, so it must not borrow the upgrader's constants.
 */
class LegacyCheckpointV1Test
{
    private static final long SECOND = 1_000_000_000L;
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final int V1_VERSION = 4;
    private static final int V1_LENGTH = 8;
    private static final int V1_CHECKSUM = 12;
    private static final int V1_INSTRUMENT = 16;
    private static final int V1_POSITION = 48;
    private static final int V1_RISK_MODE = 160 + 96;
    private static final int V1_ORDERS = 264;
    private static final int V1_OPEN_COUNT = V1_ORDERS + 4;
    private static final int V1_FREE_COUNT = V1_ORDERS + 12;
    private static final int V1_FIRST_ORDER = V1_ORDERS + 16;

    private final byte[] fixture = CheckpointScenario.fixture("/checkpoint/strategy-checkpoint-v1-legacy.bin");
    private final UnsafeBuffer bytes = new UnsafeBuffer(fixture.clone());

    @Test
    void theVersion1FileRestoresFieldByField()
    {
        final StrategyHarness h = new StrategyHarness(CheckpointFixtureWriter.QUOTER);

        assertEquals(688, fixture.length);
        assertEquals(CheckpointCheck.VALID, h.strategy.restore(bytes, 0, fixture.length));
        assertTrue(h.strategy.upgradedV1Checkpoint());

        CheckpointScenario.assertRestored(h.strategy, bytes);
        final Orders orders = h.strategy.orders();

        // what the accessors do not show, read back from the SBE checkpoint the restored strategy writes
        final UnsafeBuffer written = new UnsafeBuffer(new byte[h.strategy.maxCheckpointLength()]);
        h.strategy.checkpoint(written, 0, 1);
        final StrategyCheckpointDecoder sbe = new StrategyCheckpointDecoder()
            .wrapAndApplyHeader(written, 0, new MessageHeaderDecoder());
        assertEquals(4 * SECOND, sbe.lastTimeNs());
        assertEquals(SECOND, sbe.quoterMemory());
        final QuoteManagerStateDecoder quotes = sbe.quoteManager();
        assertEquals(5, quotes.bidOrderId());
        assertEquals(6, quotes.askOrderId());
        assertEquals(7, quotes.bidReplaceId());
        assertEquals(8, quotes.askReplaceId());
        assertEquals(0, quotes.takeId());
        assertTrue(quotes.flags().hasBidOrder() && quotes.flags().hasAskOrder());
        assertTrue(quotes.flags().bidReplaceInFlight() && quotes.flags().askReplaceInFlight());
        assertFalse(quotes.flags().takeOpen());
        final RiskGateStateDecoder risk = sbe.risk();
        assertEquals(-1, risk.position());
        assertEquals(2, risk.workingBuy());
        assertEquals(2, risk.workingSell());
        assertEquals(2, risk.openOrders());
        assertTrue(risk.flags().flattening());
        assertFalse(risk.flags().operatorStop() || risk.flags().positionBreach() || risk.flags().lossBreach() ||
            risk.flags().drawdownBreach() || risk.flags().bookStale() || risk.flags().cancelAllPending());
        assertEquals(1002, risk.referencePrice());
        assertEquals(997, risk.bestBid());
        assertEquals(1007, risk.bestAsk());
        assertEquals(4 * SECOND, risk.lastMarketDataNs());
        assertEquals(4 * SECOND, risk.lastVenueNs());
        final StrategyCheckpointDecoder.OpenOrdersDecoder open = sbe.openOrders();
        assertEquals(2, open.count());
        open.next();
        assertEquals(CheckpointOrderState.PENDING_REPLACE, open.state());
        assertEquals(7, open.replaceId());
        assertEquals(1004, open.replacePrice());
        assertEquals(2, open.replaceQuantity());
        assertEquals(2, open.quantity());
        open.next();
        assertEquals(CheckpointOrderState.PENDING_REPLACE, open.state());
        assertEquals(8, open.replaceId());
        assertEquals(1012, open.replacePrice());
        assertEquals(2, open.replaceQuantity());
        assertEquals(2, open.quantity());
        final StrategyCheckpointDecoder.FreeSlotsDecoder free = sbe.freeSlots();
        assertEquals(62, free.count());
        for (int expected = 63; expected >= 2; expected--)
        {
            assertEquals(expected, free.next().slot(), "the free-slot stack, bottom first");
        }

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
    void theUpgradedStateIsWhatTheSbeBuildWritesForTheSameScenario()
    {
        final StrategyHarness h = new StrategyHarness(CheckpointFixtureWriter.QUOTER);
        assertEquals(CheckpointCheck.VALID, h.strategy.restore(bytes, 0, fixture.length));

        final UnsafeBuffer written = new UnsafeBuffer(new byte[h.strategy.maxCheckpointLength()]);
        final int length = h.strategy.checkpoint(written, 0, CheckpointFixtureWriter.JOURNAL_INDEX);

        assertArrayEquals(CheckpointScenario.fixture("/checkpoint/strategy-checkpoint-v2.bin"), Arrays.copyOf(written.byteArray(), length),
            "v1 restored then written as SBE is, byte for byte, the v2 fixture of the same scenario");
    }

    @Test
    void aRestoredVersion1RecordRoundTripsThroughSbe()
    {
        final StrategyHarness upgraded = new StrategyHarness(CheckpointFixtureWriter.QUOTER);
        assertEquals(CheckpointCheck.VALID, upgraded.strategy.restore(bytes, 0, fixture.length));
        final UnsafeBuffer first = new UnsafeBuffer(new byte[upgraded.strategy.maxCheckpointLength()]);
        final int length = upgraded.strategy.checkpoint(first, 0, 77);
        assertEquals(StrategyCheckpointDecoder.TEMPLATE_ID, new MessageHeaderDecoder().wrap(first, 0).templateId(),
            "the next checkpoint is SBE");

        final StrategyHarness restored = new StrategyHarness(CheckpointFixtureWriter.QUOTER);
        assertEquals(CheckpointCheck.VALID, restored.strategy.restore(first, 0, length));
        assertFalse(restored.strategy.upgradedV1Checkpoint());
        final UnsafeBuffer second = new UnsafeBuffer(new byte[restored.strategy.maxCheckpointLength()]);
        assertEquals(length, restored.strategy.checkpoint(second, 0, 77));

        assertArrayEquals(Arrays.copyOf(first.byteArray(), length), Arrays.copyOf(second.byteArray(), length));
        assertEquals(-1, restored.strategy.position().position());
        assertEquals(2.0, restored.strategy.position().realisedPnlTicksLots());
        assertEquals(StrategyMode.REDUCE_ONLY, restored.strategy.risk().mode());
        assertEquals(ModeReason.OPERATOR_FLATTEN, restored.strategy.risk().modeReason());
        CheckpointScenario.assertOrder(restored.strategy.orders(), 0, 5, OrderState.PENDING_REPLACE, Side.BUY, 1002, 2, 1);
        CheckpointScenario.assertOrder(restored.strategy.orders(), 1, 6, OrderState.PENDING_REPLACE, Side.SELL, 1010, 2, 0);
    }

    @Test
    void buffersAndStoresAreSizedForThePreviousBuildsRecords()
    {
        // the previous build's maxCheckpointLength for 64 orders (264 + 16 + 64 x 80): its state files were made
        // with that record length, StateStore.open refuses a file made with another, and a loaded record must fit
        assertEquals(5_400, fresh().maxCheckpointLength());
        assertEquals(5_249, StrategyCheckpoint.maxLength(64), "an SBE record is shorter: it fits as well");
    }

    @Test
    void aVersion1RecordOffHeapRestoresToo()
    {
        final UnsafeBuffer direct = new UnsafeBuffer(ByteBuffer.allocateDirect(fixture.length + 16));
        direct.putBytes(8, fixture);
        final StrategyHarness h = new StrategyHarness(CheckpointFixtureWriter.QUOTER);

        assertEquals(CheckpointCheck.VALID, h.strategy.restore(direct, 8, fixture.length));
        assertEquals(-1, h.strategy.position().position());
        assertEquals(0x0000_0003_0000_002AL, StrategyCheckpoint.lastJournalIndex(direct, 8));
    }

    @Test
    void aDamagedByteIsRefusedAsABadChecksum()
    {
        bytes.putByte(V1_POSITION, (byte)(fixture[V1_POSITION] ^ 0x10));

        assertRefused(CheckpointCheck.BAD_CHECKSUM);
    }

    @Test
    void truncatedBytesAreRefusedAsTooShort()
    {
        assertRefused(CheckpointCheck.TOO_SHORT, fixture.length - 1);
        assertRefused(CheckpointCheck.TOO_SHORT, V1_FIRST_ORDER - 1);
        assertRefused(CheckpointCheck.TOO_SHORT, 4);
        assertRefused(CheckpointCheck.TOO_SHORT, 0);
    }

    @Test
    void aStatedLengthBeyondTheBytesIsTooShortAndOneShorterThanTheSectionsIsABadLength()
    {
        bytes.putInt(V1_LENGTH, fixture.length + 1, LE);
        assertRefused(CheckpointCheck.TOO_SHORT);

        bytes.putInt(V1_LENGTH, V1_FIRST_ORDER - 1, LE);
        assertRefused(CheckpointCheck.BAD_LENGTH);
    }

    @Test
    void anotherVersionIsRefused()
    {
        bytes.putShort(V1_VERSION, (short)2, LE);
        assertRefused(CheckpointCheck.UNSUPPORTED_VERSION);

        bytes.putShort(V1_VERSION, (short)0, LE);
        assertRefused(CheckpointCheck.UNSUPPORTED_VERSION);
    }

    @Test
    void orderCountsBeyondTheBytesAreRefusedEvenWhenSealed()
    {
        // a writer that knows the checksum: the section checks must hold alone
        bytes.putInt(V1_OPEN_COUNT, 3, LE);
        resealV1();
        assertRefused(CheckpointCheck.BAD_GROUP_COUNT);

        bytes.putInt(V1_OPEN_COUNT, 2, LE);
        bytes.putInt(V1_FREE_COUNT, 63, LE);
        resealV1();
        assertRefused(CheckpointCheck.BAD_GROUP_COUNT);

        // counts whose byte total wraps a 32-bit int back to the record's length
        bytes.putInt(V1_OPEN_COUNT, 2 + (1 << 30), LE);
        bytes.putInt(V1_FREE_COUNT, 62, LE);
        resealV1();
        assertRefused(CheckpointCheck.BAD_GROUP_COUNT);

        bytes.putInt(V1_OPEN_COUNT, -1, LE);
        resealV1();
        assertRefused(CheckpointCheck.BAD_GROUP_COUNT);

        // fewer than the bytes hold: the stated length disagrees with the sections
        bytes.putInt(V1_OPEN_COUNT, 1, LE);
        resealV1();
        assertRefused(CheckpointCheck.BAD_LENGTH);
    }

    @Test
    void countsThatFitTheBytesButNotTheCapacityAreRefused()
    {
        // one open order less and its 80 bytes read as 20 free slots: the bytes agree, open + free is not 64
        bytes.putInt(V1_OPEN_COUNT, 1, LE);
        bytes.putInt(V1_FREE_COUNT, 82, LE);
        resealV1();
        assertRefused(CheckpointCheck.BAD_GROUP_COUNT);
    }

    @Test
    void anotherInstrumentOrCapacityIsRefused()
    {
        assertEquals(CheckpointCheck.WRONG_CAPACITY,
            new StrategyHarness(CheckpointFixtureWriter.QUOTER, 32).strategy.restore(bytes, 0, fixture.length));

        bytes.putInt(V1_INSTRUMENT, StrategyHarness.INSTRUMENT + 1, LE);
        resealV1();
        assertRefused(CheckpointCheck.WRONG_INSTRUMENT);
    }

    @Test
    void aSealedRecordWithAnOrdinalV1NeverWroteOrASlotUsedTwiceIsABadField()
    {
        bytes.putByte(V1_RISK_MODE, (byte)3);
        resealV1();
        assertRefused(CheckpointCheck.BAD_FIELD);

        bytes.putBytes(0, fixture);
        bytes.putByte(V1_FIRST_ORDER + 4, (byte)5); // FILLED: terminal, never written
        resealV1();
        assertRefused(CheckpointCheck.BAD_FIELD);

        bytes.putBytes(0, fixture);
        bytes.putByte(V1_FIRST_ORDER + 5, (byte)0); // no side
        resealV1();
        assertRefused(CheckpointCheck.BAD_FIELD);

        bytes.putBytes(0, fixture);
        bytes.putInt(fixture.length - 4, 0, LE); // the last free slot (2) becomes 0, which the first order holds
        resealV1();
        assertRefused(CheckpointCheck.BAD_FIELD);

        bytes.putBytes(0, fixture);
        bytes.putInt(V1_FIRST_ORDER, -1, LE); // a negative slot
        resealV1();
        assertRefused(CheckpointCheck.BAD_FIELD);
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
                final CheckpointCheck check = strategy.restore(bytes, 0, fixture.length);
                if (at != V1_VERSION + 2 && at != V1_VERSION + 3) // the header's padding: v1 never read it
                {
                    assertNotEquals(CheckpointCheck.VALID, check, "byte " + at);
                }
                resealV1(); // a writer that knows the checksum: the structure and value checks must hold alone
                strategy.restore(bytes, 0, fixture.length);
            }
        }
    }

    private void assertRefused(final CheckpointCheck expected)
    {
        assertRefused(expected, fixture.length);
    }

    private void assertRefused(final CheckpointCheck expected, final int length)
    {
        final QuotingStrategy strategy = fresh();
        assertEquals(expected, strategy.restore(bytes, 0, length));
        assertFalse(strategy.upgradedV1Checkpoint());
        assertEquals(0, strategy.orders().openOrderCount(), "nothing restored");
        assertEquals(0, strategy.position().position(), "nothing restored");
        assertEquals(StrategyMode.ACTIVE, strategy.risk().mode(), "nothing restored");
    }

    private static QuotingStrategy fresh()
    {
        return new StrategyHarness(CheckpointFixtureWriter.QUOTER).strategy;
    }

    /** Seals the bytes again as the v1 writer did: CRC32C of the bytes from offset 16 to the stated length. */
    private void resealV1()
    {
        final int stated = Math.max(16, Math.min(fixture.length, bytes.getInt(V1_LENGTH, LE)));
        final CRC32C crc = new CRC32C();
        crc.update(bytes.byteArray(), 16, stated - 16);
        bytes.putInt(V1_CHECKSUM, (int)crc.getValue(), LE);
    }
}
