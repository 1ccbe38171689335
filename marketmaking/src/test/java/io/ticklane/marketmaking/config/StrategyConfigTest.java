package io.ticklane.marketmaking.config;

import io.ticklane.marketmaking.risk.RiskLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrategyConfigTest
{
    @TempDir
    Path dir;

    @Test
    void defaultsBuildTheWholeStrategy() throws IOException
    {
        final StrategyConfig config = StrategyConfig.load(write("\n"));

        assertNotNull(config.newStrategy((msgTypeId, buffer, index, length) -> { }));
        assertEquals(64, config.sha256().length());
        assertEquals(1, config.instrumentId());
    }

    @Test
    void everySettingIsRead() throws IOException
    {
        final StrategyConfig config = StrategyConfig.load(write(
            "instrument.id=7\nbook.type=l3\nquoter=as-finite(gamma=0.2,sigma=1,k=1.5)\n" +
            "factors=mid,vpin\ninputs.sigma=\ninputs.a_bid=\ninputs.a_ask=\ninputs.k_bid=\ninputs.k_ask=\n"));

        assertEquals(7, config.instrumentId());
        assertEquals("as-finite(gamma=0.2,sigma=1,k=1.5)", config.quoterSpec());
        assertEquals("L3Book", config.newBook().getClass().getSimpleName());
    }

    @Test
    void unknownKeyIsAnErrorNamingFileAndKey() throws IOException
    {
        final Path file = write("risk.max_postion=5\n");
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> StrategyConfig.load(file));
        assertTrue(ex.getMessage().startsWith(file + ": unknown key(s) [risk.max_postion]"), ex.getMessage());
    }

    @Test
    void theDefaultBookFollowsTheData() throws IOException
    {
        final StrategyConfig config = StrategyConfig.load(write("\n"));

        assertEquals("auto", config.bookType());
        assertEquals("L2Book", config.newBook().getClass().getSimpleName(), "no data known: l2");
        assertEquals("L3Book", config.forData(true).newBook().getClass().getSimpleName());
        assertEquals("L2Book", config.forData(false).newBook().getClass().getSimpleName());
        assertEquals(config.sha256(), config.forData(true).sha256(), "still the file's configuration");
        final StrategyConfig l2 = StrategyConfig.load(write("book.type=l2\n"));
        assertEquals("L2Book", l2.forData(true).newBook().getClass().getSimpleName(), "an explicit type is kept");
    }

    @Test
    void thePassiveCollarDefaultsTo50BpsOfTheReference() throws IOException
    {
        final RiskLimits limits = StrategyConfig.load(write("\n")).riskLimits();

        assertEquals(50, limits.priceCollarBps());
        // BTCUSDT USD-M at 64,000.0 USDT, tick 0.1: 640,000 ticks x 50 / 10,000 = 3,200 ticks (320 USDT)
        assertEquals(3_200, limits.priceCollarTicksAt(640_000));
        // AMZN at 220.15 USD, tick 0.01: 22,015 x 50 / 10,000 = 110.075 -> 110 ticks (1.10 USD)
        assertEquals(110, limits.priceCollarTicksAt(22_015));
        // a tick coarser than the collar: 150 x 50 / 10,000 = 0.75 -> floored to 0, raised to one tick
        assertEquals(1, limits.priceCollarTicksAt(150));
    }

    @Test
    void theRelativeCollarIsSetInBps() throws IOException
    {
        final RiskLimits limits = StrategyConfig.load(write("risk.price_collar_bps=25\n")).riskLimits();

        // spot BTCUSDT at 61,234.56 USDT, tick 0.01: 6,123,456 x 25 / 10,000 = 15,308.64 -> 15,308 ticks
        assertEquals(15_308, limits.priceCollarTicksAt(6_123_456));
        assertEquals(15_308, limits.priceCollarTicksAt(-6_123_456));
        // exact without overflow at the largest price: (2^63 - 1) x 25 / 10,000, floored
        assertEquals(23_058_430_092_136_939L, limits.priceCollarTicksAt(Long.MAX_VALUE));
    }

    @Test
    void aFixedCollarInTicksStillWorksWhenGivenAlone() throws IOException
    {
        final RiskLimits limits = StrategyConfig.load(write("risk.price_collar_ticks=1000\n")).riskLimits();

        assertEquals(0, limits.priceCollarBps());
        assertEquals(1_000, limits.priceCollarTicksAt(640_000));
        assertEquals(1_000, limits.priceCollarTicksAt(22_015));
    }

    @Test
    void bothCollarKeysAreAnErrorNamingBoth() throws IOException
    {
        assertMessage("risk.price_collar_ticks=1000\nrisk.price_collar_bps=50\n",
            "risk.price_collar_ticks=1000 and risk.price_collar_bps=50 are both set: give one");
    }

    @Test
    void badCollarValuesAreErrorsNamingTheKey() throws IOException
    {
        assertMessage("risk.price_collar_bps=0\n", "risk.price_collar_bps=0 must be positive");
        assertMessage("risk.price_collar_bps=10001\n", "risk.price_collar_bps=10001 must be at most 10000");
        assertMessage("risk.price_collar_bps=0.5\n", "risk.price_collar_bps=0.5 must be an integer");
        assertMessage("risk.price_collar_ticks=0\n", "risk.price_collar_ticks=0 must be positive");
    }

    @Test
    void badValuesAreErrorsNamingTheKey() throws IOException
    {
        assertMessage("risk.max_position=-1\n", "risk.max_position=-1 must be positive");
        assertMessage("quotes.replace_ticks=two\n", "quotes.replace_ticks=two must be an integer");
        assertMessage("book.type=l4\n", "book.type=l4 must be l2, l3 or auto");
        assertMessage("quoter=glfx\n", "quoter=glfx (unknown quoter 'glfx'");
        assertMessage("inputs.sigma=vpni\n", "inputs.sigma=vpni (no factor 'vpni' configured");
    }

    @Test
    void aGridNeedsRoomForEveryLevelOfBothSides() throws IOException
    {
        assertMessage("quoter=grid(levels=16)\norders.capacity=31\nrisk.max_open_orders=40\n",
            "orders.capacity=31 must be at least 32 for the quoter's 16 levels a side");
        assertMessage("quoter=grid(levels=12)\n", "risk.max_open_orders=20 must be at least 24 for the quoter's 12 levels a side");
        assertMessage("quoter=grid(levels=17)\n", "quoter=grid(levels=17) ('grid': parameter levels=17 must be between 1 and 16");
        StrategyConfig.load(write("quoter=grid(levels=10)\n")); // 20 orders: the defaults (64, 20) hold them
    }

    @Test
    void countsBeyondWhatTheStrategyTakesAreRefusedAtLoad() throws IOException
    {
        // found by StrategyConfigFuzzTest: these loaded, then newStrategy failed (or the id wrapped to another instrument)
        assertMessage("quotes.max_orders_per_second=2147483648\n",
            "quotes.max_orders_per_second=2147483648 must be at most 2147483647");
        // found by StrategyConfigFuzzTest under full coverage: an int that loaded, then sized a ring of 2^32 event times
        assertMessage("quotes.max_orders_per_second=2147483647\n", "quotes.max_orders_per_second=2147483647 must be at most 1000000");
        assertMessage("risk.max_orders_per_second=1000001\n", "risk.max_orders_per_second=1000001 must be at most 1000000");
        assertMessage("risk.max_cancels_per_second=2000000\n", "risk.max_cancels_per_second=2000000 must be at most 1000000");
        assertMessage("instrument.id=4294967297\n", "instrument.id=4294967297 must be at most");
        assertMessage("orders.capacity=70000\n", "orders.capacity=70000 must be at most");
        assertMessage("book.ladder_capacity=2\n", "book.ladder_capacity=2 must be a power of two from 4");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedNamingTheLine() throws IOException
    {
        // found by the configuration fuzz tests: was java.nio.charset.MalformedInputException "Input length = 1"
        final Path file = Files.write(dir.resolve("latin1.properties"),
            "instrument.id=1\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> StrategyConfig.load(file));
        assertEquals(file + ": line 2 is not UTF-8 text", ex.getMessage());
    }

    @Test
    void theRetiredTokenKeyIsRefusedWithoutEchoingTheSecret() throws IOException
    {
        final Path file = write("risk.admin_token=hunter2-hunter2-hunter2\n");
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> StrategyConfig.load(file));
        assertTrue(ex.getMessage().startsWith(file + ": risk.admin_token is no longer a setting: delete the line"),
            ex.getMessage());
        assertFalse(ex.getMessage().contains("hunter2"), ex.getMessage());
    }

    private void assertMessage(final String content, final String expected) throws IOException
    {
        final Path file = write(content);
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> StrategyConfig.load(file));
        assertTrue(ex.getMessage().startsWith(file.toString()), ex.getMessage());
        assertTrue(ex.getMessage().contains(expected), ex.getMessage());
    }

    private Path write(final String content) throws IOException
    {
        return Files.writeString(Files.createTempFile(dir, "strategy", ".properties"), content);
    }
}
