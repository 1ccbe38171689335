/**
 * Reader of Binance raw websocket captures (hftbacktest collector, spot and USD-M futures) into the SBE market
 * data messages a live gateway would deliver: exact decimal to tick/lot conversion, Binance's depth
 * synchronisation rules normalised into {@code L2Update.prevSequence}, and file:line errors for bad input.
 * It depends only on the SBE codecs, Agrona and Jackson's streaming parser; it must not depend on the order book.
 */
package io.ticklane.journal.reader.binance;
