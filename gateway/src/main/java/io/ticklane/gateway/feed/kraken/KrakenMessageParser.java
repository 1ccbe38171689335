package io.ticklane.gateway.feed.kraken;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;

import java.io.IOException;

/**
 * Reads one Kraken v1 WebSocket message with Jackson's streaming parser and says what it is
 * ({@link KrakenMessageKind}). Book levels go into a reused {@link KrakenBookLevels}; nothing is applied here.
 * Every byte is hostile: a message that is not valid JSON, not a documented shape, or beyond a bound is
 * {@link KrakenMessageKind#MALFORMED} with a constant {@link #reason()}, never an exception.
 * <p>
 * A channel message names its channel only after its payload ({@code [id, payload..., "book-10", "XBT/USD"]}), and
 * other channels (the ticker's payload also has "a", "b" and "c") may share the connection, so a payload that does
 * not read as a book is remembered and judged once the channel name says whether it was meant to be one.
 */
final class KrakenMessageParser
{
    private static final int MAX_NESTING = 8;
    private static final int MAX_STRING = 4096;
    private static final int MAX_NUMBER = 24;
    private static final long MAX_CHECKSUM = 0xFFFF_FFFFL;
    private static final int TIME_DECIMALS = 9;
    private static final int TOP_ARRAY_DEPTH = 1;

    final KrakenBookLevels levels;
    long channelId;
    long checksum;
    boolean hasChecksum;
    String status;
    String errorMessage;

    private final JsonFactory factory;
    private final KrakenDecimal decimal = new KrakenDecimal();
    private final char[] bookChannelName;
    private final char[] pair;
    private String reason;
    private JsonParser streamParser;
    private ByteArrayFeeder feeder;
    private boolean snapshotKeys;
    private boolean updateKeys;

    KrakenMessageParser(final String pair, final int depth, final int maxLevels)
    {
        this.pair = pair.toCharArray();
        this.bookChannelName = ("book-" + depth).toCharArray();
        this.levels = new KrakenBookLevels(maxLevels);
        this.factory = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING)
                .maxStringLength(MAX_STRING)
                .maxNumberLength(MAX_NUMBER)
                .build())
            .build();
    }

    /**
     * @return true when the last message carried snapshot keys ("as"/"bs"), even if it was malformed.
     */
    boolean sawSnapshotKeys()
    {
        return snapshotKeys;
    }

    /**
     * @return why the last message was {@link KrakenMessageKind#MALFORMED}.
     */
    String reason()
    {
        return reason;
    }

    /**
     * Bytes go through one long-lived non-blocking parser fed message by message, so a well-formed message costs no
     * parser instance; after a malformed one the parser is dropped (its state is unknown) and a new one made.
     */
    KrakenMessageKind parse(final byte[] utf8, final int offset, final int length)
    {
        reset();
        try
        {
            if (null == streamParser)
            {
                streamParser = factory.createNonBlockingByteArrayParser();
                feeder = (ByteArrayFeeder)streamParser.getNonBlockingInputFeeder();
            }
            feeder.feedInput(utf8, offset, offset + length);
            final KrakenMessageKind kind = parseMessage(streamParser, JsonToken.NOT_AVAILABLE);
            if (KrakenMessageKind.MALFORMED == kind)
            {
                streamParser = null;
            }
            return kind;
        }
        catch (final IOException ex)
        {
            streamParser = null;
            return malformed("not valid JSON, or beyond the parser's bounds");
        }
        catch (final RuntimeException ex)
        {
            streamParser = null;
            return malformed("unreadable: the JSON parser gave up on it");
        }
    }

    KrakenMessageKind parse(final char[] text, final int offset, final int length)
    {
        reset();
        try (JsonParser parser = factory.createParser(text, offset, length))
        {
            return parseMessage(parser, null);
        }
        catch (final IOException ex)
        {
            return malformed("not valid JSON, or beyond the parser's bounds");
        }
        catch (final RuntimeException ex)
        {
            return malformed("unreadable: the JSON parser gave up on it");
        }
    }

    private void reset()
    {
        reason = null;
        levels.count = 0;
        hasChecksum = false;
        snapshotKeys = false;
        updateKeys = false;
        status = null;
        errorMessage = null;
        channelId = -1;
    }

    private KrakenMessageKind parseMessage(final JsonParser parser, final JsonToken endOfMessage) throws IOException
    {
        final JsonToken first = parser.nextToken();
        final KrakenMessageKind kind;
        if (JsonToken.START_OBJECT == first)
        {
            kind = parseEvent(parser);
        }
        else if (JsonToken.START_ARRAY == first)
        {
            kind = parseChannelMessage(parser);
        }
        else
        {
            return malformed("neither a JSON object nor a JSON array");
        }
        if (KrakenMessageKind.MALFORMED != kind && !parser.getParsingContext().inRoot())
        {
            return malformed("the message ends inside an object or array");
        }
        if (KrakenMessageKind.MALFORMED != kind && endOfMessage != parser.nextToken())
        {
            return malformed("content after the message");
        }
        return kind;
    }

    private KrakenMessageKind parseEvent(final JsonParser parser) throws IOException
    {
        String event = null;
        while (JsonToken.FIELD_NAME == parser.nextToken())
        {
            final String name = parser.currentName();
            final JsonToken value = parser.nextToken();
            switch (name)
            {
                case "event":
                    event = JsonToken.VALUE_STRING == value ? parser.getText() : null;
                    break;
                case "status":
                    status = JsonToken.VALUE_STRING == value ? parser.getText() : null;
                    break;
                case "errorMessage":
                    errorMessage = JsonToken.VALUE_STRING == value ? parser.getText() : null;
                    break;
                case "channelID":
                    channelId = JsonToken.VALUE_NUMBER_INT == value ? parser.getLongValue() : -1;
                    break;
                default:
                    parser.skipChildren();
                    break;
            }
        }
        if (null == event)
        {
            return malformed("an object without a string 'event'");
        }
        switch (event)
        {
            case "heartbeat":
                return KrakenMessageKind.HEARTBEAT;
            case "systemStatus":
                return KrakenMessageKind.SYSTEM_STATUS;
            case "subscriptionStatus":
                return KrakenMessageKind.SUBSCRIPTION_STATUS;
            case "pong":
                return KrakenMessageKind.PONG;
            default:
                return KrakenMessageKind.OTHER_EVENT;
        }
    }

    private KrakenMessageKind parseChannelMessage(final JsonParser parser) throws IOException
    {
        if (JsonToken.VALUE_NUMBER_INT != parser.nextToken())
        {
            return malformed("a channel message must start with its channel id");
        }
        channelId = parser.getLongValue();
        int objects = 0;
        boolean otherPayload = false;
        JsonToken token = parser.nextToken();
        while (JsonToken.START_OBJECT == token || JsonToken.START_ARRAY == token)
        {
            if (JsonToken.START_OBJECT == token && ++objects <= 2)
            {
                parseBookPayload(parser);
            }
            else
            {
                otherPayload = true;
                parser.skipChildren();
            }
            token = parser.nextToken();
        }
        if (JsonToken.VALUE_STRING != token)
        {
            return malformed("a channel message without a channel name");
        }
        final boolean bookChannel = matches(parser, bookChannelName);
        if (JsonToken.VALUE_STRING != parser.nextToken())
        {
            return malformed("a channel message without a pair");
        }
        final boolean ourPair = matches(parser, pair);
        if (JsonToken.END_ARRAY != parser.nextToken())
        {
            return malformed("a channel message with more than channel name and pair after its payload");
        }
        if (!bookChannel || !ourPair)
        {
            return KrakenMessageKind.NOT_OUR_CHANNEL;
        }
        if (otherPayload)
        {
            return malformed("a book message needs one or two objects as its payload");
        }
        if (null != reason)
        {
            return KrakenMessageKind.MALFORMED;
        }
        if (snapshotKeys == updateKeys)
        {
            return malformed(snapshotKeys ? "snapshot and update keys in one message" : "a book message without levels");
        }
        return snapshotKeys ? KrakenMessageKind.BOOK_SNAPSHOT : KrakenMessageKind.BOOK_UPDATE;
    }

    /**
     * Reads one payload object; a problem is recorded in {@link #reason} and the rest of the object skipped, so the
     * channel name after it can still be read.
     */
    private void parseBookPayload(final JsonParser parser) throws IOException
    {
        while (JsonToken.FIELD_NAME == parser.nextToken())
        {
            final String name = parser.currentName();
            final JsonToken value = parser.nextToken();
            final String problem;
            switch (name)
            {
                case "as":
                    snapshotKeys = true;
                    problem = parseLevels(parser, value, false, false);
                    break;
                case "bs":
                    snapshotKeys = true;
                    problem = parseLevels(parser, value, true, false);
                    break;
                case "a":
                    updateKeys = true;
                    problem = parseLevels(parser, value, false, true);
                    break;
                case "b":
                    updateKeys = true;
                    problem = parseLevels(parser, value, true, true);
                    break;
                case "c":
                    problem = parseChecksum(parser, value);
                    break;
                default:
                    problem = "an unknown field in a book payload";
                    break;
            }
            if (null != problem)
            {
                if (null == reason)
                {
                    reason = problem;
                }
                skipToTopArray(parser);
                return;
            }
        }
    }

    private String parseLevels(final JsonParser parser, final JsonToken value, final boolean isBid, final boolean isUpdate)
        throws IOException
    {
        if (JsonToken.START_ARRAY != value)
        {
            return "book levels must be an array";
        }
        final KrakenBookLevels out = levels;
        JsonToken token;
        while (JsonToken.START_ARRAY == (token = parser.nextToken()))
        {
            final int index = out.count;
            if (index >= out.capacity())
            {
                return "more levels in one message than the configured maximum";
            }
            if (JsonToken.VALUE_STRING != parser.nextToken() || !readDecimal(parser))
            {
                return "a level's price is not a quoted decimal";
            }
            out.priceDigits[index] = decimal.digits();
            out.priceScale[index] = decimal.scale();
            if (JsonToken.VALUE_STRING != parser.nextToken() || !readDecimal(parser))
            {
                return "a level's volume is not a quoted decimal";
            }
            out.volumeDigits[index] = decimal.digits();
            out.volumeScale[index] = decimal.scale();
            if (JsonToken.VALUE_STRING != parser.nextToken() || !readDecimal(parser) || decimal.onGrid(TIME_DECIMALS) < 0)
            {
                return "a level's timestamp is not quoted epoch seconds";
            }
            out.timeNs[index] = decimal.onGrid(TIME_DECIMALS);
            out.isBid[index] = isBid;
            out.republished[index] = false;
            token = parser.nextToken();
            if (JsonToken.VALUE_STRING == token && isUpdate && parser.getTextLength() == 1 &&
                'r' == parser.getTextCharacters()[parser.getTextOffset()])
            {
                out.republished[index] = true;
                token = parser.nextToken();
            }
            if (JsonToken.END_ARRAY != token)
            {
                return "a level must be [price, volume, timestamp] or, in an update, [price, volume, timestamp, \"r\"]";
            }
            out.count++;
        }
        if (JsonToken.END_ARRAY != token)
        {
            return "book levels must be arrays";
        }
        return null;
    }

    private String parseChecksum(final JsonParser parser, final JsonToken value) throws IOException
    {
        if (JsonToken.VALUE_STRING != value || !readDecimal(parser) || 0 != decimal.scale() || decimal.digits() > MAX_CHECKSUM)
        {
            return "the checksum 'c' is not a quoted unsigned 32-bit number";
        }
        checksum = decimal.digits();
        hasChecksum = true;
        return null;
    }

    private boolean readDecimal(final JsonParser parser) throws IOException
    {
        return decimal.parse(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
    }

    private static boolean matches(final JsonParser parser, final char[] expected) throws IOException
    {
        final int length = parser.getTextLength();
        if (length != expected.length)
        {
            return false;
        }
        final char[] text = parser.getTextCharacters();
        final int offset = parser.getTextOffset();
        for (int i = 0; i < length; i++)
        {
            if (text[offset + i] != expected[i])
            {
                return false;
            }
        }
        return true;
    }

    private static void skipToTopArray(final JsonParser parser) throws IOException
    {
        while (parser.getParsingContext().getNestingDepth() > TOP_ARRAY_DEPTH)
        {
            final JsonToken token = parser.nextToken();
            if (null == token || JsonToken.NOT_AVAILABLE == token)
            {
                throw new IOException("end of input inside a book payload");
            }
        }
    }

    private KrakenMessageKind malformed(final String why)
    {
        if (null == reason)
        {
            reason = why;
        }
        return KrakenMessageKind.MALFORMED;
    }
}
