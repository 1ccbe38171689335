/**
 * The host check behind {@code ticklane tune check}: one small class per thing a low-latency host must get right
 * (clocksource, governor, isolated cores, THP, swap, IRQs...), each reading {@code /proc} and {@code /sys} through
 * {@link io.ticklane.tuning.host.HostFiles} so tests can point it at a fake tree. Reads only; never changes the host,
 * and depends on nothing but the JDK.
 */
package io.ticklane.tuning.host;
