package io.ticklane.runtime.daemon;

import io.ticklane.gateway.transport.TransportContext;
import io.ticklane.journal.queue.JournalInstrument;
import io.ticklane.marketmaking.config.StrategyConfig;
import io.ticklane.tuning.layout.CoreLayout;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The daemon's configuration, layered: built-in defaults, then a properties file, then {@code key=value}
 * overrides from the command line, each layer replacing what the one before said. Keys {@code daemon.*} and
 * {@code transport.*} are the daemon's own and are validated here; every other key is a strategy setting, validated
 * by {@link StrategyConfig}. Everything is checked before anything starts, and an error names the key, the value
 * and where it came from.
 * <p>
 * The strategy's effective settings are written out as one properties file ({@link #strategyProperties()}), which the
 * daemon keeps with its journal: {@code ticklane replay --config} on that file rebuilds exactly the live strategy.
 */
public final class DaemonConfig
{
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

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
        DEFAULTS.put("daemon.stage_latency", "false");
        DEFAULTS.put("daemon.latency_origin", "receive");
        DEFAULTS.put("daemon.instrument_symbol", "SYNTH");
        DEFAULTS.put("daemon.instrument_tick_size", "1");
        DEFAULTS.put("daemon.instrument_lot_size", "1");
        DEFAULTS.put("daemon.instrument_price_exponent", "-2");
        DEFAULTS.put("daemon.instrument_quantity_exponent", "0");
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

    private final Map<String, String> values;
    private final Map<String, String> origins;
    private final String strategyProperties;
    private final StrategyConfig strategy;

    private DaemonConfig(
        final Map<String, String> values,
        final Map<String, String> origins,
        final String strategyProperties,
        final StrategyConfig strategy)
    {
        this.values = values;
        this.origins = origins;
        this.strategyProperties = strategyProperties;
        this.strategy = strategy;
    }

    /**
     * @param file      properties file, or null for defaults only.
     * @param overrides {@code key=value} settings that replace the file's.
     * @param scratch   directory for the strategy's effective properties file while it is validated.
     * @return the validated configuration.
     * @throws IOException              if the file cannot be read.
     * @throws IllegalArgumentException naming the first bad setting and where it came from.
     */
    public static DaemonConfig load(final Path file, final List<String> overrides, final Path scratch) throws IOException
    {
        final Map<String, String> daemon = new LinkedHashMap<>(DEFAULTS);
        final Map<String, String> origins = new TreeMap<>();
        DEFAULTS.keySet().forEach((key) -> origins.put(key, "default"));
        final Map<String, String> strategySettings = new TreeMap<>();
        if (null != file)
        {
            final Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
            {
                properties.load(reader);
            }
            for (final String key : properties.stringPropertyNames())
            {
                put(key, properties.getProperty(key).trim(), file.toString(), daemon, strategySettings, origins);
            }
        }
        for (final String override : overrides)
        {
            final int equals = override.indexOf('=');
            if (equals <= 0)
            {
                throw new IllegalArgumentException("--set " + override + ": expected key=value");
            }
            put(override.substring(0, equals).trim(), override.substring(equals + 1).trim(), "--set", daemon,
                strategySettings, origins);
        }

        final StringBuilder text = new StringBuilder("# effective strategy settings of a ticklane daemon run\n");
        strategySettings.forEach((key, value) -> text.append(key).append('=').append(escape(value)).append('\n'));
        Files.createDirectories(scratch);
        final Path strategyFile = Files.createTempFile(scratch, "strategy", ".properties");
        final StrategyConfig strategy;
        try
        {
            Files.writeString(strategyFile, text, StandardCharsets.UTF_8);
            strategy = StrategyConfig.load(strategyFile);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(ex.getMessage().replace(strategyFile.toString(),
                "strategy settings (" + (null == file ? "defaults" : file) + " and --set)"), ex);
        }
        finally
        {
            Files.deleteIfExists(strategyFile);
        }
        final DaemonConfig config = new DaemonConfig(daemon, origins, text.toString(), strategy);
        config.validate();
        return config;
    }

    private static void put(
        final String key,
        final String value,
        final String origin,
        final Map<String, String> daemon,
        final Map<String, String> strategy,
        final Map<String, String> origins)
    {
        if (key.startsWith("daemon.") || key.startsWith("transport."))
        {
            if (!DEFAULTS.containsKey(key))
            {
                throw new IllegalArgumentException(origin + ": unknown key " + key + "; daemon keys: " + DEFAULTS.keySet());
            }
            daemon.put(key, value);
        }
        else if (StrategyConfig.isKey(key))
        {
            strategy.put(key, value);
        }
        else
        {
            throw new IllegalArgumentException(origin + ": unknown key " + key +
                " (neither a daemon.*/transport.* key nor a strategy key)");
        }
        origins.put(key, origin);
    }

    private static String escape(final String value)
    {
        return value.replace("\\", "\\\\");
    }

    private void validate()
    {
        threadLayout();
        idleStrategyName();
        cores();
        final int slots = intValue("daemon.ring_slots");
        if (slots < 2 || Integer.bitCount(slots) != 1)
        {
            throw error("daemon.ring_slots", "must be a power of two >= 2");
        }
        if (intValue("daemon.slot_bytes") < 256)
        {
            throw error("daemon.slot_bytes", "must be >= 256");
        }
        final int reserve = intValue("daemon.outbound_reserve");
        if (reserve < 1 || reserve >= slots)
        {
            throw error("daemon.outbound_reserve", "must be in [1, daemon.ring_slots)");
        }
        positive("daemon.instrument_tick_size");
        positive("daemon.instrument_lot_size");
        exponent("daemon.instrument_price_exponent");
        exponent("daemon.instrument_quantity_exponent");
        if (values.get("daemon.instrument_symbol").isBlank())
        {
            throw error("daemon.instrument_symbol", "must not be blank");
        }
        positive("daemon.timer_interval_ms");
        positive("daemon.heartbeat_interval_ms");
        positive("daemon.shutdown_timeout_ms");
        positive("transport.offer_timeout_ms");
        bool("daemon.stage_latency");
        final String origin = values.get("daemon.latency_origin");
        if (!"receive".equals(origin) && !"exchange_time".equals(origin))
        {
            throw error("daemon.latency_origin", "must be receive or exchange_time");
        }
        final String embedded = values.get("transport.embedded_driver");
        if (!"true".equals(embedded) && !"false".equals(embedded))
        {
            throw error("transport.embedded_driver", "must be true or false");
        }
        try
        {
            transportContext().conclude();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("transport settings: " + ex.getMessage(), ex);
        }
    }

    /**
     * @return the transport settings.
     */
    public TransportContext transportContext()
    {
        return new TransportContext()
            .aeronDirectoryName(values.get("transport.aeron_dir"))
            .embeddedDriver(Boolean.parseBoolean(values.get("transport.embedded_driver")))
            .marketDataChannel(values.get("transport.market_data_channel"))
            .marketDataStreamId(intValue("transport.market_data_stream"))
            .orderChannel(values.get("transport.order_channel"))
            .orderStreamId(intValue("transport.order_stream"))
            .reportChannel(values.get("transport.report_channel"))
            .reportStreamId(intValue("transport.report_stream"))
            .adminChannel(values.get("transport.admin_channel"))
            .adminStreamId(intValue("transport.admin_stream"))
            .offerTimeoutNs(TimeUnit.MILLISECONDS.toNanos(longValue("transport.offer_timeout_ms")));
    }

    /**
     * @return the strategy's validated settings.
     */
    public StrategyConfig strategy()
    {
        return strategy;
    }

    /**
     * @return the strategy's effective settings as a properties file's text (the file replay takes).
     */
    public String strategyProperties()
    {
        return strategyProperties;
    }

    /**
     * @return the Chronicle Map file of checkpoints: {@code daemon.state_file}, by default {@code state.cmap} in the
     *         run directory's parent, so every run of one daemon shares it.
     */
    public Path stateFile()
    {
        final String file = values.get("daemon.state_file");
        return file.isEmpty() ? runDir().resolve("state.cmap") : Path.of(file);
    }

    /**
     * @return parent directory of the run directories.
     */
    public Path runDir()
    {
        return Path.of(values.get("daemon.run_dir"));
    }

    /**
     * @return how the agents are laid out on threads.
     */
    public ThreadLayout threadLayout()
    {
        try
        {
            return ThreadLayout.fromName(values.get("daemon.layout"));
        }
        catch (final IllegalArgumentException ex)
        {
            throw error("daemon.layout", ex.getMessage());
        }
    }

    /**
     * @return idle strategy name: busy-spin, yielding, backoff or sleeping.
     */
    public String idleStrategyName()
    {
        final String name = values.get("daemon.idle");
        try
        {
            IdleStrategies.create(name);
        }
        catch (final IllegalArgumentException ex)
        {
            throw error("daemon.idle", ex.getMessage());
        }
        return name;
    }

    /**
     * @return core per agent role (receiver, trading, order-sender, journal; "all" for the one-thread layout), from
     *         {@code daemon.cores} or a {@code daemon.core_layout} file (tuning/layouts); absent roles unpinned.
     */
    public Map<String, Integer> cores()
    {
        final Map<String, Integer> cores = new TreeMap<>();
        final Set<String> roles = new TreeSet<>(List.of("receiver", "trading", "order-sender", "journal", "all"));
        final String layoutFile = values.get("daemon.core_layout");
        final String spec = values.get("daemon.cores");
        if (!layoutFile.isEmpty())
        {
            if (!spec.isEmpty())
            {
                throw error("daemon.core_layout", "give daemon.cores or daemon.core_layout, not both");
            }
            final CoreLayout layout;
            try
            {
                layout = CoreLayout.load(Path.of(layoutFile));
            }
            catch (final IOException | IllegalArgumentException ex)
            {
                throw error("daemon.core_layout", ex.getMessage());
            }
            for (final String role : layout.roles())
            {
                if (!roles.contains(role))
                {
                    throw error("daemon.core_layout", "unknown role '" + role + "', roles are " + roles);
                }
                layout.core(role).ifPresent((core) -> cores.put(role, core));
            }
            return cores;
        }
        if (spec.isEmpty())
        {
            return cores;
        }
        for (final String entry : spec.split(","))
        {
            final String[] parts = entry.trim().split("=");
            if (parts.length != 2 || !roles.contains(parts[0].trim()))
            {
                throw error("daemon.cores", "expected role=core,... with roles " + roles + ", got '" + entry + "'");
            }
            try
            {
                final int core = Integer.parseInt(parts[1].trim());
                if (core < 0)
                {
                    throw error("daemon.cores", "core must be >= 0: " + entry);
                }
                cores.put(parts[0].trim(), core);
            }
            catch (final NumberFormatException ex)
            {
                throw error("daemon.cores", "core must be a number: " + entry);
            }
        }
        return cores;
    }

    /**
     * @return the traded instrument as the journal header records it (the venue's InstrumentDefinition frames are
     *         journaled too).
     */
    public JournalInstrument instrument()
    {
        return new JournalInstrument(
            strategy.instrumentId(),
            values.get("daemon.instrument_symbol"),
            longValue("daemon.instrument_tick_size"),
            longValue("daemon.instrument_lot_size"),
            (byte)longValue("daemon.instrument_price_exponent"),
            (byte)longValue("daemon.instrument_quantity_exponent"));
    }

    /**
     * @return true to time every pipeline stage of events that send orders (costs a clock read per stage).
     */
    public boolean stageLatency()
    {
        return bool("daemon.stage_latency");
    }

    /**
     * @return true when tick-to-quote is measured from market data's exchange time (a load generator's planned send
     *         time) rather than from the receive stamp.
     */
    public boolean exchangeTimeOrigin()
    {
        return "exchange_time".equals(values.get("daemon.latency_origin"));
    }

    private boolean bool(final String key)
    {
        final String value = values.get(key);
        if (!"true".equals(value) && !"false".equals(value))
        {
            throw error(key, "must be true or false");
        }
        return "true".equals(value);
    }

    /**
     * @return slots per ring.
     */
    public int ringSlots()
    {
        return intValue("daemon.ring_slots");
    }

    /**
     * @return bytes per ring slot: the largest frame the daemon carries.
     */
    public int slotBytes()
    {
        return intValue("daemon.slot_bytes");
    }

    /**
     * @return outbound slots that must be free before the trading agent takes an inbound frame.
     */
    public int outboundReserve()
    {
        return intValue("daemon.outbound_reserve");
    }

    /**
     * @return period of the daemon's timer ticks, ns.
     */
    public long timerIntervalNs()
    {
        return TimeUnit.MILLISECONDS.toNanos(longValue("daemon.timer_interval_ms"));
    }

    /**
     * @return period of the daemon's heartbeats to the venue, ns.
     */
    public long heartbeatIntervalNs()
    {
        return TimeUnit.MILLISECONDS.toNanos(longValue("daemon.heartbeat_interval_ms"));
    }

    /**
     * @return how long a graceful shutdown waits for the venue to confirm cancels, ms.
     */
    public long shutdownTimeoutMs()
    {
        return longValue("daemon.shutdown_timeout_ms");
    }

    /**
     * @return every daemon and transport setting with where it came from, for the start-up banner.
     */
    public String describe()
    {
        final StringBuilder text = new StringBuilder();
        values.forEach((key, value) -> text.append(key).append('=').append(value)
            .append("  # ").append(origins.get(key)).append('\n'));
        return text.toString();
    }

    private void exponent(final String key)
    {
        final long value = longValue(key);
        if (value < Byte.MIN_VALUE || value > Byte.MAX_VALUE)
        {
            throw error(key, "must be in [-128, 127]");
        }
    }

    private void positive(final String key)
    {
        if (longValue(key) <= 0)
        {
            throw error(key, "must be > 0");
        }
    }

    private int intValue(final String key)
    {
        final long value = longValue(key);
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)
        {
            throw error(key, "out of range");
        }
        return (int)value;
    }

    private long longValue(final String key)
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

    private IllegalArgumentException error(final String key, final String problem)
    {
        return new IllegalArgumentException(origins.get(key) + ": " + key + "=" + values.get(key) + ": " + problem);
    }
}
