package io.ticklane.gateway.fix;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One instrument as a FIX venue names and sizes it: Ticklane counts prices in ticks and quantities in lots, FIX
 * carries decimals, so the mapping needs the symbol and both increments as exact decimals (mantissa x 10^-scale),
 * never doubles, or a price could land off the tick by a rounding error.
 */
public final class FixInstrument
{
    private static final int MAX_SCALE = 18;

    private final long instrumentId;
    private final byte[] symbol;
    private final long tickMantissa;
    private final int tickScale;
    private final long lotMantissa;
    private final int lotScale;

    /**
     * @param instrumentId Ticklane's instrument id.
     * @param symbol       FIX Symbol(55), printable ASCII.
     * @param tickMantissa price of one tick is {@code tickMantissa x 10^-tickScale}; positive.
     * @param tickScale    0 to 18.
     * @param lotMantissa  quantity of one lot is {@code lotMantissa x 10^-lotScale}; positive.
     * @param lotScale     0 to 18.
     */
    public FixInstrument(
        final long instrumentId,
        final String symbol,
        final long tickMantissa,
        final int tickScale,
        final long lotMantissa,
        final int lotScale)
    {
        Objects.requireNonNull(symbol, "symbol");
        if (instrumentId <= 0 || instrumentId > 0xFFFF_FFFFL)
        {
            throw new IllegalArgumentException("instrumentId must be a positive uint32: " + instrumentId);
        }
        if (symbol.isEmpty() || !symbol.chars().allMatch((c) -> c > ' ' && c < 127))
        {
            throw new IllegalArgumentException("symbol must be printable ASCII without spaces: '" + symbol + "'");
        }
        requireIncrement("tick", tickMantissa, tickScale);
        requireIncrement("lot", lotMantissa, lotScale);
        this.instrumentId = instrumentId;
        this.symbol = symbol.getBytes(StandardCharsets.US_ASCII);
        this.tickMantissa = tickMantissa;
        this.tickScale = tickScale;
        this.lotMantissa = lotMantissa;
        this.lotScale = lotScale;
    }

    /**
     * @return Ticklane's instrument id.
     */
    public long instrumentId()
    {
        return instrumentId;
    }

    /**
     * @return the symbol's ASCII bytes; shared, never to be written.
     */
    byte[] symbolBytes()
    {
        return symbol;
    }

    /**
     * @param chars  characters of a decoded Symbol(55).
     * @param length how many of them are used.
     * @return whether they spell this instrument's symbol.
     */
    boolean hasSymbol(final char[] chars, final int length)
    {
        final byte[] symbol = this.symbol;
        if (length != symbol.length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (chars[i] != symbol[i])
            {
                return false;
            }
        }
        return true;
    }

    long tickMantissa()
    {
        return tickMantissa;
    }

    int tickScale()
    {
        return tickScale;
    }

    long lotMantissa()
    {
        return lotMantissa;
    }

    int lotScale()
    {
        return lotScale;
    }

    @Override
    public String toString()
    {
        return "FixInstrument{id=" + instrumentId + ", symbol=" + new String(symbol, StandardCharsets.US_ASCII) +
            ", tick=" + tickMantissa + "e-" + tickScale + ", lot=" + lotMantissa + "e-" + lotScale + "}";
    }

    private static void requireIncrement(final String name, final long mantissa, final int scale)
    {
        if (mantissa <= 0 || scale < 0 || scale > MAX_SCALE)
        {
            throw new IllegalArgumentException(
                name + " size must be a positive mantissa with a scale of 0 to " + MAX_SCALE + ": " + mantissa + "e-" + scale);
        }
    }
}
