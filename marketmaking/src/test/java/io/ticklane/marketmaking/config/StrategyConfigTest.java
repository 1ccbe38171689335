package io.ticklane.marketmaking.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrategyConfigTest
{
    @TempDir
    Path dir;

    @Test
    void defaultsWithATokenBuildTheWholeStrategy() throws IOException
    {
        final StrategyConfig config = StrategyConfig.load(write("risk.admin_token=secret\n"));

        assertNotNull(config.newStrategy((msgTypeId, buffer, index, length) -> { }));
        assertEquals(64, config.sha256().length());
        assertEquals(1, config.instrumentId());
    }

    @Test
    void everySettingIsRead() throws IOException
    {
        final StrategyConfig config = StrategyConfig.load(write(
            "risk.admin_token=secret\ninstrument.id=7\nbook.type=l3\nquoter=as-finite(gamma=0.2,sigma=1,k=1.5)\n" +
            "factors=mid,vpin\ninputs.sigma=\ninputs.a_bid=\ninputs.a_ask=\ninputs.k_bid=\ninputs.k_ask=\n"));

        assertEquals(7, config.instrumentId());
        assertEquals("as-finite(gamma=0.2,sigma=1,k=1.5)", config.quoterSpec());
        assertEquals("L3Book", config.newBook().getClass().getSimpleName());
    }

    @Test
    void unknownKeyIsAnErrorNamingFileAndKey() throws IOException
    {
        final Path file = write("risk.admin_token=secret\nrisk.max_postion=5\n");
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> StrategyConfig.load(file));
        assertTrue(ex.getMessage().startsWith(file + ": unknown key(s) [risk.max_postion]"), ex.getMessage());
    }

    @Test
    void badValuesAreErrorsNamingTheKey() throws IOException
    {
        assertMessage("risk.admin_token=secret\nrisk.max_position=-1\n", "risk.max_position=-1 must be positive");
        assertMessage("risk.admin_token=secret\nquotes.replace_ticks=two\n", "quotes.replace_ticks=two must be an integer");
        assertMessage("risk.admin_token=secret\nbook.type=l4\n", "book.type=l4 must be l2 or l3");
        assertMessage("\n", "risk.admin_token= is required");
        assertMessage("risk.admin_token=secret\nquoter=glfx\n", "quoter=glfx (unknown quoter 'glfx'");
        assertMessage("risk.admin_token=secret\ninputs.sigma=vpni\n", "inputs.sigma=vpni (no factor 'vpni' configured");
    }

    @Test
    void countsBeyondWhatTheStrategyTakesAreRefusedAtLoad() throws IOException
    {
        // found by StrategyConfigFuzzTest: these loaded, then newStrategy failed (or the id wrapped to another instrument)
        assertMessage("risk.admin_token=secret\nquotes.max_orders_per_second=2147483648\n",
            "quotes.max_orders_per_second=2147483648 must be at most 2147483647");
        assertMessage("risk.admin_token=secret\ninstrument.id=4294967297\n", "instrument.id=4294967297 must be at most");
        assertMessage("risk.admin_token=secret\norders.capacity=70000\n", "orders.capacity=70000 must be at most");
        assertMessage("risk.admin_token=secret\nbook.ladder_capacity=2\n", "book.ladder_capacity=2 must be a power of two from 4");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedNamingTheLine() throws IOException
    {
        // found by the configuration fuzz tests: was java.nio.charset.MalformedInputException "Input length = 1"
        final Path file = Files.write(dir.resolve("latin1.properties"),
            "risk.admin_token=secret\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> StrategyConfig.load(file));
        assertEquals(file + ": line 2 is not UTF-8 text", ex.getMessage());
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
