/**
 * The live quoting daemon: Aeron in, a Disruptor ring of preallocated SBE frame slots to the journal and the trading
 * pipeline, a second ring to the order sender and the journal, each role an Agrona {@code Agent} laid out on one
 * thread or pinned threads. Time enters only as stamps written into inbound frames, so a replay of the journal runs
 * the same strategy code to the same outbound bytes.
 */
package io.ticklane.runtime.daemon;
