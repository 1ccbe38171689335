package io.ticklane.orderbook;

import org.junit.jupiter.api.Test;

import static io.ticklane.orderbook.PriceLadder.NULL_PRICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PriceLadderTest
{
    @Test
    void bestBidIsHighestAndFallsBackToNextLevelWhenRemoved()
    {
        final PriceLadder bids = new PriceLadder(true, 64);
        bids.set(100, 5);
        bids.set(97, 7);
        bids.set(102, 1);

        assertEquals(102, bids.bestPrice());
        assertEquals(1, bids.bestQuantity());
        assertEquals(3, bids.levelCount());

        bids.set(102, 0);
        assertEquals(100, bids.bestPrice());
        bids.set(100, 0);
        assertEquals(97, bids.bestPrice());
        bids.set(97, 0);
        assertEquals(NULL_PRICE, bids.bestPrice());
        assertEquals(0, bids.levelCount());
        assertEquals(0, bids.bestQuantity());
    }

    @Test
    void bestAskIsLowest()
    {
        final PriceLadder asks = new PriceLadder(false, 64);
        asks.set(105, 2);
        asks.set(103, 4);
        asks.set(110, 6);

        assertEquals(103, asks.bestPrice());
        asks.set(103, 0);
        assertEquals(105, asks.bestPrice());
    }

    @Test
    void levelsAreListedFromTheTouchAndSkipEmptyTicks()
    {
        final PriceLadder asks = new PriceLadder(false, 64);
        asks.set(110, 6);
        asks.set(103, 4);
        asks.set(105, 2);

        final long[] prices = new long[5];
        final long[] quantities = new long[5];
        assertEquals(3, asks.levels(prices, quantities, 5));
        assertEquals(103, prices[0]);
        assertEquals(105, prices[1]);
        assertEquals(110, prices[2]);
        assertEquals(2, quantities[1]);
        assertEquals(110, asks.priceAtLevel(2));
        assertEquals(NULL_PRICE, asks.priceAtLevel(3));
        assertEquals(2, asks.levels(prices, quantities, 2));
    }

    @Test
    void depthWithinTicksCountsTheTouchAndLevelsUpToTheDistance()
    {
        final PriceLadder bids = new PriceLadder(true, 64);
        bids.set(100, 5);
        bids.set(99, 3);
        bids.set(96, 10);

        assertEquals(5, bids.depthWithin(0));
        assertEquals(8, bids.depthWithin(1));
        assertEquals(8, bids.depthWithin(3));
        assertEquals(18, bids.depthWithin(4));
    }

    @Test
    void settingQuantityReplacesIt()
    {
        final PriceLadder bids = new PriceLadder(true, 64);
        bids.set(100, 5);
        bids.set(100, 9);

        assertEquals(9, bids.quantity(100));
        assertEquals(1, bids.levelCount());
    }

    @Test
    void deletingAnUnknownLevelChangesNothing()
    {
        final PriceLadder bids = new PriceLadder(true, 64);
        bids.set(100, 5);

        assertTrue(bids.set(100 + 1000, 0));
        assertTrue(bids.set(101, 0));
        assertEquals(1, bids.levelCount());
        assertEquals(100, bids.bestPrice());
        assertEquals(5, bids.quantity(100));
    }

    @Test
    void windowFollowsARisingTouchAndCountsDroppedDeepLevels()
    {
        final PriceLadder bids = new PriceLadder(true, 16);
        bids.set(100, 1);
        bids.set(95, 1);

        bids.set(120, 3); // the window must move up: 95 and 100 are more than 16 ticks deep

        assertEquals(120, bids.bestPrice());
        assertEquals(1, bids.levelCount());
        assertEquals(2, bids.droppedLevels());
        assertEquals(0, bids.quantity(100));
        assertEquals(0, bids.quantity(104)); // slot shared with 100 must not leak its old quantity
    }

    @Test
    void windowKeepsLevelsThatStillFitWhenTheTouchImproves()
    {
        final PriceLadder asks = new PriceLadder(false, 16);
        asks.set(100, 1);
        asks.set(104, 2);

        asks.set(90, 5);

        assertEquals(90, asks.bestPrice());
        assertEquals(3, asks.levelCount());
        assertEquals(0, asks.droppedLevels());
        assertEquals(104, asks.priceAtLevel(2));
    }

    @Test
    void deepLevelIsAcceptedWhenTheSideFitsAndRefusedWhenItDoesNot()
    {
        final PriceLadder bids = new PriceLadder(true, 16);
        bids.set(100, 1);

        assertTrue(bids.set(90, 2));
        assertEquals(2, bids.levelCount());
        assertEquals(90, bids.priceAtLevel(1));

        assertFalse(bids.set(84, 2));
        assertEquals(1, bids.refusedLevels());
        assertEquals(2, bids.levelCount());
        assertEquals(100, bids.bestPrice());
    }

    @Test
    void negativePricesWork()
    {
        final PriceLadder bids = new PriceLadder(true, 16);
        bids.set(-3, 1);
        bids.set(-1, 2);

        assertEquals(-1, bids.bestPrice());
        bids.set(-1, 0);
        assertEquals(-3, bids.bestPrice());
    }

    @Test
    void retainLevelsRemovesEverythingBeyondTheFirstN()
    {
        final PriceLadder asks = new PriceLadder(false, 64);
        asks.set(10, 1);
        asks.set(12, 1);
        asks.set(13, 1);
        asks.set(20, 1);

        assertEquals(2, asks.retainLevels(2));
        assertEquals(2, asks.levelCount());
        assertEquals(0, asks.quantity(13));
        assertEquals(0, asks.quantity(20));
        assertEquals(12, asks.priceAtLevel(1));

        assertEquals(2, asks.retainLevels(0));
        assertEquals(NULL_PRICE, asks.bestPrice());
    }

    @Test
    void capacityMustBeAPowerOfTwo()
    {
        assertThrows(IllegalArgumentException.class, () -> new PriceLadder(true, 100));
    }
}
