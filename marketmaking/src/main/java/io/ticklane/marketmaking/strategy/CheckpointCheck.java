package io.ticklane.marketmaking.strategy;

/**
 * Whether a strategy checkpoint record can be restored, and if not why: a restart must refuse a damaged or
 * mismatched record with a clear reason rather than trade on it. The checks run in this order: the message header,
 * the lengths and group counts against the bytes, the checksum, then what the record holds against this strategy.
 * A v1 record gets the same answers for the same problems, in the v1 reader's order ({@link LegacyCheckpointV1}).
 */
public enum CheckpointCheck
{
    /** The record is whole and fits this strategy (after {@code restore}, it was restored). */
    VALID,
    /** Fewer bytes than a message header, a root block, or the length the record states. */
    TOO_SHORT,
    /**
     * The message header names another message: not a strategy checkpoint (a v1 record of the build before SBE
     * checkpoints is recognised by its magic first and upgraded, so this is neither).
     */
    WRONG_TEMPLATE,
    /** The message header names another SBE schema. */
    WRONG_SCHEMA,
    /** Written by a schema version this build does not read (a newer one, or one before the message existed). */
    UNSUPPORTED_VERSION,
    /** The root block or a group's entries are shorter than the fields of the stated version. */
    BAD_BLOCK_LENGTH,
    /** The stated length disagrees with the message's root block and groups. */
    BAD_LENGTH,
    /** A group states more entries than the bytes hold, or than the order capacity has slots. */
    BAD_GROUP_COUNT,
    /** The bytes are not the ones written (a torn or damaged record). */
    BAD_CHECKSUM,
    /** Written for another instrument. */
    WRONG_INSTRUMENT,
    /** Written with another order capacity: the slots cannot be restored as they were. */
    WRONG_CAPACITY,
    /** A field holds a value this build cannot take: an unknown mode, state or side, a slot or id used twice. */
    BAD_FIELD
}
