/**
 * JMH benchmarks of Ticklane's hot components, each class measuring the Ticklane code and a naive reference doing
 * the same work side by side, so one run gives the ratio. Inputs are precomputed and deterministic; run them with
 * {@code perf/jmh}, which reads the JVM flags from {@code tuning/jvm/ticklane.jvmopts}.
 * <p>
 * Depends on the modules it measures; nothing in the product depends on this package.
 */
package io.ticklane.perf.jmh;
