package io.ticklane.gateway.fix;

/**
 * Why an SBE order could not become a FIX message ({@link FixOrderEncoding}). Counted per reason; the order is not
 * sent; the daemon halts with the reason, since a frame the configured venue cannot express is a configuration fault.
 */
public enum FixOrderRefusal
{
    /** The order's instrument is not one this FIX session trades. */
    UNKNOWN_INSTRUMENT,
    /** A side, order type or time in force with no FIX 4.4 counterpart (or unknown to this build). */
    UNSUPPORTED_VALUE,
    /** A price or quantity whose decimal does not fit a long, or a negative id. */
    OUT_OF_RANGE
}
