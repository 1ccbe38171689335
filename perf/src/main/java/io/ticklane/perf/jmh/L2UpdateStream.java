package io.ticklane.perf.jmh;

import io.ticklane.sbe.Side;

import java.util.SplittableRandom;

/**
 * A deterministic stream of absolute level updates near the touch, both sides mixed: quantity changes, deletes and
 * re-adds within a few ticks of the inside, over a book that starts {@code depth} levels deep per side. Bids stay
 * at or below {@link #INNER_BID} and asks at or above {@link #INNER_ASK}, so the book never crosses.
 * <p>
 * Quantities are absolute, so applying the stream again leaves every level it touches at its last value: every pass
 * after the first starts from the same book, and a benchmark can cycle through it forever.
 */
final class L2UpdateStream
{
    static final long INNER_BID = 10_000;
    static final long INNER_ASK = 10_001;
    private static final int NEAR_TOUCH_TICKS = 10;
    private static final int MAX_QUANTITY = 200;

    final Side[] sides;
    final long[] prices;
    final long[] quantities;
    final int depth;
    final long[] initialBidQuantities;
    final long[] initialAskQuantities;

    /**
     * @param length updates in the stream.
     * @param depth  levels per side of the starting book, at every tick from the inside (at least 10).
     * @param seed   of the random choices.
     */
    L2UpdateStream(final int length, final int depth, final long seed)
    {
        this.depth = depth;
        initialBidQuantities = new long[depth];
        initialAskQuantities = new long[depth];
        // The starting book draws from its own generator, so every depth gets the same updates.
        final SplittableRandom book = new SplittableRandom(seed + 1);
        final SplittableRandom random = new SplittableRandom(seed);
        sides = new Side[length];
        prices = new long[length];
        quantities = new long[length];

        for (int i = 0; i < depth; i++)
        {
            initialBidQuantities[i] = 1 + book.nextInt(MAX_QUANTITY);
            initialAskQuantities[i] = 1 + book.nextInt(MAX_QUANTITY);
        }
        final long[] bids = initialBidQuantities.clone();
        final long[] asks = initialAskQuantities.clone();

        for (int i = 0; i < length; i++)
        {
            final boolean bid = random.nextBoolean();
            final int ticks = nearTouchTicks(random);
            final long[] model = bid ? bids : asks;
            final long quantity;
            if (0 == model[ticks])
            {
                quantity = 1 + random.nextInt(MAX_QUANTITY); // re-add
            }
            else
            {
                quantity = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(MAX_QUANTITY); // delete or change
            }
            model[ticks] = quantity;
            sides[i] = bid ? Side.BUY : Side.SELL;
            prices[i] = bid ? INNER_BID - ticks : INNER_ASK + ticks;
            quantities[i] = quantity;
        }
    }

    /** Distance from the inside, mostly 0 to 3 ticks, never beyond {@link #NEAR_TOUCH_TICKS}. */
    private static int nearTouchTicks(final SplittableRandom random)
    {
        final double ticks = -Math.log(1.0 - random.nextDouble()) * 2.0;
        return (int)Math.min(ticks, NEAR_TOUCH_TICKS - 1);
    }

    int length()
    {
        return prices.length;
    }

    static long bidPrice(final int level)
    {
        return INNER_BID - level;
    }

    static long askPrice(final int level)
    {
        return INNER_ASK + level;
    }
}
