package io.ticklane.microstructure;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Parameters of one named component as given in configuration ({@code vpin(bucket_volume=5000,window=50)} for a
 * factor, {@code glft(gamma=0.05)} for a quoter). Each getter parses and validates its parameter and names the
 * component in any error; {@link #requireAllUsed()} rejects parameters no getter asked for, so a typo is an error at
 * start, never a silently ignored setting.
 */
public final class Parameters
{
    private final String ownerId;
    private final Map<String, String> values;
    private final Set<String> used = new HashSet<>();
    private final Map<Object, Object> shared;

    /**
     * @param ownerId  the factor or quoter the parameters belong to, for error messages.
     * @param values   name to text value.
     */
    public Parameters(final String ownerId, final Map<String, String> values)
    {
        this(ownerId, values, new HashMap<>());
    }

    /**
     * @param ownerId the factor or quoter the parameters belong to, for error messages.
     * @param values  name to text value.
     * @param shared  objects shared by the components created from one spec, by key (see {@link #shared}).
     */
    public Parameters(final String ownerId, final Map<String, String> values, final Map<Object, Object> shared)
    {
        this.ownerId = ownerId;
        this.values = new TreeMap<>(values);
        this.shared = shared;
    }

    /**
     * State that several components created from one spec may share instead of each computing it (for example one
     * intensity estimator per side for the A and k factors): the first caller with a key creates it, later callers
     * with an equal key get the same object. Components of different specs never share.
     *
     * @param key      identifies the state, with everything it depends on (equals/hashCode).
     * @param supplier creates it.
     * @param <T>      its type.
     * @return the shared object.
     */
    @SuppressWarnings("unchecked")
    public <T> T shared(final Object key, final Supplier<T> supplier)
    {
        return (T)shared.computeIfAbsent(key, (k) -> supplier.get());
    }

    /**
     * @return the factor or quoter the parameters belong to.
     */
    public String ownerId()
    {
        return ownerId;
    }

    /**
     * @param name         parameter name.
     * @param defaultValue used when the parameter is not given.
     * @return the value.
     */
    public double doubleParam(final String name, final double defaultValue)
    {
        final String text = take(name);
        if (null == text)
        {
            return defaultValue;
        }
        try
        {
            final double value = Double.parseDouble(text);
            if (!Double.isFinite(value))
            {
                throw new NumberFormatException();
            }
            return value;
        }
        catch (final NumberFormatException ex)
        {
            throw error(name, text, "a finite number");
        }
    }

    /**
     * @param name         parameter name.
     * @param defaultValue used when the parameter is not given.
     * @return the value, which must be positive.
     */
    public double positiveDoubleParam(final String name, final double defaultValue)
    {
        final double value = doubleParam(name, defaultValue);
        if (value <= 0)
        {
            throw error(name, Double.toString(value), "a positive number");
        }
        return value;
    }

    /**
     * @param name         parameter name.
     * @param defaultValue used when the parameter is not given.
     * @param min          smallest allowed value.
     * @param max          largest allowed value.
     * @return the value.
     */
    public int intParam(final String name, final int defaultValue, final int min, final int max)
    {
        final String text = take(name);
        final int value;
        if (null == text)
        {
            value = defaultValue;
        }
        else
        {
            try
            {
                value = Integer.parseInt(text);
            }
            catch (final NumberFormatException ex)
            {
                throw error(name, text, "an integer");
            }
        }
        if (value < min || value > max)
        {
            throw error(name, Integer.toString(value), "between " + min + " and " + max);
        }
        return value;
    }

    /**
     * @param name         parameter name.
     * @param defaultValue used when the parameter is not given.
     * @return the value.
     */
    public String stringParam(final String name, final String defaultValue)
    {
        final String text = take(name);
        return null == text ? defaultValue : text;
    }

    /**
     * @throws IllegalArgumentException naming any parameter no getter asked for.
     */
    public void requireAllUsed()
    {
        for (final String name : values.keySet())
        {
            if (!used.contains(name))
            {
                throw new IllegalArgumentException("'" + ownerId + "' has no parameter '" + name + "'");
            }
        }
    }

    private String take(final String name)
    {
        used.add(name);
        return values.get(name);
    }

    private IllegalArgumentException error(final String name, final String text, final String expected)
    {
        return new IllegalArgumentException(
            "'" + ownerId + "': parameter " + name + "=" + text + " must be " + expected);
    }
}
