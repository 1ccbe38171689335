/**
 * {@code ticklane feed serve}: a local stand-in for a venue that replays recorded market data over the venue's
 * real protocols (a WebSocket combined stream and the REST depth snapshot), so feed handlers are tested and demoed
 * against real bytes on a real socket and never against the internet. Faults (a dropped or corrupted message, a
 * dropped connection) are injected on purpose. It depends on no Ticklane module: what it serves is the capture's
 * own JSON, and the book behind its REST answers is its own, independent of the reader it helps to test.
 */
package io.ticklane.feedserve;
