package io.ticklane.gateway.feed.kraken;

/**
 * The request texts of one Kraken v1 book subscription, built once from the validated settings so the transport
 * sends the exact documented form, e.g.
 * {@code {"event":"subscribe","pair":["XBT/USD"],"subscription":{"name":"book","depth":10}}}.
 */
public final class KrakenSubscription
{
    private final String subscribe;
    private final String unsubscribe;

    /**
     * @param context concluded settings (the pair is checked to need no JSON escaping).
     */
    public KrakenSubscription(final KrakenBookContext context)
    {
        final String body = "\"pair\":[\"" + context.pair() + "\"],\"subscription\":{\"name\":\"book\",\"depth\":" + context.depth() + "}}";
        subscribe = "{\"event\":\"subscribe\"," + body;
        unsubscribe = "{\"event\":\"unsubscribe\"," + body;
    }

    /**
     * @return the subscribe request.
     */
    public String subscribe()
    {
        return subscribe;
    }

    /**
     * @return the unsubscribe request for the same pair and depth.
     */
    public String unsubscribe()
    {
        return unsubscribe;
    }

    /**
     * @param requestId echoed by Kraken in its pong.
     * @return a ping request, which Kraken answers with {@code {"event":"pong","reqid":requestId}}.
     */
    public static String ping(final long requestId)
    {
        return "{\"event\":\"ping\",\"reqid\":" + requestId + "}";
    }
}
