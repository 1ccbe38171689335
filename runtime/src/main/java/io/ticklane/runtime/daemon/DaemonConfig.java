package io.ticklane.runtime.daemon;

import io.ticklane.gateway.fix.session.FixSessionConfig;
import io.ticklane.gateway.transport.TransportContext;
import io.ticklane.journal.queue.JournalInstrument;
import io.ticklane.marketmaking.config.StrategyConfig;
import io.ticklane.tuning.layout.CoreLayout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The daemon's configuration, layered: built-in defaults, then a properties file, then {@code key=value}
 * overrides from the command line, each layer replacing what the one before said ({@link DaemonSettings} holds the
 * layers and reads keys). Keys {@code daemon.*}, {@code transport.*} and {@code gateway.*} are the daemon's own and are
 * validated here, {@code fix.*} in {@link FixSettings};
 * every other key is a strategy setting, validated by {@link StrategyConfig}. Everything is checked before anything
 * starts, and an error names the key, the value and where it came from.
 * <p>
 * The strategy's effective settings are written out as one properties file ({@link #strategyProperties()}), which the
 * daemon keeps with its journal: {@code ticklane replay --config} on that file rebuilds exactly the live strategy.
 * The operator token is no setting: {@code daemon.admin_token_file} names the file holding it (or the environment
 * holds it, see {@link OperatorToken}), so no settings file, run directory or journal header carries the secret.
 */
public final class DaemonConfig
{
    private final DaemonSettings settings;
    private final String strategyProperties;
    private final StrategyConfig strategy;
    private OperatorToken adminToken;
    private FixSessionConfig fixSession;

    private DaemonConfig(final DaemonSettings settings, final String strategyProperties, final StrategyConfig strategy)
    {
        this.settings = settings;
        this.strategyProperties = strategyProperties;
        this.strategy = strategy;
    }

    /**
     * As {@link #load(Path, List, Path, Map)} with this process's environment.
     *
     * @param file      properties file, or null for defaults only.
     * @param overrides {@code key=value} settings that replace the file's.
     * @param scratch   directory for the strategy's effective properties file while it is validated.
     * @return the validated configuration.
     * @throws IOException              if the file cannot be read.
     * @throws IllegalArgumentException naming the first bad setting and where it came from.
     */
    public static DaemonConfig load(final Path file, final List<String> overrides, final Path scratch) throws IOException
    {
        return load(file, overrides, scratch, System.getenv());
    }

    /**
     * @param file      properties file, or null for defaults only.
     * @param overrides {@code key=value} settings that replace the file's.
     * @param scratch   directory for the strategy's effective properties file while it is validated.
     * @param env       the environment the operator token may come from ({@link OperatorToken#ENVIRONMENT_VARIABLE}).
     * @return the validated configuration, the operator token read (a named token file that is missing is created).
     * @throws IOException              if the file, or the token file, cannot be read.
     * @throws IllegalArgumentException naming the first bad setting and where it came from.
     */
    public static DaemonConfig load(
        final Path file, final List<String> overrides, final Path scratch, final Map<String, String> env) throws IOException
    {
        final DaemonSettings settings = new DaemonSettings();
        if (null != file)
        {
            settings.readFile(file);
        }
        for (final String override : overrides)
        {
            settings.override(override);
        }

        final StringBuilder text = new StringBuilder("# effective strategy settings of a ticklane daemon run\n");
        settings.strategySettings().forEach((key, value) -> text.append(key).append('=').append(escape(value)).append('\n'));
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
        final DaemonConfig config = new DaemonConfig(settings, text.toString(), strategy);
        config.validate();
        final String tokenFile = settings.text("daemon.admin_token_file");
        config.adminToken = OperatorToken.resolve(
            tokenFile.isEmpty() ? null : Path.of(tokenFile), env, "daemon.admin_token_file", true);
        config.fixSession = FixSettings.read(settings, config.strategy.instrumentId(), config.runDir());
        return config;
    }

    /**
     * A value as a properties file must spell it to read back the same: backslashes and line breaks escaped (a raw
     * line break would end the value and start another setting).
     */
    private static String escape(final String value)
    {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    private void validate()
    {
        threadLayout();
        idleStrategyName();
        cores();
        runDir();
        stateFile();
        final int slots = settings.intValue("daemon.ring_slots");
        if (slots < 2 || Integer.bitCount(slots) != 1)
        {
            throw settings.error("daemon.ring_slots", "must be a power of two >= 2");
        }
        if (settings.intValue("daemon.slot_bytes") < 256)
        {
            throw settings.error("daemon.slot_bytes", "must be >= 256");
        }
        final int reserve = settings.intValue("daemon.outbound_reserve");
        if (reserve < 1 || reserve >= slots)
        {
            throw settings.error("daemon.outbound_reserve", "must be in [1, daemon.ring_slots)");
        }
        settings.positive("daemon.instrument_tick_size");
        settings.positive("daemon.instrument_lot_size");
        settings.exponent("daemon.instrument_price_exponent");
        settings.exponent("daemon.instrument_quantity_exponent");
        if (settings.text("daemon.instrument_symbol").isBlank())
        {
            throw settings.error("daemon.instrument_symbol", "must not be blank");
        }
        settings.positive("daemon.timer_interval_ms");
        settings.positive("daemon.heartbeat_interval_ms");
        settings.positive("daemon.shutdown_timeout_ms");
        adminThrottle();
        haltOnHandlerError();
        if (settings.longValue("daemon.journal_min_free_bytes") < 0)
        {
            throw settings.error("daemon.journal_min_free_bytes", "must be >= 0 (0: no floor)");
        }
        settings.positive("transport.offer_timeout_ms");
        final String orders = settings.text("gateway.orders");
        if (!"aeron".equals(orders) && !"fix".equals(orders))
        {
            throw settings.error("gateway.orders", "must be aeron (Ticklane's venue over Aeron) or fix (a FIX 4.4 venue)");
        }
        settings.bool("daemon.stage_latency");
        final String origin = settings.text("daemon.latency_origin");
        if (!"receive".equals(origin) && !"exchange_time".equals(origin))
        {
            throw settings.error("daemon.latency_origin", "must be receive or exchange_time");
        }
        final String embedded = settings.text("transport.embedded_driver");
        if (!"true".equals(embedded) && !"false".equals(embedded))
        {
            throw settings.error("transport.embedded_driver", "must be true or false");
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
     * @return the stream id, on {@code aeron:ipc} in this process, where the FIX session publishes the SBE reports it
     *         makes and the receiver takes them: apart from {@code transport.report_stream}, which Ticklane's own
     *         venue may use on the same driver.
     */
    public int fixReportStreamId()
    {
        return settings.intValue("fix.report_stream");
    }

    /**
     * @return the FIX session's settings when {@code gateway.orders=fix} (its password read from
     *         {@code fix.password_file}), or null when orders go over Aeron.
     */
    public FixSessionConfig fixSession()
    {
        return fixSession;
    }

    /**
     * @return the transport settings.
     */
    public TransportContext transportContext()
    {
        return new TransportContext()
            .aeronDirectoryName(settings.text("transport.aeron_dir"))
            .embeddedDriver(Boolean.parseBoolean(settings.text("transport.embedded_driver")))
            .marketDataChannel(settings.text("transport.market_data_channel"))
            .marketDataStreamId(settings.intValue("transport.market_data_stream"))
            .orderChannel(settings.text("transport.order_channel"))
            .orderStreamId(settings.intValue("transport.order_stream"))
            .reportChannel(settings.text("transport.report_channel"))
            .reportStreamId(settings.intValue("transport.report_stream"))
            .adminChannel(settings.text("transport.admin_channel"))
            .adminStreamId(settings.intValue("transport.admin_stream"))
            .offerTimeoutNs(TimeUnit.MILLISECONDS.toNanos(settings.longValue("transport.offer_timeout_ms")));
    }

    /**
     * @return the operator token admin commands must carry (its {@code toString} says where it came from, never what).
     */
    public OperatorToken adminToken()
    {
        return adminToken;
    }

    /**
     * @return a fresh lockout for repeated wrong tokens: {@code daemon.admin_bad_token_limit} wrong tokens within
     *         {@code daemon.admin_bad_token_window_ms} refuse every admin command for {@code daemon.admin_lockout_ms}.
     */
    public AdminThrottle adminThrottle()
    {
        final int limit = settings.intValue("daemon.admin_bad_token_limit");
        if (limit < 1 || limit > 1000)
        {
            throw settings.error("daemon.admin_bad_token_limit", "must be in [1, 1000]");
        }
        settings.positive("daemon.admin_bad_token_window_ms");
        settings.positive("daemon.admin_lockout_ms");
        return new AdminThrottle(limit,
            TimeUnit.MILLISECONDS.toNanos(settings.longValue("daemon.admin_bad_token_window_ms")),
            TimeUnit.MILLISECONDS.toNanos(settings.longValue("daemon.admin_lockout_ms")));
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
        return settings.text("daemon.state_file").isEmpty() ? runDir().resolve("state.cmap") : settings.path("daemon.state_file");
    }

    /**
     * @return parent directory of the run directories.
     */
    public Path runDir()
    {
        return settings.path("daemon.run_dir");
    }

    /**
     * @return how the agents are laid out on threads.
     */
    public ThreadLayout threadLayout()
    {
        try
        {
            return ThreadLayout.fromName(settings.text("daemon.layout"));
        }
        catch (final IllegalArgumentException ex)
        {
            throw settings.error("daemon.layout", ex.getMessage());
        }
    }

    /**
     * @return idle strategy name: busy-spin, yielding, backoff or sleeping.
     */
    public String idleStrategyName()
    {
        final String name = settings.text("daemon.idle");
        try
        {
            IdleStrategies.create(name);
        }
        catch (final IllegalArgumentException ex)
        {
            throw settings.error("daemon.idle", ex.getMessage());
        }
        return name;
    }

    /**
     * @return core per agent role (receiver, trading, order-sender, journal, fix-session; "all" for the one-thread
     *         layout), from {@code daemon.cores} or a {@code daemon.core_layout} file (tuning/layouts); absent roles
     *         unpinned.
     */
    public Map<String, Integer> cores()
    {
        final Map<String, Integer> cores = new TreeMap<>();
        final Set<String> roles = new TreeSet<>(List.of("receiver", "trading", "order-sender", "journal", "fix-session", "all"));
        final String layoutFile = settings.text("daemon.core_layout");
        final String spec = settings.text("daemon.cores");
        if (!layoutFile.isEmpty())
        {
            if (!spec.isEmpty())
            {
                throw settings.error("daemon.core_layout", "give daemon.cores or daemon.core_layout, not both");
            }
            final CoreLayout layout;
            try
            {
                layout = CoreLayout.load(Path.of(layoutFile));
            }
            catch (final IOException | IllegalArgumentException ex)
            {
                throw settings.error("daemon.core_layout", ex.getMessage());
            }
            for (final String role : layout.roles())
            {
                if (!roles.contains(role))
                {
                    throw settings.error("daemon.core_layout", "unknown role '" + role + "', roles are " + roles);
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
                throw settings.error("daemon.cores", "expected role=core,... with roles " + roles + ", got '" + entry + "'");
            }
            try
            {
                final int core = Integer.parseInt(parts[1].trim());
                if (core < 0)
                {
                    throw settings.error("daemon.cores", "core must be >= 0: " + entry);
                }
                cores.put(parts[0].trim(), core);
            }
            catch (final NumberFormatException ex)
            {
                throw settings.error("daemon.cores", "core must be a number: " + entry);
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
            settings.text("daemon.instrument_symbol"),
            settings.longValue("daemon.instrument_tick_size"),
            settings.longValue("daemon.instrument_lot_size"),
            (byte)settings.longValue("daemon.instrument_price_exponent"),
            (byte)settings.longValue("daemon.instrument_quantity_exponent"));
    }

    /**
     * @return true to time every pipeline stage of events that send orders (costs a clock read per stage).
     */
    public boolean stageLatency()
    {
        return settings.bool("daemon.stage_latency");
    }

    /**
     * @return true when tick-to-quote is measured from market data's exchange time (a load generator's planned send
     *         time) rather than from the receive stamp.
     */
    public boolean exchangeTimeOrigin()
    {
        return "exchange_time".equals(settings.text("daemon.latency_origin"));
    }

    /**
     * @return slots per ring.
     */
    public int ringSlots()
    {
        return settings.intValue("daemon.ring_slots");
    }

    /**
     * @return bytes per ring slot: the largest frame the daemon carries.
     */
    public int slotBytes()
    {
        return settings.intValue("daemon.slot_bytes");
    }

    /**
     * @return outbound slots that must be free before the trading agent takes an inbound frame.
     */
    public int outboundReserve()
    {
        return settings.intValue("daemon.outbound_reserve");
    }

    /**
     * @return period of the daemon's timer ticks, ns.
     */
    public long timerIntervalNs()
    {
        return TimeUnit.MILLISECONDS.toNanos(settings.longValue("daemon.timer_interval_ms"));
    }

    /**
     * @return period of the daemon's heartbeats to the venue, ns.
     */
    public long heartbeatIntervalNs()
    {
        return TimeUnit.MILLISECONDS.toNanos(settings.longValue("daemon.heartbeat_interval_ms"));
    }

    /**
     * @return how long a graceful shutdown waits for the venue to confirm cancels, ms.
     */
    public long shutdownTimeoutMs()
    {
        return settings.longValue("daemon.shutdown_timeout_ms");
    }

    /**
     * @return true to halt when an inbound frame throws in the strategy ({@code daemon.on_handler_error=halt}, the
     *         default), false to count it, skip it and go on ({@code continue}).
     */
    public boolean haltOnHandlerError()
    {
        final String rule = settings.text("daemon.on_handler_error");
        if (!"halt".equals(rule) && !"continue".equals(rule))
        {
            throw settings.error("daemon.on_handler_error", "must be halt or continue");
        }
        return "halt".equals(rule);
    }

    /**
     * @return usable bytes the journal's file system must keep; below it the daemon halts (0: no floor). See
     *         {@link JournalSpace}.
     */
    public long journalMinFreeBytes()
    {
        return settings.longValue("daemon.journal_min_free_bytes");
    }

    /**
     * @return every daemon and transport setting with where it came from, for the start-up banner.
     */
    public String describe()
    {
        return settings.describe();
    }


}
