package io.ticklane.cli;

import picocli.CommandLine.Command;

/**
 * Groups the journal tools under {@code ticklane journal}, so a journal can be examined without writing code.
 */
@Command(
    name = "journal",
    mixinStandardHelpOptions = true,
    description = "Journal tools.",
    subcommands = { JournalInspectCommand.class, JournalCatCommand.class })
public final class JournalCommand
{
}
