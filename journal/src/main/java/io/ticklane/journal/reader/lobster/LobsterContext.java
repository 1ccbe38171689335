package io.ticklane.journal.reader.lobster;

import io.ticklane.journal.reader.InputFormatException;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Settings of a LOBSTER import: which instrument the rows belong to and on which trading day. LOBSTER files carry
 * neither the instrument's tick size nor an absolute time, so these come from here (or, for symbol and date, from a
 * file name of the form {@code SYMBOL_YYYY-MM-DD_...}). Call {@link #conclude(Path)} to resolve and validate them;
 * it fills the unset symbol and date in place, so use one context per file.
 */
public final class LobsterContext
{
    /** LOBSTER prices are dollars x 10^4. */
    public static final byte PRICE_EXPONENT = -4;
    /** One cent in LOBSTER price units: the NASDAQ tick for stocks above one dollar. */
    public static final long DEFAULT_TICK_SIZE = 100;
    /** Instrument id used when none is set. */
    public static final int DEFAULT_INSTRUMENT_ID = 1;
    /** LOBSTER times are seconds after midnight in the exchange's time zone. */
    public static final ZoneId EXCHANGE_ZONE = ZoneId.of("America/New_York");
    /** Length of the SBE {@code Symbol} field. */
    public static final int MAX_SYMBOL_LENGTH = 16;

    private static final int DATE_LENGTH = 10;

    private int instrumentId = DEFAULT_INSTRUMENT_ID;
    private long tickSize = DEFAULT_TICK_SIZE;
    private String symbol;
    private LocalDate tradingDate;
    private long midnightEpochNs;

    /**
     * @param instrumentId id put in every message; must be positive.
     * @return this for a fluent API.
     */
    public LobsterContext instrumentId(final int instrumentId)
    {
        this.instrumentId = instrumentId;
        return this;
    }

    /**
     * @return id put in every message.
     */
    public int instrumentId()
    {
        return instrumentId;
    }

    /**
     * @param tickSize minimum price increment in LOBSTER price units (10^-4 dollars); must be positive.
     * @return this for a fluent API.
     */
    public LobsterContext tickSize(final long tickSize)
    {
        this.tickSize = tickSize;
        return this;
    }

    /**
     * @return minimum price increment in LOBSTER price units.
     */
    public long tickSize()
    {
        return tickSize;
    }

    /**
     * @param symbol venue symbol, up to 16 ASCII characters; null to take it from the file name.
     * @return this for a fluent API.
     */
    public LobsterContext symbol(final String symbol)
    {
        this.symbol = symbol;
        return this;
    }

    /**
     * @return the symbol, resolved from the file name by {@link #conclude(Path)} when not set.
     */
    public String symbol()
    {
        return symbol;
    }

    /**
     * @param tradingDate the day the file covers; null to take it from the file name.
     * @return this for a fluent API.
     */
    public LobsterContext tradingDate(final LocalDate tradingDate)
    {
        this.tradingDate = tradingDate;
        return this;
    }

    /**
     * @return the trading day, resolved from the file name by {@link #conclude(Path)} when not set.
     */
    public LocalDate tradingDate()
    {
        return tradingDate;
    }

    /**
     * @return epoch nanoseconds of midnight America/New_York on the trading day; valid after {@link #conclude(Path)}.
     */
    public long midnightEpochNs()
    {
        return midnightEpochNs;
    }

    /**
     * Fill symbol and date from the file name where not set, and validate everything.
     *
     * @param file the LOBSTER file these settings are for.
     * @return this for a fluent API.
     * @throws InputFormatException naming the file when symbol or date cannot be determined.
     * @throws IllegalArgumentException when a set value is invalid.
     */
    public LobsterContext conclude(final Path file)
    {
        final String source = file.toString();
        final Path fileNamePath = file.getFileName();
        final String name = null == fileNamePath ? "" : fileNamePath.toString();
        final int underscore = name.indexOf('_');

        if (null == symbol)
        {
            if (underscore <= 0)
            {
                throw new InputFormatException(source, 0, "no symbol given and file name is not SYMBOL_YYYY-MM-DD_...");
            }
            symbol = name.substring(0, underscore);
        }
        if (null == tradingDate)
        {
            tradingDate = dateFromFileName(source, name, underscore);
        }

        if (symbol.isEmpty() || symbol.length() > MAX_SYMBOL_LENGTH || !isAscii(symbol))
        {
            throw new IllegalArgumentException("symbol must be 1 to " + MAX_SYMBOL_LENGTH + " ASCII characters: '" + symbol + "'");
        }
        if (tickSize <= 0)
        {
            throw new IllegalArgumentException("tickSize must be positive: " + tickSize);
        }
        if (instrumentId <= 0)
        {
            throw new IllegalArgumentException("instrumentId must be positive: " + instrumentId);
        }

        midnightEpochNs = tradingDate.atStartOfDay(EXCHANGE_ZONE).toEpochSecond() * 1_000_000_000L;
        return this;
    }

    private static LocalDate dateFromFileName(final String source, final String name, final int underscore)
    {
        final int start = underscore + 1;
        final int end = start + DATE_LENGTH;
        final boolean shaped = underscore > 0 && name.length() > end && '_' == name.charAt(end);
        if (shaped)
        {
            try
            {
                return LocalDate.parse(name.substring(start, end));
            }
            catch (final DateTimeException ex)
            {
                throw new InputFormatException(source, 0, "no trading date given and '" + name.substring(start, end) +
                    "' in the file name is not a date (YYYY-MM-DD)", ex);
            }
        }
        throw new InputFormatException(source, 0, "no trading date given and file name is not SYMBOL_YYYY-MM-DD_...");
    }

    private static boolean isAscii(final String s)
    {
        for (int i = 0; i < s.length(); i++)
        {
            final char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e)
            {
                return false;
            }
        }
        return true;
    }
}
