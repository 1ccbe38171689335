package io.ticklane.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the real {@code ticklane} CLI as a separate JVM with the test's classpath and the flags the tests run with
 * (those from {@code tuning/jvm/ticklane.jvmopts}), and collects what it prints, for tests of processes: two-process
 * setups, signals, {@code kill -9}.
 */
final class ChildJvm
{
    private ChildJvm()
    {
    }

    /**
     * @param lines     where each line the process prints goes (stdout and stderr merged).
     * @param arguments the ticklane command line.
     * @return the started process.
     * @throws IOException if it cannot start.
     */
    static Process ticklane(final List<String> lines, final String... arguments) throws IOException
    {
        return ticklane(lines, Map.of(), arguments);
    }

    /**
     * @param lines       where each line the process prints goes (stdout and stderr merged).
     * @param environment variables added to this process's environment for the child.
     * @param arguments   the ticklane command line.
     * @return the started process.
     * @throws IOException if it cannot start.
     */
    static Process ticklane(final List<String> lines, final Map<String, String> environment, final String... arguments)
        throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (argument.startsWith("--add-") || argument.startsWith("-Dchronicle"))
            {
                command.add(argument);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), TicklaneCli.class.getName()));
        command.addAll(List.of(arguments));
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        final Process process = builder.start();
        final Thread reader = new Thread(() ->
        {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
            {
                String line;
                while (null != (line = in.readLine()))
                {
                    lines.add(line);
                }
            }
            catch (final IOException ex)
            {
                lines.add("read failed: " + ex);
            }
        }, "child-jvm-output");
        reader.setDaemon(true);
        reader.start();
        return process;
    }
}
