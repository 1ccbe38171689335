package io.ticklane.journal.reader.binance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.ticklane.journal.reader.InputFormatException;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the first REST snapshot of a capture and infers tick and lot sizes from it. The tick is the finest decimal
 * step any non-zero price of its levels uses, trailing zeros ignored: a 1000-level snapshot shows the price grid far
 * better than the first few diffs, and a finer tick than needed would spread the price-indexed ladder thin. The lot
 * is the precision quantities are written with, trailing zeros included (Binance spot writes 8 decimals): the
 * snapshot alone under-states the quantity grid (spot BTCUSDT diffs use 6 decimals where its snapshots use 5), and
 * a fine lot costs nothing in a {@code long}. A later value off either grid is still an error, never rounded.
 */
final class GridInference
{
    private final JsonFactory factory = new JsonFactory();
    private int priceDecimals;
    private int quantityDecimals;
    private boolean sawPrice;
    private boolean sawQuantity;

    /**
     * @param files capture files, in stream order.
     * @param tick  tick given by the caller, or null to infer it.
     * @param lot   lot given by the caller, or null to infer it.
     * @return the sizes to use.
     */
    TickLotSizes infer(final List<Path> files, final CaptureSource captureSource, final BigDecimal tick, final BigDecimal lot)
    {
        try (CaptureLines lines = new CaptureLines(files, captureSource))
        {
            while (lines.next())
            {
                if (scanSnapshot(lines.buffer(), lines.jsonOffset(), lines.jsonLength(), lines.source(), lines.lineNumber()))
                {
                    return sizes(tick, lot, lines.source(), lines.lineNumber());
                }
            }
        }
        throw new InputFormatException(String.join(", ", files.stream().map(Path::toString).toList()), 0,
            "no depth snapshot to infer tick and lot sizes from: give them explicitly");
    }

    /**
     * Infer the sizes from one REST depth snapshot, as a live feed handler fetches it.
     *
     * @param buffer holding the snapshot's JSON.
     * @param offset of the JSON.
     * @param length of the JSON.
     * @param source named in errors (the URL it came from).
     * @param tick   tick given by the caller, or null to infer it.
     * @param lot    lot given by the caller, or null to infer it.
     * @return the sizes to use.
     * @throws InputFormatException when the JSON is not a snapshot with a non-zero price and quantity.
     */
    TickLotSizes inferFromSnapshot(
        final byte[] buffer, final int offset, final int length, final String source, final BigDecimal tick, final BigDecimal lot)
    {
        if (!scanSnapshot(buffer, offset, length, source, 1))
        {
            throw new InputFormatException(source, 1, "not a depth snapshot: no lastUpdateId");
        }
        return sizes(tick, lot, source, 1);
    }

    private TickLotSizes sizes(final BigDecimal tick, final BigDecimal lot, final String source, final long line)
    {
        if (!sawPrice || !sawQuantity)
        {
            throw new InputFormatException(source, line,
                "snapshot has no non-zero " + (sawPrice ? "quantity" : "price") + " to infer a grid from");
        }
        return new TickLotSizes(
            null != tick ? tick.stripTrailingZeros() : BigDecimal.ONE.movePointLeft(priceDecimals),
            null == tick,
            null != lot ? lot.stripTrailingZeros() : BigDecimal.ONE.movePointLeft(quantityDecimals),
            null == lot,
            source,
            line);
    }

    private boolean scanSnapshot(final byte[] buffer, final int offset, final int length, final String source, final long line)
    {
        try (JsonParser parser = factory.createParser(buffer, offset, length))
        {
            if (parser.nextToken() != JsonToken.START_OBJECT)
            {
                throw new InputFormatException(source, line, "unrecognised line: expected a JSON object");
            }
            boolean snapshot = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String name = parser.currentName();
                final JsonToken value = parser.nextToken();
                if ("stream".equals(name) || "data".equals(name))
                {
                    return false;
                }
                if ("lastUpdateId".equals(name))
                {
                    snapshot = true;
                }
                if (("bids".equals(name) || "asks".equals(name)) && value == JsonToken.START_ARRAY)
                {
                    scanLevels(parser, source, line);
                }
                else
                {
                    parser.skipChildren();
                }
            }
            return snapshot;
        }
        catch (final JsonProcessingException ex)
        {
            throw new InputFormatException(source, line, "malformed JSON: " + ex.getOriginalMessage(), ex);
        }
        catch (final IOException ex)
        {
            throw new InputFormatException(source, line, "cannot parse: " + ex.getMessage(), ex);
        }
    }

    private void scanLevels(final JsonParser parser, final String source, final long line) throws IOException
    {
        while (parser.nextToken() == JsonToken.START_ARRAY)
        {
            final int price = decimals(parser, source, line, false);
            final int quantity = decimals(parser, source, line, true);
            if (parser.nextToken() != JsonToken.END_ARRAY)
            {
                throw new InputFormatException(source, line, "a snapshot level is not [price, quantity]");
            }
            if (price != DecimalGrid.ZERO_VALUE)
            {
                priceDecimals = sawPrice ? Math.max(priceDecimals, price) : price;
                sawPrice = true;
            }
            if (quantity != DecimalGrid.ZERO_VALUE)
            {
                quantityDecimals = sawQuantity ? Math.max(quantityDecimals, quantity) : quantity;
                sawQuantity = true;
            }
        }
    }

    private static int decimals(final JsonParser parser, final String source, final long line, final boolean asWritten)
        throws IOException
    {
        if (parser.nextToken() != JsonToken.VALUE_STRING)
        {
            throw new InputFormatException(source, line, "a snapshot level is not [price, quantity] strings");
        }
        final char[] text = parser.getTextCharacters();
        final int significant = DecimalGrid.significantDecimals(text, parser.getTextOffset(), parser.getTextLength());
        final int decimals = asWritten && DecimalGrid.ZERO_VALUE != significant ?
            DecimalGrid.writtenDecimals(text, parser.getTextOffset(), parser.getTextLength()) : significant;
        if (decimals == DecimalGrid.NOT_A_DECIMAL)
        {
            throw new InputFormatException(source, line, "'" + parser.getText() + "' in a snapshot is not a decimal number");
        }
        return decimals;
    }
}
