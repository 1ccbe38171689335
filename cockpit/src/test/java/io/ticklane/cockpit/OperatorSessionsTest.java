package io.ticklane.cockpit;

import io.ticklane.runtime.daemon.OperatorToken;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperatorSessionsTest
{
    @Test
    void sessionIdsAndAntiForgeryTokensAreRandomAndDistinct()
    {
        final OperatorSessions sessions = new OperatorSessions(60_000, 10);

        final OperatorSessions.Session a = sessions.create(0);
        final OperatorSessions.Session b = sessions.create(0);

        assertNotEquals(a.id(), b.id());
        assertNotEquals(a.csrfToken(), b.csrfToken());
        assertNotEquals(a.id(), a.csrfToken());
        assertTrue(a.id().length() >= 43, "32 random bytes, base64url");
        assertTrue(a.csrfMatches(a.csrfToken()));
        assertFalse(a.csrfMatches(b.csrfToken()));
        assertFalse(a.csrfMatches(null));
        assertFalse(a.csrfMatches(a.csrfToken().substring(1)));
    }

    @Test
    void idleSessionIsDroppedWithItsToken()
    {
        final OperatorSessions sessions = new OperatorSessions(1_000, 10);
        final OperatorSessions.Session session = sessions.create(0);
        session.token(OperatorToken.fromText("0123456789abcdef", "test"));

        assertSame(session, sessions.find(session.id(), 900));
        assertSame(session, sessions.find(session.id(), 1_800), "each request restarts the idle clock");
        assertNull(sessions.find(session.id(), 2_801));
        assertNull(sessions.find("not-a-session", 0));
        assertNull(sessions.find(null, 0));
    }

    @Test
    void logoutForgetsTheSession()
    {
        final OperatorSessions sessions = new OperatorSessions(60_000, 10);
        final OperatorSessions.Session session = sessions.create(0);

        sessions.remove(session.id());

        assertNull(sessions.find(session.id(), 1));
    }

    @Test
    void tooManySessionsDropTheLeastRecentlyUsed()
    {
        final OperatorSessions sessions = new OperatorSessions(60_000, 2);
        final OperatorSessions.Session first = sessions.create(0);
        final OperatorSessions.Session second = sessions.create(1);
        sessions.find(first.id(), 2); // first is now the more recent

        sessions.create(3);

        assertSame(first, sessions.find(first.id(), 4));
        assertNull(sessions.find(second.id(), 4));
    }

    @Test
    void cookieIsHttpOnlyStrictSameSiteAndLivesOnlyAsLongAsTheBrowserSession()
    {
        final OperatorSessions.Session session = new OperatorSessions(60_000, 2).create(0);

        final String cookie = OperatorSessions.cookieHeader(session);

        assertTrue(cookie.startsWith(OperatorSessions.COOKIE + "=" + session.id() + ";"), cookie);
        assertTrue(cookie.contains("; HttpOnly") && cookie.contains("; SameSite=Strict") && cookie.contains("; Path=/"), cookie);
        assertFalse(cookie.contains("Max-Age") || cookie.contains("Expires"), cookie);
        assertTrue(OperatorSessions.clearedCookieHeader().contains("Max-Age=0"));
    }
}
