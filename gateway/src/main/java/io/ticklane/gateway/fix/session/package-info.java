/**
 * The daemon's FIX 4.4 order-entry session, on Artio: an initiator that logs on with credentials from a secrets
 * file, keeps its sequence numbers and message archive across restarts, reconnects with backoff, turns the daemon's
 * SBE orders into FIX and the venue's FIX answers into the SBE reports the strategy already handles, on the daemon's
 * report stream, where they are validated and journaled like any venue frame. docs/decisions/fix-session.md.
 */
package io.ticklane.gateway.fix.session;
