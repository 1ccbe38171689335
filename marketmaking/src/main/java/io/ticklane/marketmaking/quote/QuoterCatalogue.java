package io.ticklane.marketmaking.quote;

/**
 * The quoters Ticklane ships, registered by name: adding a model is one line here.
 */
final class QuoterCatalogue
{
    private QuoterCatalogue()
    {
    }

    static void registerAll(final QuoterRegistry registry)
    {
        registry.register("as-finite",
            "Avellaneda & Stoikov (2008) finite horizon: r = s - q*gamma*sigma^2*(T-t), "
                + "spread gamma*sigma^2*(T-t) + (2/gamma)ln(1+gamma/k)",
            AsFiniteQuoter::create);
        registry.register("as-infinite",
            "Avellaneda & Stoikov (2008) s2.4 infinite horizon, discount omega = gamma^2 sigma^2 (q_max+1)^2 / 2: "
                + "r^b, r^a from the value function, one-sided at +-q_max",
            AsInfiniteQuoter::create);
        registry.register("glft",
            "Gueant, Lehalle & Fernandez-Tapia (2013) asymptotic quotes: half-spread c1 + (Delta/2) sigma c2, skew sigma c2",
            GlftQuoter::create);
        registry.register("as-inventory",
            "AS++: rolling-horizon AS with running inventory penalty phi, r = s - q tau (gamma sigma^2 + 2 phi), "
                + "hard limits +-q_max (one-sided at the limit)",
            AsInventoryQuoter::create);
        registry.register("as-adverse",
            "ASAS: rolling-horizon AS, half-spread x (1 + alpha*toxicity), reservation + beta*order flow",
            AsAdverseQuoter::create);
        registry.register("as-hedge",
            "AS+++: rolling-horizon AS plus a marketable reducing order when |q| >= hedge_threshold",
            AsHedgeQuoter::create);
        registry.register("as-microprice",
            "ASMP: the quoter base=<spec> referenced to the micro-price instead of the mid",
            AsMicropriceQuoter::create);
        registry.register("touch",
            "reference: join the best bid and ask, or improve each by offset_ticks while staying inside the spread; "
                + "one-sided at +-max_position",
            TouchQuoter::create);
        registry.register("fixed",
            "reference: mid -+ half_spread_ticks, shifted by -skew_ticks_per_lot*q; bid rounded down, ask up; "
                + "one-sided at +-max_position",
            FixedSpreadQuoter::create);
        registry.register("grid",
            "reference: levels bids and asks step_ticks apart on multiples of step_ticks strictly either side of the mid, "
                + "size lots each; only the levels within +-max_position",
            GridQuoter::create);
    }
}
