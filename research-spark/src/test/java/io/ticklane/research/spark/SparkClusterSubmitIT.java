package io.ticklane.research.spark;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The packaged research job submitted to a real Spark standalone cluster, as {@code docs/decisions/research-spark.md}
 * says to submit it: a master and a worker in JVMs of their own (Spark's {@code Master} and {@code Worker} classes),
 * {@code spark-submit} (its {@code SparkSubmit} class, what the script runs) with the documented options, the
 * executor started by the worker in a fourth JVM. The tasks run there, read the journals from the shared file system,
 * and the results equal the local pool's on the same catalogue and grid (same {@code results.sha256}).
 *
 * <p>A failsafe test (after {@code package}): it runs the jar and {@code target/lib} that users run. The worker's
 * {@code SPARK_HOME/jars} stands in for the cluster's Spark installation: it holds every third-party jar, but no
 * Ticklane jar, so Ticklane's code reaches the executor only through {@code --jars}, as on a real cluster.
 */
class SparkClusterSubmitIT
{
    private static final long START_TIMEOUT_S = 90;
    private static final List<Process> PROCESSES = new ArrayList<>();

    @TempDir
    static Path tmp;

    @AfterAll
    static void stopCluster() throws InterruptedException
    {
        for (final Process process : PROCESSES)
        {
            process.destroy();
        }
        for (final Process process : PROCESSES)
        {
            if (!process.waitFor(10, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void aSweepSubmittedToAStandaloneClusterGivesThePoolsResults() throws Exception
    {
        final Path module = Path.of("").toAbsolutePath();
        final Path jar = module.resolve("target/ticklane-research-spark.jar");
        final Path lib = module.resolve("target/lib");
        assertTrue(Files.isRegularFile(jar) && Files.isDirectory(lib), "run after package: " + jar + ", " + lib);
        final List<String> flags = jvmFlags(module.resolve("../tuning/jvm/ticklane.jvmopts").normalize());
        final String classpath = jar + File.pathSeparator + lib + File.separator + "*";

        ResearchSweepTest.importDays(tmp.resolve("journals/usdm-july"),
            "binance/usdm/btcusdt_20240718.gz", "binance/usdm/btcusdt_20240719.gz");
        final Path base = Files.writeString(tmp.resolve("base.properties"), "risk.max_order_quantity=1000\n" +
            "risk.max_notional=100000000000\nrisk.price_collar_ticks=1000\n" +
            "quoter=glft(gamma=0.05,sigma_fallback=1,a_fallback=1,k_fallback=1,order_size=10)\n");
        final String catalog = tmp.resolve("journals/catalog.parquet").toString();
        run(flags, classpath, "catalog", ResearchMain.class.getName(), "catalog", tmp.resolve("journals").toString(), "--master", "local[1]");
        final List<String> sweep = List.of("sweep", "--journals", catalog, "--config", base.toString(),
            "--grid", "gamma=0.01,0.05", "--sample-interval", "1");
        final List<String> local = new ArrayList<>(List.of(ResearchMain.class.getName()));
        local.addAll(sweep);
        local.addAll(List.of("--engine", "local", "--threads", "1", "--out", tmp.resolve("on-pool").toString()));
        run(flags, classpath, "pool", local.toArray(String[]::new));

        // the stand-in Spark installation: every jar of target/lib but Ticklane's
        final Path sparkHome = Files.createDirectories(tmp.resolve("spark-home/jars"));
        try (Stream<Path> jars = Files.list(lib))
        {
            for (final Path each : jars.filter((f) -> !f.getFileName().toString().startsWith("ticklane-")).toList())
            {
                Files.createSymbolicLink(sparkHome.resolve(each.getFileName()), each);
            }
        }
        // the documented --jars: the jars of target/lib the cluster's Spark installation does not have, by name
        final List<String> shipped;
        try (Stream<Path> jars = Files.list(lib))
        {
            shipped = jars.filter((f) -> !Files.exists(sparkHome.resolve(f.getFileName()))).map(Path::toString).sorted().toList();
        }
        assertTrue(shipped.stream().allMatch((f) -> Path.of(f).getFileName().toString().startsWith("ticklane-")) &&
            shipped.stream().anyMatch((f) -> f.contains("ticklane-backtest")), "Ticklane's own jars: " + shipped);
        final Map<String, String> env = Map.of("SPARK_HOME", sparkHome.getParent().toString(), "SPARK_SCALA_VERSION", "2.13");
        // the cluster's daemons run on its Spark installation alone, as a real cluster's do
        final String cluster = sparkHome + File.separator + "*";
        final Process master = start(flags, cluster, "master", env, "org.apache.spark.deploy.master.Master",
            "--host", "127.0.0.1", "--port", "0", "--webui-port", "0", "--properties-file", noRestServer().toString());
        final String masterUrl = await(tmp.resolve("master.log"), Pattern.compile("Starting Spark master at (spark://\\S+)"), master);
        final Process worker = start(flags, cluster, "worker", env, "org.apache.spark.deploy.worker.Worker",
            "--host", "127.0.0.1", "--cores", "2", "--memory", "2g", "--webui-port", "0",
            "--work-dir", tmp.resolve("work").toString(), masterUrl);
        await(tmp.resolve("worker.log"), Pattern.compile("(Successfully registered with master)"), worker);

        final List<String> submit = new ArrayList<>(List.of("org.apache.spark.deploy.SparkSubmit", "--master", masterUrl,
            "--class", ResearchMain.class.getName(), "--conf", "spark.driver.host=127.0.0.1",
            "--conf", "spark.executor.extraJavaOptions=" + String.join(" ", flags),
            "--jars", String.join(",", shipped), jar.toString()));
        submit.addAll(sweep);
        submit.addAll(List.of("--engine", "spark", "--out", tmp.resolve("on-cluster").toString()));
        run(flags, classpath, "submit", submit.toArray(String[]::new));

        assertEquals(Files.readString(tmp.resolve("on-pool/results.sha256")), Files.readString(tmp.resolve("on-cluster/results.sha256")),
            "the cluster's results are the pool's");
        final String submitLog = Files.readString(tmp.resolve("submit.log"));
        assertTrue(submitLog.contains("engine spark on " + masterUrl), "the job ran on the cluster, not in local mode");
        assertTrue(submitLog.contains("sweep: 4 task(s), 0 failed"), submitLog);
        final String executorLogs;
        try (Stream<Path> files = Files.walk(tmp.resolve("work")))
        {
            executorLogs = files.filter((f) -> "stderr".equals(f.getFileName().toString())).map(SparkClusterSubmitIT::read)
                .collect(Collectors.joining("\n"));
        }
        assertTrue(executorLogs.contains("Running task"), "the worker's executor ran the tasks: " + executorLogs);
        for (final String name : List.of("ticklane-backtest", "ticklane-journal"))
        {
            assertTrue(executorLogs.contains(name), "the executor fetched " + name + " through --jars");
        }
    }

    private static Path noRestServer() throws IOException
    {
        return Files.writeString(tmp.resolve("master.conf"), "spark.master.rest.enabled false\n");
    }

    private static List<String> jvmFlags(final Path file) throws IOException
    {
        return Files.readAllLines(file).stream().map(String::strip).filter((l) -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static Process start(
        final List<String> flags, final String classpath, final String name, final Map<String, String> env, final String... args)
        throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.add("-cp");
        command.add(classpath);
        command.addAll(List.of(args));
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(tmp.resolve(name + ".log").toFile());
        builder.environment().putAll(env);
        final Process process = builder.start();
        PROCESSES.add(process);
        return process;
    }

    private static void run(final List<String> flags, final String classpath, final String name, final String... args)
        throws IOException, InterruptedException
    {
        final Process process = start(flags, classpath, name, Map.of(), args);
        if (!process.waitFor(START_TIMEOUT_S * 2, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            fail(name + " did not finish: " + Files.readString(tmp.resolve(name + ".log")));
        }
        assertEquals(0, process.exitValue(), () -> name + " failed: " + read(tmp.resolve(name + ".log")));
    }

    private static String await(final Path log, final Pattern pattern, final Process process) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_S);
        while (System.nanoTime() < deadline)
        {
            final Matcher matcher = pattern.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (matcher.find())
            {
                return matcher.group(1);
            }
            if (!process.isAlive())
            {
                fail(log + ": exited " + process.exitValue() + ": " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        return fail(log + ": no '" + pattern + "' within " + START_TIMEOUT_S + " s: " + Files.readString(log));
    }

    private static String read(final Path file)
    {
        try
        {
            return Files.readString(file);
        }
        catch (final IOException ex)
        {
            return file + ": " + ex;
        }
    }
}
