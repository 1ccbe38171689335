package io.ticklane.journal.queue;

import java.util.Locale;

/**
 * The header's source text ({@link JournalHeader#source()}) for each way a journal is made, and the market it names.
 * The text is for people; the market is for tools that must not mix markets: Binance spot and USD-M futures both
 * trade a BTCUSDT, and a walk-forward that took one for the other would train on one market and test on another.
 * Made and read here only, so the two cannot drift apart. The source is not part of a journal's hash.
 */
public final class JournalSource
{
    /** Market of a journal whose source names none this class makes (an older or foreign journal). */
    public static final String UNKNOWN_MARKET = "unknown";
    private static final String BINANCE = "Binance ";
    private static final String BINANCE_CAPTURE = " capture";
    private static final String LOBSTER = "LOBSTER message ";
    private static final String DAEMON_RUN = "ticklane daemon run ";

    private JournalSource()
    {
    }

    /**
     * @param market the Binance market's name ({@code SPOT}, {@code USDM_FUTURES}).
     * @param rest   what follows: the files and how they were read.
     * @return the source of an imported Binance capture.
     */
    public static String binanceCapture(final String market, final String rest)
    {
        return BINANCE + market + BINANCE_CAPTURE + rest;
    }

    /**
     * @param rest the files and how they were read, after "LOBSTER message ".
     * @return the source of an imported LOBSTER day.
     */
    public static String lobster(final String rest)
    {
        return LOBSTER + rest;
    }

    /**
     * @param run the run directory's name.
     * @return the source of a daemon run's journal.
     */
    public static String daemonRun(final String run)
    {
        return DAEMON_RUN + run;
    }

    /**
     * @param source a journal header's source.
     * @return its market: {@code binance-spot}, {@code binance-usdm_futures} (the market's name in lower case),
     *         {@code lobster}, {@code ticklane-daemon}, or {@link #UNKNOWN_MARKET}.
     */
    public static String market(final String source)
    {
        if (source.startsWith(BINANCE))
        {
            final int end = source.indexOf(BINANCE_CAPTURE, BINANCE.length());
            return end > BINANCE.length() ? "binance-" + source.substring(BINANCE.length(), end).toLowerCase(Locale.ROOT) :
                UNKNOWN_MARKET;
        }
        if (source.startsWith(LOBSTER))
        {
            return "lobster";
        }
        if (source.startsWith(DAEMON_RUN))
        {
            return "ticklane-daemon";
        }
        return UNKNOWN_MARKET;
    }
}
