package io.ticklane.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the research JVM ({@code research-spark}'s jar and its dependencies, Spark included) as a child process,
 * so Spark's classpath never enters the cli's (docs/decisions/research-spark.md). It runs with the one JVM flags file,
 * its output is copied line by line to the command's out and err, and its exit code is the command's.
 */
final class ResearchJvm
{
    static final String MAIN = "io.ticklane.research.spark.ResearchMain";
    static final String BUILD = "./mvnw -q -B -DskipTests -pl research-spark -am package";

    private ResearchJvm()
    {
    }

    /**
     * @param home a Ticklane checkout, or null to find it ($TICKLANE_HOME, else the checkout holding the cli's jar).
     * @return the checkout.
     * @throws IllegalArgumentException if there is none, or its research jars are not built (names how to build them).
     */
    static Path home(final Path home)
    {
        Path dir = home;
        if (null == dir)
        {
            final String fromEnvironment = System.getenv("TICKLANE_HOME");
            dir = null != fromEnvironment && !fromEnvironment.isBlank() ? Path.of(fromEnvironment) : fromCliJar();
        }
        if (null == dir)
        {
            throw new IllegalArgumentException("no Ticklane home: run through ./ticklane, set TICKLANE_HOME or pass --home");
        }
        final Path target = dir.resolve("research-spark").resolve("target");
        if (!Files.isRegularFile(target.resolve("ticklane-research-spark.jar")) || !Files.isDirectory(target.resolve("lib")))
        {
            throw new IllegalArgumentException("the research jars are not built (no " + target.resolve("ticklane-research-spark.jar") +
                " and " + target.resolve("lib") + "): build them with `" + BUILD + "` in " + dir);
        }
        return dir;
    }

    /**
     * @return the command line that runs the research JVM with the given arguments.
     */
    static List<String> command(final Path home, final List<String> args)
    {
        final Path target = home.resolve("research-spark").resolve("target");
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + home.resolve("tuning").resolve("jvm").resolve("ticklane.jvmopts"));
        command.add("-cp");
        command.add(target.resolve("ticklane-research-spark.jar") + File.pathSeparator + target.resolve("lib") + File.separator + "*");
        command.add(MAIN);
        command.addAll(args);
        return command;
    }

    /**
     * Runs the research JVM and waits for it.
     *
     * @return its exit code.
     */
    static int run(final Path home, final List<String> args, final PrintWriter out, final PrintWriter err)
        throws IOException, InterruptedException
    {
        final Process process = new ProcessBuilder(command(home, args)).redirectInput(ProcessBuilder.Redirect.INHERIT).start();
        final Thread errCopy = copy(process.getErrorStream(), err);
        copy(process.getInputStream(), out).join();
        errCopy.join();
        return process.waitFor();
    }

    private static Thread copy(final InputStream in, final PrintWriter to)
    {
        final Thread thread = new Thread(() ->
        {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)))
            {
                String line;
                while ((line = reader.readLine()) != null)
                {
                    synchronized (to)
                    {
                        to.println(line);
                        to.flush();
                    }
                }
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }, "research-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static Path fromCliJar()
    {
        try
        {
            // cli/target/ticklane.jar (or cli/target/classes in a build) -> the checkout
            final Path location = Path.of(ResearchJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            final Path cliTarget = location.getParent();
            return null == cliTarget || null == cliTarget.getParent() ? null : cliTarget.getParent().getParent();
        }
        catch (final URISyntaxException | SecurityException ex)
        {
            return null;
        }
    }

    /**
     * @param location a path, or a URI of a Hadoop-compatible file system ({@code hdfs://...}, {@code s3a://...}).
     * @return a path made absolute (the research JVM's directory is ours), a URI as given: the research JVM reads
     *         those through Hadoop (its {@code JournalLocation}, which the cli cannot link).
     */
    static String location(final String location)
    {
        return location.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") ? location : Path.of(location).toAbsolutePath().normalize().toString();
    }
}
