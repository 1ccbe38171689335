package io.ticklane.marketmaking.strategy;

/**
 * Whether a strategy checkpoint record can be restored, and if not why: a restart must refuse a damaged or
 * mismatched record with a clear reason rather than trade on it.
 */
public enum CheckpointCheck
{
    /** The record is whole and fits this strategy (after {@code restore}, it was restored). */
    VALID,
    /** Fewer bytes than a header, or than the length the header states. */
    TOO_SHORT,
    /** Not a strategy checkpoint. */
    BAD_MAGIC,
    /** Written by a layout version this build does not read. */
    UNSUPPORTED_VERSION,
    /** The stated length disagrees with the sections inside. */
    BAD_LENGTH,
    /** The bytes are not the ones written (a torn or damaged record). */
    BAD_CHECKSUM,
    /** Written for another instrument. */
    WRONG_INSTRUMENT,
    /** Written with another order capacity: the slots cannot be restored as they were. */
    WRONG_CAPACITY
}
