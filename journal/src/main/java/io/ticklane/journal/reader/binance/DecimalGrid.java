package io.ticklane.journal.reader.binance;

import java.math.BigDecimal;

/**
 * An exact decimal grid (tick or lot): turns a decimal string into a whole number of steps without ever going
 * through a double, and says precisely why when it cannot. Values are non-negative, as Binance prices and
 * quantities are; outcomes are return codes so the caller can attach file and line to the error.
 */
final class DecimalGrid
{
    /** The text is not a plain non-negative decimal number. */
    static final long NOT_A_DECIMAL = -1;
    /** The value is not an exact multiple of the step. */
    static final long OFF_GRID = -2;
    /** The value does not fit in a long at this grid's exponent. */
    static final long OVERFLOW = -3;
    /** {@link #significantDecimals(char[], int, int)} of a zero value: it says nothing about the grid. */
    static final int ZERO_VALUE = Integer.MIN_VALUE;

    private static final int MAX_DECIMALS = 18;
    private static final long[] POWERS_OF_TEN = new long[MAX_DECIMALS + 1];
    /** Largest value that can be scaled by 10^i without overflow: divisions done once here, not per value. */
    private static final long[] MAX_BEFORE_SCALE = new long[MAX_DECIMALS + 1];
    /** Below this, one more digit can never overflow, so the exact (dividing) check is skipped. */
    private static final long NO_OVERFLOW_BELOW = (Long.MAX_VALUE - 9) / 10;

    static
    {
        long power = 1;
        for (int i = 0; i <= MAX_DECIMALS; i++)
        {
            POWERS_OF_TEN[i] = power;
            MAX_BEFORE_SCALE[i] = Long.MAX_VALUE / power;
            power *= 10;
        }
    }

    private final BigDecimal step;
    private final int decimals;
    private final long stepUnits;

    private DecimalGrid(final BigDecimal step, final int decimals, final long stepUnits)
    {
        this.step = step;
        this.decimals = decimals;
        this.stepUnits = stepUnits;
    }

    /**
     * @param step positive step such as {@code 0.01}; trailing zeros are ignored.
     * @return the grid whose units are 10^-decimals, with the step a whole number of units.
     * @throws IllegalArgumentException when the step is not positive or has more than 18 decimals.
     */
    static DecimalGrid of(final BigDecimal step)
    {
        if (step.signum() <= 0)
        {
            throw new IllegalArgumentException("step must be positive: " + step.toPlainString());
        }
        final BigDecimal stripped = step.stripTrailingZeros();
        final int decimals = Math.max(0, stripped.scale());
        if (decimals > MAX_DECIMALS)
        {
            throw new IllegalArgumentException("step has more than " + MAX_DECIMALS + " decimals: " + step.toPlainString());
        }
        return new DecimalGrid(stripped, decimals, stripped.movePointRight(decimals).longValueExact());
    }

    /**
     * @return the step, trailing zeros stripped.
     */
    BigDecimal step()
    {
        return step;
    }

    /**
     * @return the exponent of one unit: units are 10^exponent.
     */
    byte exponent()
    {
        return (byte)-decimals;
    }

    /**
     * @return the step in units of 10^{@link #exponent()}.
     */
    long stepUnits()
    {
        return stepUnits;
    }

    /**
     * @param text   characters holding the decimal.
     * @param offset of the first character.
     * @param length number of characters.
     * @return the number of whole steps (&gt;= 0), or {@link #NOT_A_DECIMAL}, {@link #OFF_GRID}, {@link #OVERFLOW}.
     */
    long toSteps(final char[] text, final int offset, final int length)
    {
        final int end = offset + length;
        long units = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean inFraction = false;
        for (int i = offset; i < end; i++)
        {
            final char c = text[i];
            if (c == '.')
            {
                if (inFraction)
                {
                    return NOT_A_DECIMAL;
                }
                inFraction = true;
                continue;
            }
            if (c < '0' || c > '9')
            {
                return NOT_A_DECIMAL;
            }
            digits++;
            final int digit = c - '0';
            if (inFraction && fractionDigits == decimals)
            {
                if (digit != 0)
                {
                    return OFF_GRID;
                }
                continue;
            }
            if (units > NO_OVERFLOW_BELOW && units > (Long.MAX_VALUE - digit) / 10)
            {
                return OVERFLOW;
            }
            units = units * 10 + digit;
            if (inFraction)
            {
                fractionDigits++;
            }
        }
        if (digits == 0)
        {
            return NOT_A_DECIMAL;
        }
        final int scaleDigits = decimals - fractionDigits;
        if (units > MAX_BEFORE_SCALE[scaleDigits])
        {
            return OVERFLOW;
        }
        units *= POWERS_OF_TEN[scaleDigits];
        // Binance's ticks and lots are powers of ten (one unit): no 64-bit division per value, measured by
        // BinanceDepthDecodeBenchmark on 66-level messages.
        if (stepUnits == 1)
        {
            return units;
        }
        return units % stepUnits == 0 ? units / stepUnits : OFF_GRID;
    }

    /**
     * Number of decimals a value is written with, trailing zeros included: the precision the venue publishes.
     *
     * @param text   characters holding the decimal.
     * @param offset of the first character.
     * @param length number of characters.
     * @return the decimals written, 0 for a whole number, {@link #NOT_A_DECIMAL} when malformed.
     */
    static int writtenDecimals(final char[] text, final int offset, final int length)
    {
        if ((int)NOT_A_DECIMAL == significantDecimals(text, offset, length))
        {
            return (int)NOT_A_DECIMAL;
        }
        for (int i = offset; i < offset + length; i++)
        {
            if ('.' == text[i])
            {
                return offset + length - i - 1;
            }
        }
        return 0;
    }

    /**
     * Number of decimals a value really uses: trailing zeros ignored.
     *
     * @param text   characters holding the decimal.
     * @param offset of the first character.
     * @param length number of characters.
     * @return the decimals used, 0 for a whole number, {@link #ZERO_VALUE} for zero, {@link #NOT_A_DECIMAL} when malformed.
     */
    static int significantDecimals(final char[] text, final int offset, final int length)
    {
        final int end = offset + length;
        int point = -1;
        int lastNonZeroFraction = -1;
        boolean nonZero = false;
        int digits = 0;
        for (int i = offset; i < end; i++)
        {
            final char c = text[i];
            if (c == '.')
            {
                if (point >= 0)
                {
                    return (int)NOT_A_DECIMAL;
                }
                point = i;
            }
            else if (c >= '0' && c <= '9')
            {
                digits++;
                if (c != '0')
                {
                    nonZero = true;
                    if (point >= 0)
                    {
                        lastNonZeroFraction = i;
                    }
                }
            }
            else
            {
                return (int)NOT_A_DECIMAL;
            }
        }
        if (digits == 0)
        {
            return (int)NOT_A_DECIMAL;
        }
        if (!nonZero)
        {
            return ZERO_VALUE;
        }
        return lastNonZeroFraction < 0 ? 0 : lastNonZeroFraction - point;
    }

    /**
     * @param code one of the negative outcomes of {@link #toSteps(char[], int, int)}.
     * @return words for an error message.
     */
    String describe(final long code)
    {
        if (code == OFF_GRID)
        {
            return "not a multiple of " + step.toPlainString();
        }
        if (code == OVERFLOW)
        {
            return "too large";
        }
        return "not a decimal number";
    }
}
