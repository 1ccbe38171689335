package io.ticklane.clock;

/**
 * The stages of the trading pipeline a latency profile breaks tick-to-quote into, in the order an event passes
 * them. Stage {@code s}'s latency is the time from stage {@code s - 1}'s stamp to its own; {@link #RECEIVED} is
 * where the daemon stamps an inbound frame and {@link #PUBLISHED} where the order publication took the order.
 */
public final class PipelineStage
{
    /** The receiver copied the frame from Aeron and stamped it. */
    public static final int RECEIVED = 0;
    /** The frame is published on the inbound ring. */
    public static final int RING_PUBLISHED = 1;
    /** The trading agent took the frame off the ring. */
    public static final int DECODED = 2;
    /** The book applied the frame. */
    public static final int BOOK_APPLIED = 3;
    /** Every factor saw the event. */
    public static final int FACTORS_UPDATED = 4;
    /** The quoter produced its target quote. */
    public static final int QUOTE_DECIDED = 5;
    /** The first order the event caused passed the risk gate. */
    public static final int RISK_PASSED = 6;
    /** That order is encoded as an SBE frame. */
    public static final int ORDER_ENCODED = 7;
    /** The order publication took the frame. */
    public static final int PUBLISHED = 8;
    /** Number of stages. */
    public static final int COUNT = 9;

    private static final String[] NAMES = {
        "received", "ring_published", "decoded", "book_applied", "factors_updated", "quote_decided", "risk_passed",
        "order_encoded", "published"
    };

    private PipelineStage()
    {
    }

    /**
     * @param stage a stage constant.
     * @return its name in reports, e.g. {@code book_applied}.
     */
    public static String name(final int stage)
    {
        return NAMES[stage];
    }
}
