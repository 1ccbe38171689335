package io.ticklane.cockpit.alert;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The cockpit's alert rules and webhook settings, layered as the daemon's settings are: built-in defaults, then a
 * properties file, then {@code key=value} overrides, each {@code alert.*} key validated at start with an error
 * naming it. Keys outside {@code alert.} are ignored so the daemon's own configuration file can carry the rules; an
 * unknown {@code alert.} key is an error (a misspelt threshold must not silently mean "off").
 */
public final class AlertRules
{
    /** Prefix of every alert key. */
    public static final String PREFIX = "alert.";

    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static
    {
        DEFAULTS.put("alert.on_halted", "true");
        DEFAULTS.put("alert.on_reduce_only", "true");
        DEFAULTS.put("alert.on_daemon_gone", "true");
        DEFAULTS.put("alert.drawdown", "0");
        DEFAULTS.put("alert.venue_silent_ms", "0");
        DEFAULTS.put("alert.book_stale_ms", "0");
        DEFAULTS.put("alert.reject_rate_per_s", "0");
        DEFAULTS.put("alert.reject_window_ms", "10000");
        DEFAULTS.put("alert.min_interval_ms", "60000");
        DEFAULTS.put("alert.poll_ms", "500");
        DEFAULTS.put("alert.webhook.url", "");
        DEFAULTS.put("alert.webhook.timeout_ms", "2000");
        DEFAULTS.put("alert.webhook.retries", "5");
        DEFAULTS.put("alert.webhook.backoff_ms", "500");
        DEFAULTS.put("alert.webhook.backoff_max_ms", "30000");
        DEFAULTS.put("alert.webhook.queue", "256");
    }

    private final boolean onHalted;
    private final boolean onReduceOnly;
    private final boolean onDaemonGone;
    private final long drawdown;
    private final long venueSilentMs;
    private final long bookStaleMs;
    private final double rejectRatePerSecond;
    private final long rejectWindowMs;
    private final long minIntervalMs;
    private final long pollMs;
    private final URI webhook;
    private final long webhookTimeoutMs;
    private final int webhookRetries;
    private final long backoffMs;
    private final long backoffMaxMs;
    private final int queueCapacity;

    private AlertRules(final Map<String, String> values)
    {
        onHalted = bool(values, "alert.on_halted");
        onReduceOnly = bool(values, "alert.on_reduce_only");
        onDaemonGone = bool(values, "alert.on_daemon_gone");
        drawdown = nonNegative(values, "alert.drawdown");
        venueSilentMs = nonNegative(values, "alert.venue_silent_ms");
        bookStaleMs = nonNegative(values, "alert.book_stale_ms");
        rejectRatePerSecond = rate(values, "alert.reject_rate_per_s");
        rejectWindowMs = positive(values, "alert.reject_window_ms");
        minIntervalMs = nonNegative(values, "alert.min_interval_ms");
        pollMs = positive(values, "alert.poll_ms");
        webhook = url(values, "alert.webhook.url");
        webhookTimeoutMs = positive(values, "alert.webhook.timeout_ms");
        webhookRetries = (int)Math.min(nonNegative(values, "alert.webhook.retries"), 100);
        backoffMs = positive(values, "alert.webhook.backoff_ms");
        backoffMaxMs = positive(values, "alert.webhook.backoff_max_ms");
        if (backoffMaxMs < backoffMs)
        {
            throw error("alert.webhook.backoff_max_ms", values, "must be >= alert.webhook.backoff_ms");
        }
        final long queue = positive(values, "alert.webhook.queue");
        if (queue > 65_536)
        {
            throw error("alert.webhook.queue", values, "must be at most 65536");
        }
        queueCapacity = (int)queue;
    }

    /**
     * @return the defaults alone: halted, reduce-only and daemon-gone alerts to the log, thresholds off, no webhook.
     */
    public static AlertRules defaults()
    {
        return new AlertRules(DEFAULTS);
    }

    /**
     * @param file      properties file (its {@code alert.*} keys), or null for none.
     * @param overrides {@code alert.key=value} settings that replace the file's.
     * @return the validated rules.
     * @throws IOException              if the file cannot be read.
     * @throws IllegalArgumentException naming the first bad or unknown key and where it came from.
     */
    public static AlertRules load(final Path file, final List<String> overrides) throws IOException
    {
        final Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        if (null != file)
        {
            final Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
            {
                properties.load(reader);
            }
            for (final String key : properties.stringPropertyNames())
            {
                if (key.startsWith(PREFIX))
                {
                    put(values, key, properties.getProperty(key).trim(), file.toString());
                }
            }
        }
        for (final String override : overrides)
        {
            final int equals = override.indexOf('=');
            if (equals <= 0)
            {
                throw new IllegalArgumentException("--set " + override + ": expected alert.key=value");
            }
            final String key = override.substring(0, equals).trim();
            if (!key.startsWith(PREFIX))
            {
                throw new IllegalArgumentException("--set " + override + ": the cockpit takes alert.* keys only");
            }
            put(values, key, override.substring(equals + 1).trim(), "--set");
        }
        return new AlertRules(values);
    }

    private static void put(final Map<String, String> values, final String key, final String value, final String source)
    {
        if (!DEFAULTS.containsKey(key))
        {
            throw new IllegalArgumentException(key + " (" + source + "): unknown alert setting; known: " + DEFAULTS.keySet());
        }
        values.put(key, value);
    }

    /**
     * @param condition a condition.
     * @return whether it is evaluated at all (a switch on, or a threshold above 0).
     */
    public boolean enabled(final AlertCondition condition)
    {
        return switch (condition)
        {
            case HALTED -> onHalted;
            case REDUCE_ONLY -> onReduceOnly;
            case DAEMON_GONE -> onDaemonGone;
            case DRAWDOWN -> drawdown > 0;
            case VENUE_SILENT -> venueSilentMs > 0;
            case BOOK_STALE -> bookStaleMs > 0;
            case REJECT_RATE -> rejectRatePerSecond > 0;
        };
    }

    /**
     * @return drawdown threshold, ticks x lots below the session's PnL peak (0 off).
     */
    public long drawdown()
    {
        return drawdown;
    }

    /**
     * @return how long the venue heartbeat count may stand still, ms (0 off).
     */
    public long venueSilentMs()
    {
        return venueSilentMs;
    }

    /**
     * @return how long the market data frame count may stand still, ms (0 off).
     */
    public long bookStaleMs()
    {
        return bookStaleMs;
    }

    /**
     * @return rejects per second above which the reject-rate alert fires (0 off).
     */
    public double rejectRatePerSecond()
    {
        return rejectRatePerSecond;
    }

    /**
     * @return the window the reject rate is measured over, ms.
     */
    public long rejectWindowMs()
    {
        return rejectWindowMs;
    }

    /**
     * @return the least time between two notifications of one condition, ms: a condition that fires again sooner is
     *         held back, and so is the resolution of an alert that was held back.
     */
    public long minIntervalMs()
    {
        return minIntervalMs;
    }

    /**
     * @return how often the counters are read, ms.
     */
    public long pollMs()
    {
        return pollMs;
    }

    /**
     * @return the webhook alerts are POSTed to, or null for the log only.
     */
    public URI webhook()
    {
        return webhook;
    }

    /**
     * @return the timeout of one webhook request, ms.
     */
    public long webhookTimeoutMs()
    {
        return webhookTimeoutMs;
    }

    /**
     * @return attempts after the first before an alert is given up.
     */
    public int webhookRetries()
    {
        return webhookRetries;
    }

    /**
     * @return the first retry's delay, ms; each later one doubles, up to {@link #backoffMaxMs()}.
     */
    public long backoffMs()
    {
        return backoffMs;
    }

    /**
     * @return the longest delay between two attempts, ms.
     */
    public long backoffMaxMs()
    {
        return backoffMaxMs;
    }

    /**
     * @return alerts waiting for the webhook at most; more are dropped and counted.
     */
    public int queueCapacity()
    {
        return queueCapacity;
    }

    private static boolean bool(final Map<String, String> values, final String key)
    {
        final String value = values.get(key).toLowerCase(Locale.ROOT);
        if ("true".equals(value))
        {
            return true;
        }
        if ("false".equals(value))
        {
            return false;
        }
        throw error(key, values, "must be true or false");
    }

    private static long nonNegative(final Map<String, String> values, final String key)
    {
        final long value = number(values, key);
        if (value < 0)
        {
            throw error(key, values, "must be >= 0 (0: off)");
        }
        return value;
    }

    private static long positive(final Map<String, String> values, final String key)
    {
        final long value = number(values, key);
        if (value <= 0)
        {
            throw error(key, values, "must be > 0");
        }
        return value;
    }

    private static long number(final Map<String, String> values, final String key)
    {
        try
        {
            return Long.parseLong(values.get(key));
        }
        catch (final NumberFormatException ex)
        {
            throw error(key, values, "must be a whole number");
        }
    }

    private static double rate(final Map<String, String> values, final String key)
    {
        final double value;
        try
        {
            value = Double.parseDouble(values.get(key));
        }
        catch (final NumberFormatException ex)
        {
            throw error(key, values, "must be a number");
        }
        if (!(value >= 0) || Double.isInfinite(value))
        {
            throw error(key, values, "must be a finite number >= 0 (0: off)");
        }
        return value;
    }

    private static URI url(final Map<String, String> values, final String key)
    {
        final String text = values.get(key);
        if (text.isEmpty())
        {
            return null;
        }
        final URI uri;
        try
        {
            uri = new URI(text);
        }
        catch (final java.net.URISyntaxException ex)
        {
            throw error(key, values, "is not a URL: " + ex.getReason() + " at index " + ex.getIndex());
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || null == uri.getHost())
        {
            throw error(key, values, "must be an http:// or https:// URL with a host");
        }
        return uri;
    }

    private static IllegalArgumentException error(final String key, final Map<String, String> values, final String problem)
    {
        // a chat tool's webhook URL carries its secret in the path: never echo it
        final String shown = "alert.webhook.url".equals(key) ? "(redacted)" : values.get(key);
        return new IllegalArgumentException(key + "=" + shown + ": " + problem);
    }
}
