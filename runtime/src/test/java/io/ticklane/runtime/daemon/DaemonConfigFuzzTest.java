package io.ticklane.runtime.daemon;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzed daemon settings: a properties file's bytes and up to three {@code --set key=value} overrides, loaded by
 * {@link DaemonConfig#load}. The answer is a configuration every accessor of which works (so nothing bad surfaces
 * later, at start-up), whose strategy settings are exactly the ones given, or an {@link IllegalArgumentException}
 * (the class itself, not a leaked subclass) naming where the bad setting came from and the key. Anything else is a
 * finding.
 * <p>
 * Input: up to three leading lines {@code --set key=value}, the overrides; the bytes after them are the file. The
 * operator token comes from the environment; an input naming a token file is passed over, since the loader makes a
 * missing one (token files have their own tests).
 * Corpus: src/test/resources/io/ticklane/runtime/daemon/DaemonConfigFuzzTestInputs/&lt;method&gt;/.
 */
class DaemonConfigFuzzTest
{
    private static final int MAX_OVERRIDES = 3;
    private static final byte[] SET = "--set ".getBytes(StandardCharsets.US_ASCII);
    /** The operator token comes from the environment; a token file is never named (see the input filter). */
    private static final Map<String, String> ENV = Map.of(OperatorToken.ENVIRONMENT_VARIABLE, "fuzz-operator-token-0123456789");
    private static final String TOKEN_FILE_KEY = "admin_token_file";

    /** In memory when the host has a tmpfs: the loader writes and reads files on every input. */
    private static final Path SHARED_MEMORY = Path.of("/dev/shm");

    private static Path dir;

    @BeforeAll
    static void createDirectory() throws IOException
    {
        dir = Files.isDirectory(SHARED_MEMORY) && Files.isWritable(SHARED_MEMORY) ?
            Files.createTempDirectory(SHARED_MEMORY, "daemon-config-fuzz") : Files.createTempDirectory("daemon-config-fuzz");
    }

    @AfterAll
    static void deleteDirectory() throws IOException
    {
        try (Stream<Path> files = Files.walk(dir))
        {
            files.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
        }
    }

    @DictionaryEntries({"--set ", "quoter=", "risk.max_position=", "daemon.run_dir=", "daemon.cores=",
        "daemon.core_layout=", "transport.aeron_dir=", "\\n", "\\r", "\\u000a", "\\", ":", "=", "#", "\u0000"})
    @FuzzTest
    void settingsLoadOrAreRefusedNamingTheKey(final byte[] data) throws IOException
    {
        if (new String(data, StandardCharsets.ISO_8859_1).contains(TOKEN_FILE_KEY))
        {
            return; // the loader creates a missing token file: fuzzed paths must not make files anywhere (OperatorTokenTest)
        }
        final List<String> overrides = new ArrayList<>();
        int at = 0;
        while (overrides.size() < MAX_OVERRIDES && startsWith(data, at, SET))
        {
            int end = at + SET.length;
            while (end < data.length && '\n' != data[end])
            {
                end++;
            }
            overrides.add(new String(data, at + SET.length, end - at - SET.length, StandardCharsets.UTF_8));
            at = Math.min(end + 1, data.length);
        }
        final Path file = Files.write(dir.resolve("daemon.properties"), Arrays.copyOfRange(data, at, data.length));

        final DaemonConfig config;
        try
        {
            config = DaemonConfig.load(file, overrides, dir, ENV);
        }
        catch (final IllegalArgumentException ex)
        {
            final String message = ex.getMessage();
            assertEquals(IllegalArgumentException.class, ex.getClass(), () -> "a leaked " + ex.getClass().getName() + ": " + message);
            assertTrue(message.startsWith(file + ": ") || message.startsWith("--set ") || message.startsWith("--set: ") ||
                message.startsWith("strategy settings (") || message.startsWith("transport settings: ") ||
                message.startsWith("default: "), () -> "the error must say where the setting came from: " + message);
            return;
        }

        assertNotNull(config.threadLayout());
        assertNotNull(config.idleStrategyName());
        assertNotNull(config.cores());
        assertNotNull(config.transportContext());
        assertNotNull(config.stateFile());
        assertNotNull(config.runDir());
        assertNotNull(config.instrument());
        assertTrue(config.ringSlots() >= 2 && config.slotBytes() >= 256 && config.outboundReserve() < config.ringSlots());
        assertTrue(config.timerIntervalNs() > 0 && config.heartbeatIntervalNs() > 0 && config.shutdownTimeoutMs() > 0);
        config.stageLatency();
        config.exchangeTimeOrigin();
        assertNotNull(config.describe());

        final Properties effective = new Properties();
        effective.load(new StringReader(config.strategyProperties()));
        assertEquals(strategySettings(file, overrides), effective,
            "the strategy file the run keeps (what replay takes) holds exactly the strategy settings given");
    }

    private static boolean startsWith(final byte[] data, final int at, final byte[] prefix)
    {
        if (data.length - at < prefix.length)
        {
            return false;
        }
        for (int i = 0; i < prefix.length; i++)
        {
            if (data[at + i] != prefix[i])
            {
                return false;
            }
        }
        return true;
    }

    /**
     * The strategy settings as the file and the overrides give them (later wins): every key that is not the daemon's
     * ({@code daemon.*}, {@code transport.*}, {@code gateway.*}, {@code fix.*}).
     */
    private static Properties strategySettings(final Path file, final List<String> overrides) throws IOException
    {
        final Properties given = new Properties();
        given.load(new StringReader(Files.readString(file)));
        final Properties strategy = new Properties();
        given.stringPropertyNames().forEach((key) -> strategy.setProperty(key, given.getProperty(key).trim()));
        for (final String override : overrides)
        {
            final int equals = override.indexOf('=');
            strategy.setProperty(override.substring(0, equals).trim(), override.substring(equals + 1).trim());
        }
        strategy.stringPropertyNames().stream().filter((key) -> key.startsWith("daemon.") || key.startsWith("transport.") ||
            key.startsWith("gateway.") || key.startsWith("fix.")).forEach(strategy::remove);
        return strategy;
    }
}
