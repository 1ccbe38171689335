package io.ticklane.microstructure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One component named in configuration with its parameters, {@code id(name=value,...)}, as parsed from a spec such as
 * {@code ofi_l1,vpin(bucket_volume=500,window=50)} or {@code glft(gamma=0.05)}. Malformed specs are errors that quote
 * the spec, never guesses.
 */
public final class ComponentSpec
{
    private final String id;
    private final Map<String, String> parameters;

    private ComponentSpec(final String id, final Map<String, String> parameters)
    {
        this.id = id;
        this.parameters = Collections.unmodifiableMap(parameters);
    }

    /**
     * @return the component's name.
     */
    public String id()
    {
        return id;
    }

    /**
     * @return parameters by name, in the order given.
     */
    public Map<String, String> parameters()
    {
        return parameters;
    }

    /**
     * @param spec comma-separated entries, each {@code id} or {@code id(name=value,...)}.
     * @return the entries, in order.
     * @throws IllegalArgumentException on a malformed or empty spec.
     */
    public static List<ComponentSpec> parseList(final String spec)
    {
        final List<ComponentSpec> entries = new ArrayList<>();
        for (final String entry : splitTopLevel(spec, spec))
        {
            entries.add(parseEntry(entry));
        }
        return entries;
    }

    /**
     * @param spec exactly one entry.
     * @return it.
     * @throws IllegalArgumentException on a malformed spec or more than one entry.
     */
    public static ComponentSpec parse(final String spec)
    {
        final List<ComponentSpec> entries = parseList(spec);
        if (entries.size() != 1)
        {
            throw new IllegalArgumentException("spec '" + spec + "' names " + entries.size() + " components, expected one");
        }
        return entries.get(0);
    }

    private static ComponentSpec parseEntry(final String entry)
    {
        final int open = entry.indexOf('(');
        final String id = (open < 0 ? entry : entry.substring(0, open)).trim();
        final Map<String, String> values = new LinkedHashMap<>();
        if (open >= 0)
        {
            if (!entry.endsWith(")"))
            {
                throw new IllegalArgumentException("spec '" + entry + "': missing ')'");
            }
            final String inner = entry.substring(open + 1, entry.length() - 1);
            if (!inner.isBlank())
            {
                for (final String pair : splitTopLevel(inner, entry))
                {
                    final int equals = pair.indexOf('=');
                    if (equals <= 0)
                    {
                        throw new IllegalArgumentException("spec '" + entry + "': '" + pair + "' is not name=value");
                    }
                    values.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
                }
            }
        }
        return new ComponentSpec(id, values);
    }

    private static List<String> splitTopLevel(final String text, final String context)
    {
        final List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if ('(' == c)
            {
                depth++;
            }
            else if (')' == c)
            {
                depth--;
                if (depth < 0)
                {
                    throw new IllegalArgumentException("spec '" + context + "': unbalanced ')'");
                }
            }
            else if (',' == c && 0 == depth)
            {
                addPart(parts, text.substring(start, i), context);
                start = i + 1;
            }
        }
        if (0 != depth)
        {
            throw new IllegalArgumentException("spec '" + context + "': unbalanced '('");
        }
        addPart(parts, text.substring(start), context);
        return parts;
    }

    private static void addPart(final List<String> parts, final String part, final String context)
    {
        final String trimmed = part.trim();
        if (trimmed.isEmpty())
        {
            throw new IllegalArgumentException("spec '" + context + "': empty entry");
        }
        parts.add(trimmed);
    }
}
