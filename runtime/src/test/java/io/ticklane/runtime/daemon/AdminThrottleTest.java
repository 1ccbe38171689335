package io.ticklane.runtime.daemon;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lockout after repeated wrong tokens, on a clock driven by hand: three wrong tokens within ten seconds lock
 * admin commands out for a minute.
 */
class AdminThrottleTest
{
    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 1_700_000_000L * SECOND;

    private final AdminThrottle throttle = new AdminThrottle(3, 10 * SECOND, 60 * SECOND);

    @Test
    void theThirdWrongTokenWithinTheWindowLocksOutUntilTheLockoutHasPassed()
    {
        throttle.onWrongToken(T0);
        throttle.onWrongToken(T0 + SECOND);
        assertFalse(throttle.isLockedOut(T0 + 2 * SECOND), "two wrong tokens are not yet a guesser");

        throttle.onWrongToken(T0 + 9 * SECOND);

        assertTrue(throttle.isLockedOut(T0 + 9 * SECOND));
        assertTrue(throttle.isLockedOut(T0 + 69 * SECOND - 1), "a minute from the third wrong token");
        assertFalse(throttle.isLockedOut(T0 + 69 * SECOND));
    }

    @Test
    void wrongTokensSpreadWiderThanTheWindowNeverLockOut()
    {
        for (int i = 0; i < 100; i++)
        {
            throttle.onWrongToken(T0 + i * 5 * SECOND + i); // three span just over ten seconds
            assertFalse(throttle.isLockedOut(T0 + i * 5 * SECOND + i), "wrong token " + i);
        }
    }

    @Test
    void afterALockoutTheCountStartsAfresh()
    {
        throttle.onWrongToken(T0);
        throttle.onWrongToken(T0);
        throttle.onWrongToken(T0);
        assertFalse(throttle.isLockedOut(T0 + 60 * SECOND));

        throttle.onWrongToken(T0 + 61 * SECOND);
        throttle.onWrongToken(T0 + 62 * SECOND);
        assertFalse(throttle.isLockedOut(T0 + 62 * SECOND), "the tokens before the lockout do not count again");
        throttle.onWrongToken(T0 + 63 * SECOND);
        assertTrue(throttle.isLockedOut(T0 + 63 * SECOND));
    }

    @Test
    void aClockSteppingBackKeepsTheLockout()
    {
        throttle.onWrongToken(T0);
        throttle.onWrongToken(T0);
        throttle.onWrongToken(T0);
        assertTrue(throttle.isLockedOut(T0 - 30 * SECOND));
    }

    @Test
    void aLimitOfOneLocksOutAtTheFirstWrongToken()
    {
        final AdminThrottle strict = new AdminThrottle(1, SECOND, SECOND);
        strict.onWrongToken(T0);
        assertTrue(strict.isLockedOut(T0));
    }

    @Test
    void nonPositiveSettingsAreRefused()
    {
        assertThrows(IllegalArgumentException.class, () -> new AdminThrottle(0, SECOND, SECOND));
        assertThrows(IllegalArgumentException.class, () -> new AdminThrottle(1, 0, SECOND));
        assertThrows(IllegalArgumentException.class, () -> new AdminThrottle(1, SECOND, 0));
    }
}
