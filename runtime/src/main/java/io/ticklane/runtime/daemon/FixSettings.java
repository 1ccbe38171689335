package io.ticklane.runtime.daemon;

import io.ticklane.gateway.fix.FixInstrument;
import io.ticklane.gateway.fix.FixPasswordFile;
import io.ticklane.gateway.fix.session.FixSessionConfig;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The daemon's {@code fix.*} keys read and checked at start into a {@link FixSessionConfig}, each error naming its
 * key, the value and where it was set; apart from {@link DaemonConfig} because only a FIX daemon needs them.
 */
final class FixSettings
{
    private static final Pattern COMP_ID = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");
    private static final Pattern PRINTABLE = Pattern.compile("[!-~]{1,128}");

    private FixSettings()
    {
    }

    /**
     * @param settings     the daemon's settings.
     * @param instrumentId the strategy's instrument.
     * @param runDir       the run directory, under which the store defaults.
     * @return the FIX session's settings when {@code gateway.orders=fix}, its password read from
     *         {@code fix.password_file}; null when orders go over Aeron.
     * @throws IOException              if the password file cannot be read.
     * @throws IllegalArgumentException naming the first bad key.
     */
    static FixSessionConfig read(final DaemonSettings settings, final long instrumentId, final Path runDir)
        throws IOException
    {
        checkValues(settings);
        if (!"fix".equals(settings.text("gateway.orders")))
        {
            return null;
        }
        final String host = required(settings, "fix.host");
        final int port = settings.intValue("fix.port");
        if (port < 1 || port > 65_535)
        {
            throw settings.error("fix.port", "must be the venue's FIX port, 1-65535");
        }
        final String sender = required(settings, "fix.sender_comp_id");
        final String target = required(settings, "fix.target_comp_id");
        for (final String key : new String[]{"fix.sender_comp_id", "fix.target_comp_id"})
        {
            if (!COMP_ID.matcher(settings.text(key)).matches())
            {
                throw settings.error(key, "must be 1-64 letters, digits, '_', '.' or '-'");
            }
        }
        final String username = required(settings, "fix.username");
        if (!PRINTABLE.matcher(username).matches())
        {
            throw settings.error("fix.username", "must be 1-128 printable ASCII characters without spaces");
        }
        final String password = FixPasswordFile.read(settings.path("fix.password_file"), "fix.password_file");
        final int reportStream = settings.intValue("fix.report_stream");
        if (reportStream == settings.intValue("transport.report_stream") ||
            reportStream == settings.intValue("transport.market_data_stream") ||
            reportStream == settings.intValue("transport.admin_stream"))
        {
            throw settings.error("fix.report_stream", "must differ from the transport.* stream ids");
        }
        final String symbol = settings.text("fix.symbol").isEmpty() ?
            settings.text("daemon.instrument_symbol") : settings.text("fix.symbol");
        final BigDecimal tick = increment(settings, "fix.tick_size",
            settings.longValue("daemon.instrument_tick_size"), settings.longValue("daemon.instrument_price_exponent"));
        final BigDecimal lot = increment(settings, "fix.lot_size",
            settings.longValue("daemon.instrument_lot_size"), settings.longValue("daemon.instrument_quantity_exponent"));
        final FixInstrument instrument;
        try
        {
            instrument = new FixInstrument(instrumentId, symbol,
                tick.unscaledValue().longValueExact(), tick.scale(), lot.unscaledValue().longValueExact(), lot.scale());
        }
        catch (final IllegalArgumentException | ArithmeticException ex)
        {
            throw new IllegalArgumentException("fix.symbol/fix.tick_size/fix.lot_size: " + ex.getMessage(), ex);
        }
        final Path storeDir = settings.text("fix.store_dir").isEmpty() ?
            runDir.resolve("fix-session") : settings.path("fix.store_dir");
        return new FixSessionConfig(host, port, sender, target, username, password, settings.intValue("fix.heartbeat_interval_s"),
            settings.bool("fix.reset_on_logon"), storeDir, settings.longValue("fix.reconnect_initial_ms"),
            settings.longValue("fix.reconnect_max_ms"), settings.longValue("fix.logon_timeout_ms"),
            settings.longValue("fix.active_timeout_ms"), instrument);
    }

    /**
     * The checks each FIX value must pass on its own, whether or not orders go over FIX, so that a bad value in a
     * configuration kept for FIX is refused when it is loaded, not when the gateway is switched over. The defaults
     * pass. (Whether the report stream collides with the transport's streams matters only when FIX is used.)
     */
    private static void checkValues(final DaemonSettings settings)
    {
        settings.intValue("fix.port");
        final long heartbeat = settings.longValue("fix.heartbeat_interval_s");
        if (heartbeat < 1 || heartbeat > 3600)
        {
            throw settings.error("fix.heartbeat_interval_s", "must be 1-3600 seconds");
        }
        settings.positive("fix.reconnect_initial_ms");
        if (settings.longValue("fix.reconnect_max_ms") < settings.longValue("fix.reconnect_initial_ms"))
        {
            throw settings.error("fix.reconnect_max_ms", "must be >= fix.reconnect_initial_ms");
        }
        settings.positive("fix.logon_timeout_ms");
        settings.positive("fix.active_timeout_ms");
        settings.positive("fix.report_stream");
        settings.bool("fix.reset_on_logon");
    }

    private static String required(final DaemonSettings settings, final String key)
    {
        final String value = settings.text(key);
        if (value.isBlank())
        {
            throw settings.error(key, "must be set when gateway.orders=fix");
        }
        return value;
    }

    /**
     * The FIX decimal of one tick or lot: the key's value if set (a positive decimal, at most 18 places), else the
     * instrument's increment times ten to its exponent.
     */
    private static BigDecimal increment(
        final DaemonSettings settings, final String key, final long mantissa, final long exponent)
    {
        final String text = settings.text(key);
        BigDecimal value;
        if (text.isEmpty())
        {
            value = BigDecimal.valueOf(mantissa, (int)-exponent);
        }
        else
        {
            try
            {
                value = new BigDecimal(text);
            }
            catch (final NumberFormatException ex)
            {
                throw settings.error(key, "must be a decimal number, e.g. 0.01");
            }
        }
        value = value.stripTrailingZeros();
        if (value.scale() < 0)
        {
            value = value.setScale(0);
        }
        if (value.signum() <= 0 || value.scale() > 18 || value.unscaledValue().bitLength() > 62)
        {
            throw settings.error(text.isEmpty() ? "daemon.instrument_tick_size" : key,
                "the FIX increment " + value.toPlainString() + " must be positive, with at most 18 decimal places");
        }
        return value;
    }
}
