package io.ticklane.gateway.feed.kraken;

/**
 * What one Kraken v1 WebSocket message turned out to be, so the state machine can switch on it.
 */
enum KrakenMessageKind
{
    /** {@code {"event":"heartbeat"}}: the connection is alive and nothing changed. */
    HEARTBEAT,
    /** {@code {"event":"systemStatus",...}}: sent on connect and when the venue's status changes. */
    SYSTEM_STATUS,
    /** {@code {"event":"subscriptionStatus",...}}: subscribed, unsubscribed or error. */
    SUBSCRIPTION_STATUS,
    /** {@code {"event":"pong",...}}: the answer to our ping. */
    PONG,
    /** Another event this handler has no use for. */
    OTHER_EVENT,
    /** {@code [channelID, {"as":[...],"bs":[...]}, "book-N", pair]}. */
    BOOK_SNAPSHOT,
    /** {@code [channelID, {"a":[...]}, {"b":[...],"c":"..."}, "book-N", pair]}, either side alone or both. */
    BOOK_UPDATE,
    /** A channel message for another channel, another depth or another pair: not ours. */
    NOT_OUR_CHANNEL,
    /** Not valid JSON, or not a shape Kraken documents, or out of bounds: see the parser's reason. */
    MALFORMED
}
