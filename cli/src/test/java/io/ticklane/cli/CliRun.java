package io.ticklane.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs the real {@code ticklane} command line in-process and keeps what it printed.
 */
final class CliRun
{
    final int exitCode;
    final String out;
    final String err;

    private CliRun(final int exitCode, final String out, final String err)
    {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    static CliRun run(final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine commandLine = TicklaneCli.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        final int exitCode = commandLine.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    String lastLine()
    {
        final String[] lines = out.strip().split("\n");
        return lines[lines.length - 1];
    }

    @Override
    public String toString()
    {
        return "exit=" + exitCode + "\nout:\n" + out + "\nerr:\n" + err;
    }
}
