package io.ticklane.feedserve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The venue's own book behind {@code feed serve}'s REST answers after a fault: the capture's snapshot plus every
 * depth diff the replay has reached (sent or deliberately dropped), kept in exact decimals with the quantity strings
 * as recorded, so a snapshot it renders is what Binance would answer at that point of the stream:
 * {@code lastUpdateId} is the {@code u} of the last diff reached.
 *
 * <p>Diffs read before the capture's first snapshot are held and the ones it does not contain ({@code u} above its
 * {@code lastUpdateId}) applied once it arrives; applying a diff the snapshot already contains would change nothing
 * either, since a level carries its new absolute quantity. Deliberately simpler than the handler's synchroniser and
 * independent of it: it is the reference the handler is checked against.
 */
final class ReplayBook
{
    private final JsonFactory factory = new JsonFactory();
    private final TreeMap<BigDecimal, String[]> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<BigDecimal, String[]> asks = new TreeMap<>();
    private final List<Diff> held = new ArrayList<>();
    private boolean initialised;
    private boolean futures;
    private long lastUpdateId;
    private long eventTimeMs;
    private long transactTimeMs;

    /**
     * @return true once a snapshot has been reached.
     */
    boolean initialised()
    {
        return initialised;
    }

    /**
     * @return {@code u} of the last diff applied (or the snapshot's id).
     */
    long lastUpdateId()
    {
        return lastUpdateId;
    }

    /**
     * The replay reached a REST snapshot line: it becomes the book.
     *
     * @param json the snapshot.
     */
    void onSnapshot(final String json)
    {
        final Diff snapshot = parse(json);
        futures |= snapshot.hasTransactTime;
        bids.clear();
        asks.clear();
        apply(snapshot);
        lastUpdateId = snapshot.lastUpdateId;
        eventTimeMs = snapshot.eventTimeMs;
        transactTimeMs = snapshot.transactTimeMs;
        initialised = true;
        for (final Diff diff : held)
        {
            onDiff(diff);
        }
        held.clear();
    }

    /**
     * The replay reached a depth diff (whether or not it is sent).
     *
     * @param json the combined-stream message.
     */
    void onDepth(final String json)
    {
        final Diff diff = parse(json);
        futures |= diff.hasPrev;
        if (initialised)
        {
            onDiff(diff);
        }
        else
        {
            held.add(diff);
        }
    }

    /**
     * @param limit most levels per side.
     * @return the book as a REST depth snapshot: {@code lastUpdateId}, on futures {@code E} and {@code T}, bids best
     *         first, asks best first.
     */
    String render(final int limit)
    {
        final StringBuilder out = new StringBuilder(64 + 40 * Math.min(limit, bids.size() + asks.size()));
        out.append("{\"lastUpdateId\":").append(lastUpdateId);
        if (futures)
        {
            out.append(",\"E\":").append(eventTimeMs).append(",\"T\":").append(transactTimeMs);
        }
        out.append(",\"bids\":");
        side(out, bids, limit);
        out.append(",\"asks\":");
        side(out, asks, limit);
        return out.append('}').toString();
    }

    private void onDiff(final Diff diff)
    {
        if (diff.lastId > lastUpdateId)
        {
            apply(diff);
            lastUpdateId = diff.lastId;
            eventTimeMs = diff.eventTimeMs;
            transactTimeMs = diff.transactTimeMs;
        }
    }

    private void apply(final Diff diff)
    {
        for (final String[] level : diff.bids)
        {
            set(bids, level);
        }
        for (final String[] level : diff.asks)
        {
            set(asks, level);
        }
    }

    private static void set(final TreeMap<BigDecimal, String[]> side, final String[] level)
    {
        final BigDecimal price = new BigDecimal(level[0]);
        if (new BigDecimal(level[1]).signum() == 0)
        {
            side.remove(price);
        }
        else
        {
            side.put(price, level);
        }
    }

    private static void side(final StringBuilder out, final TreeMap<BigDecimal, String[]> side, final int limit)
    {
        out.append('[');
        int count = 0;
        final Iterator<Map.Entry<BigDecimal, String[]>> levels = side.entrySet().iterator();
        while (levels.hasNext() && count < limit)
        {
            final String[] level = levels.next().getValue();
            if (count++ > 0)
            {
                out.append(',');
            }
            out.append("[\"").append(level[0]).append("\",\"").append(level[1]).append("\"]");
        }
        out.append(']');
    }

    private Diff parse(final String json)
    {
        final Diff diff = new Diff();
        try (JsonParser parser = factory.createParser(json))
        {
            if (parser.nextToken() != JsonToken.START_OBJECT)
            {
                throw new IllegalArgumentException("not a JSON object: " + preview(json));
            }
            fields(parser, diff);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot parse " + preview(json), ex);
        }
        return diff;
    }

    private static void fields(final JsonParser parser, final Diff diff) throws IOException
    {
        while (parser.nextToken() == JsonToken.FIELD_NAME)
        {
            final String name = parser.currentName();
            final JsonToken value = parser.nextToken();
            switch (name)
            {
                case "data":
                    fields(parser, diff);
                    break;
                case "lastUpdateId":
                    diff.lastUpdateId = parser.getLongValue();
                    break;
                case "u":
                    diff.lastId = parser.getLongValue();
                    break;
                case "pu":
                    diff.hasPrev = true;
                    parser.skipChildren();
                    break;
                case "E":
                    diff.eventTimeMs = parser.getLongValue();
                    break;
                case "T":
                    diff.transactTimeMs = parser.getLongValue();
                    diff.hasTransactTime = true;
                    break;
                case "b":
                case "bids":
                    levels(parser, value, diff.bids);
                    break;
                case "a":
                case "asks":
                    levels(parser, value, diff.asks);
                    break;
                default:
                    parser.skipChildren();
                    break;
            }
        }
    }

    private static void levels(final JsonParser parser, final JsonToken value, final List<String[]> into) throws IOException
    {
        if (value != JsonToken.START_ARRAY)
        {
            throw new IllegalArgumentException("levels are not an array");
        }
        while (parser.nextToken() == JsonToken.START_ARRAY)
        {
            parser.nextToken();
            final String price = parser.getText();
            parser.nextToken();
            final String quantity = parser.getText();
            parser.nextToken();
            into.add(new String[]{price, quantity});
        }
    }

    private static String preview(final String json)
    {
        return json.length() > 60 ? json.substring(0, 60) + "..." : json;
    }

    private static final class Diff
    {
        final List<String[]> bids = new ArrayList<>();
        final List<String[]> asks = new ArrayList<>();
        long lastUpdateId;
        long lastId;
        long eventTimeMs;
        long transactTimeMs;
        boolean hasPrev;
        boolean hasTransactTime;
    }
}
