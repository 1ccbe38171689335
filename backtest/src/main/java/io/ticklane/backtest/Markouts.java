package io.ticklane.backtest;

/**
 * Markouts: how the mid moves after each of our fills, at fixed horizons of event time, signed so that positive is
 * good for us (the mid rose after a buy, fell after a sell): {@code side × (mid(t + h) − mid(t))} in ticks, where
 * {@code mid(t)} is the mid just before the event that filled us and {@code mid(t + h)} the mid after every event at
 * or before {@code t + h}. The edge at the fill, {@code side × (mid(t) − price)}, is kept apart, so the markout
 * against the fill price is edge + move. Fills whose horizon ends after the data are excluded and counted, as are
 * fills with no two-sided book.
 * <p>
 * Fills arrive in time order, so each horizon keeps one cursor into the fill arrays; the driver asks
 * {@link #nextDueNs()} before each market event and calls {@link #advance} only when something is due.
 * Nothing is allocated except when the fill arrays grow.
 */
public final class Markouts
{
    private static final long NO_MID = Long.MIN_VALUE;

    private final long[] horizonsNs;
    private final LongSeries fillTimes = new LongSeries(1024);
    private final LongSeries fillSigns = new LongSeries(1024);
    private final LongSeries fillMid2 = new LongSeries(1024);
    private final int[] cursor;
    private final double[] sum;
    private final long[] count;
    private final long[] excluded;
    private double edgeSum;
    private long edgeCount;
    private long withoutMid;
    private long nextDueNs = Long.MAX_VALUE;

    /**
     * @param horizonsNs horizons, ns, each positive.
     */
    public Markouts(final long... horizonsNs)
    {
        for (final long h : horizonsNs)
        {
            if (h <= 0)
            {
                throw new IllegalArgumentException("markout horizon must be positive: " + h);
            }
        }
        this.horizonsNs = horizonsNs.clone();
        cursor = new int[horizonsNs.length];
        sum = new double[horizonsNs.length];
        count = new long[horizonsNs.length];
        excluded = new long[horizonsNs.length];
    }

    /**
     * A fill at {@code timeNs}; call {@link #advance} for that time first.
     *
     * @param timeNs event time of the fill.
     * @param sign   +1 for a buy, −1 for a sell.
     * @param price  fill price, ticks.
     * @param mid2   twice the mid before the fill (bid + ask), ticks, or {@link Long#MIN_VALUE} when none.
     */
    public void onFill(final long timeNs, final int sign, final long price, final long mid2)
    {
        if (NO_MID == mid2)
        {
            withoutMid++;
            return;
        }
        edgeSum += sign * (mid2 * 0.5 - price);
        edgeCount++;
        fillTimes.add(timeNs);
        fillSigns.add(sign);
        fillMid2.add(mid2);
        updateNextDue();
    }

    /**
     * @return the earliest time a pending markout is due; {@link #advance} with a later time resolves it.
     */
    public long nextDueNs()
    {
        return nextDueNs;
    }

    /**
     * Resolves every markout due strictly before {@code timeNs} with the current mid: no event lies between them.
     *
     * @param timeNs time of the next event, not yet applied.
     * @param mid2   twice the current mid (after every event before {@code timeNs}), or {@link Long#MIN_VALUE}.
     */
    public void advance(final long timeNs, final long mid2)
    {
        resolve(timeNs, false, mid2);
    }

    /**
     * End of data: markouts due at or before {@code endNs} are resolved with the final mid, the rest are excluded.
     *
     * @param endNs time of the last event.
     * @param mid2  twice the final mid, or {@link Long#MIN_VALUE}.
     */
    public void finish(final long endNs, final long mid2)
    {
        resolve(endNs, true, mid2);
        for (int h = 0; h < horizonsNs.length; h++)
        {
            excluded[h] += fillTimes.size() - cursor[h];
            cursor[h] = fillTimes.size();
        }
        nextDueNs = Long.MAX_VALUE;
    }

    private void resolve(final long timeNs, final boolean inclusive, final long mid2)
    {
        for (int h = 0; h < horizonsNs.length; h++)
        {
            int i = cursor[h];
            while (i < fillTimes.size())
            {
                final long due = fillTimes.get(i) + horizonsNs[h];
                if (due > timeNs || (due == timeNs && !inclusive))
                {
                    break;
                }
                if (NO_MID == mid2)
                {
                    excluded[h]++;
                }
                else
                {
                    sum[h] += fillSigns.get(i) * (mid2 - fillMid2.get(i)) * 0.5;
                    count[h]++;
                }
                i++;
            }
            cursor[h] = i;
        }
        updateNextDue();
    }

    private void updateNextDue()
    {
        long next = Long.MAX_VALUE;
        for (int h = 0; h < horizonsNs.length; h++)
        {
            if (cursor[h] < fillTimes.size())
            {
                next = Math.min(next, fillTimes.get(cursor[h]) + horizonsNs[h]);
            }
        }
        nextDueNs = next;
    }

    /**
     * @return the horizons, ns.
     */
    public long[] horizonsNs()
    {
        return horizonsNs.clone();
    }

    /**
     * @param h horizon index.
     * @return mean signed mid move at that horizon, ticks, or undefined when no fill was resolved.
     */
    public Statistic mean(final int h)
    {
        return count[h] > 0 ? Statistic.of(sum[h] / count[h]) : Statistic.undefined("no fill resolved at this horizon");
    }

    /**
     * @param h horizon index.
     * @return fills resolved at that horizon.
     */
    public long count(final int h)
    {
        return count[h];
    }

    /**
     * @param h horizon index.
     * @return fills excluded at that horizon (horizon after the data end, or no mid then).
     */
    public long excluded(final int h)
    {
        return excluded[h];
    }

    /**
     * @return mean edge at the fill, side × (mid − price), ticks, or undefined without fills.
     */
    public Statistic meanEdge()
    {
        return edgeCount > 0 ? Statistic.of(edgeSum / edgeCount) : Statistic.undefined("no fill with a two-sided book");
    }

    /**
     * @return fills left out of every markout because the book was not two-sided when they happened.
     */
    public long withoutMid()
    {
        return withoutMid;
    }
}
