package io.ticklane.journal.reader.binance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.ticklane.journal.reader.InputFormatException;

import java.io.IOException;

/**
 * Parses the JSON of one capture line with Jackson's streaming parser into reused scratch fields, converting
 * prices to ticks and quantities to lots as it goes. Key order does not matter; a missing, mistyped or off-grid
 * field is an {@link InputFormatException} naming file and line. Unknown fields inside {@code data} are skipped
 * (Binance adds fields over time); an unknown stream or top-level field is an error.
 * <p>
 * One file on purpose: it is one streaming pass over one JSON object, and every field handler writes the same
 * scratch fields and seen-field bits that {@code finish} then checks, with the file and line every error names.
 */
final class CaptureLineParser
{
    private static final int F_EVENT_TIME = 1;
    private static final int F_TRANSACT_TIME = 1 << 1;
    private static final int F_FIRST_ID = 1 << 2;
    private static final int F_LAST_ID = 1 << 3;
    private static final int F_PREV_ID = 1 << 4;
    private static final int F_SYMBOL = 1 << 5;
    private static final int F_BIDS = 1 << 6;
    private static final int F_ASKS = 1 << 7;
    private static final int F_BID_QTY = 1 << 8;
    private static final int F_ASK_QTY = 1 << 9;
    private static final int F_TRADE_ID = 1 << 10;
    private static final int F_PRICE = 1 << 11;
    private static final int F_QTY = 1 << 12;
    private static final int F_MAKER = 1 << 13;
    private static final int F_EVENT_TYPE = 1 << 14;
    private static final int F_LAST_UPDATE_ID = 1 << 15;
    private static final int F_BID_PRICE = 1 << 16;
    private static final int F_ASK_PRICE = 1 << 17;
    private static final int MAX_SYMBOL = 16;

    final DepthUpdate update = new DepthUpdate();
    final DepthSnapshot snapshot = new DepthSnapshot();
    LineKind kind;
    String symbol;
    long eventTimeMs;
    long transactTimeMs;
    long sequence;
    long bidPrice;
    long bidQuantity;
    long askPrice;
    long askQuantity;
    long tradeId;
    long price;
    long quantity;
    boolean buyerIsMaker;

    private final JsonFactory factory = new JsonFactory();
    private final BinanceMarket market;
    private final DecimalGrid tick;
    private final DecimalGrid lot;
    private final char[] symbolChars = new char[MAX_SYMBOL];
    private int symbolLength;
    private int fields;
    private String eventType;
    private String source;
    private long line;

    CaptureLineParser(final BinanceMarket market, final DecimalGrid tick, final DecimalGrid lot)
    {
        this.market = market;
        this.tick = tick;
        this.lot = lot;
    }

    /**
     * Parse the current line of {@code lines}; on return {@link #kind} says which scratch fields are valid.
     *
     * @param lines positioned on a line.
     */
    void parse(final CaptureLines lines)
    {
        parse(lines.buffer(), lines.jsonOffset(), lines.jsonLength(), lines.localNs(), lines.source(), lines.lineNumber());
    }

    /**
     * Parse one JSON message (a combined-stream message or a REST depth snapshot), wherever it came from: a capture
     * line or a live connection. On return {@link #kind} says which scratch fields are valid.
     *
     * @param buffer        holding the JSON.
     * @param offset        of the JSON in the buffer.
     * @param length        of the JSON.
     * @param receiveTimeNs local receive time stamped on what the message produces.
     * @param source        named in errors (a file, or a connection).
     * @param line          named in errors (a line, or a message number).
     */
    void parse(
        final byte[] buffer, final int offset, final int length, final long receiveTimeNs, final String source, final long line)
    {
        this.source = source;
        this.line = line;
        fields = 0;
        kind = null;
        eventType = null;
        symbolLength = 0;
        update.bids.clear();
        update.asks.clear();
        try (JsonParser parser = factory.createParser(buffer, offset, length))
        {
            parseTop(parser);
            if (parser.nextToken() != null)
            {
                throw error("unexpected content after the JSON object");
            }
        }
        catch (final JsonProcessingException ex)
        {
            throw error("malformed JSON: " + ex.getOriginalMessage(), ex);
        }
        catch (final IOException ex)
        {
            throw error("cannot parse: " + ex.getMessage(), ex);
        }
        finish(receiveTimeNs);
    }

    private void parseTop(final JsonParser parser) throws IOException
    {
        if (parser.nextToken() != JsonToken.START_OBJECT)
        {
            throw error("unrecognised line: expected a JSON object");
        }
        boolean hasData = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME)
        {
            final String name = parser.currentName();
            final JsonToken value = parser.nextToken();
            switch (name)
            {
                case "stream":
                    kind = streamKind(text(parser, name, value));
                    break;
                case "data":
                    if (value != JsonToken.START_OBJECT)
                    {
                        throw error("field 'data' is not an object");
                    }
                    parseData(parser);
                    hasData = true;
                    break;
                case "lastUpdateId":
                    sequence = integer(parser, name, value);
                    fields |= F_LAST_UPDATE_ID;
                    break;
                case "bids":
                    levels(parser, name, value, update.bids);
                    fields |= F_BIDS;
                    break;
                case "asks":
                    levels(parser, name, value, update.asks);
                    fields |= F_ASKS;
                    break;
                case "E":
                    eventTimeMs = integer(parser, name, value);
                    fields |= F_EVENT_TIME;
                    break;
                case "T":
                    transactTimeMs = integer(parser, name, value);
                    fields |= F_TRANSACT_TIME;
                    break;
                default:
                    throw error("unrecognised line: unknown top-level field '" + name + "'");
            }
        }
        if (null != kind)
        {
            if (!hasData)
            {
                throw error("missing field 'data'");
            }
            if ((fields & F_LAST_UPDATE_ID) != 0)
            {
                throw error("unrecognised line: a stream message with a top-level lastUpdateId");
            }
        }
        else if (hasData)
        {
            throw error("missing field 'stream'");
        }
        else if ((fields & F_LAST_UPDATE_ID) != 0)
        {
            kind = LineKind.SNAPSHOT;
        }
        else
        {
            throw error("unrecognised line: neither a stream message nor a depth snapshot");
        }
    }

    private void parseData(final JsonParser parser) throws IOException
    {
        while (parser.nextToken() == JsonToken.FIELD_NAME)
        {
            final String name = parser.currentName();
            final JsonToken value = parser.nextToken();
            switch (name)
            {
                case "e":
                    eventType = text(parser, name, value);
                    fields |= F_EVENT_TYPE;
                    break;
                case "E":
                    eventTimeMs = integer(parser, name, value);
                    fields |= F_EVENT_TIME;
                    break;
                case "T":
                    transactTimeMs = integer(parser, name, value);
                    fields |= F_TRANSACT_TIME;
                    break;
                case "U":
                    update.firstId = integer(parser, name, value);
                    fields |= F_FIRST_ID;
                    break;
                case "u":
                    update.lastId = integer(parser, name, value);
                    fields |= F_LAST_ID;
                    break;
                case "pu":
                    update.prevId = integer(parser, name, value);
                    fields |= F_PREV_ID;
                    break;
                case "s":
                    symbol(parser, value);
                    fields |= F_SYMBOL;
                    break;
                case "b":
                    if (value == JsonToken.START_ARRAY)
                    {
                        levels(parser, name, value, update.bids);
                        fields |= F_BIDS;
                    }
                    else
                    {
                        bidPrice = decimal(parser, name, value, tick, "price");
                        fields |= F_BID_PRICE;
                    }
                    break;
                case "a":
                    if (value == JsonToken.START_ARRAY)
                    {
                        levels(parser, name, value, update.asks);
                        fields |= F_ASKS;
                    }
                    else
                    {
                        askPrice = decimal(parser, name, value, tick, "price");
                        fields |= F_ASK_PRICE;
                    }
                    break;
                case "B":
                    bidQuantity = decimal(parser, name, value, lot, "quantity");
                    fields |= F_BID_QTY;
                    break;
                case "A":
                    askQuantity = decimal(parser, name, value, lot, "quantity");
                    fields |= F_ASK_QTY;
                    break;
                case "t":
                    tradeId = integer(parser, name, value);
                    fields |= F_TRADE_ID;
                    break;
                case "p":
                    price = decimal(parser, name, value, tick, "price");
                    fields |= F_PRICE;
                    break;
                case "q":
                    quantity = decimal(parser, name, value, lot, "quantity");
                    fields |= F_QTY;
                    break;
                case "m":
                    if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE)
                    {
                        throw error("field 'm' is not a boolean");
                    }
                    buyerIsMaker = value == JsonToken.VALUE_TRUE;
                    fields |= F_MAKER;
                    break;
                case "X":
                    if (!"MARKET".equals(text(parser, name, value)))
                    {
                        throw error("unsupported trade type X='" + parser.getText() + "': only MARKET trades are understood");
                    }
                    break;
                default:
                    parser.skipChildren();
                    break;
            }
        }
    }

    private void finish(final long localNs)
    {
        final boolean futures = market == BinanceMarket.USDM_FUTURES;
        switch (kind)
        {
            case DEPTH_UPDATE:
                expectEventType("depthUpdate");
                require(F_EVENT_TIME | F_SYMBOL | F_FIRST_ID | F_LAST_ID | F_BIDS | F_ASKS, "depth update");
                if (futures)
                {
                    require(F_TRANSACT_TIME | F_PREV_ID, "futures depth update");
                }
                else if ((fields & F_PREV_ID) != 0)
                {
                    throw error("field 'pu' in a spot depth update: is this a USD-M futures capture?");
                }
                if (update.lastId < update.firstId)
                {
                    throw error("depth update with u " + update.lastId + " < U " + update.firstId);
                }
                update.exchangeTimeNs = millisToNanos(futures ? transactTimeMs : eventTimeMs);
                update.receiveTimeNs = localNs;
                update.source = source;
                update.line = line;
                break;
            case BOOK_TICKER:
                if ((fields & F_EVENT_TYPE) != 0)
                {
                    expectEventType("bookTicker");
                }
                require(F_LAST_ID | F_SYMBOL | F_BID_PRICE | F_BID_QTY | F_ASK_PRICE | F_ASK_QTY, "bookTicker");
                if (futures)
                {
                    require(F_TRANSACT_TIME, "futures bookTicker");
                }
                sequence = update.lastId;
                break;
            case TRADE:
                expectEventType("trade");
                require(F_EVENT_TIME | F_TRANSACT_TIME | F_SYMBOL | F_TRADE_ID | F_PRICE | F_QTY | F_MAKER, "trade");
                break;
            case SNAPSHOT:
                require(F_BIDS | F_ASKS, "depth snapshot");
                if (futures)
                {
                    require(F_TRANSACT_TIME, "futures depth snapshot");
                }
                snapshot.lastUpdateId = sequence;
                snapshot.exchangeTimeNs = futures ? millisToNanos(transactTimeMs) : 0;
                snapshot.receiveTimeNs = localNs;
                snapshot.source = source;
                snapshot.line = line;
                snapshot.bids.copyFrom(update.bids);
                snapshot.asks.copyFrom(update.asks);
                break;
            default:
                throw error("unrecognised line");
        }
        if ((fields & F_SYMBOL) != 0 && (null == symbol || !sameSymbol()))
        {
            final String seen = new String(symbolChars, 0, symbolLength);
            if (null != symbol)
            {
                throw error("symbol " + seen + " differs from " + symbol + ": one reader reads one instrument");
            }
            symbol = seen;
        }
    }

    /**
     * @return time in nanoseconds of the exchange event of a bookTicker or trade: T for futures, 0 for spot
     *         bookTickers (they carry no time), T for trades.
     */
    long exchangeTimeNs()
    {
        if (kind == LineKind.BOOK_TICKER)
        {
            return market == BinanceMarket.USDM_FUTURES ? millisToNanos(transactTimeMs) : 0;
        }
        return millisToNanos(transactTimeMs);
    }

    private boolean sameSymbol()
    {
        if (symbol.length() != symbolLength)
        {
            return false;
        }
        for (int i = 0; i < symbolLength; i++)
        {
            if (symbol.charAt(i) != symbolChars[i])
            {
                return false;
            }
        }
        return true;
    }

    private LineKind streamKind(final String stream)
    {
        final LineKind kind = LineKind.ofStream(stream);
        if (null == kind)
        {
            throw error("unrecognised stream '" + stream + "'");
        }
        return kind;
    }

    private void expectEventType(final String expected)
    {
        if (!expected.equals(eventType))
        {
            throw error(null == eventType ? "missing field 'e'" : "event type '" + eventType + "' on a " + expected + " stream");
        }
    }

    private void require(final int mask, final String what)
    {
        final int missing = mask & ~fields;
        if (missing != 0)
        {
            throw error("missing field '" + fieldName(Integer.lowestOneBit(missing)) + "' in " + what);
        }
    }

    private static String fieldName(final int bit)
    {
        switch (bit)
        {
            case F_EVENT_TIME: return "E";
            case F_TRANSACT_TIME: return "T";
            case F_FIRST_ID: return "U";
            case F_LAST_ID: return "u";
            case F_PREV_ID: return "pu";
            case F_SYMBOL: return "s";
            case F_BIDS: return "b/bids";
            case F_ASKS: return "a/asks";
            case F_BID_QTY: return "B";
            case F_ASK_QTY: return "A";
            case F_TRADE_ID: return "t";
            case F_PRICE: return "p";
            case F_QTY: return "q";
            case F_MAKER: return "m";
            case F_EVENT_TYPE: return "e";
            case F_LAST_UPDATE_ID: return "lastUpdateId";
            case F_BID_PRICE: return "b";
            case F_ASK_PRICE: return "a";
            default: return "?";
        }
    }

    private void symbol(final JsonParser parser, final JsonToken value) throws IOException
    {
        if (value != JsonToken.VALUE_STRING)
        {
            throw error("field 's' is not a string");
        }
        final int length = parser.getTextLength();
        if (length == 0 || length > MAX_SYMBOL)
        {
            throw error("symbol '" + parser.getText() + "' is not 1 to " + MAX_SYMBOL + " characters");
        }
        final char[] chars = parser.getTextCharacters();
        final int offset = parser.getTextOffset();
        for (int i = 0; i < length; i++)
        {
            final char c = chars[offset + i];
            if (c < 0x21 || c > 0x7e)
            {
                throw error("symbol '" + parser.getText() + "' is not printable ASCII");
            }
            symbolChars[i] = c;
        }
        symbolLength = length;
    }

    private void levels(final JsonParser parser, final String name, final JsonToken value, final Levels levels)
        throws IOException
    {
        if (value != JsonToken.START_ARRAY)
        {
            throw error("field '" + name + "' is not an array of [price, quantity]");
        }
        levels.clear();
        while (parser.nextToken() == JsonToken.START_ARRAY)
        {
            final long levelPrice = decimal(parser, name, levelToken(parser, name), tick, "price");
            final long levelQuantity = decimal(parser, name, levelToken(parser, name), lot, "quantity");
            if (parser.nextToken() != JsonToken.END_ARRAY)
            {
                throw error("a level in '" + name + "' is not [price, quantity]");
            }
            levels.add(levelPrice, levelQuantity);
        }
        if (parser.currentToken() != JsonToken.END_ARRAY)
        {
            throw error("a level in '" + name + "' is not [price, quantity]");
        }
    }

    private JsonToken levelToken(final JsonParser parser, final String name) throws IOException
    {
        final JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY)
        {
            throw error("a level in '" + name + "' is not [price, quantity]");
        }
        return token;
    }

    private long decimal(
        final JsonParser parser, final String name, final JsonToken value, final DecimalGrid grid, final String what)
        throws IOException
    {
        if (value != JsonToken.VALUE_STRING)
        {
            throw error(what + " in '" + name + "' is not a decimal string");
        }
        final long steps = grid.toSteps(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        if (steps < 0)
        {
            throw error(what + " '" + parser.getText() + "' in '" + name + "' is " + grid.describe(steps));
        }
        return steps;
    }

    private long integer(final JsonParser parser, final String name, final JsonToken value) throws IOException
    {
        if (value != JsonToken.VALUE_NUMBER_INT)
        {
            throw error("field '" + name + "' is not an integer");
        }
        final long result = parser.getLongValue();
        if (result < 0)
        {
            throw error("field '" + name + "' is negative");
        }
        return result;
    }

    private String text(final JsonParser parser, final String name, final JsonToken value) throws IOException
    {
        if (value != JsonToken.VALUE_STRING)
        {
            throw error("field '" + name + "' is not a string");
        }
        return parser.getText();
    }

    private long millisToNanos(final long millis)
    {
        if (millis > Long.MAX_VALUE / 1_000_000L)
        {
            throw error("time " + millis + " ms is out of range");
        }
        return millis * 1_000_000L;
    }

    private InputFormatException error(final String detail)
    {
        return new InputFormatException(source, line, detail);
    }

    private InputFormatException error(final String detail, final Throwable cause)
    {
        return new InputFormatException(source, line, detail, cause);
    }
}
