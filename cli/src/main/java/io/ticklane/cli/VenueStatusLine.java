package io.ticklane.cli;

import io.ticklane.gateway.sim.exchange.ExchangeCounters;

import java.io.PrintWriter;

/**
 * The one line per second {@code ticklane venue} prints: market data frames published in the last second and in
 * all, orders, fills and rejects, live orders, the venue's top of book and publication failures, read from the
 * exchange's counters on the main thread (never on the exchange's duty cycle).
 */
final class VenueStatusLine
{
    private static final String HEADER = String.format("%-9s %10s %12s %9s %8s %8s %6s %10s %10s %8s",
        "time", "frames/s", "published", "orders", "fills", "rejects", "live", "bid", "ask", "failures");

    private final ExchangeCounters counters;
    private final long startNs = System.nanoTime();
    private long lastPublished;

    VenueStatusLine(final ExchangeCounters counters)
    {
        this.counters = counters;
    }

    void printHeader(final PrintWriter out)
    {
        out.println(HEADER);
        out.flush();
    }

    void print(final PrintWriter out)
    {
        final long published = counters.framesPublished() + counters.framesWithoutSubscriber();
        out.println(String.format("%8.1fs %10d %12d %9d %8d %8d %6d %10d %10d %8d",
            (System.nanoTime() - startNs) / 1e9, published - lastPublished, counters.framesPublished(),
            counters.ordersReceived(), counters.fills(), counters.rejects(), counters.liveOrders(), counters.bestBid(),
            counters.bestAsk(), counters.publishFailures()));
        out.flush();
        lastPublished = published;
    }

    String summary()
    {
        return "published=" + counters.framesPublished() + " without_subscriber=" + counters.framesWithoutSubscriber() +
            " snapshots=" + counters.snapshots() + " heartbeats=" + counters.heartbeats() + " orders=" +
            counters.ordersReceived() + " fills=" + counters.fills() + " rejects=" + counters.rejects() +
            " status_requests=" + counters.statusRequests() + " publish_failures=" + counters.publishFailures();
    }
}
