package io.ticklane.marketmaking.config;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzed bytes as a strategy properties file: {@link StrategyConfig} either loads a configuration whose strategy can
 * be built, or refuses with an {@link IllegalArgumentException} (the class itself, not a leaked subclass such as
 * NumberFormatException) naming the file and the key, or the line for text that is not properties at all. Anything
 * else (another exception, a configuration that loads but cannot build its strategy, a hang) is a finding.
 * Corpus: src/test/resources/io/ticklane/marketmaking/config/StrategyConfigFuzzTestInputs/&lt;method&gt;/.
 */
class StrategyConfigFuzzTest
{
    private static final String SOURCE = "fuzzed.properties";
    /** The strategy is built only for sizes that take moments, not gigabytes (the defaults). */
    private static final long MAX_BUILT_LADDER = 1 << 16;
    private static final long MAX_BUILT_L3_ORDERS = 1 << 18;
    private static final long MAX_BUILT_ORDERS = 1 << 12;

    @DictionaryEntries({"risk.admin_token=", "instrument.id=", "book.type=l3", "book.max_orders=", "orders.capacity=",
        "quoter=", "factors=", "inputs.sigma=", "risk.max_open_orders=", "quotes.max_orders_per_second=", "glft(", "as-finite(",
        "gamma=", "order_size=", "\\n", "\\u", ",", "(", ")", "=", "2147483648", "4294967297", "-1", "1e309", "NaN"})
    @FuzzTest
    void propertiesLoadOrAreRefusedNamingTheKey(final byte[] data) throws IOException
    {
        final StrategyConfig config;
        try
        {
            config = StrategyConfig.parse(SOURCE, data);
        }
        catch (final IllegalArgumentException ex)
        {
            assertClearError(ex);
            return;
        }

        final Properties text = new Properties();
        text.load(new StringReader(new String(data, StandardCharsets.UTF_8)));
        assertEquals(Long.parseLong(text.getProperty("instrument.id", "1").trim()), config.instrumentId(),
            "the instrument is the one configured");
        assertEquals(64, config.sha256().length());
        if (size(text, "book.ladder_capacity", MAX_BUILT_LADDER) <= MAX_BUILT_LADDER &&
            size(text, "book.max_orders", MAX_BUILT_L3_ORDERS) <= MAX_BUILT_L3_ORDERS &&
            size(text, "orders.capacity", 64) <= MAX_BUILT_ORDERS)
        {
            config.newStrategy((msgTypeId, buffer, index, length) -> { });
        }
    }

    static void assertClearError(final IllegalArgumentException ex)
    {
        final String message = ex.getMessage();
        assertEquals(IllegalArgumentException.class, ex.getClass(), () -> "a leaked " + ex.getClass().getName() + ": " + message);
        assertTrue(message.startsWith(SOURCE + ": "), () -> "the error must name the file first: " + message);
        final boolean namesKey = StrategyConfig.keys().stream().anyMatch((key) -> message.contains(key + "="));
        final boolean wholeFile = message.contains(": unknown key(s) ") || message.contains(": not a properties file") ||
            message.matches("(?s).*: line [0-9]+ is not UTF-8 text");
        // the risk gate's own check of the limits together names its setting (e.g. "risk: adminToken must be ...")
        final boolean riskLimits = message.startsWith(SOURCE + ": risk: ");
        // the retired token key is named without its value (a secret is never echoed)
        final boolean retiredToken = message.startsWith(SOURCE + ": risk.admin_token is no longer a setting");
        assertTrue(namesKey || wholeFile || riskLimits || retiredToken, () -> "the error must name the key: " + message);
    }

    private static long size(final Properties text, final String key, final long fallback)
    {
        return Long.parseLong(text.getProperty(key, Long.toString(fallback)).trim());
    }
}
