package io.ticklane.orderbook;

/**
 * Why a book went STALE, recorded with the sequence at which it happened so an operator can find the message.
 */
public enum StaleReason
{
    /** The book is not stale. */
    NONE,
    /** An update's previous sequence was not the book's sequence: messages were lost or reordered. */
    SEQUENCE_GAP,
    /** Best bid at or above best ask after an update. */
    CROSSED_BOOK,
    /** An update carried a negative quantity, or removed more than a level or order held. */
    NEGATIVE_QUANTITY,
    /** A cancel, delete, execute or modify named an order the book does not know and no anonymous size covers. */
    UNKNOWN_ORDER_ID,
    /** An add named an order id the book already holds. */
    DUPLICATE_ORDER_ID,
    /** An event's side or price disagrees with the order it names. */
    ORDER_MISMATCH,
    /** The book's preallocated order capacity is exhausted. */
    ORDER_CAPACITY_EXCEEDED,
    /** An order's price is further from the touch than the ladder window can hold. */
    PRICE_OUT_OF_RANGE,
    /** A message field is out of range (unknown side or event type, zero quantity where one is required). */
    MALFORMED_MESSAGE,
    /** A message for another instrument, or a message kind this book cannot apply (L3 events on an L2 book). */
    UNSUPPORTED_MESSAGE,
    /**
     * A level statement (an L2 update applied to an L3 book) disagrees with the book: a NEW for a level it holds, a
     * CHANGE or DELETE for one it does not, or a CHANGE below the level's named orders.
     */
    LEVEL_MISMATCH
}
