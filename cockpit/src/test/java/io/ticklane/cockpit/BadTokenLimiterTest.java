package io.ticklane.cockpit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BadTokenLimiterTest
{
    @Test
    void limitOfBadAttemptsPerSlidingWindowThenRetryWhenTheOldestLeavesIt()
    {
        final BadTokenLimiter limiter = new BadTokenLimiter(3, 60_000);

        limiter.recordBad(0);
        limiter.recordBad(10_000);
        assertTrue(limiter.allows(20_000));
        limiter.recordBad(20_000);

        assertFalse(limiter.allows(20_001));
        assertEquals(39_999, limiter.retryAfterMs(20_001), "until the attempt at 0 is 60 s old");
        assertFalse(limiter.allows(59_999));
        assertTrue(limiter.allows(60_000), "the first attempt left the window");
        assertEquals(0, limiter.retryAfterMs(60_000));
        assertEquals(3, limiter.total(), "every bad attempt counted");
    }
}
