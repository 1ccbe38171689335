package io.ticklane.marketmaking.quote;

import io.ticklane.microstructure.Parameters;

/**
 * The few parameter shapes quoters share that {@link Parameters} does not read itself: strict booleans and optional
 * positive numbers (absent = NaN). Kept in one place so every quoter rejects {@code post_only=yes} or
 * {@code sigma=-1} with the same message, at construction.
 */
final class QuoterParameters
{
    private QuoterParameters()
    {
    }

    static boolean booleanParam(final Parameters params, final String name, final boolean defaultValue)
    {
        final String text = params.stringParam(name, null);
        if (null == text)
        {
            return defaultValue;
        }
        if ("true".equals(text))
        {
            return true;
        }
        if ("false".equals(text))
        {
            return false;
        }
        throw new IllegalArgumentException(
            "'" + params.ownerId() + "': parameter " + name + "=" + text + " must be true or false");
    }

    static double optionalPositive(final Parameters params, final String name)
    {
        final double value = params.doubleParam(name, Double.NaN);
        if (!Double.isNaN(value) && !(value > 0))
        {
            throw new IllegalArgumentException(
                "'" + params.ownerId() + "': parameter " + name + "=" + value + " must be a positive number");
        }
        return value;
    }

    static double nonNegative(final Parameters params, final String name, final double defaultValue)
    {
        final double value = params.doubleParam(name, defaultValue);
        if (value < 0)
        {
            throw new IllegalArgumentException(
                "'" + params.ownerId() + "': parameter " + name + "=" + value + " must be zero or positive");
        }
        return value;
    }
}
