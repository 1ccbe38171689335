package io.ticklane.microstructure.price;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;
import io.ticklane.microstructure.Touch;
import io.ticklane.microstructure.fit.MicropriceModel;
import io.ticklane.orderbook.OrderBook;

/**
 * Micro-price in ticks (Stoikov 2018, "The micro-price: a high-frequency estimator of future prices", Quantitative
 * Finance 18(12), §2–3): {@code P_micro = mid + G*(I, S)}, where {@code I = Q_b / (Q_b + Q_a)} is the best-level
 * imbalance, {@code S = ask - bid} the spread in ticks, and {@code G*} the adjustment table fitted offline by
 * {@link io.ticklane.microstructure.fit.MicropriceFitter} (the limit of expected future mids given the state). The
 * fair-value reference a micro-price-referenced quoter skews around.
 * <p>
 * The model is given at construction and copied into a flat array; each BOOK event is one bucket computation and one
 * array read. Choices: a model whose {@code |G*|} exceeds half its spread would put the micro-price outside the
 * spread; by default it is rejected at construction, naming the cell. Only when asked explicitly
 * ({@code out_of_spread=clamp}) are such cells clamped to {@code ±S/2} (the touch) at construction, and counted in
 * {@link #clampedCells()}: a fitted expectation of the future mid can lie beyond the touch (it does on the shared
 * AMZN sample), and clamping keeps the factor's contract of a price within the spread. A book whose spread is
 * outside the model (wider than its spread buckets, or locked/crossed) gives NaN and is counted in
 * {@link #eventsOutsideModel()} rather than falling back silently to the mid; a one-sided book gives NaN. No warm-up
 * otherwise.
 */
public final class Microprice extends Factor
{
    private final Touch touch = new Touch();
    private final double[] table;
    private final int imbalanceBuckets;
    private final int spreadBuckets;
    private final String modelKind;
    private final int clampedCells;
    private long eventsOutsideModel;
    private double value = Double.NaN;

    /**
     * @param id    factor id.
     * @param model the adjustment table; must keep the micro-price within the spread.
     * @throws IllegalArgumentException if the model is not within the spread.
     */
    public Microprice(final String id, final MicropriceModel model)
    {
        this(id, model, false);
    }

    /**
     * @param id            factor id.
     * @param model         the adjustment table.
     * @param clampToSpread false: reject a model that leaves the spread; true: clamp its cells to {@code ±S/2}.
     * @throws IllegalArgumentException if the model is not within the spread and clamping was not asked for.
     */
    public Microprice(final String id, final MicropriceModel model, final boolean clampToSpread)
    {
        super(id);
        if (!clampToSpread)
        {
            model.requireWithinSpread();
        }
        this.table = model.adjustmentTable();
        this.imbalanceBuckets = model.imbalanceBuckets();
        this.spreadBuckets = model.spreadBuckets();
        this.modelKind = model.kind();
        int clamped = 0;
        for (int i = 0; i < table.length; i++)
        {
            final double half = 0.5 * (i / imbalanceBuckets + 1);
            if (Math.abs(table[i]) > half)
            {
                table[i] = Math.copySign(half, table[i]);
                clamped++;
            }
        }
        this.clampedCells = clamped;
    }

    public void onEvent(final MarketEvent event)
    {
        if (MarketEvent.BOOK != event.kind())
        {
            return;
        }
        final OrderBook book = event.book();
        if (!touch.read(book))
        {
            value = Double.NaN;
            return;
        }
        final long spread = touch.spread();
        final double bidQty = book.bids().bestQuantity();
        final double askQty = book.asks().bestQuantity();
        if (spread < 1 || spread > spreadBuckets || bidQty + askQty <= 0)
        {
            eventsOutsideModel++;
            value = Double.NaN;
            return;
        }
        final int bucket = MicropriceModel.imbalanceBucket(bidQty / (bidQty + askQty), imbalanceBuckets);
        value = 0.5 * touch.twiceMid() + table[(int)(spread - 1) * imbalanceBuckets + bucket];
    }

    public double value()
    {
        return value;
    }

    /**
     * @return BOOK events whose spread was outside the model (NaN given).
     */
    public long eventsOutsideModel()
    {
        return eventsOutsideModel;
    }

    /**
     * @return cells of the model clamped to the touch at construction (0 unless {@code out_of_spread=clamp}).
     */
    public int clampedCells()
    {
        return clampedCells;
    }

    /**
     * @return the kind of model loaded, e.g. {@link MicropriceModel#KIND_FITTED}.
     */
    public String modelKind()
    {
        return modelKind;
    }
}
