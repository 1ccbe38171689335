package io.ticklane.cli;

import picocli.CommandLine;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders {@code docs/cli.md}'s generated part: the usage help of every {@code ticklane} command and sub-command,
 * exactly as {@code --help} prints it (without colour, at the CLI's own width), in the order the commands are
 * declared, with an index. The hand-written preamble above {@link #MARKER} is kept as it is.
 */
final class CliReference
{
    /** The line that ends the hand-written preamble; everything after it is generated. */
    static final String MARKER = "<!-- generated from picocli's usage help by CliReferenceTest: edit the preamble above, " +
        "never below; regenerate with ./mvnw -B -o -pl cli -am verify -Dtest=CliReferenceTest " +
        "-Dsurefire.failIfNoSpecifiedTests=false -Dticklane.cli.docs.update=true -->";

    private CliReference()
    {
    }

    /**
     * @param current the file as it is now, or null when there is none.
     * @return the file as it should be: the current preamble (or a minimal one), the marker, the generated reference.
     */
    static String render(final String current)
    {
        final String preamble = null != current && current.contains(MARKER) ?
            current.substring(0, current.indexOf(MARKER)) : "# ticklane command reference\n\n";
        return preamble + MARKER + "\n" + generated();
    }

    /**
     * @param text a file's text.
     * @return the same text with line ends normalised to LF.
     */
    static String normalise(final String text)
    {
        return text.replace("\r\n", "\n");
    }

    private static String generated()
    {
        final List<CommandLine> commands = new ArrayList<>();
        collect(TicklaneCli.newCommandLine(), commands, new IdentityHashMap<>());

        final StringBuilder text = new StringBuilder("\n## Commands\n\n");
        for (final CommandLine command : commands)
        {
            final String name = command.getCommandSpec().qualifiedName();
            final String[] description = command.getCommandSpec().usageMessage().description();
            text.append("- [`").append(name).append("`](#").append(anchor(name)).append(')');
            if (description.length > 0)
            {
                text.append(": ").append(description[0].replace("|", "\\|"));
            }
            text.append('\n');
        }
        for (final CommandLine command : commands)
        {
            text.append("\n## ").append(command.getCommandSpec().qualifiedName()).append("\n\n```text\n")
                .append(stripTrailingSpaces(command.getUsageMessage(CommandLine.Help.Ansi.OFF)).strip())
                .append("\n```\n");
        }
        return text.toString();
    }

    /**
     * Depth first, in declaration order; an alias maps to the same command, which is listed once; a hidden command
     * is left out, as --help leaves it out.
     */
    private static void collect(
        final CommandLine command, final List<CommandLine> into, final Map<CommandLine, Boolean> seen)
    {
        if (null != seen.put(command, Boolean.TRUE) || command.getCommandSpec().usageMessage().hidden())
        {
            return;
        }
        into.add(command);
        for (final CommandLine sub : command.getSubcommands().values())
        {
            collect(sub, into, seen);
        }
    }

    private static String anchor(final String heading)
    {
        return heading.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
    }

    private static String stripTrailingSpaces(final String text)
    {
        return normalise(text).replaceAll("[ \\t]+\n", "\n");
    }
}
