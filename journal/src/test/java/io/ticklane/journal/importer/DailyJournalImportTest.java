package io.ticklane.journal.importer;

import io.ticklane.journal.RealData;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.journal.reader.binance.BinanceCaptureReader;
import io.ticklane.journal.reader.binance.MarketDetection;
import io.ticklane.sbe.InstrumentDefinitionDecoder;
import io.ticklane.sbe.InstrumentDefinitionEncoder;
import io.ticklane.sbe.L2Action;
import io.ticklane.sbe.L2SnapshotDecoder;
import io.ticklane.sbe.L2SnapshotEncoder;
import io.ticklane.sbe.L2UpdateEncoder;
import io.ticklane.sbe.L3OrderEventEncoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TradeEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DailyJournalImportTest
{
    private static final long DAY = DailyJournalImport.NANOS_PER_DAY;
    private static final long DAY_1 = LocalDate.of(2024, 7, 18).toEpochDay() * DAY;
    private static final long DAY_2 = DAY_1 + DAY;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();

    @TempDir
    Path tmp;

    @Test
    void theSecondDayStartsAtMidnightWithTheWholeBookAsTheFirstDayLeftIt() throws IOException
    {
        final Path out = tmp.resolve("days");
        final List<DailyJournalImport.Day> days;
        try (DailyJournalImport journals = new DailyJournalImport(out, "test", "v1", (n) -> { }))
        {
            definition(journals, DAY_1 + 10);
            snapshot(journals, DAY_1 + 20, 500, new long[][]{ { 100, 5 }, { 99, 3 }, { 98, 7 } }, new long[][]{ { 101, 2 } });
            // 99 deleted, 98 emptied by quantity 0, 101 changed, 103 and 102 added (deep levels are kept too)
            update(journals, DAY_1 + 30, 777_000, 500, 501,
                new long[]{ 'B', L2Action.DELETE.value(), 99, 3 }, new long[]{ 'B', L2Action.CHANGE.value(), 98, 0 },
                new long[]{ 'S', L2Action.CHANGE.value(), 101, 4 }, new long[]{ 'S', L2Action.NEW.value(), 103, 9 },
                new long[]{ 'S', L2Action.NEW.value(), 102, 1 });
            trade(journals, DAY_1 + DAY - 1);
            trade(journals, DAY_2 + 5);
            days = journals.commit();
        }

        assertEquals(2, days.size());
        assertEquals(new DailyJournalImport.Day(LocalDate.of(2024, 7, 18), out.resolve("2024-07-18"), 4,
            DailyJournalImport.Start.CAPTURE), days.get(0));
        assertEquals(new DailyJournalImport.Day(LocalDate.of(2024, 7, 19), out.resolve("2024-07-19"), 3,
            DailyJournalImport.Start.REBUILT_BOOK), days.get(1));
        assertEquals(List.of("10@" + (DAY_1 + 20), "11@" + (DAY_1 + 30), "13@" + (DAY_1 + DAY - 1)),
            templates(days.get(0).journal()).subList(1, 4));

        final List<String> second = new ArrayList<>();
        final List<String> levels = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(days.get(1).journal()))
        {
            assertTrue(reader.header().source().contains("UTC day 2024-07-19; starts with the book rebuilt"),
                reader.header().source());
            reader.readAll((d, s, t, b, o, l) ->
            {
                final MessageHeaderDecoder frameHeader = new MessageHeaderDecoder().wrap(b, o);
                second.add(frameHeader.templateId() + "@" + t);
                if (L2SnapshotDecoder.TEMPLATE_ID == frameHeader.templateId())
                {
                    final L2SnapshotDecoder snapshot = new L2SnapshotDecoder().wrapAndApplyHeader(b, o, frameHeader);
                    levels.add("seq=" + snapshot.sequence() + " exchange=" + snapshot.exchangeTimeNs() +
                        " receive=" + snapshot.receiveTimeNs() + " instrument=" + snapshot.instrumentId());
                    for (final L2SnapshotDecoder.LevelsDecoder level : snapshot.levels())
                    {
                        levels.add(level.side() + " " + level.price() + "x" + level.quantity());
                    }
                }
                if (InstrumentDefinitionDecoder.TEMPLATE_ID == frameHeader.templateId())
                {
                    final InstrumentDefinitionDecoder definition =
                        new InstrumentDefinitionDecoder().wrapAndApplyHeader(b, o, frameHeader);
                    levels.add("definition " + definition.symbol().trim() + " tick=" + definition.tickSize() +
                        " receive=" + definition.receiveTimeNs());
                }
            });
        }
        assertEquals(List.of("1@" + DAY_2, "10@" + DAY_2, "13@" + (DAY_2 + 5)), second);
        // hand-computed: bids 100x5 (99 deleted, 98 emptied); asks 101x4, 102x1, 103x9 in price order
        assertEquals(List.of("definition SYM tick=25 receive=" + DAY_2,
            "seq=501 exchange=777000 receive=" + DAY_2 + " instrument=7",
            "BUY 100x5", "SELL 101x4", "SELL 102x1", "SELL 103x9"), levels);
        try (Stream<Path> entries = Files.list(tmp))
        {
            assertEquals(List.of(out), entries.toList(), "nothing but the target is left");
        }
    }

    @Test
    void aDayAfterABrokenChainStartsWithoutABookAndSaysSo() throws IOException
    {
        final Path out = tmp.resolve("days");
        final List<DailyJournalImport.Day> days;
        try (DailyJournalImport journals = new DailyJournalImport(out, "test", "v1", (n) -> { }))
        {
            definition(journals, DAY_1 + 10);
            snapshot(journals, DAY_1 + 20, 500, new long[][]{ { 100, 5 } }, new long[][]{ { 101, 2 } });
            update(journals, DAY_1 + 30, 1, 499, 502, new long[]{ 'B', L2Action.CHANGE.value(), 100, 6 });
            trade(journals, DAY_2 + 5);
            days = journals.commit();
        }

        assertEquals(DailyJournalImport.Start.NO_BOOK, days.get(1).start());
        assertEquals(List.of("1@" + DAY_2, "13@" + (DAY_2 + 5)), templates(days.get(1).journal()));
        try (JournalReader reader = JournalReader.open(days.get(1).journal()))
        {
            assertTrue(reader.header().source().contains("starts without a book (the depth chain was broken at midnight)"),
                reader.header().source());
        }
    }

    @Test
    void orderByOrderDataIsRefusedAndNothingIsLeft() throws IOException
    {
        final Path out = tmp.resolve("days");
        try (DailyJournalImport journals = new DailyJournalImport(out, "lobster.csv", "v1", (n) -> { }))
        {
            definition(journals, DAY_1 + 10);
            new L3OrderEventEncoder().wrapAndApplyHeader(buffer, 0, header).receiveTimeNs(DAY_1 + 11).instrumentId(7);
            final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> journals.onMessage(
                L3OrderEventEncoder.TEMPLATE_ID, buffer, 0, header.encodedLength() + L3OrderEventEncoder.BLOCK_LENGTH));
            assertTrue(ex.getMessage().startsWith("lobster.csv: order-by-order (L3) data cannot be split by day"),
                ex.getMessage());
        }
        try (Stream<Path> entries = Files.list(tmp))
        {
            assertEquals(List.of(), entries.toList(), "an import that failed leaves nothing");
        }
    }

    @Test
    void anExistingTargetIsNeverOverwritten() throws IOException
    {
        Files.createDirectories(tmp.resolve("days"));
        assertThrows(FileAlreadyExistsException.class, () -> new DailyJournalImport(tmp.resolve("days"), "t", "v1", (n) -> { }));
    }

    @Test
    void realFuturesCaptureOverMidnightSplitsIntoItsTwoFilesFramesUnchanged() throws IOException
    {
        final List<Path> files = List.of(RealData.file("binance/usdm/btcusdt_20240718.gz"),
            RealData.file("binance/usdm/btcusdt_20240719.gz"));
        final Path whole = tmp.resolve("whole");
        try (JournalImport journal = new JournalImport(whole, "whole", "v1", (n) -> { });
            BinanceCaptureReader reader = new BinanceCaptureReader(context(files)))
        {
            reader.readAll(journal);
            journal.commit();
        }
        final Path out = tmp.resolve("days");
        final List<DailyJournalImport.Day> days;
        try (DailyJournalImport journals = new DailyJournalImport(out, "days", "v1", (n) -> { }).expectSymbol("btcusdt");
            BinanceCaptureReader reader = new BinanceCaptureReader(context(files)))
        {
            reader.readAll(journals);
            days = journals.commit();
        }

        assertEquals(List.of(LocalDate.of(2024, 7, 18), LocalDate.of(2024, 7, 19)), days.stream().map((d) -> d.date()).toList());
        assertEquals(DailyJournalImport.Start.REBUILT_BOOK, days.get(1).start());
        final List<byte[]> wholeFrames = frames(whole);
        final List<byte[]> firstDay = frames(days.get(0).journal());
        final List<byte[]> secondDay = frames(days.get(1).journal());
        assertEquals(wholeFrames.size() + 2, firstDay.size() + secondDay.size(),
            "every frame once, plus the second day's definition and snapshot");
        final List<byte[]> joined = new ArrayList<>(firstDay);
        joined.addAll(secondDay.subList(2, secondDay.size()));
        for (int i = 0; i < wholeFrames.size(); i++)
        {
            assertArrayEquals(wholeFrames.get(i), joined.get(i), "frame " + i);
        }
        // the 07-19 file is the second day: the data README counts 60,570 lines, of which 5,696 depth, 45,147
        // bookTicker and 9,727 trade lines, one frame each
        assertEquals(5_696 + 45_147 + 9_727 + 2, secondDay.size());
    }

    private static BinanceCaptureReader.Context context(final List<Path> files)
    {
        return new BinanceCaptureReader.Context().files(files).market(new MarketDetection().detect(files));
    }

    private static List<byte[]> frames(final Path journal) throws IOException
    {
        final List<byte[]> frames = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(journal))
        {
            reader.readAll((d, s, t, b, o, l) ->
            {
                final byte[] bytes = new byte[l];
                b.getBytes(o, bytes);
                frames.add(bytes);
            });
        }
        return frames;
    }

    private static List<String> templates(final Path journal) throws IOException
    {
        final List<String> templates = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(journal))
        {
            reader.readAll((d, s, t, b, o, l) -> templates.add((b.getShort(o + 2) & 0xFFFF) + "@" + t));
        }
        return templates;
    }

    private void definition(final DailyJournalImport journals, final long receiveTimeNs)
    {
        final InstrumentDefinitionEncoder encoder = new InstrumentDefinitionEncoder().wrapAndApplyHeader(buffer, 0, header)
            .receiveTimeNs(receiveTimeNs).instrumentId(7).symbol("SYM").tickSize(25).lotSize(1);
        journals.onMessage(InstrumentDefinitionEncoder.TEMPLATE_ID, buffer, 0, header.encodedLength() + encoder.encodedLength());
    }

    private void snapshot(
        final DailyJournalImport journals, final long receiveTimeNs, final long sequence, final long[][] bids, final long[][] asks)
    {
        final L2SnapshotEncoder encoder = new L2SnapshotEncoder().wrapAndApplyHeader(buffer, 0, header)
            .receiveTimeNs(receiveTimeNs).exchangeTimeNs(receiveTimeNs - 1).instrumentId(7).sequence(sequence);
        final L2SnapshotEncoder.LevelsEncoder levels = encoder.levelsCount(bids.length + asks.length);
        Arrays.stream(bids).forEach((level) -> levels.next().side(Side.BUY).price(level[0]).quantity(level[1]));
        Arrays.stream(asks).forEach((level) -> levels.next().side(Side.SELL).price(level[0]).quantity(level[1]));
        journals.onMessage(L2SnapshotEncoder.TEMPLATE_ID, buffer, 0, header.encodedLength() + encoder.encodedLength());
    }

    private void update(
        final DailyJournalImport journals,
        final long receiveTimeNs,
        final long exchangeTimeNs,
        final long prevSequence,
        final long sequence,
        final long[]... changes)
    {
        final L2UpdateEncoder encoder = new L2UpdateEncoder().wrapAndApplyHeader(buffer, 0, header)
            .receiveTimeNs(receiveTimeNs).exchangeTimeNs(exchangeTimeNs).instrumentId(7)
            .prevSequence(prevSequence).sequence(sequence);
        final L2UpdateEncoder.LevelsEncoder levels = encoder.levelsCount(changes.length);
        for (final long[] change : changes)
        {
            levels.next().side('B' == change[0] ? Side.BUY : Side.SELL).action(L2Action.get((short)change[1]))
                .price(change[2]).quantity(change[3]);
        }
        journals.onMessage(L2UpdateEncoder.TEMPLATE_ID, buffer, 0, header.encodedLength() + encoder.encodedLength());
    }

    private void trade(final DailyJournalImport journals, final long receiveTimeNs)
    {
        final TradeEncoder encoder = new TradeEncoder().wrapAndApplyHeader(buffer, 0, header)
            .receiveTimeNs(receiveTimeNs).instrumentId(7).priceUnits(100).quantity(1);
        journals.onMessage(TradeEncoder.TEMPLATE_ID, buffer, 0, header.encodedLength() + encoder.encodedLength());
    }
}
