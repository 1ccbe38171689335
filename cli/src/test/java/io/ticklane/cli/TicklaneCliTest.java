package io.ticklane.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A run of one command builds only that command (start-up time), and nothing a user sees depends on it: the
 * command's help is the same text as in the whole tree, and whatever does not name one command first (help, an
 * unknown command, an argument file) gets the whole tree.
 */
class TicklaneCliTest
{
    @Test
    void aCommandNamedFirstIsTheOnlyOneBuilt()
    {
        assertEquals(List.of("backtest"), List.copyOf(TicklaneCli.newCommandLine("backtest", "--journal", "j").getSubcommands().keySet()));
        assertEquals(List.of("feed"), List.copyOf(TicklaneCli.newCommandLine("feed", "serve").getSubcommands().keySet()));
    }

    @Test
    void helpUnknownCommandsAndArgumentFilesGetTheWholeTree()
    {
        final int all = TicklaneCli.newCommandLine().getSubcommands().size();
        for (final String[] args : new String[][] {{}, {"--help"}, {"help", "backtest"}, {"nosuch"}, {"@args.txt"}})
        {
            assertEquals(all, TicklaneCli.newCommandLine(args).getSubcommands().size(), String.join(" ", args));
        }
        assertEquals("help", TicklaneCli.newCommandLine().getSubcommands().keySet().iterator().next(), "help listed first");
    }

    @Test
    void aCommandsHelpIsTheSameAloneAsInTheWholeTree()
    {
        for (final String command : TicklaneCli.newCommandLine().getSubcommands().keySet())
        {
            if ("help".equals(command))
            {
                continue;
            }
            assertEquals(usage(TicklaneCli.newCommandLine().getSubcommands().get(command)),
                usage(TicklaneCli.newCommandLine(command).getSubcommands().get(command)), command);
        }
    }

    private static String usage(final CommandLine command)
    {
        final StringWriter text = new StringWriter();
        command.usage(new PrintWriter(text), CommandLine.Help.Ansi.OFF);
        return text.toString();
    }
}
