package io.ticklane.cli;

import io.ticklane.journal.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BookVerifyCommandTest
{
    private static final String AMZN = "lobster/AMZN_2012-06-21_34200000_57600000_";
    private static final String AAPL = "lobster/aapl-l10-first999/AAPL_2012-06-21_34200000_57600000_";

    @TempDir
    Path dir;

    @Test
    void amznLevel1RebuildsEveryRowExactly()
    {
        assertLobsterVerifies(AMZN + "message_1.csv.gz", AMZN + "orderbook_1.csv.gz", 57_515);
    }

    @Test
    void amznLevel5RebuildsEveryRowExactly()
    {
        assertLobsterVerifies(AMZN + "message_5.csv.gz", AMZN + "orderbook_5.csv.gz", 155_935);
    }

    @Test
    void aaplLevel10ExcerptRebuildsEveryRowExactly()
    {
        assertLobsterVerifies(AAPL + "message_10.csv", AAPL + "orderbook_10.csv", 999);
    }

    @Test
    void jsonSummaryCarriesTheSameCounts()
    {
        final CliRun run = CliRun.run("book", "verify", "--json",
            "--lobster-message", RealData.file(AAPL + "message_10.csv").toString(),
            "--lobster-book", RealData.file(AAPL + "orderbook_10.csv").toString());

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        assertTrue(run.lastLine().startsWith("{\"rows\":999,\"mismatches\":0,\"learned\":"), run.lastLine());
    }

    @Test
    void aWrongSizeInTheMessageFileIsFoundAtItsRow() throws IOException
    {
        // Row 3 of the AAPL excerpt adds an order; claim it was one share bigger than it was.
        final List<String> messages = Files.readAllLines(RealData.file(AAPL + "message_10.csv"));
        final String[] row = messages.get(2).split(",");
        assertEquals("1", row[1], "row 3 must be an add for this test to mean anything");
        row[3] = Long.toString(Long.parseLong(row[3]) + 1);
        messages.set(2, String.join(",", row));
        final Path corrupted = dir.resolve("AAPL_2012-06-21_34200000_57600000_message_10.csv");
        Files.write(corrupted, messages);

        final CliRun run = CliRun.run("book", "verify",
            "--lobster-message", corrupted.toString(),
            "--lobster-book", RealData.file(AAPL + "orderbook_10.csv").toString());

        assertEquals(ExitCodes.CHECK_FAILED, run.exitCode, run.toString());
        assertTrue(run.out.contains("row 3: "), run.out);
        assertTrue(run.lastLine().matches("rows=999 mismatches=[1-9][0-9]* learned=\\d+"), run.lastLine());
    }

    @Test
    void aLevelTheBookLostIsAMismatchNeverLearnedBack() throws IOException
    {
        // Level 2 file. Row 2 partially cancels 3 of the 4 shares at 99; the orderbook file shows 99 with 1 left.
        // A book that wrongly removed the whole level must not "learn" 99 back as if it came from beyond level 2.
        final Path message = write("X_2012-06-21_0_0_message_2.csv",
            "34200.1,1,11,5,1000000,1",
            "34200.2,2,99,4,990000,1");
        final Path book = write("X_2012-06-21_0_0_orderbook_2.csv",
            "1010000,7,1000000,5,1020000,3,990000,4",
            "1010000,7,1000000,5,1020000,3,990000,1");
        final CliRun good = CliRun.run("book", "verify", "--lobster-message", message.toString(),
            "--lobster-book", book.toString());
        assertEquals(ExitCodes.CHECK_FAILED, good.exitCode, good.toString());
        assertTrue(good.out.contains("row 2: bid level 2: expected 9900x1, book has no level there"), good.out);
        assertEquals("rows=2 mismatches=1 learned=0", good.lastLine());
    }

    @Test
    void aLevelEnteringFromBeyondTheDepthIsLearnedAndCounted() throws IOException
    {
        // Level 2 file. Row 2 deletes the order at 99 (level 2): 98, never announced, enters from level 3.
        final Path message = write("X_2012-06-21_0_0_message_2.csv",
            "34200.1,1,11,5,1000000,1",
            "34200.2,3,99,4,990000,1",
            "34200.3,2,98,2,980000,1");
        final Path book = write("X_2012-06-21_0_0_orderbook_2.csv",
            "1010000,7,1000000,5,1020000,3,990000,4",
            "1010000,7,1000000,5,1020000,3,980000,6",
            "1010000,7,1000000,5,1020000,3,980000,4");

        final CliRun run = CliRun.run("book", "verify", "--lobster-message", message.toString(),
            "--lobster-book", book.toString());

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        assertEquals("rows=3 mismatches=0 learned=1", run.lastLine());
    }

    @Test
    void malformedLineIsBadInputNamingFileAndLine() throws IOException
    {
        final Path message = write("X_2012-06-21_0_0_message_1.csv", "34200.1,1,11,5,1000000,1", "34200.2,9,1,1,1,1");
        final Path book = write("X_2012-06-21_0_0_orderbook_1.csv", "1010000,7,1000000,5", "1010000,7,1000000,5");

        final CliRun run = CliRun.run("book", "verify", "--lobster-message", message.toString(),
            "--lobster-book", book.toString());

        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains(message + ":2:"), run.err);
        assertEquals(1, run.err.strip().split("\n").length, "one line: " + run.err);
    }

    @Test
    void filesOfDifferentLengthsAreBadInput() throws IOException
    {
        final Path message = write("X_2012-06-21_0_0_message_1.csv", "34200.1,1,11,5,1000000,1", "34200.2,1,12,1,990000,1");
        final Path book = write("X_2012-06-21_0_0_orderbook_1.csv", "1010000,7,1000000,5");

        final CliRun run = CliRun.run("book", "verify", "--lobster-message", message.toString(),
            "--lobster-book", book.toString());

        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("orderbook file ends before the message file"), run.err);
    }

    @Test
    void missingFileIsBadInput()
    {
        final CliRun run = CliRun.run("book", "verify", "--lobster-message", dir.resolve("nope.csv").toString(),
            "--lobster-book", dir.resolve("nope2.csv").toString());

        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("nope.csv"), run.err);
    }

    @Test
    void lobsterAndBinanceTogetherOrNeitherIsBadUsage()
    {
        assertEquals(ExitCodes.BAD_INPUT, CliRun.run("book", "verify").exitCode);
        assertEquals(ExitCodes.BAD_INPUT, CliRun.run("book", "verify", "--lobster-message", "a.csv").exitCode);
        assertEquals(ExitCodes.BAD_INPUT,
            CliRun.run("book", "verify", "--lobster-message", "a", "--lobster-book", "b", "--binance", "c").exitCode);
    }

    @Test
    void everyCommandHasHelp()
    {
        for (final String[] command : new String[][]{ { "--help" }, { "book", "--help" }, { "book", "verify", "--help" } })
        {
            final CliRun run = CliRun.run(command);
            assertEquals(ExitCodes.OK, run.exitCode, run.toString());
            assertTrue(run.out.startsWith("Usage: ticklane"), run.out);
        }
    }

    @Test
    void binanceSpotTwoDaysRebuildTheTopOfBookExactly()
    {
        final CliRun run = assertBinanceVerifies("binance/spot/btcusdt_20240808.gz", "binance/spot/btcusdt_20240809.gz");
        assertTrue(run.out.contains("market=SPOT tick=0.01 lot=0.00000001"), run.out);
        // The data README compared 564 tickers on 08-08 and 507 on 08-09 (one more straddles the file boundary).
        assertTrue(run.out.contains("compared=1072 "), run.out);
        assertTrue(run.out.contains("dropped_before_sync=2"), run.out);
    }

    @Test
    void binanceFuturesDayRebuildsTheTopOfBookExactly()
    {
        final CliRun run = assertBinanceVerifies("binance/usdm/btcusdt_20240808.gz");
        assertTrue(run.out.contains("market=USDM_FUTURES tick=0.1 lot=0.001"), run.out);
        assertTrue(run.out.contains("compared=629 "), run.out);
        assertTrue(run.out.contains("dropped_before_sync=4"), run.out);
    }

    @Test
    void binanceFuturesTwoDaysRebuildTheTopOfBookExactly()
    {
        final CliRun run = assertBinanceVerifies("binance/usdm/btcusdt_20240718.gz", "binance/usdm/btcusdt_20240719.gz");
        // 195 on 07-18 and 430 on 07-19 per the data README.
        assertTrue(run.out.contains("compared=625 "), run.out);
    }

    @Test
    void aLostDepthUpdateIsAGapAndTheBookIsNotTrustedAfterIt() throws IOException
    {
        final Path original = RealData.file("binance/usdm/btcusdt_20240718.gz");
        final Path lossy = dir.resolve("btcusdt_20240718.gz");
        final List<String> lines = readGzipLines(original);
        int dropAt = -1;
        for (int i = lines.size() / 2; i < lines.size(); i++)
        {
            if (lines.get(i).contains("\"e\":\"depthUpdate\""))
            {
                dropAt = i;
                break;
            }
        }
        lines.remove(dropAt);
        writeGzipLines(lossy, lines);

        final CliRun run = CliRun.run("book", "verify", "--binance", lossy.toString());

        assertEquals(ExitCodes.CHECK_FAILED, run.exitCode, run.toString());
        assertTrue(run.lastLine().contains(" gaps=1 "), run.lastLine());
        assertTrue(run.out.contains("book ended STALE"), run.out);
    }

    @Test
    void binanceMarketMustBeSpotOrUsdm()
    {
        final CliRun run = CliRun.run("book", "verify", "--market", "coin",
            "--binance", RealData.file("binance/usdm/btcusdt_20240718.gz").toString());

        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("--market must be spot or usdm"), run.err);
    }

    private static void assertLobsterVerifies(final String message, final String book, final long rows)
    {
        final CliRun run = CliRun.run("book", "verify",
            "--lobster-message", RealData.file(message).toString(),
            "--lobster-book", RealData.file(book).toString());

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        assertTrue(run.lastLine().matches("rows=" + rows + " mismatches=0 learned=\\d+"), run.lastLine());
    }

    private static CliRun assertBinanceVerifies(final String... files)
    {
        final List<String> args = new ArrayList<>(List.of("book", "verify", "--binance"));
        for (final String file : files)
        {
            args.add(RealData.file(file).toString());
        }
        final CliRun run = CliRun.run(args.toArray(new String[0]));

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        assertTrue(run.lastLine().matches("updates=\\d+ gaps=0 resyncs=0 crossed=0 top_mismatches=0"), run.lastLine());
        return run;
    }

    private Path write(final String name, final String... lines) throws IOException
    {
        return Files.write(dir.resolve(name), List.of(lines));
    }

    static List<String> readGzipLines(final Path file) throws IOException
    {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8)))
        {
            return new ArrayList<>(reader.lines().toList());
        }
    }

    static void writeGzipLines(final Path file, final List<String> lines) throws IOException
    {
        try (Writer writer = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8))
        {
            for (final String line : lines)
            {
                writer.write(line);
                writer.write('\n');
            }
        }
    }
}
