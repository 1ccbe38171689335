package io.ticklane.cli;

import io.ticklane.journal.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The cockpit in a real browser, against a real daemon: {@code ticklane demo} (simulated exchange and quoting daemon)
 * and {@code ticklane cockpit} each in a JVM of their own, headless Chromium driven through Debian's chromedriver
 * (paths from the system properties {@code ticklane.chromium} and {@code ticklane.chromedriver}; the test fails, never
 * skips, without them, and Selenium Manager never downloads anything: both paths are given). The live page shows
 * position and PnL moving; STOP without the operator token is refused; with it the daemon halts and {@code ticklane
 * stat} shows every order cancelled; RESUME quotes again; the explorer overlays two real backtests
 * and shows their sweep's ranking. Screenshots go to
 * {@code cli/target/screenshots/}.
 */
class CockpitInChromiumTest
{
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path tmp;

    @Test
    void operatorWatchesStopsAndResumesTheDemoAndComparesTwoBacktests() throws Exception
    {
        final Path chromium = executable("ticklane.chromium", "/usr/bin/chromium", "chromium");
        final Path chromedriver = executable("ticklane.chromedriver", "/usr/bin/chromedriver", "chromium-driver");
        final Path reports = backtests();

        final List<String> demoLines = Collections.synchronizedList(new ArrayList<>());
        final Process demo = ChildJvm.ticklane(demoLines, "demo", "--duration", "120", "--out", tmp.resolve("demo").toString());
        Process cockpit = null;
        WebDriver driver = null;
        try
        {
            final String aeronDir = awaitGroup(demoLines, Pattern.compile("demo: media driver (\\S+) "), demo);
            final Path tokenFile = Path.of(awaitGroup(demoLines, Pattern.compile("operator token from file (\\S+)"), demo));
            final String runs = awaitGroup(demoLines, Pattern.compile("runs under (\\S+)"), demo);
            final List<String> cockpitLines = Collections.synchronizedList(new ArrayList<>());
            cockpit = ChildJvm.ticklane(cockpitLines, "cockpit", "--port", "0", "--aeron-dir", aeronDir, "--runs", runs,
                "--reports", reports.toString());
            final String url = awaitGroup(cockpitLines, Pattern.compile("cockpit: live page (http://127\\.0\\.0\\.1:\\d+/)"),
                cockpit);

            driver = chrome(chromium, chromedriver);
            final WebDriverWait wait = new WebDriverWait(driver, WAIT);
            Files.createDirectories(SCREENSHOTS);

            // the live page: the daemon quoting, position and PnL moving, a chart of the session
            driver.get(url);
            wait.until(ExpectedConditions.textToBe(By.id("mode"), "ACTIVE"));
            final String position = text(driver, "position");
            final String pnl = text(driver, "pnl");
            final WebDriver page = driver;
            wait.until((Function<WebDriver, Boolean>)(d) ->
                !text(page, "position").equals(position) || !text(page, "pnl").equals(pnl));
            assertTrue(!driver.findElements(By.cssSelector("#chart canvas")).isEmpty(), "the uPlot session chart");
            wait.until((Function<WebDriver, Boolean>)(d) -> !text(page, "fills").equals("0") &&
                !page.findElements(By.cssSelector("#fills-table tbody tr")).isEmpty());
            screenshot(driver, "cockpit-live.png");

            // STOP without the token: refused, the daemon keeps quoting
            click(driver, wait, "stop");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("control-result"), "enter the operator token first"));
            assertEquals("ACTIVE", text(driver, "mode"));
            screenshot(driver, "cockpit-stop-refused.png");

            // the token, once for the session; then STOP halts the daemon and cancels every order
            driver.findElement(By.id("token")).sendKeys(Files.readString(tokenFile).strip());
            driver.findElement(By.id("token-save")).click();
            wait.until(ExpectedConditions.textToBe(By.id("token-state"), "token held for this session"));
            assertEquals("", driver.findElement(By.id("token")).getAttribute("value"), "the field is cleared once sent");
            click(driver, wait, "stop");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("control-result"), "STOP applied by the daemon"));
            wait.until(ExpectedConditions.textToBe(By.id("mode"), "HALTED"));
            wait.until(ExpectedConditions.textToBe(By.id("open-orders"), "0"));
            assertEquals("OPERATOR_STOP", text(driver, "mode-reason"));
            final CliRun stat = CliRun.run("stat", "--count", "1", "--all", "--aeron-dir", aeronDir);
            assertEquals(ExitCodes.OK, stat.exitCode, stat.toString());
            assertTrue(Pattern.compile("(?m)^\\s+0  open orders$").matcher(stat.out).find(), stat.out);
            assertTrue(Pattern.compile("(?m)^\\s+2  mode .*= HALTED").matcher(stat.out).find(), stat.out);
            screenshot(driver, "cockpit-halted.png");

            // RESUME: active again and quoting
            click(driver, wait, "resume");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("control-result"), "RESUME applied by the daemon"));
            wait.until(ExpectedConditions.textToBe(By.id("mode"), "ACTIVE"));
            wait.until((Function<WebDriver, Boolean>)(d) -> text(page, "quotes").matches(".*\\d.*"));
            screenshot(driver, "cockpit-resumed.png");

            // the explorer: two real backtests, overlaid, metrics side by side; one report opened
            driver.get(url + "explorer");
            wait.until((Function<WebDriver, Boolean>)(d) -> page.findElements(By.cssSelector("input.pick")).size() >= 2);
            for (final WebElement pick : driver.findElements(By.cssSelector("input.pick")))
            {
                pick.click();
            }
            driver.findElement(By.id("compare")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#overlay canvas")));
            final String metrics = driver.findElement(By.id("metrics-table")).getText();
            assertTrue(metrics.contains("sweep/000_quoter.gamma=0.05") && metrics.contains("sweep/001_quoter.gamma=0.5"), metrics);
            assertTrue(metrics.contains("glft(gamma=0.05,") && metrics.contains("glft(gamma=0.5,"), metrics);
            assertTrue(metrics.contains("net PnL") && metrics.contains("Sharpe") && metrics.contains("max drawdown"), metrics);
            assertEquals(3, driver.findElements(By.cssSelector("#overlay .u-legend .u-series")).size(),
                "x and one series per report");
            screenshot(driver, "cockpit-explorer-overlay.png");
            driver.findElement(By.xpath("//tr[td[2]='report']//button[@class='open']")).click();
            final WebElement frame = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("iframe.report")));
            driver.switchTo().frame(frame);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("svg")));
            driver.switchTo().defaultContent();
            screenshot(driver, "cockpit-explorer-report.png");
            driver.findElement(By.xpath("//tr[td[2]='sweep']//button[@class='open']")).click();
            final String ranking = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sweep-ranking"))).getText();
            assertTrue(ranking.contains("quoter.gamma") && ranking.contains("000_quoter.gamma=0.05") &&
                ranking.contains("001_quoter.gamma=0.5"), ranking);
            assertEquals(3, driver.findElements(By.cssSelector("#sweep-ranking tr")).size(), "a header and two combinations");
            screenshot(driver, "cockpit-explorer-sweep.png");
        }
        finally
        {
            if (null != driver)
            {
                driver.quit();
            }
            stop(cockpit);
            stop(demo);
        }
        assertNotEquals(0, demoLines.size());
    }

    /**
     * A sweep of GLFT at two risk aversions over the shared USD-M capture of 2024-07-18: two backtest reports and the
     * sweep's ranking.
     */
    private Path backtests() throws IOException
    {
        final Path journal = tmp.resolve("usdm");
        final CliRun imported = CliRun.run("import", "binance", "--input",
            RealData.file("binance/usdm/btcusdt_20240718.gz").toString(), "--instrument", "BTCUSDT", "--out", journal.toString());
        assertEquals(ExitCodes.OK, imported.exitCode, imported.toString());
        final Path reports = tmp.resolve("reports");
        final Path config = Files.writeString(tmp.resolve("glft.properties"),
            "risk.max_order_quantity=1000\nrisk.max_notional=100000000000\nrisk.price_collar_ticks=1000\n" +
            "quoter=glft(gamma=0.05,sigma_fallback=1,a_fallback=1,k_fallback=1,order_size=10)\n");
        final CliRun sweep = CliRun.run("backtest", "--journal", journal.toString(), "--config", config.toString(),
            "--out", reports.resolve("sweep").toString(), "--sweep", "gamma=0.05,0.5");
        assertEquals(ExitCodes.OK, sweep.exitCode, sweep.toString());
        for (final String combination : new String[]{"000_quoter.gamma=0.05", "001_quoter.gamma=0.5"})
        {
            assertTrue(Files.isRegularFile(reports.resolve("sweep").resolve(combination).resolve("equity.csv")), combination);
        }
        return reports;
    }

    private static Path executable(final String property, final String fallback, final String debianPackage)
    {
        final Path path = Path.of(System.getProperty(property, fallback));
        if (!Files.isExecutable(path))
        {
            fail(path + " not found (system property " + property + "): install Debian's " + debianPackage +
                " (apt-get install " + debianPackage + "; run-tests does) or point -D" + property + " at it");
        }
        return path;
    }

    private WebDriver chrome(final Path chromium, final Path chromedriver) throws IOException
    {
        final ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        final ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            "--window-size=1400,1600", "--user-data-dir=" + Files.createTempDirectory(tmp, "chromium"));
        return new ChromeDriver(service, options);
    }

    private static String text(final WebDriver driver, final String id)
    {
        return driver.findElement(By.id(id)).getText();
    }

    private static void click(final WebDriver driver, final WebDriverWait wait, final String button)
    {
        driver.findElement(By.id(button)).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept(); // every control asks for confirmation
    }

    private static void screenshot(final WebDriver driver, final String name) throws IOException
    {
        final Path shot = ((ChromeDriver)driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String awaitGroup(final List<String> lines, final Pattern pattern, final Process process)
        throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline)
        {
            synchronized (lines)
            {
                for (final String line : lines)
                {
                    final Matcher m = pattern.matcher(line);
                    if (m.find())
                    {
                        return m.group(1);
                    }
                }
            }
            if (!process.isAlive())
            {
                fail("process ended before printing " + pattern + ": " + lines);
            }
            Thread.sleep(50);
        }
        return fail("no line matching " + pattern + " in 60 s: " + lines);
    }

    private static void stop(final Process process) throws InterruptedException
    {
        if (null != process && process.isAlive())
        {
            process.destroy(); // SIGTERM: a graceful stop
            if (!process.waitFor(30, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
            }
        }
    }
}
