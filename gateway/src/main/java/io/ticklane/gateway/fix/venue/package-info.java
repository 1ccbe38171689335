/**
 * The simulated venue behind a FIX 4.4 acceptor built on QuickFIX/J, an engine independent of the Artio initiator,
 * so order entry over FIX is always tested against another implementation of the protocol. FIX requests become the
 * SBE order messages the simulated exchange takes on its Aeron order stream; its SBE reports become FIX execution
 * reports and cancel rejects. See docs/decisions/fix-venue.md for the mapping.
 */
package io.ticklane.gateway.fix.venue;
