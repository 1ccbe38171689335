package io.ticklane.cli;

import io.ticklane.backtest.verify.LobsterVerification;
import io.ticklane.journal.RealData;
import io.ticklane.journal.reader.lobster.LobsterContext;
import io.ticklane.sbe.L2UpdateDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FactorsCommandTest
{
    private static final String AAPL = "lobster/aapl-l10-first999/AAPL_2012-06-21_34200000_57600000_";

    @TempDir
    Path dir;

    @Test
    void lobsterInputGivesOneRowPerEventWithTheMidOfEveryBookRow() throws IOException
    {
        final Path out = dir.resolve("factors.csv");
        final CliRun run = CliRun.run("factors", "--input", RealData.file(AAPL + "message_10.csv").toString(),
            "--out", out.toString(), "--factors", "mid");

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        assertTrue(run.out.contains("book: rows=999 mismatches=0"), run.out);
        final List<String> csv = Files.readAllLines(out);
        assertEquals("event_time_ns,mid", csv.get(0));

        // Independent reference: the orderbook file's own best bid/ask, row by row. Each book row follows one
        // message; visible executions (type 4) add a trade event after the book event, with the same mid, and a row
        // whose top-10 window changed (levels learned from the file, levels leaving it) a window event, same mid.
        final Set<Long> windowRows = windowRows();
        assertTrue(!windowRows.isEmpty() && windowRows.size() < 999, windowRows.toString());
        final List<String> rows = Files.readAllLines(RealData.file(AAPL + "orderbook_10.csv"));
        final List<String> messages = Files.readAllLines(RealData.file(AAPL + "message_10.csv"));
        int line = 2; // line 1 is the seeding snapshot (book before message 1)
        for (int i = 0; i < rows.size(); i++)
        {
            final String[] book = rows.get(i).split(",");
            final double mid = (Long.parseLong(book[0]) + Long.parseLong(book[2])) / 2.0 / 100.0;
            final String type = messages.get(i).split(",")[1];
            final int events = ("4".equals(type) ? 2 : 1) + (windowRows.contains(i + 1L) ? 1 : 0);
            for (int e = 0; e < events; e++)
            {
                final String[] fields = csv.get(line++).split(",");
                assertEquals(mid, Double.parseDouble(fields[1]), "row " + (i + 1));
            }
        }
        assertEquals(csv.size(), line, "no extra rows");
    }

    /**
     * @return the rows after which the import's replay journals a window L2Update (its sequence is the row).
     */
    private static Set<Long> windowRows()
    {
        final Set<Long> rows = new HashSet<>();
        new LobsterVerification(RealData.file(AAPL + "message_10.csv"), RealData.file(AAPL + "orderbook_10.csv"), 0,
            new LobsterContext(), (progress) -> { })
            .observer((book) -> (msgTypeId, buffer, index, length) ->
            {
                if (L2UpdateDecoder.TEMPLATE_ID == msgTypeId)
                {
                    rows.add(buffer.getLong(index + MessageHeaderDecoder.ENCODED_LENGTH +
                        L2UpdateDecoder.sequenceEncodingOffset(), ByteOrder.LITTLE_ENDIAN));
                }
            })
            .run();
        return rows;
    }

    @Test
    void binanceInputComputesOnTheSynchronisedBook() throws IOException
    {
        final Path out = dir.resolve("factors.csv");
        final CliRun run = CliRun.run("factors", "--input", RealData.file("binance/usdm/btcusdt_20240718.gz").toString(),
            "--out", out.toString(), "--factors", "mid");

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        assertTrue(run.out.contains("book: updates=3321 gaps=0"), run.out);
        final List<String> csv = Files.readAllLines(out);
        long previous = Long.MIN_VALUE;
        for (int i = 1; i < csv.size(); i++)
        {
            final long time = Long.parseLong(csv.get(i).split(",")[0]);
            assertTrue(time >= previous, "event time never runs backwards, line " + (i + 1));
            previous = time;
        }
        assertTrue(csv.size() > 3321, "a row per depth update and per trade");
    }

    @Test
    void unknownFactorIsBadInput()
    {
        final CliRun run = CliRun.run("factors", "--input", RealData.file(AAPL + "message_10.csv").toString(),
            "--out", dir.resolve("x.csv").toString(), "--factors", "mid,nope");

        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("unknown factor 'nope'"), run.err);
    }

    @Test
    void lobsterMessageFileWithoutItsOrderbookFileIsBadInput() throws IOException
    {
        final Path message = Files.copy(RealData.file(AAPL + "message_10.csv"), dir.resolve("X_2012-06-21_0_0_message_10.csv"));

        final CliRun run = CliRun.run("factors", "--input", message.toString(), "--out", dir.resolve("x.csv").toString());

        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("needs its orderbook file"), run.err);
    }

    @Test
    void listShowsEveryFactorWithItsDescription()
    {
        final CliRun run = CliRun.run("factors", "--list");

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        assertTrue(run.out.startsWith("mid "), run.out);
    }
}
