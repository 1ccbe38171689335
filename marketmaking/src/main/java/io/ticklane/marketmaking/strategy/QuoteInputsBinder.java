package io.ticklane.marketmaking.strategy;

import io.ticklane.marketmaking.quote.QuoteInputs;
import io.ticklane.microstructure.FactorSnapshot;
import io.ticklane.orderbook.OrderBook;
import io.ticklane.orderbook.PriceLadder;

/**
 * Fills {@link QuoteInputs} from the book and the factor snapshot after each event. Which factor feeds which input
 * is configuration, resolved to snapshot indices once at start (an unknown factor is an error then); an input with
 * no factor bound stays NaN, so quoters use their fixed parameters or fallbacks.
 * <p>
 * Units: quoters want σ in ticks per √s, while volatility factors report log-returns per √s, so σ is multiplied by
 * the mid (ticks) — the first-order conversion, exact enough for the small returns of one event. A and k are the
 * mean of the bid and ask sides when both sides are bound (the symmetric quoters take one value each).
 */
public final class QuoteInputsBinder
{
    /** Factor bound by default to σ. */
    public static final String DEFAULT_SIGMA = "realized_vol_ewma";

    private final int sigma;
    private final int aBid;
    private final int aAsk;
    private final int kBid;
    private final int kAsk;
    private final int toxicity;
    private final int orderFlow;
    private final int microPrice;

    /**
     * @param snapshot   the factor snapshot the strategy reads.
     * @param sigma      factor for σ (log-returns per √s), or null for none.
     * @param aBid       factor for A on the bid side, or null.
     * @param aAsk       factor for A on the ask side, or null.
     * @param kBid       factor for k on the bid side, or null.
     * @param kAsk       factor for k on the ask side, or null.
     * @param toxicity   factor for toxicity in [0, 1] (e.g. vpin), or null.
     * @param orderFlow  factor for the signed order flow (e.g. ofi_ml), or null.
     * @param microPrice factor for the micro-price, or null.
     */
    public QuoteInputsBinder(
        final FactorSnapshot snapshot,
        final String sigma,
        final String aBid,
        final String aAsk,
        final String kBid,
        final String kAsk,
        final String toxicity,
        final String orderFlow,
        final String microPrice)
    {
        this.sigma = index(snapshot, sigma);
        this.aBid = index(snapshot, aBid);
        this.aAsk = index(snapshot, aAsk);
        this.kBid = index(snapshot, kBid);
        this.kAsk = index(snapshot, kAsk);
        this.toxicity = index(snapshot, toxicity);
        this.orderFlow = index(snapshot, orderFlow);
        this.microPrice = index(snapshot, microPrice);
    }

    /**
     * Fills the inputs for the event just applied.
     *
     * @param snapshot  factor values after the event.
     * @param book      the book after the event.
     * @param inventory signed position, lots.
     * @param timeNs    event time.
     * @param in        receives the inputs.
     */
    public void bind(
        final FactorSnapshot snapshot, final OrderBook book, final long inventory, final long timeNs, final QuoteInputs in)
    {
        final long bid = book.bestBidPrice();
        final long ask = book.bestAskPrice();
        final double mid = PriceLadder.NULL_PRICE == bid || PriceLadder.NULL_PRICE == ask ? Double.NaN : 0.5 * (bid + ask);
        in.timeNs(timeNs)
            .touch(bid, ask)
            .midPrice(mid)
            .inventory(inventory)
            .sigma(value(snapshot, sigma) * mid)
            .intensity(mean(snapshot, aBid, aAsk), mean(snapshot, kBid, kAsk))
            .flow(value(snapshot, toxicity), value(snapshot, orderFlow))
            .microPrice(value(snapshot, microPrice));
    }

    private static int index(final FactorSnapshot snapshot, final String id)
    {
        return null == id ? -1 : snapshot.indexOf(id);
    }

    private static double value(final FactorSnapshot snapshot, final int index)
    {
        return index < 0 ? Double.NaN : snapshot.value(index);
    }

    private static double mean(final FactorSnapshot snapshot, final int bidIndex, final int askIndex)
    {
        if (bidIndex < 0)
        {
            return value(snapshot, askIndex);
        }
        if (askIndex < 0)
        {
            return value(snapshot, bidIndex);
        }
        return 0.5 * (snapshot.value(bidIndex) + snapshot.value(askIndex));
    }
}
