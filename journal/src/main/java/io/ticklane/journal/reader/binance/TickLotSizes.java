package io.ticklane.journal.reader.binance;

import java.math.BigDecimal;

/**
 * The tick and lot sizes a reader converts with, and where they came from (given by the caller, or inferred
 * from a snapshot at file:line), so a command can tell the user exactly what grid its numbers are on.
 */
public final class TickLotSizes
{
    private final BigDecimal tickSize;
    private final BigDecimal lotSize;
    private final boolean tickInferred;
    private final boolean lotInferred;
    private final String source;
    private final long line;

    TickLotSizes(
        final BigDecimal tickSize,
        final boolean tickInferred,
        final BigDecimal lotSize,
        final boolean lotInferred,
        final String source,
        final long line)
    {
        this.tickSize = tickSize;
        this.tickInferred = tickInferred;
        this.lotSize = lotSize;
        this.lotInferred = lotInferred;
        this.source = source;
        this.line = line;
    }

    /**
     * @return the price step, trailing zeros stripped.
     */
    public BigDecimal tickSize()
    {
        return tickSize;
    }

    /**
     * @return the quantity step, trailing zeros stripped.
     */
    public BigDecimal lotSize()
    {
        return lotSize;
    }

    /**
     * @return true when at least one size was inferred from a snapshot rather than given.
     */
    public boolean inferred()
    {
        return tickInferred || lotInferred;
    }

    /**
     * @return true when the tick size was inferred from a snapshot rather than given.
     */
    public boolean tickInferred()
    {
        return tickInferred;
    }

    /**
     * @return true when the lot size was inferred from a snapshot rather than given.
     */
    public boolean lotInferred()
    {
        return lotInferred;
    }

    /**
     * @return the file of the snapshot the sizes were inferred from, or null when both were given.
     */
    public String source()
    {
        return source;
    }

    /**
     * @return the 1-based line of that snapshot, or 0 when both were given.
     */
    public long line()
    {
        return line;
    }

    /**
     * @return e.g. {@code tick=0.01 lot=0.00001 (inferred from snapshot at file:8)}, or with one size given
     *         {@code tick=0.01 (inferred from snapshot at file:8) lot=0.000001 (given)}.
     */
    @Override
    public String toString()
    {
        final String tick = "tick=" + tickSize.toPlainString();
        final String lot = "lot=" + lotSize.toPlainString();
        if (tickInferred == lotInferred)
        {
            return tick + " " + lot + (tickInferred ? " (inferred from " + where() + ")" : " (given)");
        }
        return tick + (tickInferred ? " (inferred from " + where() + ")" : " (given)") + " " +
            lot + (lotInferred ? " (inferred from " + where() + ")" : " (given)");
    }

    private String where()
    {
        return "snapshot at " + source + ":" + line;
    }
}
