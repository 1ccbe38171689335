package io.ticklane.backtest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The combinations of a parameter sweep: the cartesian product of {@code key=v1,v2,...} specs (the first spec varies
 * slowest), each turned into the text of a complete configuration file, so a combination can be rerun on its own
 * with a plain backtest of that file. A key is either a configuration key ({@code quotes.replace_ticks}) or a
 * parameter of the configured quoter, written {@code quoter.gamma} or just {@code gamma}; the quoter override
 * rewrites the {@code quoter=name(...)} spec. Values are split on commas, so settings whose values hold commas (the
 * factor list) cannot be swept. Whether a key or value is accepted is decided by loading the configuration.
 */
public final class SweepPlan
{
    private static final String QUOTER = "quoter";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]+");
    /**
     * Most combinations a sweep may have: ten thousand backtests per journal is hours of a machine already, and a
     * grid past it is a typo far more often than a plan (six keys of ten values are a million).
     */
    public static final int MAX_COMBINATIONS = 10_000;

    private final List<String> keys;
    private final List<Map<String, String>> combinations;

    private SweepPlan(final List<String> keys, final List<Map<String, String>> combinations)
    {
        this.keys = keys;
        this.combinations = combinations;
    }

    /**
     * @param specs {@code key=v1,v2,...}, at least one.
     * @return the plan.
     * @throws IllegalArgumentException for a malformed spec, an empty value, a key or value given twice, or more than
     *                                  {@link #MAX_COMBINATIONS} combinations.
     */
    public static SweepPlan parse(final List<String> specs)
    {
        if (specs.isEmpty())
        {
            throw new IllegalArgumentException("a sweep needs at least one --sweep key=v1,v2,...");
        }
        final List<String> keys = new ArrayList<>();
        final List<List<String>> values = new ArrayList<>();
        final Set<String> seen = new LinkedHashSet<>();
        for (final String spec : specs)
        {
            final int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1)
            {
                throw new IllegalArgumentException("--sweep '" + spec + "': expected key=v1,v2,...");
            }
            final String key = normalise(spec.substring(0, eq).trim());
            if (!KEY.matcher(key).matches())
            {
                // a ':', '=', space or line break in a key would end it early in the configuration file written
                throw new IllegalArgumentException("--sweep '" + spec + "': bad key '" + key + "' (letters, digits, '.', '_', '-')");
            }
            if (!seen.add(key))
            {
                throw new IllegalArgumentException("--sweep '" + spec + "': key " + key + " is swept twice");
            }
            final List<String> list = new ArrayList<>();
            for (final String value : spec.substring(eq + 1).split(",", -1))
            {
                final String v = value.trim();
                if (v.isEmpty() || v.contains("(") || v.contains(")") || v.contains("\n"))
                {
                    throw new IllegalArgumentException("--sweep '" + spec + "': bad value '" + value + "'");
                }
                if (list.contains(v))
                {
                    throw new IllegalArgumentException("--sweep '" + spec + "': value '" + v + "' is given twice");
                }
                list.add(v);
            }
            keys.add(key);
            values.add(list);
        }
        long count = 1;
        for (final List<String> list : values)
        {
            count *= list.size();
            if (count > MAX_COMBINATIONS)
            {
                throw new IllegalArgumentException("--sweep " + String.join(" ", keys) + ": more than " + MAX_COMBINATIONS +
                    " combinations (" + sizes(values) + "): narrow the grid");
            }
        }
        final List<Map<String, String>> combinations = new ArrayList<>();
        product(keys, values, 0, new LinkedHashMap<>(), combinations);
        return new SweepPlan(List.copyOf(keys), Collections.unmodifiableList(combinations));
    }

    private static String normalise(final String key)
    {
        if (key.isEmpty())
        {
            throw new IllegalArgumentException("--sweep: empty key");
        }
        // a bare name that is no configuration key (they all have a dot, but for these two) is a quoter parameter
        return key.contains(".") || QUOTER.equals(key) || "factors".equals(key) ? key : QUOTER + "." + key;
    }

    private static void product(
        final List<String> keys,
        final List<List<String>> values,
        final int depth,
        final LinkedHashMap<String, String> current,
        final List<Map<String, String>> out)
    {
        if (depth == keys.size())
        {
            out.add(Collections.unmodifiableMap(new LinkedHashMap<>(current)));
            return;
        }
        for (final String value : values.get(depth))
        {
            current.put(keys.get(depth), value);
            product(keys, values, depth + 1, current, out);
        }
        current.remove(keys.get(depth));
    }

    private static String sizes(final List<List<String>> values)
    {
        final StringBuilder text = new StringBuilder();
        for (final List<String> list : values)
        {
            text.append(text.length() == 0 ? "" : " x ").append(list.size());
        }
        return text.append(" values").toString();
    }

    /**
     * @return swept keys, normalised ({@code gamma} becomes {@code quoter.gamma}).
     */
    public List<String> keys()
    {
        return keys;
    }

    /**
     * @return every combination, key to value in key order.
     */
    public List<Map<String, String>> combinations()
    {
        return combinations;
    }

    /**
     * @param index      combination index.
     * @param overrides  the combination.
     * @return a directory name: the index and the overrides, with characters outside [A-Za-z0-9._=-] replaced.
     */
    public static String directoryName(final int index, final Map<String, String> overrides)
    {
        final StringBuilder name = new StringBuilder(String.format("%03d", index));
        for (final Map.Entry<String, String> entry : overrides.entrySet())
        {
            name.append('_').append(entry.getKey()).append('=').append(entry.getValue());
        }
        return name.toString().replaceAll("[^A-Za-z0-9._=-]", "-");
    }

    /**
     * @param baseText   the base configuration file's text.
     * @param baseQuoter the base configuration's quoter spec.
     * @param overrides  the combination.
     * @return the text of the combination's configuration: the base text with override lines appended (a later
     *     line wins in a properties file).
     */
    public static String configText(final String baseText, final String baseQuoter, final Map<String, String> overrides)
    {
        final StringBuilder text = new StringBuilder(baseText);
        if (text.length() > 0 && text.charAt(text.length() - 1) != '\n')
        {
            text.append('\n');
        }
        text.append("# sweep overrides\n");
        // a swept quoter replaces the base's, and swept quoter parameters apply to whichever quoter the combination runs
        String quoter = overrides.get(QUOTER);
        for (final Map.Entry<String, String> entry : overrides.entrySet())
        {
            if (entry.getKey().startsWith(QUOTER + "."))
            {
                quoter = withParameter(null == quoter ? baseQuoter : quoter,
                    entry.getKey().substring(QUOTER.length() + 1), entry.getValue());
            }
            else if (!QUOTER.equals(entry.getKey()))
            {
                text.append(entry.getKey()).append('=').append(escape(entry.getValue())).append('\n');
            }
        }
        if (null != quoter)
        {
            text.append(QUOTER).append('=').append(escape(quoter)).append('\n');
        }
        return text.toString();
    }

    /**
     * @param spec      a quoter spec, {@code name} or {@code name(k=v,...)}.
     * @param parameter parameter to set.
     * @param value     its value.
     * @return the spec with the parameter set (replaced in place, or appended).
     */
    public static String withParameter(final String spec, final String parameter, final String value)
    {
        final int open = spec.indexOf('(');
        final String name = (open < 0 ? spec : spec.substring(0, open)).trim();
        final LinkedHashMap<String, String> parameters = new LinkedHashMap<>();
        if (open >= 0)
        {
            final int close = spec.lastIndexOf(')');
            if (close < open)
            {
                throw new IllegalArgumentException("quoter spec '" + spec + "' has no closing parenthesis");
            }
            for (final String pair : spec.substring(open + 1, close).split(","))
            {
                if (pair.isBlank())
                {
                    continue;
                }
                final int eq = pair.indexOf('=');
                if (eq <= 0)
                {
                    throw new IllegalArgumentException("quoter spec '" + spec + "': bad parameter '" + pair + "'");
                }
                parameters.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        parameters.put(parameter, value);
        final StringBuilder out = new StringBuilder(name).append('(');
        boolean first = true;
        for (final Map.Entry<String, String> entry : parameters.entrySet())
        {
            out.append(first ? "" : ",").append(entry.getKey()).append('=').append(entry.getValue());
            first = false;
        }
        return out.append(')').toString();
    }

    private static String escape(final String value)
    {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }
}
