package io.ticklane.microstructure.fit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Result of {@link IntensityFitter#fit()}: A and k of λ(δ) = A·e^(−kδ) per side over a whole replay, as a text report
 * for people and JSON for quoter configuration and tooling.
 */
public final class IntensityFit
{
    private final double elapsedSeconds;
    private final int minBuckets;
    private final long unknownAggressor;
    private final long noReferenceMid;
    private final SideIntensityFit bid;
    private final SideIntensityFit ask;

    IntensityFit(
        final double elapsedSeconds,
        final int minBuckets,
        final long unknownAggressor,
        final long noReferenceMid,
        final SideIntensityFit bid,
        final SideIntensityFit ask)
    {
        this.elapsedSeconds = elapsedSeconds;
        this.minBuckets = minBuckets;
        this.unknownAggressor = unknownAggressor;
        this.noReferenceMid = noReferenceMid;
        this.bid = bid;
        this.ask = ask;
    }

    /**
     * @return observed time, seconds: from the first two-sided book to the last event.
     */
    public double elapsedSeconds()
    {
        return elapsedSeconds;
    }

    /**
     * @return fewest buckets a side needs in its fit range.
     */
    public int minBuckets()
    {
        return minBuckets;
    }

    /**
     * @return trades excluded because their aggressor is not known.
     */
    public long unknownAggressor()
    {
        return unknownAggressor;
    }

    /**
     * @return trades excluded because no two-sided book preceded them.
     */
    public long noReferenceMid()
    {
        return noReferenceMid;
    }

    /**
     * @return the bid side (seller-initiated trades).
     */
    public SideIntensityFit bid()
    {
        return bid;
    }

    /**
     * @return the ask side (buyer-initiated trades).
     */
    public SideIntensityFit ask()
    {
        return ask;
    }

    /**
     * @return a text report: per side, the bucket table (count, trades reaching, λ, fitted λ; fitted rows marked)
     *     and A, k, R² of the least-squares fit and A, k of the maximum-likelihood fit.
     */
    public String report()
    {
        final StringBuilder out = new StringBuilder(4096);
        out.append("order arrival intensity  lambda(delta) = A * exp(-k * delta)   A: trades/s, k: 1/tick, delta: ticks\n");
        out.append(String.format(Locale.ROOT, "observed %.3f s; excluded: %d unknown aggressor, %d before a two-sided book%n",
            elapsedSeconds, unknownAggressor, noReferenceMid));
        appendSide(out, bid);
        appendSide(out, ask);
        return out.toString();
    }

    private void appendSide(final StringBuilder out, final SideIntensityFit side)
    {
        out.append(String.format(Locale.ROOT, "%n%s side: %d trades, %d excluded inside the mid, %d beyond the last bucket%n",
            side.side(), side.trades(), side.insideMid(), side.beyondLastBucket()));
        out.append(String.format(Locale.ROOT, "  %10s %10s %10s %14s %14s%n", "delta", "count", "reaching", "lambda/s", "fitted/s"));
        final int rows = lastRow(side);
        for (int i = 0; i < rows; i++)
        {
            final boolean fitted = i >= side.firstFitted() && i <= side.lastFitted() && side.firstFitted() >= 0;
            out.append(String.format(Locale.ROOT, "%s %10.3f %10d %10d %14.6g %14.6g%n",
                fitted ? " *" : "  ", i * side.bucketTicks(), side.count(i), side.reaching(i), side.lambda(i),
                side.fittedLambda(i)));
        }
        if (side.firstFitted() < 0)
        {
            out.append(String.format(Locale.ROOT, "  not fitted: fewer than %d buckets with trades%n", minBuckets));
            return;
        }
        out.append(String.format(Locale.ROOT, "  least squares (ln lambda on delta, weighted by count, rows *): "
            + "A = %.6g /s, k = %.6g /tick, R2 = %.4f%n", side.a(), side.k(), side.r2()));
        out.append(String.format(Locale.ROOT, "  maximum likelihood (geometric bucket index):               "
            + "A = %.6g /s, k = %.6g /tick%n", side.mleA(), side.mleK()));
    }

    private static int lastRow(final SideIntensityFit side)
    {
        int rows = 0;
        for (int i = 0; i < side.buckets(); i++)
        {
            if (side.reaching(i) > 0)
            {
                rows = i + 1;
            }
        }
        return rows;
    }

    /**
     * @return the fit as JSON: units, observed time, exclusions, and per side the least-squares and
     *     maximum-likelihood parameters and the bucket table; NaN (not fitted) is written as null.
     */
    public String toJson()
    {
        final StringWriter writer = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(writer))
        {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("model", "lambda(delta) = A * exp(-k * delta)");
            json.writeObjectFieldStart("units");
            json.writeStringField("a", "trades/s");
            json.writeStringField("k", "1/tick");
            json.writeStringField("delta", "ticks");
            json.writeEndObject();
            number(json, "elapsed_seconds", elapsedSeconds);
            json.writeNumberField("bucket_ticks", bid.bucketTicks());
            json.writeNumberField("buckets", bid.buckets());
            json.writeNumberField("min_buckets", minBuckets);
            json.writeObjectFieldStart("excluded");
            json.writeNumberField("unknown_aggressor", unknownAggressor);
            json.writeNumberField("no_reference_mid", noReferenceMid);
            json.writeEndObject();
            side(json, bid);
            side(json, ask);
            json.writeEndObject();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return writer.toString();
    }

    private static void side(final JsonGenerator json, final SideIntensityFit side) throws IOException
    {
        json.writeObjectFieldStart(side.side());
        json.writeNumberField("trades", side.trades());
        json.writeNumberField("inside_mid", side.insideMid());
        json.writeNumberField("beyond_last_bucket", side.beyondLastBucket());
        json.writeNumberField("fit_first_bucket", side.firstFitted());
        json.writeNumberField("fit_last_bucket", side.lastFitted());
        json.writeObjectFieldStart("least_squares");
        number(json, "a", side.a());
        number(json, "k", side.k());
        number(json, "r2", side.r2());
        json.writeEndObject();
        json.writeObjectFieldStart("maximum_likelihood");
        number(json, "a", side.mleA());
        number(json, "k", side.mleK());
        json.writeEndObject();
        json.writeArrayFieldStart("table");
        final int rows = lastRow(side);
        for (int i = 0; i < rows; i++)
        {
            json.writeStartObject();
            json.writeNumberField("delta", i * side.bucketTicks());
            json.writeNumberField("count", side.count(i));
            json.writeNumberField("reaching", side.reaching(i));
            number(json, "lambda", side.lambda(i));
            number(json, "fitted_lambda", side.fittedLambda(i));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void number(final JsonGenerator json, final String name, final double value) throws IOException
    {
        if (Double.isFinite(value))
        {
            json.writeNumberField(name, value);
        }
        else
        {
            json.writeNullField(name);
        }
    }
}
