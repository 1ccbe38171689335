package io.ticklane.journal.queue;

/**
 * Which way a journaled frame travelled: into the trading pipeline (market data, execution reports, timers, admin)
 * or out of it (orders). Stored as one byte so a replay can feed only the inbound side and compare the outbound.
 */
public enum Direction
{
    /** Into the pipeline. */
    IN((byte)'I'),
    /** Out of the pipeline. */
    OUT((byte)'O');

    private final byte code;

    Direction(final byte code)
    {
        this.code = code;
    }

    /**
     * @return the byte stored in a record.
     */
    public byte code()
    {
        return code;
    }

    /**
     * @param code byte read from a record.
     * @return the direction, or null if the byte is not a direction (a corrupt record).
     */
    public static Direction fromCode(final byte code)
    {
        switch (code)
        {
            case 'I':
                return IN;
            case 'O':
                return OUT;
            default:
                return null;
        }
    }
}
