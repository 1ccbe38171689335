package io.ticklane.journal.reader.binance;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ticklane.journal.reader.BadInput;
import io.ticklane.journal.reader.GzipBytes;
import io.ticklane.journal.reader.InputFormatException;
import io.ticklane.sbe.MessageHeaderDecoder;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzed bytes as the lines of Binance capture files, read by market detection and by the capture reader: each either
 * reads every line or throws an {@link InputFormatException} naming the file and line; any other exception, or a hang,
 * is a finding.
 * <p>
 * Input: a mode byte, then the decompressed content. Mode bit 0 picks the market (spot, futures), bit 1 has the reader
 * infer tick and lot sizes from the first snapshot instead of being given them, bit 2 hands the content to the reader
 * as one file's raw bytes instead of gzipping it. Otherwise the content is split into files at each {@code 0x1E} byte
 * (at most three files), read as one stream. The files are fed from memory under their names ({@link CaptureSource}).
 * Corpus: src/test/resources/io/ticklane/journal/reader/binance/BinanceReaderFuzzTestInputs/&lt;method&gt;/.
 */
class BinanceReaderFuzzTest
{
    private static final int MARKET_FUTURES = 1;
    private static final int INFER_SIZES = 2;
    private static final int RAW_BYTES = 4;
    private static final byte FILE_SEPARATOR = 0x1E;
    private static final int MAX_FILES = 3;
    private static final GzipBytes GZIP = new GzipBytes();

    @FuzzTest
    void captureIsReadOrRefusedNamingTheLine(final byte[] data)
    {
        final int mode = data.length > 0 ? data[0] : 0;
        final BinanceMarket market = 0 != (mode & MARKET_FUTURES) ? BinanceMarket.USDM_FUTURES : BinanceMarket.SPOT;
        final Map<Path, byte[]> bytes = new HashMap<>();
        final List<Path> files = split(data, 0 != (mode & RAW_BYTES), bytes);
        final List<String> sources = files.stream().map(Path::toString).toList();
        final long maxLine = 0 != (mode & RAW_BYTES) ? Long.MAX_VALUE : lines(data);
        final CaptureSource memory = (file) -> new ByteArrayInputStream(bytes.get(file));

        try
        {
            assertTrue(null != new MarketDetection().detect(files, memory));
        }
        catch (final InputFormatException ex)
        {
            BadInput.assertClear(ex, sources, maxLine);
        }

        final BinanceCaptureReader.Context context = new BinanceCaptureReader.Context().files(files).market(market).instrumentId(7);
        if (0 == (mode & INFER_SIZES))
        {
            context.tickSize(new BigDecimal(BinanceMarket.SPOT == market ? "0.01" : "0.1"))
                .lotSize(new BigDecimal(BinanceMarket.SPOT == market ? "0.000001" : "0.001"));
        }
        final FrameCheck frames = new FrameCheck();
        try (BinanceCaptureReader reader = new BinanceCaptureReader(context, memory))
        {
            final long read = reader.readAll(frames);
            assertTrue(reader.isEndOfStream());
            assertEquals(read, reader.counters().lines());
        }
        catch (final InputFormatException ex)
        {
            BadInput.assertClear(ex, sources, maxLine);
        }
    }

    private static List<Path> split(final byte[] data, final boolean raw, final Map<Path, byte[]> bytes)
    {
        final List<Path> files = new ArrayList<>(MAX_FILES);
        int start = Math.min(1, data.length);
        for (int i = start; i <= data.length; i++)
        {
            if (i == data.length || (!raw && FILE_SEPARATOR == data[i] && files.size() < MAX_FILES - 1))
            {
                final Path file = Path.of("btcusdt_2024080" + (files.size() + 1) + ".gz");
                bytes.put(file, raw ? Arrays.copyOfRange(data, start, i) : GZIP.gzip(data, start, i - start));
                files.add(file);
                start = i + 1;
            }
        }
        return files;
    }

    private static long lines(final byte[] data)
    {
        long lines = 1;
        for (final byte b : data)
        {
            lines += '\n' == b ? 1 : 0;
        }
        return lines;
    }

    /**
     * Checks every frame is a whole SBE message whose header names the template it was delivered as.
     */
    private static final class FrameCheck implements MessageHandler
    {
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();

        @Override
        public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
        {
            assertTrue(index >= 0 && length >= MessageHeaderDecoder.ENCODED_LENGTH && index + length <= buffer.capacity());
            header.wrap(buffer, index);
            assertEquals(msgTypeId, header.templateId(), "the frame's template is the one it is delivered as");
            assertTrue(MessageHeaderDecoder.ENCODED_LENGTH + header.blockLength() <= length, "the root block is in the frame");
        }
    }
}
