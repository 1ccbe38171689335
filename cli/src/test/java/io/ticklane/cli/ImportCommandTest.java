package io.ticklane.cli;

import io.ticklane.journal.RealData;
import io.ticklane.journal.queue.JournalHeader;
import io.ticklane.journal.queue.JournalInstrument;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.journal.reader.binance.BinanceCaptureReader;
import io.ticklane.journal.reader.binance.MarketDetection;
import io.ticklane.journal.reader.lobster.LobsterContext;
import io.ticklane.backtest.verify.LobsterVerification;
import io.ticklane.sbe.InstrumentDefinitionDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportCommandTest
{
    static final String AAPL = "lobster/aapl-l10-first999/AAPL_2012-06-21_34200000_57600000_";
    static final String USDM_0718 = "binance/usdm/btcusdt_20240718.gz";
    static final String SPOT_0808 = "binance/spot/btcusdt_20240808.gz";
    static final String SPOT_0809 = "binance/spot/btcusdt_20240809.gz";

    @TempDir
    Path tmp;

    @Test
    void lobsterImportJournalsExactlyTheFramesTheVerifiedReplaySees() throws IOException
    {
        // given the frames book verify's replay shows its observer
        final FrameDigest expected = new FrameDigest(true);
        new LobsterVerification(RealData.file(AAPL + "message_10.csv"), RealData.file(AAPL + "orderbook_10.csv"), 0,
            new LobsterContext().symbol("AAPL"), (rows) -> { }).observer((book) -> expected).run();

        // when imported through the CLI
        final Path out = tmp.resolve("aapl");
        final CliRun run = importAapl(out);

        // then the journal holds the same frames, definition first, with the header describing them
        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        assertTrue(run.lastLine().matches("journal=.* records=" + expected.frames + " rows=999 mismatches=0 learned=\\d+"),
            run.lastLine());
        final FrameDigest journaled = new FrameDigest(true);
        try (JournalReader reader = JournalReader.open(out))
        {
            final JournalHeader header = reader.header();
            assertEquals(List.of(new JournalInstrument(1, "AAPL", 100, 1, (byte)-4, (byte)0)), header.instruments());
            assertEquals("none", header.configHash());
            assertTrue(header.source().contains("seeding L2Snapshot (orderbook row 1 with message 1 undone)"), header.source());
            assertEquals(expected.frames, reader.readAll(journaled));
        }
        assertEquals(InstrumentDefinitionDecoder.TEMPLATE_ID, journaled.firstTemplateId);
        assertEquals(0, journaled.notInboundStreamOne);
        // The replay shows its seeding snapshot before the reader's instrument definition; the journal puts the
        // definition first. Everything else is in the replay's order, byte for byte.
        final List<byte[]> inJournalOrder = new ArrayList<>(expected.kept);
        assertEquals(InstrumentDefinitionDecoder.TEMPLATE_ID, templateId(inJournalOrder.get(1)));
        inJournalOrder.add(0, inJournalOrder.remove(1));
        for (int i = 0; i < inJournalOrder.size(); i++)
        {
            assertArrayEquals(inJournalOrder.get(i), journaled.kept.get(i), "frame " + i);
        }
        assertEquals(List.of(out), siblings(), "no temporary directory left behind");
    }

    @Test
    void binanceImportJournalsEveryFrameTheCaptureReaderEmits() throws IOException
    {
        final Path input = RealData.file(USDM_0718);
        final FrameDigest expected = new FrameDigest();
        try (BinanceCaptureReader reader = new BinanceCaptureReader(new BinanceCaptureReader.Context()
            .files(List.of(input)).market(new MarketDetection().detect(List.of(input)))))
        {
            reader.readAll(expected);
        }

        final Path out = tmp.resolve("btc");
        final CliRun run = CliRun.run("import", "binance", "--input", input.toString(), "--instrument", "BTCUSDT",
            "--out", out.toString());

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        assertEquals("journal=" + out + " records=" + expected.frames + " market=USDM_FUTURES", run.lastLine());
        final FrameDigest journaled = new FrameDigest();
        try (JournalReader reader = JournalReader.open(out))
        {
            assertEquals("BTCUSDT", reader.header().instruments().get(0).symbol());
            assertTrue(reader.header().source().startsWith("Binance USDM_FUTURES capture btcusdt_20240718.gz"),
                reader.header().source());
            assertEquals(expected.frames, reader.readAll(journaled));
        }
        assertEquals(InstrumentDefinitionDecoder.TEMPLATE_ID, journaled.firstTemplateId);
        assertEquals(expected.crc.getValue(), journaled.crc.getValue(), "frame bytes differ");
    }

    @Test
    void anExistingOutputDirectoryIsNeverOverwritten() throws IOException
    {
        final Path out = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(out.resolve("keep.txt"), "mine");

        final CliRun run = importAapl(out);

        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("already exists; refusing to overwrite"), run.err);
        assertEquals("mine", Files.readString(out.resolve("keep.txt")));
    }

    @Test
    void anImportThatFailsHalfwayLeavesNoJournal() throws IOException
    {
        // given a message file whose row 500 is malformed, after 499 good rows have been journaled
        final List<String> messages = Files.readAllLines(RealData.file(AAPL + "message_10.csv"));
        messages.set(499, "34200.5,9,1,1,1,1");
        final Path message = Files.write(tmp.resolve("AAPL_2012-06-21_34200000_57600000_message_10.csv"), messages);
        final Path out = tmp.resolve("journal");

        final CliRun run = CliRun.run("import", "lobster", "--message", message.toString(),
            "--book", RealData.file(AAPL + "orderbook_10.csv").toString(), "--instrument", "AAPL", "--out", out.toString());

        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains(message + ":500:"), run.err);
        assertFalse(Files.exists(out));
        assertEquals(List.of(message), siblings(), "the partial journal is deleted");
    }

    @Test
    void aCaptureOfAnotherInstrumentIsBadInput()
    {
        final Path out = tmp.resolve("eth");
        final CliRun run = CliRun.run("import", "binance", "--input", RealData.file(USDM_0718).toString(),
            "--instrument", "ETHUSDT", "--out", out.toString());

        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("the data is for BTCUSDT, not the instrument given (ETHUSDT)"), run.err);
        assertFalse(Files.exists(out));
    }

    @Test
    void aCaptureSplitByUtcDayIsOneJournalPerDayEachStartingWithItsBook() throws IOException
    {
        final Path out = tmp.resolve("days");
        final CliRun run = CliRun.run("import", "binance", "--input", RealData.file(SPOT_0808).toString(),
            RealData.file(SPOT_0809).toString(), "--instrument", "BTCUSDT", "--out", out.toString(), "--split-utc-days");

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        final List<String> lines = run.out.lines().toList();
        assertEquals(3, lines.size(), run.out);
        assertTrue(lines.get(0).startsWith("journal=" + out.resolve("2024-08-08") + " day=2024-08-08 records="), lines.get(0));
        assertTrue(lines.get(0).endsWith(" starts=capture"), lines.get(0));
        assertTrue(lines.get(1).startsWith("journal=" + out.resolve("2024-08-09") + " day=2024-08-09 records="), lines.get(1));
        assertTrue(lines.get(1).endsWith(" starts=rebuilt_book"), lines.get(1));
        long records = 0;
        for (final String day : List.of("2024-08-08", "2024-08-09"))
        {
            try (JournalReader reader = JournalReader.open(out.resolve(day)))
            {
                assertTrue(reader.header().source().startsWith("Binance SPOT capture btcusdt_20240808.gz btcusdt_20240809.gz"),
                    reader.header().source());
                assertTrue(reader.header().source().contains("UTC day " + day), reader.header().source());
                records += reader.readAll((d, s, t, b, o, l) -> { });
            }
        }
        assertEquals("journals=" + out + " days=2 records=" + records + " market=SPOT", run.lastLine());
        assertEquals(List.of(out), siblings(), "no temporary directory left behind");
    }

    @Test
    void aSplitImportThatFailsOnTheSecondDayLeavesNoDayAtAll() throws IOException
    {
        final List<String> lines = BookVerifyCommandTest.readGzipLines(RealData.file(SPOT_0809));
        lines.set(lines.size() / 2, "1723162000000000000 {\"stream\": \"btcusdt@trade\", \"data\": {");
        final Path broken = tmp.resolve("btcusdt_20240809.gz");
        BookVerifyCommandTest.writeGzipLines(broken, lines);
        final Path out = tmp.resolve("days");

        final CliRun run = CliRun.run("import", "binance", "--input", RealData.file(SPOT_0808).toString(), broken.toString(),
            "--instrument", "BTCUSDT", "--out", out.toString(), "--split-utc-days");

        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains(broken.getFileName().toString()), run.err);
        assertEquals(List.of(broken), siblings(), "the first day, already complete, is deleted with the rest");
    }

    private static int templateId(final byte[] frame)
    {
        return new UnsafeBuffer(frame).getShort(2) & 0xFFFF;
    }

    private CliRun importAapl(final Path out)
    {
        return CliRun.run("import", "lobster", "--message", RealData.file(AAPL + "message_10.csv").toString(),
            "--book", RealData.file(AAPL + "orderbook_10.csv").toString(), "--instrument", "AAPL", "--tick-size", "0.01",
            "--out", out.toString());
    }

    private List<Path> siblings() throws IOException
    {
        try (Stream<Path> files = Files.list(tmp))
        {
            return files.toList();
        }
    }
}
