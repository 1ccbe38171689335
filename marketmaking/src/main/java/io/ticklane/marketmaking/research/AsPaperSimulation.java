package io.ticklane.marketmaking.research;

import io.ticklane.marketmaking.quote.QuoteInputs;
import io.ticklane.marketmaking.quote.Quoter;
import io.ticklane.marketmaking.quote.QuoterRegistry;
import io.ticklane.marketmaking.quote.TargetQuote;

import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * The numerical experiment of Avellaneda &amp; Stoikov (2008), "High-frequency trading in a limit order book",
 * Quantitative Finance 8(3) 217–224, §3.3, run on Ticklane's own {@code as-finite} quoter, so the quoter is checked
 * against the paper's Tables 1–3 and not only against its formulas.
 * <p>
 * As in the paper: s₀ = 100, T = 1, σ = 2, dt = 0.005 (200 steps), A = 140, k = 1.5, q₀ = 0. At each step the
 * strategy computes its quotes from the state at t; then a bid fill happens with probability λᵇ·dt =
 * A·e^(−kδᵇ)·dt and an ask fill with probability λᵃ·dt (each fill one unit, at the quoted price, capped at
 * probability 1 when a quote through the mid makes λ·dt exceed 1), and the mid moves by +σ√dt or −σ√dt with
 * probability ½ each (the paper's binomial step, not a Gaussian one). Terminal profit is cash + q·s_T.
 * <p>
 * The inventory strategy takes the reservation price and half-spread (the continuous doubles, not the tick-rounded
 * quotes) from {@code as-finite(gamma=γ,horizon_s=1,sigma=2,k=1.5)}, created afresh for each run and fed time as
 * epoch nanoseconds with one step = dt seconds, so T − t runs from 1 down to dt. The symmetric strategy, as the
 * published paper defines it, "uses the average bid/ask spread of the inventory strategy over the time period, but
 * centres it around the mid-price": a constant spread, the quoter's spread averaged over the 200 step times (it does
 * not depend on inventory). Both see the same mid path and the same uniform draws (one for the bid, one for the
 * ask, one for the mid per step), as in the paper's comparison. Each γ starts its own generator from the seed, so a
 * γ's result does not depend on which other γ were run.
 */
public final class AsPaperSimulation
{
    /** Initial mid-price s₀. */
    public static final double S0 = 100.0;
    /** Horizon T, seconds. */
    public static final double HORIZON_S = 1.0;
    /** Volatility σ per √second. */
    public static final double SIGMA = 2.0;
    /** Time step dt, seconds. */
    public static final double DT = 0.005;
    /** Order arrival intensity at the mid A, per second. */
    public static final double A = 140.0;
    /** Decay of the intensity with distance from the mid k. */
    public static final double K = 1.5;
    /** The risk aversions of the paper's Tables 1, 2 and 3. */
    public static final double[] PAPER_GAMMAS = { 0.1, 0.01, 0.5 };

    private static final int STEPS = (int)Math.round(HORIZON_S / DT);
    private static final long STEP_NS = Math.round(DT * 1e9);
    private static final double MOVE = SIGMA * Math.sqrt(DT);

    private final double gamma;
    private final int runs;
    private final long seed;
    private final String quoterSpec;
    private final QuoterRegistry registry = QuoterRegistry.standard();
    private final QuoteInputs in = new QuoteInputs();
    private final TargetQuote out = new TargetQuote();
    private final double averageSpread;

    /**
     * @param gamma risk aversion γ, positive and finite.
     * @param runs  number of simulated paths, at least 2 (a standard deviation needs two).
     * @param seed  seed of the random numbers.
     * @throws IllegalArgumentException on a bad γ or run count.
     */
    public AsPaperSimulation(final double gamma, final int runs, final long seed)
    {
        if (!(gamma > 0) || !Double.isFinite(gamma))
        {
            throw new IllegalArgumentException("gamma must be positive and finite: " + gamma);
        }
        if (runs < 2)
        {
            throw new IllegalArgumentException("runs must be at least 2: " + runs);
        }
        this.gamma = gamma;
        this.runs = runs;
        this.seed = seed;
        this.quoterSpec = "as-finite(gamma=" + gamma + ",horizon_s=" + HORIZON_S + ",sigma=" + SIGMA + ",k=" + K + ")";
        this.averageSpread = timeAveragedSpread();
    }

    /**
     * @return risk aversion γ.
     */
    public double gamma()
    {
        return gamma;
    }

    /**
     * @return the quoter spec the inventory strategy runs, e.g. {@code as-finite(gamma=0.1,horizon_s=1.0,...)}.
     */
    public String quoterSpec()
    {
        return quoterSpec;
    }

    /**
     * @return the inventory strategy's total spread δᵃ + δᵇ averaged over the step times, which the symmetric
     *         strategy quotes throughout.
     */
    public double averageSpread()
    {
        return averageSpread;
    }

    private double timeAveragedSpread()
    {
        final Quoter quoter = registry.create(quoterSpec);
        double sum = 0;
        for (int step = 0; step < STEPS; step++)
        {
            quoter.quote(in.timeNs(step * STEP_NS).midPrice(S0).inventory(0), out);
            sum += 2 * out.halfSpread();
        }
        return sum / STEPS;
    }

    /**
     * @return the result.
     */
    public AsPaperResult run()
    {
        return run((done) ->
        {
        }, Integer.MAX_VALUE);
    }

    /**
     * @param progress      told the number of runs completed every {@code progressEvery} runs.
     * @param progressEvery how often to report, runs.
     * @return the result.
     */
    public AsPaperResult run(final IntConsumer progress, final int progressEvery)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final double symmetricHalfSpread = 0.5 * averageSpread;
        final double symmetricFill = fillProbability(symmetricHalfSpread);
        final double[] inventoryProfit = new double[runs];
        final long[] inventoryQ = new long[runs];
        final double[] symmetricProfit = new double[runs];
        final long[] symmetricQ = new long[runs];

        for (int run = 0; run < runs; run++)
        {
            final Quoter quoter = registry.create(quoterSpec);
            double s = S0;
            double invCash = 0;
            long invQ = 0;
            double symCash = 0;
            long symQ = 0;
            for (int step = 0; step < STEPS; step++)
            {
                quoter.quote(in.timeNs(step * STEP_NS).midPrice(s).inventory(invQ), out);
                final double reservation = out.reservationPrice();
                final double halfSpread = out.halfSpread();
                if (Double.isNaN(reservation) || Double.isNaN(halfSpread))
                {
                    throw new IllegalStateException(quoterSpec + " did not quote at step " + step);
                }

                final double bidDraw = random.nextDouble();
                final double askDraw = random.nextDouble();
                final double moveDraw = random.nextDouble();

                final double invBid = reservation - halfSpread;
                final double invAsk = reservation + halfSpread;
                if (bidDraw < fillProbability(s - invBid))
                {
                    invQ++;
                    invCash -= invBid;
                }
                if (askDraw < fillProbability(invAsk - s))
                {
                    invQ--;
                    invCash += invAsk;
                }

                if (bidDraw < symmetricFill)
                {
                    symQ++;
                    symCash -= s - symmetricHalfSpread;
                }
                if (askDraw < symmetricFill)
                {
                    symQ--;
                    symCash += s + symmetricHalfSpread;
                }

                s += moveDraw < 0.5 ? MOVE : -MOVE;
            }
            inventoryProfit[run] = invCash + invQ * s;
            inventoryQ[run] = invQ;
            symmetricProfit[run] = symCash + symQ * s;
            symmetricQ[run] = symQ;
            if ((run + 1) % progressEvery == 0)
            {
                progress.accept(run + 1);
            }
        }

        return new AsPaperResult(gamma, runs, seed, averageSpread,
            StrategyOutcome.of(inventoryProfit, inventoryQ), StrategyOutcome.of(symmetricProfit, symmetricQ));
    }

    /**
     * @param delta distance of the quote from the mid (negative when the quote is through the mid).
     * @return the probability of a fill in one step, λ(δ)·dt = A·e^(−kδ)·dt capped at 1.
     */
    static double fillProbability(final double delta)
    {
        return Math.min(1.0, A * Math.exp(-K * delta) * DT);
    }
}
