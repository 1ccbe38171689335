package io.ticklane.gateway.transport;

/**
 * Why the daemon's edge refused an inbound frame ({@link InboundFrameValidator}). A refused frame is counted per
 * reason, journaled marked refused with its {@link #code()}, and never reaches the strategy. Codes are stored in
 * journals: never renumber or reuse one, add new reasons at the end.
 */
public enum FrameRefusal
{
    /** Shorter than an SBE message header. */
    TOO_SHORT(1),
    /** Longer than a ring slot: only the first slot's worth of bytes is journaled. */
    TOO_LONG(2),
    /** The header's schema id is not Ticklane's. */
    FOREIGN_SCHEMA(3),
    /** The header's schema version is newer than the codecs of this build. */
    FUTURE_VERSION(4),
    /** A template id this build has no codec for. */
    UNKNOWN_TEMPLATE(5),
    /** A known template that is not allowed on the stream it came on ({@link StreamTemplates}). */
    WRONG_STREAM(6),
    /** The root block, or a group's entry block, is shorter than the template says. */
    SHORT_BLOCK(7),
    /** The frame ends before the block, group entries or var data it declares. */
    TRUNCATED(8),
    /** An enum field holds a value the schema does not define (and that is not its null value). */
    UNKNOWN_ENUM_VALUE(9),
    /** An operator command with a wrong token, or sent while wrong tokens lock the admin stream out. */
    ADMIN_AUTHENTICATION(10);

    /** The code of an accepted frame: no refusal. */
    public static final int ACCEPTED = 0;

    private static final FrameRefusal[] BY_CODE = new FrameRefusal[values().length + 1];

    static
    {
        for (final FrameRefusal refusal : values())
        {
            BY_CODE[refusal.code] = refusal;
        }
    }

    private final int code;

    FrameRefusal(final int code)
    {
        this.code = code;
    }

    /**
     * @return the code stored in a journal's refused record and in a ring slot (never {@link #ACCEPTED}).
     */
    public int code()
    {
        return code;
    }

    /**
     * @param code a stored refusal code.
     * @return its refusal, or null for {@link #ACCEPTED} and codes this build does not know.
     */
    public static FrameRefusal of(final int code)
    {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /**
     * @param code a stored refusal code.
     * @return the refusal's name, or "refusal-N" for a code this build does not know; for journal tools.
     */
    public static String name(final int code)
    {
        final FrameRefusal refusal = of(code);
        return null == refusal ? "refusal-" + code : refusal.name();
    }
}
