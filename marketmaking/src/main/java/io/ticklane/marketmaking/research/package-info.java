/**
 * Research harnesses: published experiments re-run on Ticklane's own quoters, so a quoter is checked against the
 * numbers its paper reports and not only against its formulas. Offline code; it may allocate and must not be
 * used on the hot path. Depends on the quoters only, never on transports, clocks or threads.
 */
package io.ticklane.marketmaking.research;
