package io.ticklane.research.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The child JVM's arguments: positional words and {@code --name value} (or {@code --name=value}) options, repeatable.
 * The user-facing parsing and help are the cli's ({@code ticklane research}); this only reads what it forwards, and
 * what a {@code spark-submit} user types, and refuses an option it does not know.
 */
final class Arguments
{
    private final List<String> positional = new ArrayList<>();
    private final Map<String, List<String>> options = new LinkedHashMap<>();

    Arguments(final String[] args, final Set<String> known)
    {
        int i = 0;
        while (i < args.length)
        {
            final String arg = args[i++];
            if (!arg.startsWith("--"))
            {
                positional.add(arg);
                continue;
            }
            final int eq = arg.indexOf('=');
            final String name = eq > 0 ? arg.substring(2, eq) : arg.substring(2);
            if (!known.contains(name))
            {
                throw new IllegalArgumentException("unknown option --" + name + " (known: " + known + ")");
            }
            final String value;
            if (eq > 0)
            {
                value = arg.substring(eq + 1);
            }
            else if (i < args.length)
            {
                value = args[i++];
            }
            else
            {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            options.computeIfAbsent(name, (k) -> new ArrayList<>()).add(value);
        }
    }

    List<String> positional()
    {
        return positional;
    }

    List<String> all(final String name)
    {
        return options.getOrDefault(name, List.of());
    }

    String one(final String name, final String fallback)
    {
        final List<String> values = all(name);
        if (values.size() > 1)
        {
            throw new IllegalArgumentException("--" + name + " given " + values.size() + " times");
        }
        return values.isEmpty() ? fallback : values.get(0);
    }

    String required(final String name)
    {
        final String value = one(name, null);
        if (null == value)
        {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
