package io.ticklane.runtime.daemon;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the operator token may come from (a file only its owner can read, or the environment), what it must look
 * like (16 to 32 printable US-ASCII characters), and that the daemon's settings and the files it writes never hold
 * it.
 */
class OperatorTokenTest
{
    private static final String TOKEN = "b1946ac92492d2347c6235b4d2611184";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"rw-r-----", "rw----r--", "rw--w----", "rw-rw-rw-"})
    void aTokenFileGroupOrOthersCanReadOrWriteIsRefusedWithTheFix(final String permissions) throws Exception
    {
        final Path file = tokenFile(TOKEN + "\n", permissions);

        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> OperatorToken.fromFile(file));

        assertEquals("admin token file " + file + " is readable or writable by group or others (" + permissions +
            "): chmod 600 " + file, ex.getMessage());
    }

    @Test
    void theDaemonRefusesAGroupReadableTokenFileAtLoad() throws Exception
    {
        final Path file = tokenFile(TOKEN + "\n", "rw-r--r--");

        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () ->
            DaemonConfig.load(null, List.of("daemon.admin_token_file=" + file), tmp, Map.of()));

        assertTrue(ex.getMessage().endsWith("chmod 600 " + file), ex.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "fifteen-chars-x", "thirty-three-characters-is-1-more"})
    void aTokenOutsideSixteenToThirtyTwoCharactersIsRefused(final String token) throws Exception
    {
        final Path file = tokenFile(token + "\n", "rw-------");

        final IllegalArgumentException fromFile = assertThrows(IllegalArgumentException.class, () -> OperatorToken.fromFile(file));
        assertEquals("admin token file " + file + " holds " + token.length() + " characters: an operator token is 16 to 32" +
            " (make one with: openssl rand -hex 16)", fromFile.getMessage());

        if (!token.isEmpty())
        {
            final IllegalArgumentException fromEnv = assertThrows(IllegalArgumentException.class, () ->
                DaemonConfig.load(null, List.of(), tmp, Map.of(OperatorToken.ENVIRONMENT_VARIABLE, token)));
            assertTrue(fromEnv.getMessage().startsWith("TICKLANE_ADMIN_TOKEN holds " + token.length() + " characters"),
                fromEnv.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sixteen-chars-ok", "b1946ac92492d2347c6235b4d2611184"})
    void sixteenAndThirtyTwoCharactersAreAccepted(final String token) throws Exception
    {
        final OperatorToken read = OperatorToken.fromFile(tokenFile(token + "\r\n", "rw-------"));

        assertTrue(read.matches(field(token), 0));
    }

    @Test
    void aTokenWithASpaceOrANonAsciiCharacterIsRefusedWithoutPrintingIt() throws Exception
    {
        for (final String token : new String[]{"sixteen chars ok", "sixteen-chars-\u00e9k"})
        {
            final Path file = tokenFile(token, "rw-------");
            final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> OperatorToken.fromFile(file));
            assertTrue(ex.getMessage().contains("is not printable US-ASCII"), ex.getMessage());
            assertFalse(ex.getMessage().contains("sixteen"), ex.getMessage());
        }
    }

    @Test
    void theEnvironmentVariableSuppliesTheTokenWhenNoFileIsNamed() throws Exception
    {
        final DaemonConfig config = DaemonConfig.load(null, List.of("daemon.run_dir=" + tmp.resolve("runs")), tmp,
            Map.of(OperatorToken.ENVIRONMENT_VARIABLE, TOKEN));

        assertTrue(config.adminToken().matches(field(TOKEN), 0));
        assertFalse(config.adminToken().matches(field(TOKEN.toUpperCase()), 0));
        assertEquals("environment variable TICKLANE_ADMIN_TOKEN", config.adminToken().toString());
    }

    @Test
    void aNamedFileWinsOverTheEnvironment() throws Exception
    {
        final Path file = tokenFile("from-the-file-from-the-file\n", "rw-------");

        final OperatorToken token = OperatorToken.resolve(file, Map.of(OperatorToken.ENVIRONMENT_VARIABLE, TOKEN), "--token-file", false);

        assertTrue(token.matches(field("from-the-file-from-the-file"), 0));
    }

    @Test
    void withNeitherFileNorVariableTheErrorSaysHowToGiveOne()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () ->
            OperatorToken.resolve(null, Map.of(), "--token-file", false));

        assertEquals("no operator token: name a file only you can read with --token-file, or set TICKLANE_ADMIN_TOKEN",
            ex.getMessage());
    }

    @Test
    void theDaemonMakesAMissingTokenFileOwnerOnlyWithARandomTokenAndTheClientReadsIt() throws Exception
    {
        final Path file = tmp.resolve("secrets").resolve("admin.token");

        final DaemonConfig config = DaemonConfig.load(null, List.of("daemon.admin_token_file=" + file), tmp, Map.of());

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        final String token = Files.readString(file).strip();
        assertEquals(32, token.length());
        assertTrue(config.adminToken().matches(field(token), 0));
        assertTrue(OperatorToken.fromFile(file).matches(field(token), 0), "what the client reads");
        assertEquals("file " + file + " (created with a random token)", config.adminToken().toString());
        final IllegalArgumentException clientMissing = assertThrows(IllegalArgumentException.class, () ->
            OperatorToken.resolve(tmp.resolve("nowhere"), Map.of(), "--token-file", false));
        assertEquals("admin token file " + tmp.resolve("nowhere") + " does not exist (or is not a file)",
            clientMissing.getMessage());
    }

    @Test
    void theRetiredTokenSettingIsRefusedWithoutEchoingIt() throws Exception
    {
        final Path file = Files.writeString(tmp.resolve("daemon.properties"), "risk.admin_token=" + TOKEN + "\n");

        for (final IllegalArgumentException ex : List.of(
            assertThrows(IllegalArgumentException.class, () -> DaemonConfig.load(file, List.of(), tmp, Map.of())),
            assertThrows(IllegalArgumentException.class, () ->
                DaemonConfig.load(null, List.of("risk.admin_token=" + TOKEN), tmp, Map.of()))))
        {
            assertTrue(ex.getMessage().contains("risk.admin_token is no longer a setting"), ex.getMessage());
            assertFalse(ex.getMessage().contains(TOKEN), ex.getMessage());
        }
    }

    @Test
    void neitherTheSettingsTheDaemonWritesNorTheTokenDescriptionHoldTheToken() throws Exception
    {
        final Path file = tokenFile(TOKEN + "\n", "rw-------");

        final DaemonConfig config = DaemonConfig.load(null, List.of("daemon.admin_token_file=" + file), tmp, Map.of());

        assertFalse(config.strategyProperties().contains(TOKEN), config.strategyProperties());
        assertFalse(config.describe().contains(TOKEN), config.describe());
        assertFalse(config.adminToken().toString().contains(TOKEN));
        assertTrue(config.describe().contains("daemon.admin_token_file=" + file), "the file is named, not read out");
    }

    private Path tokenFile(final String content, final String permissions) throws Exception
    {
        final Path file = Files.writeString(Files.createTempFile(tmp, "admin", ".token"), content, StandardCharsets.ISO_8859_1);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    private static UnsafeBuffer field(final String token)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[OperatorToken.MAX_LENGTH]);
        buffer.putStringWithoutLengthAscii(0, token);
        return buffer;
    }
}
