package io.ticklane.marketmaking.research;

/**
 * One row pair of the Avellaneda &amp; Stoikov (2008) tables: for one risk aversion γ, the time-averaged quoted
 * spread and the terminal outcome of the inventory strategy and of the symmetric strategy over the same paths.
 *
 * @param gamma         risk aversion γ of the {@code as-finite} quoter.
 * @param runs          number of simulated paths.
 * @param seed          seed of the random numbers; equal seeds give equal results.
 * @param averageSpread total spread δᵃ + δᵇ of the inventory strategy averaged over the steps; the symmetric
 *                      strategy quotes this spread throughout.
 * @param inventory     the inventory strategy: quotes around the reservation price r = s − qγσ²(T − t).
 * @param symmetric     the symmetric strategy: the average spread around the mid-price.
 */
public record AsPaperResult(
    double gamma, int runs, long seed, double averageSpread, StrategyOutcome inventory, StrategyOutcome symmetric)
{
}
