package io.ticklane.cli;

import io.ticklane.perf.latency.JmhResults;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ticklane perf jmh}: runs the JMH suite and renders its JSON result as a table and an HTML page. The suite
 * is the perf module's shaded {@code benchmarks.jar}, which depends on the runtime's own dependencies and has JMH's
 * main class, so the CLI cannot (and should not) link it: it runs {@code perf/jmh} (which builds the jar when
 * missing and passes the one JVM flags file) as a child process and reads the JSON it writes.
 */
@Command(
    name = "jmh",
    mixinStandardHelpOptions = true,
    versionProvider = TicklaneVersion.class,
    description = {
        "Run the JMH suite (perf/jmh: short settings, -prof gc) for benchmarks matching REGEX, then save the JSON",
        "result and an HTML table of it in --out-dir. --render FILE only renders an existing JMH JSON result.",
        "Exit codes: 0 ok; 1 the JMH run failed; 2 bad usage or input (no TICKLANE_HOME, garbled result file)." })
public final class PerfJmhCommand implements Callable<Integer>
{
    static final String RESULT_JSON = "jmh-result.json";
    static final String RESULT_HTML = "jmh-result.html";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "REGEX", description = "Benchmarks to run (JMH regex); default: all.")
    private String regex;

    @Option(names = "--prof", paramLabel = "PROFILER", description = "JMH profiler, e.g. gc (perf/jmh uses gc when not given).")
    private String profiler;

    @Option(names = "--out-dir", paramLabel = "DIR", description = "Where to write " + RESULT_JSON + " and " + RESULT_HTML +
        " (default: perf/target under the Ticklane home).")
    private Path outDir;

    @Option(names = "--home", paramLabel = "DIR",
        description = "Ticklane checkout holding perf/jmh (default: $TICKLANE_HOME, which ./ticklane sets).")
    private Path home;

    @Option(names = "--render", paramLabel = "JSON", description = "Do not run: render this JMH JSON result.")
    private Path render;

    public Integer call() throws IOException, InterruptedException
    {
        final CommandLine commandLine = spec.commandLine();
        final PrintWriter out = commandLine.getOut();
        final Path resultJson;
        final Path resultHtml;
        if (null != render)
        {
            resultJson = render;
            resultHtml = null == outDir ? htmlBeside(render) : outDir.resolve(RESULT_HTML);
        }
        else
        {
            final Path ticklaneHome = ticklaneHome(commandLine);
            final Path dir = null == outDir ? ticklaneHome.resolve("perf").resolve("target") : outDir;
            Files.createDirectories(dir);
            resultJson = dir.resolve(RESULT_JSON);
            resultHtml = dir.resolve(RESULT_HTML);
            Files.deleteIfExists(resultJson);
            final int exitCode = runJmh(ticklaneHome.resolve("perf").resolve("jmh"), resultJson);
            if (exitCode != 0 || !Files.isRegularFile(resultJson))
            {
                commandLine.getErr().println("ticklane perf jmh: JMH run failed (perf/jmh exit " + exitCode + ")" +
                    (Files.isRegularFile(resultJson) ? "" : ", no " + resultJson));
                commandLine.getErr().flush();
                return ExitCodes.CHECK_FAILED;
            }
        }
        final JmhResults results = JmhResults.read(resultJson);
        if (null != resultHtml.getParent())
        {
            Files.createDirectories(resultHtml.getParent());
        }
        Files.writeString(resultHtml, results.html(resultJson.toString()), StandardCharsets.UTF_8);
        out.print(results.table());
        out.println("results=" + resultJson + " report=" + resultHtml);
        out.flush();
        return ExitCodes.OK;
    }

    private Path ticklaneHome(final CommandLine commandLine)
    {
        Path dir = home;
        if (null == dir)
        {
            final String fromEnvironment = System.getenv("TICKLANE_HOME");
            if (null == fromEnvironment || fromEnvironment.isBlank())
            {
                throw new CommandLine.ParameterException(commandLine,
                    "no Ticklane home: run through ./ticklane, set TICKLANE_HOME or pass --home");
            }
            dir = Path.of(fromEnvironment);
        }
        if (!Files.isRegularFile(dir.resolve("perf").resolve("jmh")))
        {
            throw new CommandLine.ParameterException(commandLine, "not a Ticklane checkout (no perf/jmh): " + dir);
        }
        return dir;
    }

    private int runJmh(final Path script, final Path resultJson) throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>();
        command.add("bash");
        command.add(script.toString());
        if (null != profiler)
        {
            command.add("-prof");
            command.add(profiler);
        }
        command.add("-rf");
        command.add("json");
        command.add("-rff");
        command.add(resultJson.toAbsolutePath().toString());
        if (null != regex)
        {
            command.add(regex);
        }
        final Process process = new ProcessBuilder(command).inheritIO().start();
        return process.waitFor();
    }

    private static Path htmlBeside(final Path json)
    {
        final String name = json.getFileName().toString();
        final String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return json.resolveSibling(base + ".html");
    }
}
