package io.ticklane.cockpit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4, as prometheus.io/docs/instrumenting/
 * exposition_formats describes it): HELP and TYPE lines before a family's samples, metric and label names by the data
 * model's rules, label values quoted with backslash escapes, a float value. Throws on anything else, so a test that
 * parses {@code /metrics} with it checks the format and not only some strings.
 */
final class ExpositionFormat
{
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? (\\S+)( -?\\d+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"");

    /** One sample line. */
    record Sample(String name, Map<String, String> labels, double value)
    {
    }

    /** One family: its TYPE, HELP and samples. */
    record Family(String name, String type, String help, List<Sample> samples)
    {
    }

    private ExpositionFormat()
    {
    }

    static Map<String, Family> parse(final String text)
    {
        final Map<String, Family> families = new LinkedHashMap<>();
        final Map<String, String> help = new HashMap<>();
        Family current = null;
        int lineNumber = 0;
        for (final String line : text.split("\n", -1))
        {
            lineNumber++;
            if (line.isEmpty())
            {
                continue;
            }
            if (line.startsWith("# HELP "))
            {
                final String[] parts = line.substring(7).split(" ", 2);
                require(NAME.matcher(parts[0]).matches(), lineNumber, line);
                help.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
            else if (line.startsWith("# TYPE "))
            {
                final String[] parts = line.substring(7).split(" ");
                require(2 == parts.length && NAME.matcher(parts[0]).matches(), lineNumber, line);
                require(List.of("counter", "gauge", "histogram", "summary", "untyped").contains(parts[1]), lineNumber, line);
                require(!families.containsKey(parts[0]), lineNumber, "family declared twice: " + line);
                current = new Family(parts[0], parts[1], help.get(parts[0]), new ArrayList<>());
                families.put(parts[0], current);
            }
            else if (line.startsWith("#"))
            {
                continue; // a comment
            }
            else
            {
                final Matcher m = SAMPLE.matcher(line);
                require(m.matches(), lineNumber, line);
                require(null != current && belongs(m.group(1), current), lineNumber, "sample outside its family: " + line);
                final Map<String, String> labels = new LinkedHashMap<>();
                if (null != m.group(3) && !m.group(3).isEmpty())
                {
                    final Matcher l = LABEL.matcher(m.group(3));
                    int at = 0;
                    while (l.find(at) && l.start() == at)
                    {
                        require(null == labels.put(l.group(1), unescape(l.group(2))), lineNumber, "label twice: " + line);
                        at = l.end();
                        if (at < m.group(3).length())
                        {
                            require(',' == m.group(3).charAt(at), lineNumber, line);
                            at++;
                        }
                    }
                    require(at == m.group(3).length(), lineNumber, "bad labels: " + line);
                }
                current.samples().add(new Sample(m.group(1), labels, value(m.group(4), lineNumber)));
            }
        }
        return families;
    }

    private static boolean belongs(final String sample, final Family family)
    {
        return sample.equals(family.name()) || ("summary".equals(family.type()) || "histogram".equals(family.type())) &&
            (sample.equals(family.name() + "_sum") || sample.equals(family.name() + "_count") ||
            sample.equals(family.name() + "_bucket"));
    }

    private static double value(final String text, final int lineNumber)
    {
        switch (text)
        {
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            case "NaN":
                return Double.NaN;
            default:
                try
                {
                    return Double.parseDouble(text);
                }
                catch (final NumberFormatException ex)
                {
                    throw new IllegalArgumentException("line " + lineNumber + ": bad value " + text, ex);
                }
        }
    }

    private static String unescape(final String value)
    {
        final StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length())
        {
            final char c = value.charAt(i);
            if ('\\' == c)
            {
                final char next = value.charAt(i + 1); // the label pattern admits only \\, \" and \n
                out.append('n' == next ? '\n' : next);
                i += 2;
            }
            else
            {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void require(final boolean condition, final int lineNumber, final String what)
    {
        if (!condition)
        {
            throw new IllegalArgumentException("exposition line " + lineNumber + ": " + what);
        }
    }
}
