package io.ticklane.feedserve;

/**
 * One line of what is served: its JSON exactly as recorded, its recorded receive time (0 when the file has none),
 * and whether it is a REST snapshot (answered over HTTP, never sent on the stream), a depth diff (moves the book
 * behind the REST answers) or, in a lines file, a reply to a client's request (held until the client asked).
 *
 * @param localNs  recorded receive time in epoch nanoseconds, or 0.
 * @param json     the message.
 * @param snapshot true for a REST depth snapshot line.
 * @param depth    true for a depth diff on the stream.
 * @param reply    true for a line that answers a client request (a Kraken subscriptionStatus in a lines file).
 * @param line     1-based line in the served files, for messages.
 */
record ServedMessage(long localNs, String json, boolean snapshot, boolean depth, boolean reply, long line)
{
}
