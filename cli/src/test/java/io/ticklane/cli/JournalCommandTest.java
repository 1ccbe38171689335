package io.ticklane.cli;

import io.ticklane.gateway.transport.FrameRefusal;
import io.ticklane.journal.RealData;
import io.ticklane.journal.queue.Direction;
import io.ticklane.journal.queue.JournalHeader;
import io.ticklane.journal.queue.JournalInstrument;
import io.ticklane.journal.queue.JournalWriter;
import io.ticklane.sbe.AggressorSide;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportEncoder;
import io.ticklane.sbe.HeartbeatEncoder;
import io.ticklane.sbe.L2Action;
import io.ticklane.sbe.L2UpdateEncoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TimerTickEncoder;
import io.ticklane.sbe.TradeEncoder;
import io.ticklane.sbe.TradeType;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalCommandTest
{
    @TempDir
    static Path shared;

    static Path aapl;

    @TempDir
    Path tmp;

    @BeforeAll
    static void importAapl()
    {
        aapl = shared.resolve("aapl");
        final CliRun run = CliRun.run("import", "lobster",
            "--message", RealData.file(ImportCommandTest.AAPL + "message_10.csv").toString(),
            "--book", RealData.file(ImportCommandTest.AAPL + "orderbook_10.csv").toString(),
            "--instrument", "AAPL", "--out", aapl.toString());
        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
    }

    @Test
    void inspectPrintsTheHeaderCountsPerTypeAndTheTimeRange()
    {
        final CliRun run = CliRun.run("journal", "inspect", aapl.toString());

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        assertTrue(run.out.contains("complete:       yes (trailer: "), run.out);
        assertTrue(run.out.contains("sbe schema:     id 7301 version 2"), run.out);
        assertTrue(run.out.contains("instrument:     id=1 symbol=AAPL tickSize=100 lotSize=1 priceExponent=-4"), run.out);
        assertTrue(run.out.matches("(?s).*  IN  InstrumentDefinition +1\n.*"), run.out);
        assertTrue(run.out.matches("(?s).*  IN  L2Snapshot +1\n.*"), run.out);
        assertTrue(run.out.contains("  IN  L3OrderEvent"), run.out);
        // 2012-06-21 09:30 New York is 13:30 UTC.
        assertTrue(run.out.contains("first receive:  2012-06-21T13:30:00"), run.out);
        assertTrue(run.lastLine().matches("records=\\d+ gaps=0 complete=yes"), run.lastLine());
    }

    @Test
    void inspectReportsAnIncompleteJournalAsAFailedCheck() throws IOException
    {
        final Path dir = tmp.resolve("crashed");
        final JournalWriter writer = JournalWriter.create(dir, JournalHeader.current(
            List.of(new JournalInstrument(1, "X", 1, 1, (byte)0, (byte)0)), "none", "test", "crash test"));
        writer.append(Direction.OUT, 2, 5, new UnsafeBuffer(new byte[16]), 0, 16);
        writer.abort();

        final CliRun run = CliRun.run("journal", "inspect", dir.toString());

        assertEquals(ExitCodes.CHECK_FAILED, run.exitCode, run.toString());
        assertTrue(run.out.contains("complete:       NO"), run.out);
        assertTrue(run.out.contains("  OUT template-0"), run.out);
        assertEquals("records=1 gaps=0 complete=no", run.lastLine());

        final CliRun cat = CliRun.run("journal", "cat", dir.toString());
        assertEquals(ExitCodes.BAD_INPUT, cat.exitCode, cat.toString());
        assertTrue(cat.err.contains("journal is INCOMPLETE"), cat.err);
    }

    @Test
    void inspectOfAMissingDirectoryIsBadInput()
    {
        final CliRun run = CliRun.run("journal", "inspect", tmp.resolve("nope").toString());

        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("nope"), run.err);
    }

    @Test
    void catPrintsOneLinePerRecordUpToTheLimit()
    {
        final CliRun run = CliRun.run("journal", "cat", aapl.toString(), "--limit", "3");

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        final String[] lines = run.out.strip().split("\n");
        assertEquals(3, lines.length, run.out);
        assertTrue(lines[0].matches("2012-06-21T13:30:00\\.\\d+Z IN 1 InstrumentDefinition .*symbol=AAPL.*"), lines[0]);
        assertTrue(lines[1].contains(" IN 1 L2Snapshot "), lines[1]);
        assertTrue(lines[2].contains(" IN 1 L3OrderEvent ") && lines[2].contains("sequence="), lines[2]);
    }

    @Test
    void catFiltersByTypeAndTime()
    {
        final CliRun all = CliRun.run("journal", "cat", aapl.toString(), "--type", "l3orderevent");
        final String[] events = all.out.strip().split("\n");
        assertTrue(events.length > 900, "events: " + events.length);
        for (final String line : events)
        {
            assertTrue(line.contains(" L3OrderEvent "), line);
        }

        final String from = events[500].substring(0, events[500].indexOf(' '));
        final CliRun later = CliRun.run("journal", "cat", aapl.toString(), "--type", "L3OrderEvent", "--from", from);
        final String[] laterEvents = later.out.strip().split("\n");
        assertTrue(laterEvents.length <= events.length - 500 && laterEvents.length > 0, "later: " + laterEvents.length);
        assertTrue(laterEvents[0].compareTo(from) >= 0, laterEvents[0]);
    }

    @Test
    void catPrintsAFrameItCannotDecodeWithItsRecordIndexAndCarriesOn() throws IOException
    {
        // given a journal (written before the daemon's edge check) with an execType from a newer schema and a frame
        // that declares more levels than it holds, between good frames
        final Path dir = tmp.resolve("undecodable");
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[256]);
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        try (JournalWriter writer = JournalWriter.create(dir, JournalHeader.current(
            List.of(new JournalInstrument(1, "X", 1, 1, (byte)0, (byte)0)), "none", "test", "undecodable frames")))
        {
            writer.append(Direction.IN, 1001, 1, frame, 0, MessageHeaderEncoder.ENCODED_LENGTH +
                new HeartbeatEncoder().wrapAndApplyHeader(frame, 0, header).senderId(7).encodedLength());
            final int report = MessageHeaderEncoder.ENCODED_LENGTH + new ExecutionReportEncoder()
                .wrapAndApplyHeader(frame, 0, header).clientOrderId(42).execType(ExecType.FILL).side(Side.BUY).encodedLength();
            frame.putByte(MessageHeaderEncoder.ENCODED_LENGTH + ExecutionReportEncoder.execTypeEncodingOffset(), (byte)77);
            writer.append(Direction.IN, 1003, 2, frame, 0, report);
            final L2UpdateEncoder update = new L2UpdateEncoder().wrapAndApplyHeader(frame, 0, header).sequence(2);
            update.levelsCount(1).next().side(Side.BUY).action(L2Action.NEW).price(100).quantity(1);
            final int updateLength = MessageHeaderEncoder.ENCODED_LENGTH + update.encodedLength();
            frame.putShort(MessageHeaderEncoder.ENCODED_LENGTH + L2UpdateEncoder.BLOCK_LENGTH + 2, (short)0xFFFF,
                ByteOrder.LITTLE_ENDIAN);
            writer.append(Direction.IN, 1001, 3, frame, 0, updateLength);
            writer.append(Direction.IN, 1001, 4, frame, 0, MessageHeaderEncoder.ENCODED_LENGTH + new TradeEncoder()
                .wrapAndApplyHeader(frame, 0, header).tradeId(9).aggressorSide(AggressorSide.SELL)
                .tradeType(TradeType.REGULAR).encodedLength());
        }

        final CliRun run = CliRun.run("journal", "cat", dir.toString());

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        final String[] lines = run.out.strip().split("\n");
        assertEquals(4, lines.length, run.out);
        assertTrue(lines[0].contains(" IN 1001 Heartbeat ") && lines[0].contains("senderId=7"), lines[0]);
        assertTrue(lines[1].contains(" IN 1003 ExecutionReport ") && lines[1].contains("execType=SBE_UNKNOWN"), lines[1]);
        assertTrue(lines[2].contains(" IN 1001 L2Update record 3 cannot be decoded: its ") &&
            lines[2].contains("bytes end before the block and groups it declares"), lines[2]);
        assertTrue(lines[3].contains(" IN 1001 Trade ") && lines[3].contains("tradeId=9"), lines[3]);
    }

    @Test
    void catAndInspectPrintRefusedRecordsWithTheirReason() throws IOException
    {
        final Path dir = tmp.resolve("refused");
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[256]);
        final int tick = MessageHeaderEncoder.ENCODED_LENGTH + new TimerTickEncoder()
            .wrapAndApplyHeader(frame, 0, new MessageHeaderEncoder()).timestampNs(5).timerId(1).encodedLength();
        try (JournalWriter writer = JournalWriter.create(dir, JournalHeader.current(
            List.of(new JournalInstrument(1, "X", 1, 1, (byte)0, (byte)0)), "none", "test", "refused frames")))
        {
            writer.appendRefused(FrameRefusal.WRONG_STREAM.code(), 1004, 1, frame, 0, tick);
            writer.appendRefused(FrameRefusal.TOO_SHORT.code(), 1001, 2, frame, 0, 3);
        }

        final CliRun cat = CliRun.run("journal", "cat", dir.toString());

        assertEquals(ExitCodes.OK, cat.exitCode, cat.toString());
        final String[] lines = cat.out.strip().split("\n");
        assertEquals(2, lines.length, cat.out);
        assertTrue(lines[0].contains(" REFUSED 1004 TimerTick record 1 refused WRONG_STREAM: ") &&
            lines[0].contains("timestampNs=5"), lines[0]);
        assertTrue(lines[1].endsWith(" REFUSED 1001 ? record 2 refused TOO_SHORT: cannot be decoded: 3 bytes, shorter " +
            "than a message header"), lines[1]);

        final CliRun inspect = CliRun.run("journal", "inspect", dir.toString());
        assertEquals(ExitCodes.OK, inspect.exitCode, inspect.toString());
        assertTrue(inspect.out.contains("  REFUSED TOO_SHORT"), inspect.out);
        assertTrue(inspect.out.contains("  REFUSED WRONG_STREAM"), inspect.out);
        assertEquals("records=2 gaps=0 complete=yes", inspect.lastLine());
    }

    @Test
    void catRejectsAnUnknownType()
    {
        final CliRun run = CliRun.run("journal", "cat", aapl.toString(), "--type", "Quote");

        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("--type Quote is not a message type"), run.err);
    }

    @Test
    void everyJournalAndImportCommandHasHelp()
    {
        for (final String[] command : new String[][]{ { "import", "--help" }, { "import", "lobster", "--help" },
            { "import", "binance", "--help" }, { "journal", "--help" }, { "journal", "inspect", "--help" },
            { "journal", "cat", "--help" } })
        {
            final CliRun run = CliRun.run(command);
            assertEquals(ExitCodes.OK, run.exitCode, run.toString());
            assertTrue(run.out.startsWith("Usage: ticklane " + command[0]), run.out);
        }
    }
}
