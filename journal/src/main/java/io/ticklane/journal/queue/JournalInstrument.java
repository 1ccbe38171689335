package io.ticklane.journal.queue;

import java.util.Objects;

/**
 * An instrument as the journal header records it, so a journal can be read without any other file: prices in ticks
 * and sizes in lots mean something only with these numbers.
 */
public final class JournalInstrument
{
    private final int id;
    private final String symbol;
    private final long tickSize;
    private final long lotSize;
    private final byte priceExponent;
    private final byte quantityExponent;

    /**
     * @param id               instrument id used in the frames.
     * @param symbol           venue symbol.
     * @param tickSize         minimum price increment in price units.
     * @param lotSize          minimum quantity increment in quantity units.
     * @param priceExponent    price units are 10^priceExponent currency.
     * @param quantityExponent quantity units are 10^quantityExponent.
     */
    public JournalInstrument(
        final int id,
        final String symbol,
        final long tickSize,
        final long lotSize,
        final byte priceExponent,
        final byte quantityExponent)
    {
        this.id = id;
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.tickSize = tickSize;
        this.lotSize = lotSize;
        this.priceExponent = priceExponent;
        this.quantityExponent = quantityExponent;
    }

    /**
     * @return instrument id used in the frames.
     */
    public int id()
    {
        return id;
    }

    /**
     * @return venue symbol.
     */
    public String symbol()
    {
        return symbol;
    }

    /**
     * @return minimum price increment in price units.
     */
    public long tickSize()
    {
        return tickSize;
    }

    /**
     * @return minimum quantity increment in quantity units.
     */
    public long lotSize()
    {
        return lotSize;
    }

    /**
     * @return price units are 10^priceExponent currency.
     */
    public byte priceExponent()
    {
        return priceExponent;
    }

    /**
     * @return quantity units are 10^quantityExponent.
     */
    public byte quantityExponent()
    {
        return quantityExponent;
    }

    @Override
    public boolean equals(final Object o)
    {
        if (!(o instanceof JournalInstrument))
        {
            return false;
        }
        final JournalInstrument that = (JournalInstrument)o;
        return id == that.id && tickSize == that.tickSize && lotSize == that.lotSize &&
            priceExponent == that.priceExponent && quantityExponent == that.quantityExponent && symbol.equals(that.symbol);
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(id, symbol, tickSize, lotSize, priceExponent, quantityExponent);
    }

    @Override
    public String toString()
    {
        return "id=" + id + " symbol=" + symbol + " tickSize=" + tickSize + " lotSize=" + lotSize +
            " priceExponent=" + priceExponent + " quantityExponent=" + quantityExponent;
    }
}
