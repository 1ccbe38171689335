package io.ticklane.backtest.verify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Outcome of replaying a LOBSTER pair through the book: rows compared, rows that differ (the first few described),
 * levels learned from the orderbook file because no message could announce them, levels dropped because they left the
 * file's window, and what the book absorbed into anonymous size (events for orders it never saw), so nothing the
 * window rule accepts goes uncounted.
 */
public final class VerifyReport
{
    /** Differing rows described in full; the rest are only counted. */
    public static final int MAX_DESCRIBED = 5;

    private final List<String> differences = new ArrayList<>();
    private long rows;
    private long mismatches;
    private long learned;
    private long dropped;
    private long absorbedEvents;
    private long absorbedQuantity;
    private long ordersForgotten;
    private long outOfRangeLevels;
    private int levels;

    void rowCompared()
    {
        rows++;
    }

    void mismatch(final long row, final String description)
    {
        mismatches++;
        if (differences.size() < MAX_DESCRIBED)
        {
            differences.add("row " + row + ": " + description);
        }
    }

    void levelLearned()
    {
        learned++;
    }

    void levelDropped()
    {
        dropped++;
    }

    void absorbed(final long events, final long quantity, final long forgotten)
    {
        this.absorbedEvents = events;
        this.absorbedQuantity = quantity;
        this.ordersForgotten = forgotten;
    }

    void levels(final int levels)
    {
        this.levels = levels;
    }

    void outOfRangeLevels(final long outOfRangeLevels)
    {
        this.outOfRangeLevels = outOfRangeLevels;
    }

    /**
     * @return rows compared.
     */
    public long rows()
    {
        return rows;
    }

    /**
     * @return rows where the rebuilt book differed from the orderbook file.
     */
    public long mismatches()
    {
        return mismatches;
    }

    /**
     * @return levels taken from the orderbook file because they entered the top N from beyond it.
     */
    public long learned()
    {
        return learned;
    }

    /**
     * @return levels removed from the book because they left the file's top-N window.
     */
    public long dropped()
    {
        return dropped;
    }

    /**
     * @return cancel, delete and execute events for orders the book never saw, covered by anonymous size.
     */
    public long absorbedEvents()
    {
        return absorbedEvents;
    }

    /**
     * @return quantity those events took from anonymous size.
     */
    public long absorbedQuantity()
    {
        return absorbedQuantity;
    }

    /**
     * @return named orders forgotten with the levels dropped from the window.
     */
    public long ordersForgotten()
    {
        return ordersForgotten;
    }

    /**
     * @return one line on the window rule: {@code window: learned=<k> dropped=<d> orders_forgotten=<f>
     *         unknown_order_events_absorbed=<e> (<q> shares)}.
     */
    public String windowLine()
    {
        return "window: learned=" + learned + " dropped=" + dropped + " orders_forgotten=" + ordersForgotten +
            " unknown_order_events_absorbed=" + absorbedEvents + " (" + absorbedQuantity + " shares)";
    }

    /**
     * @return levels per side compared.
     */
    public int levels()
    {
        return levels;
    }

    /**
     * @return levels the book could not hold (beyond its ladder window); informational, since any effect on the
     *         compared levels shows up as a mismatch.
     */
    public long outOfRangeLevels()
    {
        return outOfRangeLevels;
    }

    /**
     * @return descriptions of the first differing rows, at most {@link #MAX_DESCRIBED}.
     */
    public List<String> differences()
    {
        return Collections.unmodifiableList(differences);
    }

    /**
     * @return true when every row matched.
     */
    public boolean passed()
    {
        return 0 == mismatches;
    }

    /**
     * @return the summary line {@code rows=<n> mismatches=<m> learned=<k>}.
     */
    public String summaryLine()
    {
        return "rows=" + rows + " mismatches=" + mismatches + " learned=" + learned;
    }

    /**
     * @return the same summary as a JSON object, with the first differences.
     */
    public String toJson()
    {
        final StringWriter out = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(out))
        {
            json.writeStartObject();
            json.writeNumberField("rows", rows);
            json.writeNumberField("mismatches", mismatches);
            json.writeNumberField("learned", learned);
            json.writeNumberField("dropped", dropped);
            json.writeNumberField("ordersForgotten", ordersForgotten);
            json.writeNumberField("unknownOrderEventsAbsorbed", absorbedEvents);
            json.writeNumberField("unknownOrderQuantityAbsorbed", absorbedQuantity);
            json.writeNumberField("levels", levels);
            json.writeNumberField("outOfRangeLevels", outOfRangeLevels);
            json.writeArrayFieldStart("firstDifferences");
            for (final String difference : differences)
            {
                json.writeString(difference);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }
}
