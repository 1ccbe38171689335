package io.ticklane.gateway.feed.kraken;

/**
 * What the book state machine asks of its transport when it can no longer trust the book: unsubscribe and subscribe
 * again ({@link KrakenSubscription} has both texts), so Kraken sends a fresh snapshot. Called at most once per loss of
 * trust, on the thread that feeds the messages; it must not block.
 */
@FunctionalInterface
public interface KrakenResubscriber
{
    /**
     * Send {@link KrakenSubscription#unsubscribe()} then {@link KrakenSubscription#subscribe()} on the connection.
     */
    void resubscribe();
}
