package io.ticklane.microstructure.fit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A fitted micro-price adjustment table (Stoikov 2018): for each spread of 1..{@code spreadBuckets} ticks and each of
 * {@code imbalanceBuckets} equal-width imbalance buckets on [0, 1], the adjustment {@code G*(I, S)} in ticks that the
 * micro-price adds to the mid. It is what the fitter produces, what is stored as JSON, and what the {@code microprice}
 * factor loads once at construction.
 * <p>
 * Imbalance bucket of {@code I = Q_b / (Q_b + Q_a)}: {@code min(n - 1, floor(I * n))}; bucket edges
 * {@code k / n}. Cells are stored spread-major: index {@code (S - 1) * n + bucket}.
 * <p>
 * Besides the table, a fitted model keeps its evidence: the increments {@code g^1..g^6}, the convergence
 * {@code max |G^{i+1} - G^i|} of the partial sums {@code G^i = g^1 + ... + g^i}, sample counts and the data source.
 * A model is not checked against the spread here (the fitter reports what the data say); the factor refuses any
 * model with {@code |G*| > S / 2} via {@link #requireWithinSpread()}. Its JSON form is read and written by
 * {@link MicropriceModelJson}.
 */
public final class MicropriceModel
{
    /** Model kind of a table fitted from data by {@link MicropriceFitter}. */
    public static final String KIND_FITTED = "stoikov_2018_microprice";
    /** Model kind of the documented stand-in {@link #weightedMidApproximation(int, int)}. */
    public static final String KIND_WEIGHTED_MID_APPROX = "weighted_mid_approx";
    /** Number of increments g^i the fitter computes (the paper uses six). */
    public static final int TERMS = 6;

    private final String kind;
    private final String dataSource;
    private final int imbalanceBuckets;
    private final int spreadBuckets;
    private final int maxMoveTicks;
    private final double[] adjustment;
    private final double[][] increments;
    private final double[] convergence;
    private final long[] stateCounts;
    private final long observations;
    private final long excludedWideSpread;
    private final long excludedLargeMove;

    MicropriceModel(
        final String kind,
        final String dataSource,
        final int imbalanceBuckets,
        final int spreadBuckets,
        final int maxMoveTicks,
        final double[] adjustment,
        final double[][] increments,
        final double[] convergence,
        final long[] stateCounts,
        final long observations,
        final long excludedWideSpread,
        final long excludedLargeMove)
    {
        if (imbalanceBuckets < 1 || spreadBuckets < 1)
        {
            throw new IllegalArgumentException("micro-price model needs at least one imbalance and one spread bucket");
        }
        final int states = imbalanceBuckets * spreadBuckets;
        if (adjustment.length != states || stateCounts.length != states)
        {
            throw new IllegalArgumentException("micro-price model: table has " + adjustment.length + " cells, expected " +
                imbalanceBuckets + " imbalance x " + spreadBuckets + " spread buckets = " + states);
        }
        for (final double[] increment : increments)
        {
            if (increment.length != states)
            {
                throw new IllegalArgumentException("micro-price model: an increment g^i has " + increment.length +
                    " cells, expected " + states);
            }
        }
        for (int i = 0; i < states; i++)
        {
            if (!Double.isFinite(adjustment[i]))
            {
                throw new IllegalArgumentException("micro-price model: adjustment " + cellName(i, imbalanceBuckets) +
                    " is not finite");
            }
        }
        this.kind = kind;
        this.dataSource = dataSource;
        this.imbalanceBuckets = imbalanceBuckets;
        this.spreadBuckets = spreadBuckets;
        this.maxMoveTicks = maxMoveTicks;
        this.adjustment = adjustment.clone();
        this.increments = increments.clone();
        this.convergence = convergence.clone();
        this.stateCounts = stateCounts.clone();
        this.observations = observations;
        this.excludedWideSpread = excludedWideSpread;
        this.excludedLargeMove = excludedLargeMove;
    }

    /**
     * A model given directly as a table, for hand-made models and tests.
     *
     * @param table      {@code table[S - 1][bucket]}: adjustment in ticks for spread S and imbalance bucket.
     * @param dataSource where the numbers came from.
     * @return the model.
     */
    public static MicropriceModel ofTable(final double[][] table, final String dataSource)
    {
        final int spreads = table.length;
        final int buckets = table[0].length;
        final double[] flat = new double[spreads * buckets];
        for (int s = 0; s < spreads; s++)
        {
            if (table[s].length != buckets)
            {
                throw new IllegalArgumentException("micro-price table rows differ in length");
            }
            System.arraycopy(table[s], 0, flat, s * buckets, buckets);
        }
        return new MicropriceModel(KIND_FITTED, dataSource, buckets, spreads, 1, flat, new double[0][], new double[0],
            new long[flat.length], 0, 0, 0);
    }

    /**
     * The documented stand-in used only when selected by name ({@code microprice(model=weighted_mid_approx)}): the
     * weighted mid evaluated at each bucket's centre, {@code G(I, S) = (I_c - 1/2) * S} with {@code I_c = (k + 1/2) / n}.
     * Not a fit; it makes the factor usable before any data has been fitted, at bucket resolution.
     *
     * @param imbalanceBuckets n.
     * @param spreadBuckets    spreads 1..this many ticks.
     * @return the model.
     */
    public static MicropriceModel weightedMidApproximation(final int imbalanceBuckets, final int spreadBuckets)
    {
        if (imbalanceBuckets < 1 || spreadBuckets < 1)
        {
            throw new IllegalArgumentException("weighted_mid_approx needs at least one imbalance and one spread bucket");
        }
        final double[] table = new double[imbalanceBuckets * spreadBuckets];
        for (int s = 1; s <= spreadBuckets; s++)
        {
            for (int b = 0; b < imbalanceBuckets; b++)
            {
                table[(s - 1) * imbalanceBuckets + b] = ((b + 0.5) / imbalanceBuckets - 0.5) * s;
            }
        }
        return new MicropriceModel(KIND_WEIGHTED_MID_APPROX, "none: weighted mid at bucket centres", imbalanceBuckets,
            spreadBuckets, 1, table, new double[0][], new double[0], new long[table.length], 0, 0, 0);
    }

    /**
     * @param imbalance I in [0, 1].
     * @param buckets   n.
     * @return {@code min(n - 1, floor(I * n))}.
     */
    public static int imbalanceBucket(final double imbalance, final int buckets)
    {
        final int bucket = (int)(imbalance * buckets);
        return bucket >= buckets ? buckets - 1 : Math.max(bucket, 0);
    }

    /**
     * @throws IllegalArgumentException naming the first cell whose {@code |G*|} exceeds half its spread, which would
     *                                  put the micro-price outside the bid-ask spread.
     */
    public void requireWithinSpread()
    {
        for (int i = 0; i < adjustment.length; i++)
        {
            final int spread = i / imbalanceBuckets + 1;
            if (Math.abs(adjustment[i]) > 0.5 * spread)
            {
                throw new IllegalArgumentException("micro-price model (" + dataSource + "): adjustment " +
                    adjustment[i] + " ticks at " + cellName(i, imbalanceBuckets) + " exceeds half the spread (" +
                    0.5 * spread + "); refusing a model that would put the micro-price outside the spread " +
                    "(microprice(out_of_spread=clamp) clamps such cells to the touch instead)");
            }
        }
    }

    /**
     * @return {@link #KIND_FITTED} or {@link #KIND_WEIGHTED_MID_APPROX}.
     */
    public String kind()
    {
        return kind;
    }

    /**
     * @return where the fitted data came from.
     */
    public String dataSource()
    {
        return dataSource;
    }

    /**
     * @return number of equal-width imbalance buckets.
     */
    public int imbalanceBuckets()
    {
        return imbalanceBuckets;
    }

    /**
     * @return spreads covered: 1..this many ticks.
     */
    public int spreadBuckets()
    {
        return spreadBuckets;
    }

    /**
     * @return largest mid move (ticks) kept in the fit.
     */
    public int maxMoveTicks()
    {
        return maxMoveTicks;
    }

    /**
     * @param spreadTicks S, 1..{@link #spreadBuckets()}.
     * @param bucket      imbalance bucket.
     * @return {@code G*} in ticks.
     */
    public double adjustment(final int spreadTicks, final int bucket)
    {
        return adjustment[(spreadTicks - 1) * imbalanceBuckets + bucket];
    }

    /**
     * @return a copy of the table, spread-major.
     */
    public double[] adjustmentTable()
    {
        return adjustment.clone();
    }

    /**
     * @param i term 1..{@link #TERMS}.
     * @return a copy of {@code g^i}, spread-major; only for fitted models.
     */
    public double[] increment(final int i)
    {
        return increments[i - 1].clone();
    }

    /**
     * @return number of increments kept (6 for a fitted model, 0 otherwise).
     */
    public int incrementCount()
    {
        return increments.length;
    }

    /**
     * @return {@code max |G^{i+1} - G^i|} for i = 1..5.
     */
    public double[] convergence()
    {
        return convergence.clone();
    }

    /**
     * @return observations per origin state (after symmetrisation), spread-major.
     */
    public long[] stateCounts()
    {
        return stateCounts.clone();
    }

    /**
     * @return observations used, mirrored ones included.
     */
    public long observations()
    {
        return observations;
    }

    /**
     * @return observations dropped because a state had a spread beyond the buckets (or a crossed book).
     */
    public long excludedWideSpread()
    {
        return excludedWideSpread;
    }

    /**
     * @return observations dropped because the mid moved more than {@link #maxMoveTicks()}.
     */
    public long excludedLargeMove()
    {
        return excludedLargeMove;
    }

    /**
     * @return a readable report: buckets, sample counts, convergence of G^1..G^6 and the final table.
     */
    public String report()
    {
        final StringBuilder out = new StringBuilder();
        out.append("micro-price model (").append(kind).append(")\n");
        out.append("data: ").append(dataSource).append('\n');
        out.append("imbalance buckets: ").append(imbalanceBuckets).append(", edges:");
        for (int k = 0; k <= imbalanceBuckets; k++)
        {
            out.append(' ').append(format("%.3f", (double)k / imbalanceBuckets));
        }
        out.append('\n');
        out.append("spreads: 1..").append(spreadBuckets).append(" ticks; mid moves kept up to ").append(maxMoveTicks)
            .append(" tick(s)\n");
        out.append("observations used (symmetrised): ").append(observations)
            .append("; excluded: wide spread ").append(excludedWideSpread)
            .append(", large move ").append(excludedLargeMove).append('\n');
        if (convergence.length > 0)
        {
            out.append("convergence max|G^(i+1) - G^i| (ticks):\n");
            for (int i = 0; i < convergence.length; i++)
            {
                out.append("  G^").append(i + 1).append(" -> G^").append(i + 2).append(": ")
                    .append(format("%.6g", convergence[i])).append('\n');
            }
        }
        out.append("adjustment G* (ticks), rows spread, columns imbalance bucket:\n");
        out.append("  S\\I ");
        for (int b = 0; b < imbalanceBuckets; b++)
        {
            out.append(format("%10s", format("%.2f-%.2f", (double)b / imbalanceBuckets, (b + 1.0) / imbalanceBuckets)));
        }
        out.append('\n');
        for (int s = 1; s <= spreadBuckets; s++)
        {
            out.append(format("  %-4d", s));
            for (int b = 0; b < imbalanceBuckets; b++)
            {
                out.append(format("%10.4f", adjustment(s, b)));
            }
            out.append('\n');
            out.append("   n  ");
            for (int b = 0; b < imbalanceBuckets; b++)
            {
                out.append(format("%10d", stateCounts[(s - 1) * imbalanceBuckets + b]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * @param path file to write (replaced).
     * @throws IOException on write failure.
     */
    public void writeJson(final Path path) throws IOException
    {
        try (OutputStream out = Files.newOutputStream(path))
        {
            writeJson(out);
        }
    }

    /**
     * @param out stream to write to; left open.
     * @throws IOException on write failure.
     */
    public void writeJson(final OutputStream out) throws IOException
    {
        MicropriceModelJson.write(this, out);
    }

    /**
     * @param path model file.
     * @return the model.
     * @throws IOException on read failure.
     * @throws IllegalArgumentException naming the file and the problem if the content is not a valid model.
     */
    public static MicropriceModel readJson(final Path path) throws IOException
    {
        return MicropriceModelJson.read(path);
    }

    private static String cellName(final int index, final int imbalanceBuckets)
    {
        return "spread " + (index / imbalanceBuckets + 1) + " ticks, imbalance bucket " + index % imbalanceBuckets;
    }

    private static String format(final String pattern, final Object... args)
    {
        return String.format(Locale.ROOT, pattern, args);
    }
}
