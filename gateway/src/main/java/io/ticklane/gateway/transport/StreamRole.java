package io.ticklane.gateway.transport;

/**
 * What an inbound stream is for, which decides the templates it may carry ({@link StreamTemplates}): a frame is
 * trusted no further than the party that can publish on its stream.
 */
public enum StreamRole
{
    /** Venue market data and venue heartbeats. */
    MARKET_DATA,
    /** Venue execution reports and order status answers. */
    REPORTS,
    /** Operator commands from {@code ticklane admin}. */
    ADMIN,
    /** Frames the daemon makes itself (stream 0): its timer ticks, its start-up order status request, its own STOP. */
    INTERNAL
}
