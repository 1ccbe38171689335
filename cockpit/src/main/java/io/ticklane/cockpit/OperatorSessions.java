package io.ticklane.cockpit;

import io.ticklane.runtime.daemon.OperatorToken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Browser sessions of the cockpit, in memory only: each is named by a random id the browser holds in an HttpOnly,
 * SameSite=Strict cookie, carries its own anti-forgery token (sent back by the page in a header on every control) and,
 * once the operator typed it, the operator token. The token lives nowhere else: not on disk, not in a URL, not in
 * the browser after it was sent; a session idle longer than the limit, one logged out, or the least recently used when
 * too many are open, is dropped with it.
 */
public final class OperatorSessions
{
    /** Name of the session cookie. */
    public static final String COOKIE = "ticklane_cockpit";
    private static final int ID_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final long idleMs;
    private final int maxSessions;
    private final LinkedHashMap<String, Session> sessions = new LinkedHashMap<>(16, 0.75f, true);

    /**
     * One browser's session.
     */
    public static final class Session
    {
        private final String id;
        private final String csrfToken;
        private OperatorToken token;
        private long lastSeenMs;

        private Session(final String id, final String csrfToken, final long nowMs)
        {
            this.id = id;
            this.csrfToken = csrfToken;
            this.lastSeenMs = nowMs;
        }

        /**
         * @return the id, the cookie's value.
         */
        public String id()
        {
            return id;
        }

        /**
         * @return the anti-forgery token the page must send in a header with each state-changing request.
         */
        public String csrfToken()
        {
            return csrfToken;
        }

        /**
         * @param presented what a request sent as the anti-forgery token, or null.
         * @return true if it is this session's, compared in constant time.
         */
        public boolean csrfMatches(final String presented)
        {
            return null != presented && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
        }

        /**
         * @return the operator token, or null until the operator enters it (or after the daemon rejected it).
         */
        public synchronized OperatorToken token()
        {
            return token;
        }

        /**
         * @param token the operator token, or null to forget it.
         */
        public synchronized void token(final OperatorToken token)
        {
            this.token = token;
        }
    }

    /**
     * @param idleMs      a session without a request for this long is dropped.
     * @param maxSessions most sessions at once; the least recently used is dropped for a new one.
     */
    public OperatorSessions(final long idleMs, final int maxSessions)
    {
        this.idleMs = idleMs;
        this.maxSessions = maxSessions;
    }

    /**
     * @param nowMs wall clock.
     * @return a new session.
     */
    public synchronized Session create(final long nowMs)
    {
        expire(nowMs);
        while (sessions.size() >= maxSessions)
        {
            final Iterator<String> eldest = sessions.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
        final Session session = new Session(randomId(), randomId(), nowMs);
        sessions.put(session.id, session);
        return session;
    }

    /**
     * @param id    a cookie's value, or null.
     * @param nowMs wall clock.
     * @return the live session of that id (its idle clock restarted), or null.
     */
    public synchronized Session find(final String id, final long nowMs)
    {
        expire(nowMs);
        if (null == id)
        {
            return null;
        }
        final Session session = sessions.get(id);
        if (null != session)
        {
            session.lastSeenMs = nowMs;
        }
        return session;
    }

    /**
     * Drops a session and the token it holds.
     *
     * @param id its id.
     */
    public synchronized void remove(final String id)
    {
        if (null != id)
        {
            sessions.remove(id);
        }
    }

    /**
     * @return sessions held.
     */
    public synchronized int size()
    {
        return sessions.size();
    }

    private void expire(final long nowMs)
    {
        for (final Iterator<Map.Entry<String, Session>> it = sessions.entrySet().iterator(); it.hasNext();)
        {
            if (nowMs - it.next().getValue().lastSeenMs > idleMs)
            {
                it.remove();
            }
        }
    }

    private String randomId()
    {
        final byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * @param session a session.
     * @return the Set-Cookie header value naming it: HttpOnly (no script reads it), SameSite=Strict (no other site's
     *         page sends it), a session cookie (no Max-Age: gone when the browser closes).
     */
    public static String cookieHeader(final Session session)
    {
        return COOKIE + "=" + session.id + "; Path=/; HttpOnly; SameSite=Strict";
    }

    /**
     * @return the Set-Cookie header value that deletes the cookie.
     */
    public static String clearedCookieHeader()
    {
        return COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
    }
}
