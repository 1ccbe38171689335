/**
 * The strategy: quoters (Avellaneda–Stoikov family), the quote manager that turns target quotes into orders, order
 * and position state from execution reports, and the pre-trade risk gate every outbound order passes. Pure state
 * machines driven by events and their timestamps, allocation-free per event, so live and replay run the same code.
 * <p>
 * Depends on the book, the factors and the SBE codecs; never on transports, clocks or threads.
 */
package io.ticklane.marketmaking;
