/**
 * Turns the SBE frames of a real-data reader into a journal that either exists complete or does not exist at all:
 * frames go into a hidden sibling directory that is renamed into place only after the trailer is written. This
 * package depends on the journal and the SBE codecs only: it must not depend on the order book or anything that
 * trades.
 */
package io.ticklane.journal.importer;
