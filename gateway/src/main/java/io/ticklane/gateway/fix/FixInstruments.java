package io.ticklane.gateway.fix;

import java.util.Arrays;
import java.util.List;

/**
 * The instruments one FIX session trades, found by Ticklane id (outbound) or by FIX Symbol (inbound) without
 * allocating. A session trades a handful of instruments, so a linear scan beats any hash here.
 */
public final class FixInstruments
{
    private final FixInstrument[] instruments;

    /**
     * @param instruments at least one; ids and symbols each distinct.
     */
    public FixInstruments(final List<FixInstrument> instruments)
    {
        if (instruments.isEmpty())
        {
            throw new IllegalArgumentException("a FIX session needs at least one instrument");
        }
        this.instruments = instruments.toArray(new FixInstrument[0]);
        for (int i = 0; i < this.instruments.length; i++)
        {
            for (int j = 0; j < i; j++)
            {
                final FixInstrument a = this.instruments[i];
                final FixInstrument b = this.instruments[j];
                if (a.instrumentId() == b.instrumentId() ||
                    Arrays.equals(a.symbolBytes(), b.symbolBytes()))
                {
                    throw new IllegalArgumentException("duplicate instrument id or symbol: " + a + " and " + b);
                }
            }
        }
    }

    /**
     * @param instrumentId Ticklane's instrument id.
     * @return the instrument, or null when the session does not trade it.
     */
    public FixInstrument byId(final long instrumentId)
    {
        for (final FixInstrument instrument : instruments)
        {
            if (instrument.instrumentId() == instrumentId)
            {
                return instrument;
            }
        }
        return null;
    }

    /**
     * @param symbol characters of a decoded Symbol(55).
     * @param length how many are used.
     * @return the instrument, or null when no configured instrument has that symbol.
     */
    public FixInstrument bySymbol(final char[] symbol, final int length)
    {
        for (final FixInstrument instrument : instruments)
        {
            if (instrument.hasSymbol(symbol, length))
            {
                return instrument;
            }
        }
        return null;
    }
}
