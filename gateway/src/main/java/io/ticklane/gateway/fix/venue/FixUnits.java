package io.ticklane.gateway.fix.venue;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * FIX decimals to the venue's integer units and back: a price is a whole number of ticks of {@code tickSize}, a
 * quantity a whole number of lots of {@code lotSize}. A value off the grid is refused, never rounded: rounding a
 * client's price silently changes what it traded. Only the average price, a quotient, is rounded (half even, eight
 * digits beyond the tick's).
 */
final class FixUnits
{
    /** Returned for a value that is not a positive whole number of units. */
    static final long OFF_GRID = Long.MIN_VALUE;

    private static final int AVERAGE_EXTRA_DIGITS = 8;

    private final BigDecimal tickSize;
    private final BigDecimal lotSize;

    FixUnits(final BigDecimal tickSize, final BigDecimal lotSize)
    {
        if (tickSize.signum() <= 0 || lotSize.signum() <= 0)
        {
            throw new IllegalArgumentException("tick and lot size must be > 0: " + tickSize + ", " + lotSize);
        }
        this.tickSize = tickSize.stripTrailingZeros();
        this.lotSize = lotSize.stripTrailingZeros();
    }

    long ticks(final BigDecimal price)
    {
        return units(price, tickSize);
    }

    long lots(final BigDecimal quantity)
    {
        return units(quantity, lotSize);
    }

    BigDecimal price(final long ticks)
    {
        return plain(tickSize.multiply(BigDecimal.valueOf(ticks)));
    }

    BigDecimal quantity(final long lots)
    {
        return plain(lotSize.multiply(BigDecimal.valueOf(lots)));
    }

    /**
     * @param notionalTicksLots sum of fill price (ticks) times fill quantity (lots).
     * @param cumLots           sum of fill quantities.
     * @return the average fill price, 0 without fills.
     */
    BigDecimal averagePrice(final long notionalTicksLots, final long cumLots)
    {
        if (0 == cumLots)
        {
            return BigDecimal.ZERO;
        }
        final BigDecimal average = tickSize.multiply(BigDecimal.valueOf(notionalTicksLots))
            .divide(BigDecimal.valueOf(cumLots), Math.max(0, tickSize.scale()) + AVERAGE_EXTRA_DIGITS, RoundingMode.HALF_EVEN);
        return plain(average);
    }

    BigDecimal tickSize()
    {
        return tickSize;
    }

    BigDecimal lotSize()
    {
        return lotSize;
    }

    private static long units(final BigDecimal value, final BigDecimal unit)
    {
        if (null == value || value.signum() <= 0)
        {
            return OFF_GRID;
        }
        final BigDecimal[] quotientAndRemainder = value.divideAndRemainder(unit);
        if (0 != quotientAndRemainder[1].signum())
        {
            return OFF_GRID;
        }
        try
        {
            return quotientAndRemainder[0].longValueExact();
        }
        catch (final ArithmeticException ex)
        {
            return OFF_GRID;
        }
    }

    private static BigDecimal plain(final BigDecimal value)
    {
        final BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
