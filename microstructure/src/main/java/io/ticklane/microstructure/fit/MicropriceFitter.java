package io.ticklane.microstructure.fit;

import io.ticklane.microstructure.MarketEvent;
import io.ticklane.microstructure.Touch;
import io.ticklane.orderbook.BookState;
import io.ticklane.orderbook.OrderBook;

/**
 * Fits the Stoikov (2018) micro-price adjustment ("The micro-price: a high-frequency estimator of future prices",
 * Quantitative Finance 18(12), §3) from a stream of book events, offline. Exists so the {@code microprice} factor
 * can look up a table fitted from the venue's own data instead of assuming the weighted mid.
 * <p>
 * <b>Observations.</b> The state is {@code X = (imbalance bucket, spread S in ticks)}, S in 1..spreadBuckets; the
 * imbalance is {@code I = Q_b / (Q_b + Q_a)} at the best level, bucketed as in
 * {@link MicropriceModel#imbalanceBucket(double, int)}. A sample is taken at every {@code sampleEveryEvents}-th BOOK
 * event on a LIVE two-sided book (1 = every BOOK event); consecutive samples give one observation
 * {@code (X_t, dM = M_{t+1} - M_t, X_{t+1})}. An observation is excluded and counted when either state has a spread
 * above {@code spreadBuckets} (or the book is crossed/locked), or when {@code |dM|} exceeds {@code maxMoveTicks}. A
 * non-LIVE or one-sided book breaks the chain: no observation spans it. Dropping transitions into wide-spread states
 * conditions the chain on staying within the modelled spreads; on instruments that often leave them the fit is
 * biased that way, and the report's exclusion count says how much data that concerns.
 * <p>
 * <b>Symmetrisation</b> (as in the paper): each observation is added twice, as seen and mirrored
 * {@code (n - 1 - bucket, S, -dM, mirrored next state)}; mirroring is done on buckets, which are symmetric about 1/2.
 * <p>
 * <b>Estimation.</b> With {@code N_x} observations from state x: {@code Q_xy} = share of observations from x with
 * {@code dM = 0} and next state y (transient); {@code R_xk} = share with {@code dM = K_k}, K the non-zero half-tick
 * moves up to maxMoveTicks (absorbing); {@code T_xy} = share with {@code dM != 0} and next state y. Then
 * {@code G^1 = (I - Q)^{-1} R K}, {@code B = (I - Q)^{-1} T}, increments {@code g^1 = G^1}, {@code g^{i+1} = B g^i},
 * and the adjustment {@code G* = g^1 + ... + g^6} (the paper's {@code p^micro = M + sum_i g^i}, truncated at six
 * terms as in its estimates). Convergence is reported as {@code max |G^{i+1} - G^i| = max |g^{i+1}|}, i = 1..5.
 * States never observed as an origin have zero rows (G = 0, count 0); a state that never reaches a mid change makes
 * {@code I - Q} singular, which {@link #fit()} reports.
 * <p>
 * Allocation is fine here: this runs offline. Not thread-safe.
 */
public final class MicropriceFitter
{
    private final Touch touch = new Touch();
    private final int imbalanceBuckets;
    private final int spreadBuckets;
    private final int maxMoveHalfTicks;
    private final int sampleEveryEvents;
    private final String dataSource;
    private final int states;
    private final long[][] stay;
    private final long[][] moveBySize;
    private final long[][] moveTo;
    private final long[] originCount;

    private boolean havePrevious;
    private int previousState;
    private long previousTwoMid;
    private long bookEvents;
    private long observations;
    private long excludedWideSpread;
    private long excludedLargeMove;

    /**
     * Defaults: 10 imbalance buckets, spreads of 1 and 2 ticks, moves up to 1 tick, every BOOK event.
     *
     * @param dataSource description of the data, recorded in the model.
     */
    public MicropriceFitter(final String dataSource)
    {
        this(10, 2, 1, 1, dataSource);
    }

    /**
     * @param imbalanceBuckets  n, equal-width buckets of I on [0, 1], 2..100.
     * @param spreadBuckets     spreads 1..this many ticks are states, 1..20; n * this at most 400.
     * @param maxMoveTicks      largest mid move kept, in ticks, 1..10 (moves are in half ticks).
     * @param sampleEveryEvents sample every k-th valid BOOK event, at least 1.
     * @param dataSource        description of the data, recorded in the model.
     */
    public MicropriceFitter(
        final int imbalanceBuckets,
        final int spreadBuckets,
        final int maxMoveTicks,
        final int sampleEveryEvents,
        final String dataSource)
    {
        require(imbalanceBuckets >= 2 && imbalanceBuckets <= 100, "imbalanceBuckets must be in [2, 100]", imbalanceBuckets);
        require(spreadBuckets >= 1 && spreadBuckets <= 20, "spreadBuckets must be in [1, 20]", spreadBuckets);
        require(imbalanceBuckets * spreadBuckets <= 400, "imbalanceBuckets * spreadBuckets must be at most 400",
            imbalanceBuckets * spreadBuckets);
        require(maxMoveTicks >= 1 && maxMoveTicks <= 10, "maxMoveTicks must be in [1, 10]", maxMoveTicks);
        require(sampleEveryEvents >= 1, "sampleEveryEvents must be at least 1", sampleEveryEvents);
        this.imbalanceBuckets = imbalanceBuckets;
        this.spreadBuckets = spreadBuckets;
        this.maxMoveHalfTicks = 2 * maxMoveTicks;
        this.sampleEveryEvents = sampleEveryEvents;
        this.dataSource = null == dataSource ? "" : dataSource;
        this.states = imbalanceBuckets * spreadBuckets;
        this.stay = new long[states][states];
        this.moveBySize = new long[states][2 * maxMoveHalfTicks];
        this.moveTo = new long[states][states];
        this.originCount = new long[states];
    }

    /**
     * Takes one event; TRADE events are ignored (the book events around a trade carry its effect).
     *
     * @param event the event, with the book after it.
     */
    public void onEvent(final MarketEvent event)
    {
        if (MarketEvent.BOOK != event.kind())
        {
            return;
        }
        final OrderBook book = event.book();
        if (BookState.LIVE != book.state() || !touch.read(book))
        {
            havePrevious = false;
            return;
        }
        if (bookEvents++ % sampleEveryEvents != 0)
        {
            return;
        }
        final long bidQty = book.bids().bestQuantity();
        final long askQty = book.asks().bestQuantity();
        final long spread = touch.spread();
        final int state;
        if (spread < 1 || spread > spreadBuckets || bidQty + askQty <= 0)
        {
            state = -1;
        }
        else
        {
            final double imbalance = (double)bidQty / (bidQty + askQty);
            state = (int)(spread - 1) * imbalanceBuckets + MicropriceModel.imbalanceBucket(imbalance, imbalanceBuckets);
        }
        final long twoMid = touch.twiceMid();
        if (havePrevious)
        {
            observe(previousState, twoMid - previousTwoMid, state);
        }
        havePrevious = true;
        previousState = state;
        previousTwoMid = twoMid;
    }

    /**
     * Records one observation directly (for drivers that already have states), then its mirror.
     *
     * @param state           origin state index, spread-major ({@code (S - 1) * n + bucket}), or -1 if out of range.
     * @param midChangeHalfTicks {@code 2 * dM}.
     * @param nextState       next state index, or -1 if out of range.
     */
    void observe(final int state, final long midChangeHalfTicks, final int nextState)
    {
        if (state < 0 || nextState < 0)
        {
            excludedWideSpread++;
            return;
        }
        if (Math.abs(midChangeHalfTicks) > maxMoveHalfTicks)
        {
            excludedLargeMove++;
            return;
        }
        add(state, (int)midChangeHalfTicks, nextState);
        add(mirror(state), (int)-midChangeHalfTicks, mirror(nextState));
    }

    /**
     * @return the model fitted from everything seen so far.
     * @throws IllegalStateException if there are no observations or {@code I - Q} is singular.
     */
    public MicropriceModel fit()
    {
        if (0 == observations)
        {
            throw new IllegalStateException("micro-price fit (" + dataSource + "): no usable observations (" +
                excludedWideSpread + " excluded for spread, " + excludedLargeMove + " for large moves)");
        }
        final double[][] q = new double[states][states];
        final double[][] t = new double[states][states];
        final double[] rk = new double[states];
        for (int x = 0; x < states; x++)
        {
            final double n = originCount[x];
            if (0 == n)
            {
                continue;
            }
            for (int y = 0; y < states; y++)
            {
                q[x][y] = stay[x][y] / n;
                t[x][y] = moveTo[x][y] / n;
            }
            double expectedMove = 0;
            for (int k = 0; k < moveBySize[x].length; k++)
            {
                expectedMove += moveBySize[x][k] / n * moveTicks(k); // (R K)_x
            }
            rk[x] = expectedMove;
        }
        final double[][] iMinusQ = DenseLinearAlgebra.identity(states);
        for (int x = 0; x < states; x++)
        {
            for (int y = 0; y < states; y++)
            {
                iMinusQ[x][y] -= q[x][y];
            }
        }
        final double[] g1;
        final double[][] b;
        try
        {
            g1 = DenseLinearAlgebra.solve(iMinusQ, rk);
            b = DenseLinearAlgebra.solve(iMinusQ, t);
        }
        catch (final ArithmeticException ex)
        {
            throw new IllegalStateException("micro-price fit (" + dataSource + "): I - Q is singular: some state " +
                "never leads to a mid change in the data (" + ex.getMessage() + ")", ex);
        }
        final double[][] increments = new double[MicropriceModel.TERMS][];
        final double[] convergence = new double[MicropriceModel.TERMS - 1];
        final double[] total = g1.clone();
        increments[0] = g1;
        for (int i = 1; i < MicropriceModel.TERMS; i++)
        {
            increments[i] = DenseLinearAlgebra.multiply(b, increments[i - 1]);
            double largest = 0;
            for (int x = 0; x < states; x++)
            {
                total[x] += increments[i][x];
                largest = Math.max(largest, Math.abs(increments[i][x]));
            }
            convergence[i - 1] = largest;
        }
        return new MicropriceModel(MicropriceModel.KIND_FITTED, dataSource, imbalanceBuckets, spreadBuckets,
            maxMoveHalfTicks / 2, total, increments, convergence, originCount, observations, excludedWideSpread,
            excludedLargeMove);
    }

    /**
     * @return the report of the model fitted from everything seen so far.
     */
    public String report()
    {
        return fit().report();
    }

    /**
     * @return observations recorded, mirrored ones included.
     */
    public long observations()
    {
        return observations;
    }

    /**
     * @return observations excluded because a state was beyond the spread buckets (or crossed).
     */
    public long excludedWideSpread()
    {
        return excludedWideSpread;
    }

    /**
     * @return observations excluded because the mid moved more than the largest kept move.
     */
    public long excludedLargeMove()
    {
        return excludedLargeMove;
    }

    private void add(final int state, final int halfTicks, final int nextState)
    {
        observations++;
        originCount[state]++;
        if (0 == halfTicks)
        {
            stay[state][nextState]++;
        }
        else
        {
            moveBySize[state][moveIndex(halfTicks)]++;
            moveTo[state][nextState]++;
        }
    }

    private int moveIndex(final int halfTicks)
    {
        // K = {-maxMove, ..., -0.5, +0.5, ..., +maxMove} ticks, zero left out
        return halfTicks < 0 ? halfTicks + maxMoveHalfTicks : halfTicks + maxMoveHalfTicks - 1;
    }

    private double moveTicks(final int index)
    {
        final int halfTicks = index < maxMoveHalfTicks ? index - maxMoveHalfTicks : index - maxMoveHalfTicks + 1;
        return 0.5 * halfTicks;
    }

    private int mirror(final int state)
    {
        final int spreadIndex = state / imbalanceBuckets;
        final int bucket = state % imbalanceBuckets;
        return spreadIndex * imbalanceBuckets + imbalanceBuckets - 1 - bucket;
    }

    private static void require(final boolean condition, final String message, final int value)
    {
        if (!condition)
        {
            throw new IllegalArgumentException("micro-price fitter: " + message + ", got " + value);
        }
    }
}
