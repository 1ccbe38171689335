package io.ticklane.cli;

import io.ticklane.journal.reader.lobster.LobsterContext;
import picocli.CommandLine;

import java.math.BigDecimal;

/**
 * A LOBSTER {@code --tick-size} given in currency, as the price units LOBSTER files count in (10^-4 of the
 * currency): the commands reading LOBSTER data ({@code import lobster}, {@code book verify}) refuse the same sizes
 * with the same message.
 */
final class LobsterTickSize
{
    private LobsterTickSize()
    {
    }

    static long priceUnits(final CommandLine commandLine, final BigDecimal price)
    {
        try
        {
            final long units = price.scaleByPowerOfTen(-LobsterContext.PRICE_EXPONENT).longValueExact();
            if (units <= 0)
            {
                throw new ArithmeticException();
            }
            return units;
        }
        catch (final ArithmeticException ex)
        {
            throw new CommandLine.ParameterException(commandLine,
                "--tick-size " + price.toPlainString() + " is not a positive multiple of 10^" + LobsterContext.PRICE_EXPONENT);
        }
    }
}
