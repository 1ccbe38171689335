package io.ticklane.journal.reader.binance;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes tiny hand-built captures as gzip files, one {@code <local_ns> <json>} line per given line.
 */
final class CaptureFiles
{
    private CaptureFiles()
    {
    }

    static Path gzip(final Path dir, final String name, final String... lines) throws IOException
    {
        final Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file)))
        {
            for (final String line : lines)
            {
                out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        }
        return file;
    }

    static String spotDepth(final long localNs, final long firstId, final long lastId, final String bids, final String asks)
    {
        return localNs + " {\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1700000000123,\"s\":\"BTCUSDT\"," +
            "\"U\":" + firstId + ",\"u\":" + lastId + ",\"b\":" + bids + ",\"a\":" + asks + "}}";
    }

    static String futuresDepth(
        final long localNs, final long firstId, final long lastId, final long prevId, final String bids, final String asks)
    {
        return localNs + " {\"stream\":\"btcusdt@depth@0ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1700000000200," +
            "\"T\":1700000000199,\"s\":\"BTCUSDT\",\"U\":" + firstId + ",\"u\":" + lastId + ",\"pu\":" + prevId +
            ",\"b\":" + bids + ",\"a\":" + asks + "}}";
    }

    static String spotSnapshot(final long localNs, final long lastUpdateId, final String bids, final String asks)
    {
        return localNs + " {\"lastUpdateId\":" + lastUpdateId + ",\"bids\":" + bids + ",\"asks\":" + asks + "}";
    }

    static String futuresSnapshot(final long localNs, final long lastUpdateId, final String bids, final String asks)
    {
        return localNs + " {\"lastUpdateId\":" + lastUpdateId + ",\"E\":1700000000050,\"T\":1700000000049,\"bids\":" + bids +
            ",\"asks\":" + asks + "}";
    }
}
