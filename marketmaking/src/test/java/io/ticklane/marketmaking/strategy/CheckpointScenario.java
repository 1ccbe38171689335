package io.ticklane.marketmaking.strategy;

import io.ticklane.marketmaking.StrategyMode;
import io.ticklane.marketmaking.order.OrderState;
import io.ticklane.marketmaking.order.Orders;
import io.ticklane.marketmaking.risk.ModeReason;
import io.ticklane.sbe.Side;
import org.agrona.DirectBuffer;

import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The state of {@link CheckpointFixtureWriter}'s scenario, written down by hand once: both checkpoint fixtures (the SBE
 * one and the previous build's v1 record) hold it, so both restore tests check a restored strategy against these
 * values.
 */
final class CheckpointScenario
{
    private static final long SECOND = 1_000_000_000L;

    private CheckpointScenario()
    {
    }

    /**
     * Asserts the scenario's state field by field: position, risk mode, quote manager, every order and free slot.
     *
     * @param strategy restored from a fixture.
     * @param bytes    the fixture it was restored from.
     */
    static void assertRestored(final QuotingStrategy strategy, final DirectBuffer bytes)
    {
        assertEquals(0x0000_0003_0000_002AL, StrategyCheckpoint.lastJournalIndex(bytes, 0));
        assertEquals(-1, strategy.position().position());
        assertEquals(998.0, strategy.position().averagePrice());
        assertEquals(2.0, strategy.position().realisedPnlTicksLots());
        assertEquals(0.0, strategy.position().fees());
        assertEquals(1, strategy.position().boughtQuantity());
        assertEquals(2, strategy.position().soldQuantity());
        assertEquals(2, strategy.position().fills());

        assertEquals(StrategyMode.REDUCE_ONLY, strategy.risk().mode());
        assertEquals(ModeReason.OPERATOR_FLATTEN, strategy.risk().modeReason());
        assertEquals(5 * SECOND, strategy.risk().modeSinceNs());
        assertEquals(-2, strategy.risk().pnl());
        assertEquals(0, strategy.risk().peakPnl());

        assertEquals(9, strategy.quoteManager().nextClientOrderId());

        final Orders orders = strategy.orders();
        assertEquals(2, orders.openOrderCount());
        assertEquals(2, orders.inFlightCount());
        assertOrder(orders, 0, 5, OrderState.PENDING_REPLACE, Side.BUY, 1002, 2, 1);
        assertOrder(orders, 1, 6, OrderState.PENDING_REPLACE, Side.SELL, 1010, 2, 0);
        assertEquals(4 * SECOND, orders.sentTimeNs(5));
        assertEquals(4 * SECOND, orders.sentTimeNs(6));
        assertEquals(0, orders.slotOf(7), "the bid's replace id is indexed");
        assertEquals(1, orders.slotOf(8), "the ask's replace id is indexed");
        for (int slot = 2; slot < orders.capacity(); slot++)
        {
            assertEquals(null, orders.stateAt(slot), "slot " + slot);
        }
    }

    static void assertOrder(
        final Orders orders, final int slot, final long id, final OrderState state, final Side side, final long price,
        final long leaves, final long filled)
    {
        assertEquals(slot, orders.slotOf(id), "slot of " + id);
        assertEquals(state, orders.stateAt(slot));
        assertEquals(id, orders.clientOrderIdAt(slot));
        assertEquals(side, orders.sideAt(slot));
        assertEquals(price, orders.price(id));
        assertEquals(leaves, orders.leavesQuantity(id));
        assertEquals(filled, orders.filledQuantity(id));
    }

    /**
     * @param resource a fixture on the test class path.
     * @return its bytes.
     */
    static byte[] fixture(final String resource)
    {
        try (InputStream in = CheckpointScenario.class.getResourceAsStream(resource))
        {
            assertNotNull(in, resource);
            return in.readAllBytes();
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(resource, ex);
        }
    }
}
