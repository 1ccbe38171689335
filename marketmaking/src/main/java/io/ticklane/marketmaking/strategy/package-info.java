/**
 * The strategy pipeline of one instrument: book and factors in, target quotes, order actions through the risk gate
 * and SBE order frames out. Wires the quote, order and risk packages; owns no maths of its own.
 */
package io.ticklane.marketmaking.strategy;
