/**
 * The Chronicle Queue journal: a header record describing the journal, then one record per SBE frame
 * {@code {direction, stream, receiveTimeNs, frame}}, then a trailer that marks the journal complete. Writers append
 * without allocating on the hot path and readers replay into a callback the same way. This package depends on
 * Chronicle Queue, Agrona and the SBE codecs only: it must not depend on the order book or anything that trades.
 */
package io.ticklane.journal.queue;
