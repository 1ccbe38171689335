package io.ticklane.cockpit;

import java.util.Locale;
import java.util.Set;

/**
 * The same-origin half of the cockpit's CSRF defence, and its DNS-rebinding check: a request's {@code Host} must be
 * one the server answers to (loopback names when bound to loopback), and a state-changing request must carry an
 * {@code Origin} equal to {@code http://<Host>}: another site's page cannot forge that header. The other half, the
 * per-session anti-forgery token in a header, is {@link OperatorSessions.Session#csrfMatches}.
 */
public final class RequestGuard
{
    /** Why a request was refused, as counted in {@code /metrics}. */
    public enum Refusal
    {
        /** Passed. */
        NONE,
        /** The Host header names no address this server answers to (DNS rebinding). */
        BAD_HOST,
        /** A state-changing request without an Origin header. */
        NO_ORIGIN,
        /** A state-changing request from another origin. */
        CROSS_ORIGIN,
        /** No live session cookie. */
        NO_SESSION,
        /** The anti-forgery header is missing or not the session's. */
        BAD_CSRF_TOKEN
    }

    private final Set<String> allowedHosts;

    /**
     * @param bind the address the server listens on.
     * @param port the port it listens on.
     */
    public RequestGuard(final String bind, final int port)
    {
        final String b = bind.toLowerCase(Locale.ROOT);
        if (isLoopback(b))
        {
            allowedHosts = Set.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port);
        }
        else if ("0.0.0.0".equals(b) || "::".equals(b) || "[::]".equals(b))
        {
            allowedHosts = Set.of(); // any name the operator reaches it by; the Origin and CSRF checks still hold
        }
        else
        {
            allowedHosts = Set.of((b.contains(":") && !b.startsWith("[") ? "[" + b + "]" : b) + ":" + port);
        }
    }

    private static boolean isLoopback(final String bind)
    {
        return "127.0.0.1".equals(bind) || "localhost".equals(bind) || "::1".equals(bind) || "[::1]".equals(bind);
    }

    /**
     * @param host the request's Host header, or null.
     * @return true if this server answers to it.
     */
    public boolean hostAllowed(final String host)
    {
        return null != host && (allowedHosts.isEmpty() || allowedHosts.contains(host.toLowerCase(Locale.ROOT)));
    }

    /**
     * @param host   the request's Host header.
     * @param origin the request's Origin header.
     * @return why a state-changing request with these headers is refused, or {@link Refusal#NONE}.
     */
    public Refusal checkOrigin(final String host, final String origin)
    {
        if (!hostAllowed(host))
        {
            return Refusal.BAD_HOST;
        }
        if (null == origin || origin.isEmpty() || "null".equals(origin))
        {
            return Refusal.NO_ORIGIN;
        }
        return origin.equalsIgnoreCase("http://" + host) ? Refusal.NONE : Refusal.CROSS_ORIGIN;
    }
}
