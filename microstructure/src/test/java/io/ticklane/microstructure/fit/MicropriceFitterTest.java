package io.ticklane.microstructure.fit;

import io.ticklane.microstructure.TestBooks;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MicropriceFitterTest
{
    private final TestBooks books = new TestBooks();

    @Test
    void fitsAHandComputedTwoStateChain()
    {
        // 2 imbalance buckets (I < 0.5, I >= 0.5), spread 1 tick.
        final MicropriceFitter fitter = new MicropriceFitter(2, 1, 1, 1, "hand");
        fitter.onEvent(books.at(1, 100, 1, 101, 3)); // I = 0.25: state 0, mid 100.5
        fitter.onEvent(books.at(2, 99, 1, 100, 3));  // state 0, mid 99.5: observation (0, -1, 0)
        fitter.onEvent(books.at(3, 99, 3, 100, 1));  // I = 0.75: state 1, mid unchanged: (0, 0, 1)
        // mirrored: (1, +1, 1) and (1, 0, 0). Per state n = 2:
        //   Q = [[0, .5], [.5, 0]], R K = [.5 * -1, .5 * +1] = [-.5, .5], T = [[.5, 0], [0, .5]]
        //   (I - Q)^-1 = [[1, -.5], [-.5, 1]]^-1 = [[4/3, 2/3], [2/3, 4/3]]
        //   g1 = (I - Q)^-1 R K = [-4/6 + 2/6, -2/6 + 4/6] = [-1/3, 1/3]
        //   B = (I - Q)^-1 T = [[2/3, 1/3], [1/3, 2/3]]; B [-1, 1] = [-1/3, 1/3], so g^i = [-1, 1] / 3^i
        //   G* = sum_{i=1..6} g^i = -(1/3)(1 - 3^-6)/(1 - 1/3) = -(1 - 1/729)/2 for state 0
        final MicropriceModel model = fitter.fit();
        final double g = (1 - 1.0 / 729) / 2;
        assertArrayEquals(new double[] {-g, g}, model.adjustmentTable(), 1e-12);
        assertArrayEquals(new double[] {-1.0 / 3, 1.0 / 3}, model.increment(1), 1e-12);
        assertArrayEquals(new double[] {-1.0 / 9, 1.0 / 9}, model.increment(2), 1e-12);
        assertArrayEquals(new double[] {1.0 / 9, 1.0 / 27, 1.0 / 81, 1.0 / 243, 1.0 / 729}, model.convergence(), 1e-12);
        assertArrayEquals(new long[] {2, 2}, model.stateCounts());
        assertEquals(4, model.observations());
        assertTrue(model.report().contains("G^5 -> G^6"), model.report());
    }

    @Test
    void excludesAndCountsWideSpreadsAndLargeMovesAndBreaksTheChainOnOneSidedBooks()
    {
        final MicropriceFitter fitter = new MicropriceFitter(2, 1, 1, 1, "exclusions");
        fitter.onEvent(books.at(1, 100, 1, 101, 3));
        fitter.onEvent(books.at(2, 100, 1, 102, 3)); // spread 2 > 1 bucket: (0, +.5, wide) excluded
        fitter.onEvent(books.at(3, 100, 1, 101, 3)); // (wide, -.5, 0) excluded
        fitter.onEvent(books.at(4, 102, 1, 103, 3)); // mid +2 ticks > 1: excluded
        fitter.onEvent(books.at(5, 102, 1, 103, 0)); // one-sided: chain broken, no observation
        fitter.onEvent(books.at(6, 101, 1, 102, 3)); // first sample of a new chain
        fitter.onEvent(books.trade(7));               // trades are not samples
        fitter.onEvent(books.at(8, 100, 3, 101, 1)); // (0, -1, 1) kept, with its mirror
        assertEquals(2, fitter.excludedWideSpread());
        assertEquals(1, fitter.excludedLargeMove());
        assertEquals(2, fitter.observations());
    }

    @Test
    void sampleEveryKthEventLinksOnlyTheSamples()
    {
        final MicropriceFitter fitter = new MicropriceFitter(2, 1, 1, 2, "every second");
        fitter.onEvent(books.at(1, 100, 1, 101, 3)); // sample
        fitter.onEvent(books.at(2, 104, 1, 105, 3)); // skipped (a 4-tick move would be excluded)
        fitter.onEvent(books.at(3, 101, 1, 102, 3)); // sample: +1 from the first sample, kept
        assertEquals(0, fitter.excludedLargeMove());
        assertEquals(2, fitter.observations());
    }

    @Test
    void noDataOrAStateThatNeverMovesIsAnError()
    {
        assertThrows(IllegalStateException.class, () -> new MicropriceFitter("empty").fit());

        final MicropriceFitter stuck = new MicropriceFitter(2, 1, 1, 1, "stuck");
        stuck.onEvent(books.at(1, 100, 1, 101, 3));
        stuck.onEvent(books.at(2, 100, 2, 101, 3)); // state 0 -> 0, mid unchanged, forever
        final IllegalStateException ex = assertThrows(IllegalStateException.class, stuck::fit);
        assertTrue(ex.getMessage().contains("never leads to a mid change"), ex.getMessage());
    }

    @Test
    void parametersAreValidated()
    {
        assertThrows(IllegalArgumentException.class, () -> new MicropriceFitter(1, 1, 1, 1, "x"));
        assertThrows(IllegalArgumentException.class, () -> new MicropriceFitter(10, 0, 1, 1, "x"));
        assertThrows(IllegalArgumentException.class, () -> new MicropriceFitter(100, 5, 1, 1, "x"));
        assertThrows(IllegalArgumentException.class, () -> new MicropriceFitter(10, 2, 0, 1, "x"));
        assertThrows(IllegalArgumentException.class, () -> new MicropriceFitter(10, 2, 1, 0, "x"));
    }

    /**
     * A symmetric 4-state chain (4 imbalance buckets, spread fixed at 1 tick, mid moves of +-1 tick), simulated with a
     * fixed seed through real books; the fit must recover G* computed in closed form from the true matrices.
     * <p>
     * True chain, from state x: stay (mid unchanged) to y with {@code STAY[x][y]}; move down one tick with probability
     * {@code DOWN[x]}, up with {@code UP[x]}; after a down move the next state is drawn from {@code AFTER_DOWN}, after
     * an up move from its mirror {@code AFTER_UP}. Mirror symmetry: state x <-> 3 - x, up <-> down.
     * <p>
     * Sample size 2,000,000 transitions (4,000,000 with the mirrored ones). Tolerance 0.01 tick per cell: the
     * estimated probabilities have standard errors of about 1e-3 (n ~ 10^6 per state), which moves G* by a few
     * thousandths of a tick at most; the cells themselves are 0.12 and 0.32 tick (seed 42 misses by about 0.002).
     */
    @Test
    void recoversTheAdjustmentOfASimulatedMarkovChain()
    {
        final double[][] stay = {
            {0.50, 0.20, 0.05, 0.00},
            {0.20, 0.40, 0.20, 0.05},
            {0.05, 0.20, 0.40, 0.20},
            {0.00, 0.05, 0.20, 0.50}};
        final double[] down = {0.20, 0.10, 0.05, 0.05};
        final double[] up = {0.05, 0.05, 0.10, 0.20};
        final double[] afterDown = {0.10, 0.30, 0.40, 0.20};
        final double[] afterUp = {0.20, 0.40, 0.30, 0.10};
        final long[][] queues = {{1, 7}, {3, 5}, {5, 3}, {7, 1}}; // I = 1/8, 3/8, 5/8, 7/8: one per bucket

        final MicropriceFitter fitter = new MicropriceFitter(4, 1, 1, 1, "simulated 4-state chain");
        final SplittableRandom random = new SplittableRandom(42);
        int state = 0;
        long bid = 5_000;
        for (int step = 0; step <= 2_000_000; step++)
        {
            fitter.onEvent(books.at(step, bid, queues[state][0], bid + 1, queues[state][1]));
            double u = random.nextDouble();
            int next = -1;
            for (int y = 0; y < 4 && next < 0; y++)
            {
                u -= stay[state][y];
                if (u < 0)
                {
                    next = y;
                }
            }
            if (next < 0)
            {
                u -= down[state];
                final boolean isDown = u < 0;
                bid += isDown ? -1 : 1;
                next = draw(isDown ? afterDown : afterUp, random.nextDouble());
            }
            state = next;
        }

        final double[] expected = closedFormAdjustment(stay, down, up, afterDown, afterUp);
        final MicropriceModel model = fitter.fit();
        assertArrayEquals(expected, model.adjustmentTable(), 0.01, model.report());
        assertEquals(-expected[0], expected[3], 1e-12, "the true chain is symmetric");
        assertTrue(Math.abs(expected[0]) > 0.1, "the test chain has a real adjustment to recover: " + expected[0]);
        assertEquals(4_000_000, model.observations());
    }

    private static int draw(final double[] probabilities, final double u)
    {
        double left = u;
        for (int y = 0; y < probabilities.length - 1; y++)
        {
            left -= probabilities[y];
            if (left < 0)
            {
                return y;
            }
        }
        return probabilities.length - 1;
    }

    /**
     * G* = g1 + ... + g6 from the true chain, by fixed-point iteration rather than the fitter's elimination:
     * g1 solves g1 = Q g1 + R K (expected first mid move); g_{i+1} solves w = Q w + T g_i.
     */
    private static double[] closedFormAdjustment(
        final double[][] stay, final double[] down, final double[] up, final double[] afterDown, final double[] afterUp)
    {
        final int n = stay.length;
        final double[] rk = new double[n];
        final double[][] t = new double[n][n];
        for (int x = 0; x < n; x++)
        {
            rk[x] = up[x] * 1.0 + down[x] * -1.0;
            for (int y = 0; y < n; y++)
            {
                t[x][y] = down[x] * afterDown[y] + up[x] * afterUp[y];
            }
        }
        double[] g = absorb(stay, rk);
        final double[] total = g.clone();
        for (int i = 2; i <= 6; i++)
        {
            final double[] tg = new double[n];
            for (int x = 0; x < n; x++)
            {
                for (int y = 0; y < n; y++)
                {
                    tg[x] += t[x][y] * g[y];
                }
            }
            g = absorb(stay, tg);
            for (int x = 0; x < n; x++)
            {
                total[x] += g[x];
            }
        }
        return total;
    }

    private static double[] absorb(final double[][] q, final double[] source)
    {
        double[] w = new double[source.length];
        for (int iteration = 0; iteration < 2_000; iteration++) // contraction: row sums of Q are at most 0.85
        {
            final double[] next = source.clone();
            for (int x = 0; x < w.length; x++)
            {
                for (int y = 0; y < w.length; y++)
                {
                    next[x] += q[x][y] * w[y];
                }
            }
            w = next;
        }
        return w;
    }
}
