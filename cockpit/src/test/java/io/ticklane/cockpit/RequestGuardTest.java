package io.ticklane.cockpit;

import org.junit.jupiter.api.Test;

import static io.ticklane.cockpit.RequestGuard.Refusal.BAD_HOST;
import static io.ticklane.cockpit.RequestGuard.Refusal.CROSS_ORIGIN;
import static io.ticklane.cockpit.RequestGuard.Refusal.NONE;
import static io.ticklane.cockpit.RequestGuard.Refusal.NO_ORIGIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestGuardTest
{
    private final RequestGuard loopback = new RequestGuard("127.0.0.1", 8080);

    @Test
    void loopbackServerAnswersOnlyToLoopbackNamesOnItsPort()
    {
        assertTrue(loopback.hostAllowed("127.0.0.1:8080"));
        assertTrue(loopback.hostAllowed("localhost:8080"));
        assertTrue(loopback.hostAllowed("LOCALHOST:8080"));
        assertTrue(loopback.hostAllowed("[::1]:8080"));
        assertFalse(loopback.hostAllowed("attacker.example:8080"), "a rebound DNS name");
        assertFalse(loopback.hostAllowed("localhost:8081"));
        assertFalse(loopback.hostAllowed("localhost"));
        assertFalse(loopback.hostAllowed(null));
    }

    @Test
    void stateChangingRequestMustComeFromItsOwnOrigin()
    {
        assertEquals(NONE, loopback.checkOrigin("localhost:8080", "http://localhost:8080"));
        assertEquals(NONE, loopback.checkOrigin("127.0.0.1:8080", "http://127.0.0.1:8080"));
        assertEquals(CROSS_ORIGIN, loopback.checkOrigin("localhost:8080", "http://127.0.0.1:8080"), "another origin");
        assertEquals(CROSS_ORIGIN, loopback.checkOrigin("localhost:8080", "https://localhost:8080"), "another scheme");
        assertEquals(CROSS_ORIGIN, loopback.checkOrigin("localhost:8080", "http://evil.example"));
        assertEquals(CROSS_ORIGIN, loopback.checkOrigin("localhost:8080", "http://localhost:8080.evil.example"));
        assertEquals(NO_ORIGIN, loopback.checkOrigin("localhost:8080", null));
        assertEquals(NO_ORIGIN, loopback.checkOrigin("localhost:8080", "null"), "a sandboxed or file: page");
        assertEquals(BAD_HOST, loopback.checkOrigin("evil.example:8080", "http://evil.example:8080"), "DNS rebinding");
    }

    @Test
    void serverBoundToEveryAddressTakesAnyHostButStillChecksOrigin()
    {
        final RequestGuard any = new RequestGuard("0.0.0.0", 9000);

        assertTrue(any.hostAllowed("trading-box.internal:9000"));
        assertEquals(NONE, any.checkOrigin("trading-box.internal:9000", "http://trading-box.internal:9000"));
        assertEquals(CROSS_ORIGIN, any.checkOrigin("trading-box.internal:9000", "http://evil.example"));
    }

    @Test
    void serverBoundToOneAddressAnswersToThatAddressOnly()
    {
        final RequestGuard one = new RequestGuard("10.1.2.3", 8080);

        assertTrue(one.hostAllowed("10.1.2.3:8080"));
        assertFalse(one.hostAllowed("127.0.0.1:8080"));
    }
}
