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
    private final String source;
    private final long line;

    TickLotSizes(final BigDecimal tickSize, final BigDecimal lotSize, final String source, final long line)
    {
        this.tickSize = tickSize;
        this.lotSize = lotSize;
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
        return null != source;
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
     * @return e.g. {@code tick=0.01 lot=0.00001 (inferred from snapshot at file:8)}.
     */
    @Override
    public String toString()
    {
        return "tick=" + tickSize.toPlainString() + " lot=" + lotSize.toPlainString() +
            (inferred() ? " (inferred from snapshot at " + source + ":" + line + ")" : " (given)");
    }
}
