package io.ticklane.runtime.daemon;

import io.ticklane.gateway.transport.TransportContext;
import io.ticklane.marketmaking.config.PropertiesFile;
import io.ticklane.marketmaking.config.StrategyConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The daemon's settings as text, layered: built-in defaults, then a properties file, then {@code key=value}
 * overrides, each key remembering which layer set it; and the typed reads of them whose errors name the key, the
 * value and that layer. {@code daemon.*}, {@code transport.*}, {@code gateway.*} and {@code fix.*} keys must be known
 * here; every other key must be a strategy key and is set aside for {@link StrategyConfig}. What the settings mean is
 * {@link DaemonConfig}'s concern.
 */
final class DaemonSettings
{
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();
    private static final String RETIRED_TOKEN_KEY = "risk.admin_token";

    static
    {
        DEFAULTS.put("daemon.run_dir", "runs");
        DEFAULTS.put("daemon.state_file", "");
        DEFAULTS.put("daemon.layout", "one-thread");
        DEFAULTS.put("daemon.idle", "backoff");
        DEFAULTS.put("daemon.cores", "");
        DEFAULTS.put("daemon.core_layout", "");
        DEFAULTS.put("daemon.ring_slots", "8192");
        DEFAULTS.put("daemon.slot_bytes", "4096");
        DEFAULTS.put("daemon.outbound_reserve", "1024");
        DEFAULTS.put("daemon.timer_interval_ms", "100");
        DEFAULTS.put("daemon.heartbeat_interval_ms", "100");
        DEFAULTS.put("daemon.shutdown_timeout_ms", "3000");
        DEFAULTS.put("daemon.on_handler_error", "halt");
        DEFAULTS.put("daemon.journal_min_free_bytes", Long.toString(1L << 30));
        DEFAULTS.put("daemon.stage_latency", "false");
        DEFAULTS.put("daemon.latency_origin", "receive");
        DEFAULTS.put("daemon.instrument_symbol", "SYNTH");
        DEFAULTS.put("daemon.instrument_tick_size", "1");
        DEFAULTS.put("daemon.instrument_lot_size", "1");
        DEFAULTS.put("daemon.instrument_price_exponent", "-2");
        DEFAULTS.put("daemon.instrument_quantity_exponent", "0");
        DEFAULTS.put("daemon.admin_token_file", "");
        DEFAULTS.put("daemon.admin_bad_token_limit", "5");
        DEFAULTS.put("daemon.admin_bad_token_window_ms", "60000");
        DEFAULTS.put("daemon.admin_lockout_ms", "60000");
        DEFAULTS.put("gateway.orders", "aeron");
        DEFAULTS.put("fix.host", "127.0.0.1");
        DEFAULTS.put("fix.port", "0");
        DEFAULTS.put("fix.sender_comp_id", "");
        DEFAULTS.put("fix.target_comp_id", "");
        DEFAULTS.put("fix.username", "");
        DEFAULTS.put("fix.password_file", "");
        DEFAULTS.put("fix.heartbeat_interval_s", "10");
        DEFAULTS.put("fix.reset_on_logon", "false");
        DEFAULTS.put("fix.store_dir", "");
        DEFAULTS.put("fix.reconnect_initial_ms", "500");
        DEFAULTS.put("fix.reconnect_max_ms", "30000");
        DEFAULTS.put("fix.logon_timeout_ms", "10000");
        DEFAULTS.put("fix.active_timeout_ms", "60000");
        DEFAULTS.put("fix.report_stream", "1103");
        DEFAULTS.put("fix.symbol", "");
        DEFAULTS.put("fix.tick_size", "");
        DEFAULTS.put("fix.lot_size", "");
        DEFAULTS.put("transport.aeron_dir", TransportContext.DEFAULT_AERON_DIR);
        DEFAULTS.put("transport.embedded_driver", "true");
        DEFAULTS.put("transport.market_data_channel", TransportContext.DEFAULT_CHANNEL);
        DEFAULTS.put("transport.market_data_stream", Integer.toString(TransportContext.DEFAULT_MARKET_DATA_STREAM_ID));
        DEFAULTS.put("transport.order_channel", TransportContext.DEFAULT_CHANNEL);
        DEFAULTS.put("transport.order_stream", Integer.toString(TransportContext.DEFAULT_ORDER_STREAM_ID));
        DEFAULTS.put("transport.report_channel", TransportContext.DEFAULT_CHANNEL);
        DEFAULTS.put("transport.report_stream", Integer.toString(TransportContext.DEFAULT_REPORT_STREAM_ID));
        DEFAULTS.put("transport.admin_channel", TransportContext.DEFAULT_CHANNEL);
        DEFAULTS.put("transport.admin_stream", Integer.toString(TransportContext.DEFAULT_ADMIN_STREAM_ID));
        DEFAULTS.put("transport.offer_timeout_ms",
            Long.toString(TimeUnit.NANOSECONDS.toMillis(TransportContext.DEFAULT_OFFER_TIMEOUT_NS)));
    }

    private final Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
    private final Map<String, String> origins = new TreeMap<>();
    private final Map<String, String> strategy = new TreeMap<>();

    DaemonSettings()
    {
        DEFAULTS.keySet().forEach((key) -> origins.put(key, "default"));
    }

    /**
     * Layers a properties file over what is set.
     *
     * @param file the file.
     * @throws IOException if it cannot be read.
     */
    void readFile(final Path file) throws IOException
    {
        final Properties properties = PropertiesFile.parse(file.toString(), Files.readAllBytes(file));
        for (final String key : properties.stringPropertyNames())
        {
            put(key, properties.getProperty(key).trim(), file.toString());
        }
    }

    /**
     * Layers one command-line override over what is set.
     *
     * @param override {@code key=value}.
     */
    void override(final String override)
    {
        final int equals = override.indexOf('=');
        if (equals <= 0)
        {
            throw new IllegalArgumentException("--set " + override + ": expected key=value");
        }
        put(override.substring(0, equals).trim(), override.substring(equals + 1).trim(), "--set");
    }

    /**
     * @return the strategy keys set, sorted by key.
     */
    Map<String, String> strategySettings()
    {
        return strategy;
    }

    /**
     * @param key a daemon or transport key.
     * @return its value as text.
     */
    String text(final String key)
    {
        return values.get(key);
    }

    /**
     * @return every daemon and transport setting with where it came from, for the start-up banner.
     */
    String describe()
    {
        final StringBuilder text = new StringBuilder();
        values.forEach((key, value) -> text.append(key).append('=').append(value)
            .append("  # ").append(origins.get(key)).append('\n'));
        return text.toString();
    }

    private void put(final String key, final String value, final String origin)
    {
        if (key.startsWith("daemon.") || key.startsWith("transport.") || key.startsWith("gateway.") || key.startsWith("fix."))
        {
            if (!DEFAULTS.containsKey(key))
            {
                throw new IllegalArgumentException(origin + ": unknown key " + key + "; daemon keys: " + DEFAULTS.keySet());
            }
            values.put(key, value);
        }
        else if (RETIRED_TOKEN_KEY.equals(key))
        {
            // never echo the value: it is the secret
            throw new IllegalArgumentException(origin + ": " + key + " is no longer a setting (settings are copied into" +
                " every run directory): name the token's file with daemon.admin_token_file, or set " +
                OperatorToken.ENVIRONMENT_VARIABLE);
        }
        else if (StrategyConfig.isKey(key))
        {
            strategy.put(key, value);
        }
        else
        {
            throw new IllegalArgumentException(origin + ": unknown key " + key +
                " (neither a daemon.*/transport.*/gateway.*/fix.* key nor a strategy key)");
        }
        origins.put(key, origin);
    }

    boolean bool(final String key)
    {
        final String value = values.get(key);
        if (!"true".equals(value) && !"false".equals(value))
        {
            throw error(key, "must be true or false");
        }
        return "true".equals(value);
    }

    void exponent(final String key)
    {
        final long value = longValue(key);
        if (value < Byte.MIN_VALUE || value > Byte.MAX_VALUE)
        {
            throw error(key, "must be in [-128, 127]");
        }
    }

    void positive(final String key)
    {
        if (longValue(key) <= 0)
        {
            throw error(key, "must be > 0");
        }
    }

    int intValue(final String key)
    {
        final long value = longValue(key);
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)
        {
            throw error(key, "out of range");
        }
        return (int)value;
    }

    long longValue(final String key)
    {
        try
        {
            return Long.parseLong(values.get(key));
        }
        catch (final NumberFormatException ex)
        {
            throw error(key, "must be a whole number");
        }
    }

    Path path(final String key)
    {
        try
        {
            return Path.of(values.get(key));
        }
        catch (final InvalidPathException ex)
        {
            throw error(key, "not a path: " + ex.getReason());
        }
    }

    IllegalArgumentException error(final String key, final String problem)
    {
        return new IllegalArgumentException(origins.get(key) + ": " + key + "=" + values.get(key) + ": " + problem);
    }
}
