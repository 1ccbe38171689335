package io.ticklane.gateway.fix.venue;

import io.ticklane.gateway.fix.FixPasswordFile;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The FIX venue's session settings, read from a small properties file ({@code ticklane venue --fix-config FILE}) and
 * validated at once, every error naming its key, so a bad file stops the venue before it listens. The password is
 * read from its own file that only its owner may read or write (as the operator token's): it never appears in argv,
 * in the properties file or in a message of this class.
 * <p>
 * Keys: {@code sender_comp_id} (the venue's CompID), {@code target_comp_id} (the client's), {@code username},
 * {@code password_file}, {@code tick_size} (FIX price of one tick, e.g. 0.01), {@code lot_size} (FIX quantity of one
 * lot, e.g. 1), optional {@code symbol} (the FIX symbol of the venue's one instrument; default the market's) and
 * {@code store_dir} (session store directory: sequence numbers and sent messages survive a restart; default in
 * memory). A relative path is resolved against the properties file's directory.
 */
public final class FixVenueConfig
{
    public static final String SENDER_COMP_ID = "sender_comp_id";
    public static final String TARGET_COMP_ID = "target_comp_id";
    public static final String USERNAME = "username";
    public static final String PASSWORD_FILE = "password_file";
    public static final String TICK_SIZE = "tick_size";
    public static final String LOT_SIZE = "lot_size";
    public static final String SYMBOL = "symbol";
    public static final String STORE_DIR = "store_dir";

    private static final Set<String> KEYS = Set.of(
        SENDER_COMP_ID, TARGET_COMP_ID, USERNAME, PASSWORD_FILE, TICK_SIZE, LOT_SIZE, SYMBOL, STORE_DIR);
    private static final Pattern COMP_ID = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");
    private static final Pattern USERNAME_PATTERN = Pattern.compile("[!-~]{1,128}");
    private static final Pattern SYMBOL_PATTERN = Pattern.compile("[!-~]{1,16}");

    private final String senderCompId;
    private final String targetCompId;
    private final String username;
    private final String password;
    private final BigDecimal tickSize;
    private final BigDecimal lotSize;
    private final String symbol;
    private final Path storeDir;

    /**
     * @param senderCompId the venue's CompID.
     * @param targetCompId the client's CompID.
     * @param username     the client's Username(553).
     * @param password     its Password(554).
     * @param tickSize     FIX price of one tick, positive.
     * @param lotSize      FIX quantity of one lot, positive.
     * @param symbol       FIX symbol, or null for the market's.
     * @param storeDir     session store directory, or null to keep the session in memory.
     */
    public FixVenueConfig(
        final String senderCompId,
        final String targetCompId,
        final String username,
        final String password,
        final BigDecimal tickSize,
        final BigDecimal lotSize,
        final String symbol,
        final Path storeDir)
    {
        this.senderCompId = requireMatch(SENDER_COMP_ID, senderCompId, COMP_ID);
        this.targetCompId = requireMatch(TARGET_COMP_ID, targetCompId, COMP_ID);
        if (senderCompId.equals(targetCompId))
        {
            throw new IllegalArgumentException(TARGET_COMP_ID + " must differ from " + SENDER_COMP_ID);
        }
        this.username = requireMatch(USERNAME, username, USERNAME_PATTERN);
        if (null == password || password.isEmpty())
        {
            throw new IllegalArgumentException(PASSWORD_FILE + ": the password is empty");
        }
        this.password = password;
        this.tickSize = requirePositive(TICK_SIZE, tickSize);
        this.lotSize = requirePositive(LOT_SIZE, lotSize);
        this.symbol = null == symbol ? null : requireMatch(SYMBOL, symbol, SYMBOL_PATTERN);
        this.storeDir = storeDir;
    }

    /**
     * Reads and validates a properties file and the password file it names.
     *
     * @param file the properties file.
     * @return the settings.
     * @throws IOException              if a file cannot be read.
     * @throws IllegalArgumentException naming the key (or file) that is missing or wrong.
     */
    public static FixVenueConfig load(final Path file) throws IOException
    {
        if (!Files.isRegularFile(file))
        {
            throw new IllegalArgumentException("FIX venue config " + file + " does not exist (or is not a file)");
        }
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            properties.load(reader);
        }
        final Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty())
        {
            throw new IllegalArgumentException(file + ": unknown key(s) " + unknown + "; known: " + new TreeSet<>(KEYS));
        }
        final Path base = null == file.toAbsolutePath().getParent() ? Path.of(".") : file.toAbsolutePath().getParent();
        final String storeDir = optional(properties, STORE_DIR);
        return new FixVenueConfig(
            required(properties, SENDER_COMP_ID),
            required(properties, TARGET_COMP_ID),
            required(properties, USERNAME),
            FixPasswordFile.read(base.resolve(required(properties, PASSWORD_FILE)), PASSWORD_FILE),
            decimal(properties, TICK_SIZE),
            decimal(properties, LOT_SIZE),
            optional(properties, SYMBOL),
            null == storeDir ? null : base.resolve(storeDir));
    }


    public String senderCompId()
    {
        return senderCompId;
    }

    public String targetCompId()
    {
        return targetCompId;
    }

    public String username()
    {
        return username;
    }

    /**
     * @return the password; never print it.
     */
    public String password()
    {
        return password;
    }

    public BigDecimal tickSize()
    {
        return tickSize;
    }

    public BigDecimal lotSize()
    {
        return lotSize;
    }

    /**
     * @return the FIX symbol, or null for the market's.
     */
    public String symbol()
    {
        return symbol;
    }

    /**
     * @return the session store directory, or null for an in-memory session.
     */
    public Path storeDir()
    {
        return storeDir;
    }

    public String toString()
    {
        return "FixVenueConfig{" + SENDER_COMP_ID + "=" + senderCompId + ", " + TARGET_COMP_ID + "=" + targetCompId +
            ", " + USERNAME + "=" + username + ", " + TICK_SIZE + "=" + tickSize.toPlainString() + ", " + LOT_SIZE + "=" +
            lotSize.toPlainString() + ", " + SYMBOL + "=" + symbol + ", " + STORE_DIR + "=" + storeDir + "}";
    }

    private static String required(final Properties properties, final String key)
    {
        final String value = optional(properties, key);
        if (null == value)
        {
            throw new IllegalArgumentException(key + " is required");
        }
        return value;
    }

    private static String optional(final Properties properties, final String key)
    {
        final String value = properties.getProperty(key);
        return null == value || value.isBlank() ? null : value.trim();
    }

    private static BigDecimal decimal(final Properties properties, final String key)
    {
        final String text = required(properties, key);
        try
        {
            return new BigDecimal(text);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(key + " must be a decimal number, got '" + text + "'", ex);
        }
    }

    private static String requireMatch(final String key, final String value, final Pattern pattern)
    {
        if (null == value || !pattern.matcher(value).matches())
        {
            throw new IllegalArgumentException(key + " must match " + pattern.pattern() + ", got '" + value + "'");
        }
        return value;
    }

    private static BigDecimal requirePositive(final String key, final BigDecimal value)
    {
        if (null == value || value.signum() <= 0)
        {
            throw new IllegalArgumentException(key + " must be > 0, got " + value);
        }
        return value.stripTrailingZeros();
    }
}
