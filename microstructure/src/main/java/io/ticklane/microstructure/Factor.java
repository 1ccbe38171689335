package io.ticklane.microstructure;

/**
 * One microstructure signal, updated incrementally on each event in O(1) or O(levels), without allocating.
 * Each implementation cites its formula and source in its Javadoc and in {@code microstructure/FACTORS.md}.
 * <p>
 * A factor reports {@link Double#NaN} until it has seen enough events to mean something (warm-up); quoters must
 * treat NaN as "not available" and use their configured fallback.
 */
public abstract class Factor
{
    private final String id;

    /**
     * @param id the name the factor is selected by and its column in reports (e.g. {@code ofi_l1}).
     */
    protected Factor(final String id)
    {
        this.id = id;
    }

    /**
     * @return the factor's id.
     */
    public final String id()
    {
        return id;
    }

    /**
     * Updates the factor with one event. Called for every BOOK and TRADE event, in order.
     *
     * @param event the event; valid only during the call.
     */
    public abstract void onEvent(MarketEvent event);

    /**
     * @return the current value, NaN while warming up.
     */
    public abstract double value();
}
