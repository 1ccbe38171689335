/**
 * Durable state for restarts: the latest checkpoint of each instrument's trading state, kept in a persisted
 * Chronicle Map next to the journal. The records are opaque bytes here (their layout belongs to the strategy); this
 * package only guarantees that what it returns is a whole record that was saved. It must not depend on the
 * market-making code.
 */
package io.ticklane.journal.state;
