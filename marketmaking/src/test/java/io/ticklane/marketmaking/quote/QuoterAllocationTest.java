package io.ticklane.marketmaking.quote;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Proves quoting allocates nothing once warm: a million quotes per quoter, inputs changing every event, measured with
 * the thread's allocated-bytes counter.
 */
class QuoterAllocationTest
{
    private static final int QUOTES = 1_000_000;
    private static final int WARM_UP = 500_000;
    private static final int ATTEMPTS = 3;
    private static final String[] SPECS = {
        "as-finite(gamma=0.1,horizon_s=1,k=1.5)",
        "as-infinite(gamma=0.1,q_max=5,k_fallback=1.5)",
        "glft(gamma=0.05,a_fallback=3)",
        "as-inventory(gamma=0.1,q_max=5,inventory_penalty=0.01)",
        "as-adverse(gamma=0.1,alpha=1,beta=0.5)",
        "as-hedge(gamma=0.1,hedge_threshold=4,max_take=2,collar_ticks=1)",
        "as-microprice(base=glft(gamma=0.05,lot=1,max_size=5),mid_fallback=true)",
        "touch(offset_ticks=1,size=2,max_position=5)",
        "fixed(half_spread_ticks=1.5,skew_ticks_per_lot=0.5,size=2,max_position=5)",
        "fixed(half_spread_ticks=0.5,skew_ticks_per_lot=1,behind_touch=true)",
        "grid(levels=16,step_ticks=3,size=2,max_position=20)",
        "grid(levels=4,step_ticks=1,max_position=3,cap_levels=false)",
    };

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    @Test
    void everyQuoterQuotesAMillionEventsWithoutAllocating()
    {
        final QuoterRegistry registry = QuoterRegistry.standard();
        for (final String spec : SPECS)
        {
            final Quoter quoter = registry.create(spec);
            final QuoteInputs in = new QuoteInputs();
            final TargetQuote out = new TargetQuote();
            long quoted = run(quoter, in, out, 0, WARM_UP);
            final long[] windows = new long[ATTEMPTS];
            long end = WARM_UP;
            for (int i = 0; i < ATTEMPTS && (0 == i || windows[i - 1] != 0); i++)
            {
                final long overhead = measurementOverhead();
                final long before = allocatedBytes();
                quoted += run(quoter, in, out, end, end + QUOTES);
                windows[i] = allocatedBytes() - before - overhead;
                end += QUOTES;
            }
            assertTrue(quoted > end / 2, spec + ": the quoter must actually quote, quoted " + quoted + " of " + end);
            assertSteadyStateAllocatesNothing(spec, windows);
        }
    }

    /**
     * Events cycle through inventories −7..7, a moving mid and touch, and signals that are sometimes NaN, so every
     * branch (one-sided, take orders, fallbacks, post-only moves) runs.
     *
     * @return how many events produced a bid or an ask.
     */
    private static long run(final Quoter quoter, final QuoteInputs in, final TargetQuote out, final long from, final long to)
    {
        long quoted = 0;
        for (long i = from; i < to; i++)
        {
            final long bestBid = 10_000 + (i % 11);
            final boolean warm = (i % 5) != 0;
            in.timeNs(i * 1_000_000L)
                .touch(bestBid, bestBid + 1 + (i % 3))
                .midPrice(bestBid + 0.5)
                .microPrice((i % 7) == 0 ? Double.NaN : bestBid + 0.25)
                .inventory((i % 15) - 7)
                .sigma(warm ? 0.5 + (i % 4) * 0.1 : Double.NaN)
                .intensity(warm ? 2.0 : Double.NaN, warm ? 1.0 + (i % 3) * 0.1 : Double.NaN)
                .flow(warm ? (i % 10) / 10.0 : Double.NaN, (i % 9) - 4.0);
            quoter.quote(in, out);
            if (out.hasBid() || out.hasAsk())
            {
                quoted++;
            }
        }
        return quoted;
    }

    private static void assertSteadyStateAllocatesNothing(final String spec, final long[] windows)
    {
        for (final long window : windows)
        {
            if (0 == window)
            {
                return;
            }
        }
        fail(spec + ": bytes allocated per window of " + QUOTES + " quotes: " + Arrays.toString(windows));
    }

    private long allocatedBytes()
    {
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private long measurementOverhead()
    {
        allocatedBytes();
        final long first = allocatedBytes();
        return allocatedBytes() - first;
    }
}
