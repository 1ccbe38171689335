/**
 * FIX 4.4 order entry, the mapping half: Ticklane's SBE orders become FIX messages ({@link
 * io.ticklane.gateway.fix.FixOrderEncoding}) and the venue's FIX answers become the SBE execution reports the strategy
 * already handles ({@link io.ticklane.gateway.fix.FixReportDecoding}), through the Artio codecs of {@code fix-codecs}.
 * Pure and allocation-free in steady state; the session (Artio engine, library, logon) is not here yet. The mapping
 * table and its decisions: docs/decisions/fix-order-entry.md.
 */
package io.ticklane.gateway.fix;
