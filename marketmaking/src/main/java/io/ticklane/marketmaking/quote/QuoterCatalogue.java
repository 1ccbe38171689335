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
    }
}
