/**
 * Readers of LOBSTER (NASDAQ TotalView-ITCH reconstructions) message and orderbook files. The message reader turns
 * each row into the SBE messages a live gateway would deliver; the book reader exposes the orderbook rows so a
 * rebuilt book can be checked and seeded. This package depends on the SBE codecs and Agrona only: it must not depend
 * on the order book, the journal writer or anything that trades.
 */
package io.ticklane.journal.reader.lobster;
