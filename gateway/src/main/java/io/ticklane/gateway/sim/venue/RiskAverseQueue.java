package io.ticklane.gateway.sim.venue;

/**
 * The pessimistic L2 queue: we join behind everything displayed at our price, only prints at our price move us
 * forward, and cancels never do (we assume every cancel came from behind us). The one exception is arithmetic:
 * ahead can never exceed what is displayed, so a level shrinking below our position takes us with it. This is
 * hftbacktest's {@code RiskAdverseQueueModel}; a strategy that makes money here does not rely on lucky queue spots.
 */
public final class RiskAverseQueue implements QueueModel
{
    /** Stateless: one instance serves every venue. */
    public static final RiskAverseQueue INSTANCE = new RiskAverseQueue();

    public long afterLevelChange(
        final long ahead, final long previousQuantity, final long currentQuantity, final long tradedSinceLast)
    {
        return Math.max(0, Math.min(ahead, currentQuantity));
    }

    public String name()
    {
        return "risk-averse";
    }
}
