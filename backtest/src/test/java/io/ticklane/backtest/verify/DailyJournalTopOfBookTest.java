package io.ticklane.backtest.verify;

import io.ticklane.journal.RealData;
import io.ticklane.journal.importer.DailyJournalImport;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.journal.reader.binance.BinanceCaptureReader;
import io.ticklane.journal.reader.binance.MarketDetection;
import io.ticklane.orderbook.BookState;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A capture day that has no snapshot of its own (Binance's 07-19 futures and 08-09 spot files continue the file
 * before), imported by UTC day and read from its own journal alone, rebuilds the venue's top of book at every ticker
 * that can be compared: the book it starts with at midnight is the one the capture had built. The counts are the data
 * README's, made by an independent check over the raw files: futures 07-19 430 tickers, spot 08-09 507, 0 mismatches.
 */
class DailyJournalTopOfBookTest
{
    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({
        "binance/usdm/btcusdt_20240718.gz, binance/usdm/btcusdt_20240719.gz, 430",
        "binance/spot/btcusdt_20240808.gz, binance/spot/btcusdt_20240809.gz, 507",
    })
    void theSecondDayAloneRebuildsTheVenuesTopOfBookExactly(final String first, final String second, final long compared)
        throws IOException
    {
        final List<Path> files = List.of(RealData.file(first), RealData.file(second));
        final List<DailyJournalImport.Day> days;
        try (DailyJournalImport journals = new DailyJournalImport(tmp.resolve("days"), "test", "test", (n) -> { });
            BinanceCaptureReader reader = new BinanceCaptureReader(
                new BinanceCaptureReader.Context().files(files).market(new MarketDetection().detect(files))))
        {
            reader.readAll(journals);
            days = journals.commit();
        }
        assertEquals(2, days.size());

        final UnsafeBuffer frame = new UnsafeBuffer(new byte[0]);
        final BinanceTopOfBookCheck check;
        try (JournalReader reader = JournalReader.open(days.get(1).journal()))
        {
            check = new BinanceTopOfBookCheck(reader.header().instruments().get(0).id());
            reader.readAll((direction, stream, receiveTimeNs, buffer, offset, length) ->
            {
                frame.wrap(buffer, offset, length);
                check.onFrame(frame.getShort(2) & 0xFFFF, frame, 0, length);
            });
        }
        final BinanceVerification.Result result = check.finish(null, null);

        assertEquals(compared, result.compared());
        assertEquals(0, result.topMismatches(), result.differences().toString());
        assertEquals(0, result.gaps());
        assertEquals(0, result.crossed());
        assertEquals(0, result.resyncs(), "one snapshot: the one at midnight");
        assertEquals(BookState.LIVE, result.finalState());
    }
}
