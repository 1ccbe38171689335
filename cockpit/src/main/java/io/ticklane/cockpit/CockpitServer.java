package io.ticklane.cockpit;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.staticfiles.Location;
import io.ticklane.runtime.daemon.OperatorClient;
import io.ticklane.runtime.daemon.OperatorToken;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The cockpit's web server (Javalin on Jetty, see docs/cockpit.md for why): the live page and its event stream, the
 * authenticated controls, {@code /metrics} and the backtest explorer, over one {@link DaemonWatch}. Every request
 * must name a host this server answers to; every state-changing one must come from its own origin, with the
 * session's anti-forgery token in the {@value #CSRF_HEADER} header; the controls need the operator token, entered
 * once per session and kept only in that session's memory.
 */
public final class CockpitServer implements AutoCloseable
{
    /** Header carrying the session's anti-forgery token on state-changing requests. */
    public static final String CSRF_HEADER = "X-Ticklane-CSRF";
    private static final String WEB = "/io/ticklane/cockpit/web/";
    private static final String JSON = "application/json; charset=utf-8";
    private static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;" +
        " connect-src 'self'; frame-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private final CockpitContext context;
    private final DaemonWatch watch;
    private final AdminControl control;
    private final OperatorSessions sessions;
    private final BadTokenLimiter limiter;
    private final CockpitMetrics metrics;
    private final ExplorerIndex explorer;
    private final ExecutorService events = Executors.newSingleThreadExecutor((r) ->
    {
        final Thread thread = new Thread(r, "cockpit-events");
        thread.setDaemon(true);
        return thread;
    });
    private final Javalin app;
    private volatile RequestGuard guard; // known once listening: the port may be any free one

    private CockpitServer(final CockpitContext context)
    {
        this.context = context;
        this.watch = new DaemonWatch(context.aeronDir(), context.runs(), context.sampleIntervalMs());
        this.control = new AdminControl(context.aeronDir(), context.adminStreamId(), context.commandTimeoutMs());
        this.sessions = new OperatorSessions(context.sessionIdleMs(), context.maxSessions());
        this.limiter = new BadTokenLimiter(context.badTokenLimit(), context.badTokenWindowMs());
        this.metrics = new CockpitMetrics(limiter::total);
        this.explorer = new ExplorerIndex(context.reports(), context.runs());
        this.app = Javalin.create((config) ->
        {
            config.startup.showJavalinBanner = false;
            config.staticFiles.enableWebjars();
            config.staticFiles.add((files) ->
            {
                files.hostedPath = "/static";
                files.directory = WEB + "static";
                files.location = Location.CLASSPATH;
            });
            config.routes.before(this::checkHost);
            config.routes.get("/", (ctx) -> page(ctx, "live.html"));
            config.routes.get("/explorer", (ctx) -> page(ctx, "explorer.html"));
            config.routes.get("/metrics", (ctx) -> ctx.contentType(metrics.contentType())
                .result(metrics.exposition(watch.latest())));
            config.routes.get("/api/live", (ctx) -> ctx.contentType(JSON).result(LiveJson.sample(watch.latest())));
            config.routes.get("/api/history", (ctx) -> ctx.contentType(JSON).result(LiveJson.history(watch.history())));
            config.routes.sse("/api/events", this::stream);
            config.routes.get("/api/session", this::session);
            config.routes.post("/api/token", this::token);
            config.routes.post("/api/logout", this::logout);
            config.routes.post("/api/control/{name}", this::control);
            config.routes.get("/api/explorer/list", this::explorerList);
            config.routes.get("/api/explorer/file", this::explorerFile);
            config.routes.exception(IllegalArgumentException.class, (ex, ctx) ->
                ctx.status(400).contentType(JSON).result(LiveJson.object("error", ex.getMessage())));
        });
    }

    /**
     * Starts watching the daemon and listening.
     *
     * @param context settings; concluded here.
     * @return the running server.
     */
    public static CockpitServer start(final CockpitContext context)
    {
        final CockpitServer server = new CockpitServer(context.conclude());
        try
        {
            server.app.start(context.bind(), context.port());
        }
        catch (final RuntimeException ex)
        {
            server.close();
            throw new IllegalArgumentException("cannot listen on " + context.bind() + ":" + context.port() + ": " +
                (null == ex.getCause() ? ex.getMessage() : ex.getCause().getMessage()), ex);
        }
        server.guard = new RequestGuard(context.bind(), server.app.port());
        server.watch.start();
        return server;
    }

    /**
     * @return the port listened on.
     */
    public int port()
    {
        return app.port();
    }

    /**
     * @return the live page's URL.
     */
    public String url()
    {
        final String host = context.bind().contains(":") ? "[" + context.bind() + "]" : context.bind();
        return "http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : host) + ":" + port() + "/";
    }

    /**
     * @return the explorer's index (what it found under --reports and --runs).
     */
    public ExplorerIndex explorer()
    {
        return explorer;
    }

    private void checkHost(final Context ctx)
    {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
        if (null == guard)
        {
            ctx.status(503).contentType(JSON).result(LiveJson.object("error", "starting")).skipRemainingHandlers();
        }
        else if (!guard.hostAllowed(ctx.header("Host")))
        {
            metrics.refused(RequestGuard.Refusal.BAD_HOST);
            ctx.status(421).contentType(JSON).result(LiveJson.object("error", "this server does not answer to host " +
                ctx.header("Host"))).skipRemainingHandlers();
        }
    }

    private static void page(final Context ctx, final String name) throws IOException
    {
        try (InputStream in = CockpitServer.class.getResourceAsStream(WEB + name))
        {
            if (null == in)
            {
                throw new IllegalStateException("the cockpit jar lacks " + WEB + name);
            }
            ctx.header("Content-Security-Policy", PAGE_POLICY).header("X-Frame-Options", "DENY")
                .contentType("text/html; charset=utf-8").result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private void stream(final SseClient client)
    {
        client.keepAlive();
        final Consumer<LiveSample> listener = new Consumer<>()
        {
            public void accept(final LiveSample sample)
            {
                final String json = LiveJson.sample(sample);
                events.execute(() ->
                {
                    if (client.terminated())
                    {
                        watch.removeListener(this);
                        return;
                    }
                    try
                    {
                        client.sendEvent("sample", json);
                    }
                    catch (final RuntimeException ex)
                    {
                        watch.removeListener(this); // the browser went away
                    }
                });
            }
        };
        client.onClose(() -> watch.removeListener(listener));
        client.sendEvent("sample", LiveJson.sample(watch.latest()));
        watch.addListener(listener);
    }

    private OperatorSessions.Session currentSession(final Context ctx)
    {
        return sessions.find(ctx.cookie(OperatorSessions.COOKIE), System.currentTimeMillis());
    }

    private void session(final Context ctx)
    {
        OperatorSessions.Session session = currentSession(ctx);
        if (null == session)
        {
            session = sessions.create(System.currentTimeMillis());
            ctx.header("Set-Cookie", OperatorSessions.cookieHeader(session));
        }
        ctx.contentType(JSON).result(LiveJson.object("csrf", session.csrfToken(),
            "authenticated", Boolean.toString(null != session.token())));
    }

    /**
     * The checks every state-changing request passes: same origin, a live session, its anti-forgery token.
     *
     * @return the session, or null after answering 403.
     */
    private OperatorSessions.Session authorise(final Context ctx)
    {
        RequestGuard.Refusal refusal = guard.checkOrigin(ctx.header("Host"), ctx.header("Origin"));
        final OperatorSessions.Session session = RequestGuard.Refusal.NONE == refusal ? currentSession(ctx) : null;
        if (RequestGuard.Refusal.NONE == refusal && null == session)
        {
            refusal = RequestGuard.Refusal.NO_SESSION;
        }
        if (RequestGuard.Refusal.NONE == refusal && !session.csrfMatches(ctx.header(CSRF_HEADER)))
        {
            refusal = RequestGuard.Refusal.BAD_CSRF_TOKEN;
        }
        if (RequestGuard.Refusal.NONE != refusal)
        {
            metrics.refused(refusal);
            ctx.status(403).contentType(JSON).result(LiveJson.object("error", "refused: " + describe(refusal)));
            return null;
        }
        return session;
    }

    private static String describe(final RequestGuard.Refusal refusal)
    {
        switch (refusal)
        {
            case BAD_HOST:
                return "this server does not answer to that host name";
            case NO_ORIGIN:
                return "no Origin header (only the cockpit's own pages may act)";
            case CROSS_ORIGIN:
                return "the request comes from another site";
            case NO_SESSION:
                return "no session (reload the page)";
            case BAD_CSRF_TOKEN:
                return "missing or wrong anti-forgery token (reload the page)";
            default:
                return refusal.name();
        }
    }

    private void token(final Context ctx)
    {
        final OperatorSessions.Session session = authorise(ctx);
        if (null == session)
        {
            return;
        }
        final long now = System.currentTimeMillis();
        if (!limiter.allows(now))
        {
            tooManyBadTokens(ctx, now);
            return;
        }
        final OperatorToken token;
        try
        {
            token = OperatorToken.fromText(ctx.formParam("token"), "the cockpit session");
        }
        catch (final IllegalArgumentException ex)
        {
            limiter.recordBad(now);
            ctx.status(400).contentType(JSON).result(LiveJson.object("error", ex.getMessage()));
            return;
        }
        session.token(token);
        ctx.contentType(JSON).result(LiveJson.object("authenticated", "true",
            "note", "kept in this session's memory only; the daemon checks it with the first control"));
    }

    private void tooManyBadTokens(final Context ctx, final long now)
    {
        final long retryMs = limiter.retryAfterMs(now);
        ctx.status(429).header("Retry-After", Long.toString((retryMs + 999) / 1000)).contentType(JSON)
            .result(LiveJson.object("error", "too many bad operator tokens lately: try again in " +
                ((retryMs + 999) / 1000) + " s"));
    }

    private void logout(final Context ctx)
    {
        final OperatorSessions.Session session = authorise(ctx);
        if (null == session)
        {
            return;
        }
        sessions.remove(session.id());
        ctx.header("Set-Cookie", OperatorSessions.clearedCookieHeader()).contentType(JSON)
            .result(LiveJson.object("authenticated", "false"));
    }

    private void control(final Context ctx) throws InterruptedException
    {
        final String name = ctx.pathParam("name");
        OperatorClient.commandNamed(name); // 400 for an unknown control before anything else
        final OperatorSessions.Session session = authorise(ctx);
        if (null == session)
        {
            return;
        }
        final OperatorToken token = session.token();
        if (null == token)
        {
            ctx.status(401).contentType(JSON).result(LiveJson.object("error",
                "refused: enter the operator token first (once per browser session)"));
            return;
        }
        final long now = System.currentTimeMillis();
        if (!limiter.allows(now))
        {
            tooManyBadTokens(ctx, now);
            return;
        }
        final AdminControl.Result result = control.send(name, token);
        if (OperatorClient.Outcome.REJECTED.name().equals(result.outcome()))
        {
            limiter.recordBad(now);
            session.token(null); // the daemon says it is wrong: the operator enters it again
        }
        ctx.status(result.applied() ? 200 : 409).contentType(JSON).result(LiveJson.result(result));
    }

    private void explorerList(final Context ctx)
    {
        final List<ExplorerIndex.Entry> entries = explorer.scan();
        ctx.contentType(JSON).result(LiveJson.write((gen) ->
        {
            gen.writeArrayFieldStart("roots");
            for (final var root : explorer.roots())
            {
                gen.writeString(root.toString());
            }
            gen.writeEndArray();
            gen.writeArrayFieldStart("entries");
            for (final ExplorerIndex.Entry e : entries)
            {
                gen.writeStartObject();
                gen.writeStringField("id", e.id());
                gen.writeStringField("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
                gen.writeStringField("root", e.root().toString());
                gen.writeStringField("path", e.path());
                gen.writeNumberField("modified_ms", e.modifiedMs());
                gen.writeArrayFieldStart("files");
                for (final String file : e.kind().files())
                {
                    if (java.nio.file.Files.isRegularFile(e.dir().resolve(file)))
                    {
                        gen.writeString(file);
                    }
                }
                gen.writeEndArray();
                gen.writeEndObject();
            }
            gen.writeEndArray();
        }));
    }

    private void explorerFile(final Context ctx) throws IOException
    {
        final String id = ctx.queryParam("id");
        final String name = ctx.queryParam("name");
        final ExplorerIndex.Entry entry = null == id ? null : explorer.find(id);
        if (null == entry || null == name)
        {
            throw new IllegalArgumentException("no such explorer entry: " + id);
        }
        final String text = explorer.read(entry, name);
        if (name.endsWith(".html"))
        {
            // a report's own page, shown as a document: no script of it runs, nothing it links is fetched elsewhere
            ctx.header("Content-Security-Policy", "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'")
                .contentType("text/html; charset=utf-8");
        }
        else
        {
            ctx.contentType(name.endsWith(".json") ? JSON : "text/plain; charset=utf-8");
        }
        ctx.result(text);
    }

    public void close()
    {
        app.stop();
        watch.close();
        events.shutdownNow();
    }
}
