package io.ticklane.perf.jmh;

import io.ticklane.sbe.Side;

import java.util.SplittableRandom;

/**
 * A deterministic order flow that keeps {@link #POPULATION} orders resting near the touch, for ever. Step {@code g}
 * adds order {@code g}, partly cancels or executes order {@code g - POPULATION / 2} (half-way through its life) and
 * takes order {@code g - POPULATION} off the book with a delete, an execute or a cancel of all it has left.
 * <p>
 * Every order's side, price, quantity and fate come from a table of {@link #TEMPLATES} entries indexed by
 * {@code id % TEMPLATES}, so the flow is periodic and the book after step {@code g + TEMPLATES} is the book after
 * step {@code g} with every id shifted by {@code TEMPLATES}: any number of steps keeps it valid.
 */
final class L3OrderFlow
{
    static final int POPULATION = 1024;
    static final int TEMPLATES = 1 << 14;
    static final int EVENTS_PER_STEP = 3;
    static final byte CANCEL = 0;
    static final byte EXECUTE = 1;
    static final byte DELETE = 2;
    private static final int NEAR_TOUCH_TICKS = 10;

    final Side[] sides = new Side[TEMPLATES];
    final long[] prices = new long[TEMPLATES];
    final long[] quantities = new long[TEMPLATES];
    final byte[] partialKinds = new byte[TEMPLATES];
    final long[] partialQuantities = new long[TEMPLATES];
    final byte[] finalKinds = new byte[TEMPLATES];

    L3OrderFlow(final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < TEMPLATES; i++)
        {
            final boolean bid = random.nextBoolean();
            final int ticks = (int)Math.min(-Math.log(1.0 - random.nextDouble()) * 3.0, NEAR_TOUCH_TICKS - 1);
            sides[i] = bid ? Side.BUY : Side.SELL;
            prices[i] = bid ? L2UpdateStream.INNER_BID - ticks : L2UpdateStream.INNER_ASK + ticks;
            quantities[i] = 2 + random.nextInt(99);
            partialKinds[i] = random.nextBoolean() ? CANCEL : EXECUTE;
            partialQuantities[i] = 1 + random.nextLong(quantities[i] - 1);
            finalKinds[i] = (byte)random.nextInt(3);
        }
    }

    static int template(final long orderId)
    {
        return (int)(orderId & (TEMPLATES - 1));
    }
}
