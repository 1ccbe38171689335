package io.ticklane.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.ticklane.cli.BacktestCommandTest.readJson;
import static io.ticklane.cli.BacktestCommandTest.readReport;
import static io.ticklane.cli.ExampleFiles.commandLine;
import static io.ticklane.cli.ExampleFiles.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs every example of {@code examples/} through the real command line, as its README says to run it, and checks
 * what it produced and that its settings were the ones applied: an example that no longer runs, or no longer trades,
 * fails the build instead of rotting.
 */
class ExamplesTest
{
    private static final String BINANCE = "binance-usdm-glft/";
    private static final String LOBSTER = "lobster-amzn-as-finite/";
    private static final String DAEMON = "sim-venue-daemon/";
    private static final String SWEEP = "sweep-binance-usdm-gamma/";
    private static final String DAYS = "walk-forward-binance-days/";

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    /**
     * The Binance journal two examples read, imported once with the example's own import file.
     */
    @BeforeAll
    static void importBinanceCapture()
    {
        final CliRun run = CliRun.run(commandLine(shared, BINANCE + "import.args", "import", "binance"));

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        assertTrue(run.lastLine().endsWith(" records=71980 market=USDM_FUTURES"), run.out);
    }

    @Test
    void theWalkForwardExamplesImportsGiveFiveDaysOnTwoMarkets()
    {
        final List<String> days = new ArrayList<>();
        for (final String file : List.of("import-usdm-july.args", "import-usdm-august.args", "import-spot-august.args"))
        {
            final CliRun run = CliRun.run(commandLine(tmp, DAYS + file, "import", "binance"));
            assertEquals(ExitCodes.OK, run.exitCode, run.toString());
            run.out.lines().filter((line) -> line.startsWith("journal=")).forEach((line) ->
                days.add(line.substring(line.indexOf(" day=") + 5, line.indexOf(" records=")) +
                    line.substring(line.indexOf(" starts="))));
        }
        assertEquals(List.of("2024-07-18 starts=capture", "2024-07-19 starts=rebuilt_book", "2024-08-08 starts=capture",
            "2024-08-08 starts=capture", "2024-08-09 starts=rebuilt_book"), days);
        assertTrue(Files.isDirectory(tmp.resolve("runs/days/usdm-july/2024-07-19")), "the days land where the README's catalog looks");
    }

    @Test
    void glftBacktestOfTheBinanceCaptureTradesWithTheExampleSettings() throws IOException
    {
        final String[] args = commandLine(shared, BINANCE + "backtest.args", "backtest");

        final CliRun run = CliRun.run(args);

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        final Map<String, String> report = readReport(Path.of(value(args, "--out")));
        assertTradedWithTheExampleSettings(report, args, BINANCE + "strategy.properties");
    }

    @Test
    void asFiniteBacktestOfLobsterAmznTradesWithTheExampleSettings() throws IOException
    {
        final CliRun imported = CliRun.run(commandLine(tmp, LOBSTER + "import.args", "import", "lobster"));
        assertEquals(ExitCodes.OK, imported.exitCode, imported.toString());
        assertTrue(imported.lastLine().endsWith(" records=234137 rows=155935 mismatches=0 learned=33840"), imported.out);
        final String[] args = commandLine(tmp, LOBSTER + "backtest.args", "backtest");

        final CliRun run = CliRun.run(args);

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        final Map<String, String> report = readReport(Path.of(value(args, "--out")));
        assertTradedWithTheExampleSettings(report, args, LOBSTER + "strategy.properties");
        assertEquals("AMZN", report.get("instrument.symbol"));
        // the guard's risk-averse run reads the order-by-order events with an L3 book too, so its book is exactly as
        // LIVE as the main run's (fed to a price-level book, the first L3 event made it STALE for the rest of the run,
        // and prints then filled against the stale seed)
        assertEquals(report.get("result.book_frames_while_stale"),
            report.get("fill_illusion_guard.risk_averse_book_frames_while_stale"), report.toString());
        // the import journals its top-5 window (levels learned from the orderbook file, levels leaving it: 69,226
        // L2Updates), so the L3 replay follows the file all day (it went STALE 21 s in, for 153,148 of 164,911 frames,
        // while the journal lacked them)
        assertEquals("0", report.get("result.book_frames_while_stale"), report.toString());
    }

    @Test
    void sweepRunsEveryCombinationOfItsGridOverTheBaseConfiguration() throws IOException
    {
        final String[] args = commandLine(shared, SWEEP + "sweep.args", "backtest");

        final CliRun run = CliRun.run(args);

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        final Path out = Path.of(value(args, "--out"));
        final Map<String, String> sweep = readJson(out.resolve("sweep.json"));
        final List<String> grid = sweepValues(args);
        assertEquals(List.of("gamma=0.02,0.1", "quotes.replace_ticks=1,3"), grid, "the test's grid is the example's");
        final Set<String> combinations = new HashSet<>();
        for (int i = 0; sweep.containsKey("ranking." + i + ".directory"); i++)
        {
            final Map<String, String> report = readReport(out.resolve(sweep.get("ranking." + i + ".directory")));
            final String gamma = report.get("strategy.overrides.quoter.gamma");
            final String replaceTicks = report.get("strategy.overrides.quotes.replace_ticks");
            combinations.add(gamma + "/" + replaceTicks);
            assertTrue(report.get("strategy.quoter").contains("gamma=" + gamma + ","), report.toString());
            assertTrue(Long.parseLong(report.get("result.fills")) > 0, report.toString());
            assertVenueModels(report, args);
        }
        assertEquals(Set.of("0.02/1", "0.02/3", "0.1/1", "0.1/3"), combinations);
        assertTrue(Files.exists(out.resolve("sweep.html")));
    }

    /**
     * The venue in-process (it embeds the media driver), the daemon joining it, both from the example's files; only
     * the Aeron directory, the run directory and the token file move into the test's temporary directory, and the runs
     * are short.
     */
    @Test
    void daemonQuotesAndFillsAgainstTheSimulatedVenue() throws Exception
    {
        final Path aeronDir = tmp.resolve("aeron");
        final List<String> venueArgs = new ArrayList<>(List.of(commandLine(tmp, DAEMON + "venue.args", "venue")));
        venueArgs.addAll(List.of("--aeron-dir", aeronDir.toString(), "--duration", "8", "--quiet"));
        final CompletableFuture<CliRun> venue = CompletableFuture.supplyAsync(() -> CliRun.run(venueArgs.toArray(String[]::new)));
        awaitDriver(aeronDir, venue);

        final Properties settings = ExampleFiles.properties(DAEMON + "daemon.properties");
        final Path runDir = Path.of(ExampleFiles.locate(tmp, settings.getProperty("daemon.run_dir")));
        final String tokenFile = ExampleFiles.locate(tmp, settings.getProperty("daemon.admin_token_file"));
        final CliRun daemon = CliRun.run("daemon", "--config", ExampleFiles.file(DAEMON + "daemon.properties").toString(),
            "--set", "transport.aeron_dir=" + aeronDir, "--set", "daemon.run_dir=" + runDir,
            "--set", "daemon.admin_token_file=" + tokenFile, "--duration", "3", "--quiet");
        final CliRun venueRun = venue.get(60, TimeUnit.SECONDS);

        assertEquals(ExitCodes.OK, daemon.exitCode, daemon + "\nvenue: " + venueRun);
        assertTrue(daemon.lastLine().equals("stopped reason=shutdown orders_confirmed_cancelled=true"), daemon.out);
        assertEquals(ExitCodes.OK, venueRun.exitCode, venueRun.toString());
        final Matcher counts = Pattern.compile(" orders=(\\d+) fills=(\\d+) ").matcher(venueRun.lastLine());
        assertTrue(counts.find(), venueRun.out);
        assertTrue(Long.parseLong(counts.group(1)) > 0 && Long.parseLong(counts.group(2)) > 0, venueRun.lastLine());

        // the strategy the daemon ran is the example's: its run directory keeps the effective settings
        final Path run;
        try (Stream<Path> runs = Files.list(runDir))
        {
            run = runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        final Properties effective = new Properties();
        try (var reader = Files.newBufferedReader(run.resolve("strategy.properties")))
        {
            effective.load(reader);
        }
        for (final String key : settings.stringPropertyNames())
        {
            if (!key.startsWith("daemon.") && !key.startsWith("transport."))
            {
                assertEquals(settings.getProperty(key), effective.getProperty(key), key);
            }
        }
    }

    private static void assertTradedWithTheExampleSettings(
        final Map<String, String> report, final String[] args, final String strategyFile) throws IOException
    {
        assertTrue(Long.parseLong(report.get("result.orders.new")) > 0, report.toString());
        assertTrue(Long.parseLong(report.get("result.fills")) > 0, report.toString());
        assertEquals(ExampleFiles.sha256(strategyFile), report.get("config_sha256"), "the example's file was the config");
        final Properties strategy = ExampleFiles.properties(strategyFile);
        assertEquals(strategy.getProperty("quoter"), report.get("strategy.quoter"));
        assertVenueModels(report, args);
        // the fees the strategy books are the fees the venue charges
        assertEquals(Double.parseDouble(strategy.getProperty("fees.maker_bps")), Double.parseDouble(value(args, "--maker-bps")));
        assertEquals(Double.parseDouble(strategy.getProperty("fees.taker_bps")), Double.parseDouble(value(args, "--taker-bps")));
    }

    private static void assertVenueModels(final Map<String, String> report, final String[] args)
    {
        assertEquals(value(args, "--queue"), report.get("models.queue"));
        // the guard reruns with the risk-averse queue, or, when that is the main run's, with --optimistic-queue
        final String queue = value(args, "--queue");
        assertEquals("risk-averse".equals(queue) ? value(args, "--optimistic-queue") : queue,
            report.get("fill_illusion_guard.optimistic_queue"));
        assertEquals("risk-averse", report.get("fill_illusion_guard.risk_averse_queue"));
        final String[] latency = value(args, "--latency").substring("constant:".length()).split(",");
        assertEquals("constant(feed=" + latency[0] + "ns,entry=" + latency[1] + "ns,response=" + latency[2] + "ns)",
            report.get("models.latency"));
        assertEquals(Double.parseDouble(value(args, "--maker-bps")), Double.parseDouble(report.get("models.maker_bps")));
        assertEquals(Double.parseDouble(value(args, "--taker-bps")), Double.parseDouble(report.get("models.taker_bps")));
        assertEquals(value(args, "--timer-interval-ms"), report.get("models.timer_interval_ms"));
        assertEquals(Double.parseDouble(value(args, "--sample-interval")),
            Double.parseDouble(report.get("metrics.sampling.equity_interval_s")));
    }

    private static List<String> sweepValues(final String[] args)
    {
        final List<String> values = new ArrayList<>();
        for (int i = 0; i < args.length - 1; i++)
        {
            if ("--sweep".equals(args[i]))
            {
                values.add(args[i + 1]);
            }
        }
        return values;
    }

    private static void awaitDriver(final Path aeronDir, final CompletableFuture<CliRun> venue) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(aeronDir.resolve("cnc.dat")))
        {
            if (venue.isDone())
            {
                fail("venue ended early: " + venue.join());
            }
            if (System.nanoTime() > deadline)
            {
                fail("no media driver in " + aeronDir);
            }
            Thread.sleep(20);
        }
        Thread.sleep(200); // the driver maps its CnC file before it is ready
    }
}
