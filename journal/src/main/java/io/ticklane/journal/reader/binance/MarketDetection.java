package io.ticklane.journal.reader.binance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.ticklane.journal.reader.InputFormatException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Tells a spot capture from a USD-M futures capture by the first depth message: futures depth updates carry
 * {@code pu} (the previous update id) and futures snapshots carry event and transaction times; spot ones do not.
 * Lets {@code ticklane book verify --binance FILE} work without the user naming the market, and fails rather than
 * guesses when the capture has no depth message at all.
 */
public final class MarketDetection
{
    private final JsonFactory factory = new JsonFactory();

    /**
     * @param files capture files in stream order.
     * @return the market of the first depth update or snapshot.
     * @throws InputFormatException if no depth message is found or a line is malformed.
     */
    public BinanceMarket detect(final List<Path> files)
    {
        return detect(files, Files::newInputStream);
    }

    /**
     * @param files         capture files in stream order.
     * @param captureSource opens each file's bytes (tests and fuzzing feed them from memory).
     * @return the market of the first depth update or snapshot.
     * @throws InputFormatException if no depth message is found or a line is malformed.
     */
    BinanceMarket detect(final List<Path> files, final CaptureSource captureSource)
    {
        try (CaptureLines lines = new CaptureLines(files, captureSource))
        {
            while (lines.next())
            {
                final BinanceMarket market = marketOf(lines);
                if (null != market)
                {
                    return market;
                }
            }
        }
        throw new InputFormatException(String.join(", ", files.stream().map(Path::toString).toList()), 0,
            "no depth update or snapshot to tell spot from futures: name the market explicitly");
    }

    private BinanceMarket marketOf(final CaptureLines lines)
    {
        try (JsonParser parser = factory.createParser(lines.buffer(), lines.jsonOffset(), lines.jsonLength()))
        {
            if (parser.nextToken() != JsonToken.START_OBJECT)
            {
                throw new InputFormatException(lines.source(), lines.lineNumber(), "unrecognised line: expected a JSON object");
            }
            boolean snapshot = false;
            boolean timed = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String name = parser.currentName();
                final JsonToken value = parser.nextToken();
                if ("data".equals(name) && value == JsonToken.START_OBJECT)
                {
                    return depthUpdateMarket(parser);
                }
                snapshot |= "lastUpdateId".equals(name);
                timed |= "T".equals(name) || "E".equals(name);
                parser.skipChildren();
            }
            return snapshot ? (timed ? BinanceMarket.USDM_FUTURES : BinanceMarket.SPOT) : null;
        }
        catch (final JsonProcessingException ex)
        {
            throw new InputFormatException(lines.source(), lines.lineNumber(), "malformed JSON: " + ex.getOriginalMessage(), ex);
        }
        catch (final IOException ex)
        {
            throw new InputFormatException(lines.source(), lines.lineNumber(), "cannot parse: " + ex.getMessage(), ex);
        }
    }

    private static BinanceMarket depthUpdateMarket(final JsonParser parser) throws IOException
    {
        boolean depth = false;
        boolean previousId = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME)
        {
            final String name = parser.currentName();
            parser.nextToken();
            if ("e".equals(name))
            {
                depth = "depthUpdate".equals(parser.getText());
            }
            previousId |= "pu".equals(name);
            parser.skipChildren();
        }
        return depth ? (previousId ? BinanceMarket.USDM_FUTURES : BinanceMarket.SPOT) : null;
    }
}
