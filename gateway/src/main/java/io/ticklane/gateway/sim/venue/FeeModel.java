package io.ticklane.gateway.sim.venue;

/**
 * What a fill costs. Fees are in the venue's notional unit, ticks × lots (the report layer multiplies by tick
 * value); positive is paid, negative is a rebate received. The execution report schema has no fee field, so the
 * venue keeps fees itself ({@link SimulatedVenue#lastFee()}, {@link SimulatedVenue#totalFees()}).
 */
public interface FeeModel
{
    /**
     * @param maker    true when the fill added liquidity.
     * @param price    fill price, ticks.
     * @param quantity fill quantity, lots.
     * @return fee in ticks × lots, negative for a rebate.
     */
    double fee(boolean maker, long price, long quantity);

    /**
     * @return short description for reports.
     */
    String name();
}
