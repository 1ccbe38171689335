package io.ticklane.feedserve;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Loads what is served into memory, in order: Binance captures ({@code <local_ns> <json>} lines, the files read as
 * one stream like {@code book verify} reads them) or a plain file of one JSON message per line, in which a Kraken
 * subscriptionStatus line is marked as a reply to a client request. Gzip is recognised
 * by its magic bytes. The whole replay is held in memory (the shared captures are 10 to 40 MB of text) so pacing is
 * never held up by decompression.
 */
final class ServedFiles
{
    private ServedFiles()
    {
    }

    /**
     * @param files   capture files, in stream order.
     * @param capture true for {@code <local_ns> <json>} lines, false for bare JSON lines.
     * @return the messages.
     * @throws IllegalArgumentException naming file and line for a line that is not in the expected form.
     */
    static List<ServedMessage> load(final List<Path> files, final boolean capture)
    {
        final List<ServedMessage> messages = new ArrayList<>();
        long number = 0;
        for (final Path file : files)
        {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8), 1 << 16))
            {
                long lineNumber = 0;
                String line;
                while (null != (line = reader.readLine()))
                {
                    lineNumber++;
                    if (line.isBlank())
                    {
                        continue;
                    }
                    long localNs = 0;
                    String json = line;
                    if (capture)
                    {
                        final int space = line.indexOf(' ');
                        if (space <= 0 || !isDigits(line, space))
                        {
                            throw new IllegalArgumentException(file + ":" + lineNumber + ": not '<local_ns> <json>'");
                        }
                        localNs = Long.parseLong(line, 0, space, 10);
                        json = line.substring(space + 1);
                    }
                    number++;
                    messages.add(new ServedMessage(localNs, json, capture && isSnapshot(json), capture && isDepth(json),
                        !capture && isReply(json), number));
                }
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot read " + file + ": " + ex.getMessage(), ex);
            }
        }
        return messages;
    }

    private static InputStream open(final Path file) throws IOException
    {
        final InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        final int first = raw.read();
        final int second = raw.read();
        raw.reset();
        return first == 0x1f && second == 0x8b ? new GZIPInputStream(raw, 1 << 16) : raw;
    }

    private static boolean isDigits(final String line, final int end)
    {
        if (end > 19)
        {
            return false;
        }
        for (int i = 0; i < end; i++)
        {
            if (line.charAt(i) < '0' || line.charAt(i) > '9')
            {
                return false;
            }
        }
        return true;
    }

    private static boolean isSnapshot(final String json)
    {
        return json.startsWith("{\"lastUpdateId\"");
    }

    /**
     * A Kraken v1 subscriptionStatus answers one subscribe or unsubscribe request; a lines file is otherwise opaque.
     */
    private static boolean isReply(final String json)
    {
        return json.contains("\"event\":\"subscriptionStatus\"");
    }

    private static boolean isDepth(final String json)
    {
        if (!json.startsWith("{\"stream\":\""))
        {
            return false;
        }
        final int end = json.indexOf('"', 11);
        return end > 0 && json.substring(11, end).contains("@depth");
    }
}
