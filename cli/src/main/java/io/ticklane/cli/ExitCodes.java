package io.ticklane.cli;

import io.ticklane.journal.reader.InputFormatException;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

/**
 * What a {@code ticklane} exit code means, and the mapping from failures to codes and one-line messages, so
 * scripts can tell "the check found a problem" from "you gave me bad input" from "Ticklane has a bug".
 */
public final class ExitCodes
{
    /** Success: the command did what was asked and every check passed. */
    public static final int OK = 0;
    /** The command ran but a check it performs failed (e.g. mismatches found). */
    public static final int CHECK_FAILED = 1;
    /** Bad usage or bad input: unknown option, missing file, malformed line. The message names the culprit. */
    public static final int BAD_INPUT = 2;
    /** An internal error: a bug in Ticklane. A stack trace is printed. */
    public static final int INTERNAL_ERROR = 3;
    /**
     * The measurement ran but is not valid: its reference did not hold (a latency baseline slower than what it
     * bounds), so no figure derived from it may be used. Distinct from {@link #CHECK_FAILED}: nothing was judged.
     */
    public static final int INVALID_MEASUREMENT = 4;

    private ExitCodes()
    {
    }

    static int forException(final Throwable ex)
    {
        return isBadInput(ex) ? BAD_INPUT : INTERNAL_ERROR;
    }

    static int handleExecutionException(
        final Exception ex, final CommandLine commandLine, final CommandLine.ParseResult parseResult)
    {
        if (isBadInput(ex))
        {
            commandLine.getErr().println("ticklane " + commandLine.getCommandName() + ": error: " + describe(ex));
            return BAD_INPUT;
        }

        commandLine.getErr().println("ticklane " + commandLine.getCommandName() + ": internal error: " + ex);
        ex.printStackTrace(commandLine.getErr());
        return INTERNAL_ERROR;
    }

    static int handleParameterException(final CommandLine.ParameterException ex, final String[] args)
    {
        final CommandLine commandLine = ex.getCommandLine();
        commandLine.getErr().println("ticklane: error: " + ex.getMessage());
        commandLine.getErr().println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help'.");
        return BAD_INPUT;
    }

    private static boolean isBadInput(final Throwable ex)
    {
        return ex instanceof InputFormatException ||
            ex instanceof NoSuchFileException ||
            ex instanceof IllegalArgumentException ||
            ex instanceof CommandLine.ParameterException ||
            ex instanceof UncheckedIOException ||
            ex instanceof IOException;
    }

    private static String describe(final Throwable ex)
    {
        if (ex instanceof NoSuchFileException)
        {
            return "no such file: " + ex.getMessage();
        }
        if (ex instanceof UncheckedIOException && null != ex.getCause())
        {
            return describe(ex.getCause());
        }
        if (ex instanceof IOException && null == ex.getMessage())
        {
            return ex.getClass().getSimpleName();
        }
        return ex.getMessage();
    }
}
