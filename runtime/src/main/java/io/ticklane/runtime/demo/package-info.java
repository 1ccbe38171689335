/**
 * The whole live path in one process, for a first look: the simulated exchange publishing a synthetic market and the
 * quoting daemon trading against it over Aeron IPC on one embedded media driver, with the demo's own risk limits and
 * a fresh run directory each time. Depends on the daemon and the gateway's simulated exchange; never on the command
 * line.
 */
package io.ticklane.runtime.demo;
