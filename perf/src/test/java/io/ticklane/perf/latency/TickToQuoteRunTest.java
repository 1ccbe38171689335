package io.ticklane.perf.latency;

import io.ticklane.clock.PipelineStage;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tests of the tick-to-quote harness itself, with the real daemon over a real media driver: a delay injected at a
 * known stage must show in that stage and in the total, and a stall must be charged to every update that waited
 * when latency is measured from planned send times, while the naive measure from the receive stamp hides it; an echo
 * made slower than the pipeline must make the run INVALID.
 */
class TickToQuoteRunTest
{
    private static final double RATE = 2_000;

    @TempDir
    Path tmp;

    @Test
    void anInjectedDelayShowsInItsStageAndInTheTotal() throws Exception
    {
        final long delayNs = 200_000; // 200 us on every requoting event, far above the stage's own cost
        final TickToQuoteRun.Result result = new TickToQuoteRun(RATE, 2, 0.5, "one-thread", "backoff", tmp,
            quiet()).injectDelay(PipelineStage.QUOTE_DECIDED, delayNs).run();

        final Histogram quoter = result.stages().get("quote_decided");
        // an update makes an order only when no replace of that side is in flight, so not every update is timed
        assertTrue(quoter.getTotalCount() >= 100, "events timed: " + quoter.getTotalCount());
        assertTrue(quoter.getValueAtPercentile(10) >= delayNs, "quote stage p10 " + quoter.getValueAtPercentile(10));
        final Histogram book = result.stages().get("book_applied");
        assertTrue(book.getValueAtPercentile(50) < delayNs / 4, "other stages unaffected: book p50 " +
            book.getValueAtPercentile(50));
        assertTrue(result.tickToQuote().getValueAtPercentile(10) >= delayNs, "total p10 " +
            result.tickToQuote().getValueAtPercentile(10));
        assertTrue(result.inProcess().getValueAtPercentile(10) >= delayNs);
        assertTrue(result.baseline().getTotalCount() >= 2 * RATE * 0.95, "baseline pings " +
            result.baseline().getTotalCount());
    }

    @Test
    void aStallIsChargedToEveryUpdateThatWaitedFromPlannedTimesOnly() throws Exception
    {
        final long stallNs = 100_000_000; // 100 ms: at 2,000/s about 200 updates queue behind it
        final TickToQuoteRun.Result result = new TickToQuoteRun(RATE, 2, 0.5, "one-thread", "backoff", tmp,
            quiet()).injectStall(1.0, stallNs).run();

        // the receiver stalls before reading: the backlog is worked off in one burst, its first update makes an
        // order and the rest wait for that order's answer (one replace in flight per side); measured from planned
        // send times, the orders the backlog caused are charged the stall ...
        final long plannedOver = countAbove(result.tickToQuote(), stallNs / 2);
        assertTrue(plannedOver >= 1, "planned-time latencies over 50 ms: " + plannedOver);
        // (the first orders after the stall wait for acknowledgements queued behind a burst of updates, so the largest
        // charge is the stall less up to a few dozen update intervals, never the stall in full)
        assertTrue(result.tickToQuote().getMaxValue() >= stallNs / 2, "max " + result.tickToQuote().getMaxValue());
        // ... while the receive stamps, taken after the stall (the updates waited in Aeron), hide it completely
        assertTrue(countAbove(result.fromReceive(), stallNs / 2) == 0, "receive-stamp max " +
            result.fromReceive().getMaxValue());
    }

    @Test
    void anEchoSlowerThanThePipelineMakesTheRunInvalid() throws Exception
    {
        // a 5 ms busy-wait per echo at 100 pings/s (the echo keeps up: 200/s): its p50 is at least 5 ms, the pipeline's
        // at this rate a few microseconds to a few hundred
        final TickToQuoteRun.Result result = new TickToQuoteRun(100, 1, 0.2, "one-thread", "backoff", tmp, quiet())
            .gateways(java.util.List.of(TickToQuoteRun.AERON), 2).injectEchoDelay(5_000_000).run();

        final SliceRatios ratios = result.ratios();
        assertTrue(2 == ratios.slices().size() && ratios.slices().stream().allMatch((slice) ->
            slice.pipelineCount() > 0 && slice.echoCount() > 0), "both slices measured both parts: " + ratios.slices());
        assertTrue(ratios.slices().stream().allMatch((slice) -> slice.echoP50() >= 5_000), "echo p50 >= 5 ms");
        assertTrue(!result.baselineValid() && !ratios.valid(), "INVALID: " + ratios.slices());
        assertTrue(ratios.invalidReason().contains("in 2 of 2 slices"), ratios.invalidReason());
    }

    private static long countAbove(final Histogram histogram, final long valueNs)
    {
        return histogram.getTotalCount() - histogram.getCountBetweenValues(0, valueNs);
    }

    private static PrintWriter quiet()
    {
        return new PrintWriter(new StringWriter());
    }
}
