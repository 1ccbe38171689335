package io.ticklane.perf.latency;

/**
 * Builds summaries from six numbers (p50, p90, p99, p99.9, p99.99, max in µs) for tests.
 */
final class LatencySummarySupport
{
    private LatencySummarySupport()
    {
    }

    static LatencySummary summary(final double... micros)
    {
        return LatencySummaryTest.summary("run", micros);
    }
}
