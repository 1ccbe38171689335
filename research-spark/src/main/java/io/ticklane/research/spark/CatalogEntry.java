package io.ticklane.research.spark;

import io.ticklane.journal.queue.JournalSource;

import java.io.Serializable;

/**
 * One journal of a research catalogue: where it is, what it holds and its content hash, so a sweep can name every
 * input it ran by hash. A journal that could not be read is still listed, with {@code error} set and the figures
 * zero: a catalogue never drops what it found.
 *
 * @param path           absolute journal directory.
 * @param journalSha256  {@code JournalDigest} of the journal (the hash reports carry), or empty on error.
 * @param instruments    symbols of the header's instruments, comma-separated.
 * @param source         the header's description of where the records came from (venue, market, files).
 * @param firstReceiveNs receive time of the first inbound record.
 * @param lastReceiveNs  receive time of the last inbound record.
 * @param records        records, both directions, refused ones included.
 * @param gaps           L2/L3 sequence gaps ({@code JournalStatistics}: an update whose previous sequence is not the
 *                       last one seen on its stream).
 * @param refused        refused inbound frames (journaled, never given to the strategy).
 * @param error          why the journal could not be read, or empty.
 */
public record CatalogEntry(
    String path,
    String journalSha256,
    String instruments,
    String source,
    long firstReceiveNs,
    long lastReceiveNs,
    long records,
    long gaps,
    long refused,
    String error) implements Serializable
{
    /**
     * @return the market the journal's source names ({@link JournalSource#market}): journals of one instrument symbol
     *         on two markets (Binance spot and USD-M BTCUSDT) are never taken for one another.
     */
    public String market()
    {
        return JournalSource.market(source);
    }

    /**
     * @return true if the journal was read.
     */
    public boolean readable()
    {
        return error.isEmpty();
    }
}
