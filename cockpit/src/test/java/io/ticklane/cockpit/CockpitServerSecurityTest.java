package io.ticklane.cockpit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cockpit's HTTP edge with no daemon behind it: which requests reach a control, and what every other one gets.
 * Requests are written by hand ({@link RawHttp}) so they can carry what an attacker's page or a rebound DNS name
 * would send.
 */
class CockpitServerSecurityTest
{
    private static final Pattern CSRF = Pattern.compile("\"csrf\":\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile(OperatorSessions.COOKIE + "=([^;]+);");

    @TempDir
    Path tmp;

    private CockpitServer server;
    private int port;
    private String origin;

    @BeforeEach
    void start() throws IOException
    {
        final Path reports = Files.createDirectories(tmp.resolve("reports/one"));
        Files.writeString(reports.resolve("report.json"), "{\"format\":\"ticklane-backtest-report/2\"}");
        server = CockpitServer.start(new CockpitContext().port(0).aeronDir(tmp.resolve("no-driver").toString())
            .reports(tmp.resolve("reports")).badTokenLimit(2, 60_000));
        port = server.port();
        origin = "http://127.0.0.1:" + port;
    }

    @AfterEach
    void stop()
    {
        server.close();
    }

    private String[] session() throws IOException
    {
        final RawHttp.Response response = RawHttp.send(port, "GET", "/api/session", Map.of(), null);
        assertEquals(200, response.status(), response.body());
        final String setCookie = response.header("Set-Cookie");
        assertNotNull(setCookie, response.headers().toString());
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);
        final Matcher cookie = COOKIE.matcher(setCookie);
        final Matcher csrf = CSRF.matcher(response.body());
        assertTrue(cookie.find() && csrf.find(), setCookie + " " + response.body());
        return new String[]{cookie.group(1), csrf.group(1)};
    }

    private RawHttp.Response post(final String path, final String cookie, final String csrf, final String originHeader,
        final String body) throws IOException
    {
        final Map<String, String> headers = new HashMap<>();
        headers.put("Cookie", null == cookie ? null : OperatorSessions.COOKIE + "=" + cookie);
        headers.put(CockpitServer.CSRF_HEADER, csrf);
        headers.put("Origin", originHeader);
        return RawHttp.send(port, "POST", path, headers, null == body ? "" : body);
    }

    @Test
    void controlWithoutTheOperatorTokenIsRefusedEvenWhenEverythingElseIsRight() throws IOException
    {
        final String[] s = session();

        final RawHttp.Response stop = post("/api/control/stop", s[0], s[1], origin, null);

        assertEquals(401, stop.status(), stop.body());
        assertTrue(stop.body().contains("enter the operator token first"), stop.body());
    }

    @Test
    void forgedRequestsAreRefusedAndCountedByReason() throws IOException
    {
        final String[] s = session();

        assertEquals(403, post("/api/control/stop", s[0], s[1], null, null).status(), "no Origin");
        assertEquals(403, post("/api/control/stop", s[0], s[1], "http://evil.example", null).status(), "cross-origin");
        assertEquals(403, post("/api/control/stop", null, s[1], origin, null).status(), "no session cookie");
        assertEquals(403, post("/api/control/stop", s[0], null, origin, null).status(), "no anti-forgery header");
        assertEquals(403, post("/api/control/stop", s[0], s[1] + "x", origin, null).status(), "wrong anti-forgery token");
        assertEquals(403, post("/api/token", s[0], null, origin, "token=0123456789abcdef0123").status(),
            "the token form is guarded too");
        final RawHttp.Response rebound = RawHttp.send(port, "GET", "/api/live", Map.of("Host", "evil.example:" + port), null);
        assertEquals(421, rebound.status(), "a page reached through a rebound DNS name reads nothing");

        final String metrics = RawHttp.send(port, "GET", "/metrics", Map.of(), null).body();
        for (final String line : new String[]{
            "ticklane_cockpit_requests_refused_total{reason=\"no_origin\"} 1.0",
            "ticklane_cockpit_requests_refused_total{reason=\"cross_origin\"} 1.0",
            "ticklane_cockpit_requests_refused_total{reason=\"no_session\"} 1.0",
            "ticklane_cockpit_requests_refused_total{reason=\"bad_csrf_token\"} 3.0",
            "ticklane_cockpit_requests_refused_total{reason=\"bad_host\"} 1.0"})
        {
            assertTrue(metrics.contains(line), line + "\n" + metrics);
        }
    }

    @Test
    void malformedTokensAreRefusedByTheOperatorTokenRulesAndRateLimited() throws IOException
    {
        final String[] s = session();

        final RawHttp.Response shortToken = post("/api/token", s[0], s[1], origin, "token=tooshort");
        final RawHttp.Response spaces = post("/api/token", s[0], s[1], origin, "token=has+spaces+in+it+0123456789");
        final RawHttp.Response third = post("/api/token", s[0], s[1], origin, "token=0123456789abcdef0123");

        assertEquals(400, shortToken.status());
        assertTrue(shortToken.body().contains("16 to 32"), shortToken.body());
        assertEquals(400, spaces.status());
        assertTrue(spaces.body().contains("not printable"), spaces.body());
        assertEquals(429, third.status(), "two bad attempts a minute allowed here, whatever the token");
        assertNotNull(third.header("Retry-After"));
        assertTrue(RawHttp.send(port, "GET", "/metrics", Map.of(), null).body()
            .contains("ticklane_cockpit_bad_token_attempts_total 2.0"));
    }

    @Test
    void wellFormedTokenIsHeldByTheSessionUntilLogout() throws IOException
    {
        final String[] s = session();

        final RawHttp.Response token = post("/api/token", s[0], s[1], origin, "token=0123456789abcdef0123");
        final RawHttp.Response state = RawHttp.send(port, "GET", "/api/session",
            Map.of("Cookie", OperatorSessions.COOKIE + "=" + s[0]), null);
        final RawHttp.Response stop = post("/api/control/stop", s[0], s[1], origin, null);
        final RawHttp.Response logout = post("/api/logout", s[0], s[1], origin, null);
        final RawHttp.Response after = post("/api/control/stop", s[0], s[1], origin, null);

        assertEquals(200, token.status(), token.body());
        assertTrue(state.body().contains("\"authenticated\":\"true\""), state.body());
        assertEquals(409, stop.status(), "no daemon here: sent nowhere, not applied");
        assertTrue(stop.body().contains("\"outcome\":\"NO_DAEMON\"") && stop.body().contains("\"applied\":false"), stop.body());
        assertEquals(200, logout.status());
        assertTrue(logout.header("Set-Cookie").contains("Max-Age=0"));
        assertEquals(403, after.status(), "the session and its token are gone");
    }

    @Test
    void unknownControlIsBadInput() throws IOException
    {
        final String[] s = session();

        final RawHttp.Response response = post("/api/control/liquidate", s[0], s[1], origin, null);

        assertEquals(400, response.status());
        assertTrue(response.body().contains("unknown admin command 'liquidate'"), response.body());
    }

    @Test
    void pagesCarryAContentSecurityPolicyAndServeTheChartLibraryFromTheJar() throws IOException
    {
        final RawHttp.Response live = RawHttp.send(port, "GET", "/", Map.of(), null);
        final RawHttp.Response uplot = RawHttp.send(port, "GET", "/webjars/uplot/1.6.30/dist/uPlot.iife.min.js", Map.of(), null);

        assertEquals(200, live.status());
        assertTrue(live.header("Content-Security-Policy").contains("script-src 'self'"));
        assertTrue(live.body().contains("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js") && !live.body().contains("https://"),
            "no CDN");
        assertEquals(200, uplot.status());
        assertTrue(uplot.body().contains("uPlot"), "the WebJar's script");
    }

    @Test
    void explorerServesOnlyTheFilesOfAnEntryItFoundNamedById() throws IOException
    {
        final String list = RawHttp.send(port, "GET", "/api/explorer/list", Map.of(), null).body();
        final Matcher id = Pattern.compile("\"id\":\"([0-9a-f]+)\",\"kind\":\"report\"").matcher(list);
        assertTrue(id.find(), list);

        final RawHttp.Response report = RawHttp.send(port, "GET", "/api/explorer/file?id=" + id.group(1) + "&name=report.json",
            Map.of(), null);
        final RawHttp.Response traversal = RawHttp.send(port, "GET", "/api/explorer/file?id=" + id.group(1) +
            "&name=../../../../etc/passwd", Map.of(), null);
        final RawHttp.Response unknown = RawHttp.send(port, "GET", "/api/explorer/file?id=0000&name=report.json", Map.of(), null);

        assertEquals(200, report.status());
        assertTrue(report.body().contains("ticklane-backtest-report/2"));
        assertEquals(400, traversal.status(), traversal.body());
        assertEquals(400, unknown.status(), unknown.body());
    }
}
