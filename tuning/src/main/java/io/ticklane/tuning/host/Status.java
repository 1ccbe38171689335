package io.ticklane.tuning.host;

/**
 * How one finding of the host check came out. Only {@link #FAIL} makes the check fail: it is reserved for the items
 * that wreck tail latency in production (see {@link HostCheck#all()}).
 */
public enum Status
{
    /** Read and as a low-latency host wants it. */
    OK,
    /** A fact worth knowing (CPU model, nothing to compare against), neither good nor bad. */
    INFO,
    /** Read and not as recommended; latency suffers but the host can run. */
    WARN,
    /** Read and wrong on a production-critical item: the check exits 1. */
    FAIL,
    /** The file could not be read: nothing is claimed either way. */
    UNKNOWN
}
