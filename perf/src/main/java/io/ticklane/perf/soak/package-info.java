/**
 * The soak benchmark: the real daemon and the load generator at a fixed rate for a long time, sampled every ten
 * seconds for what a long run reveals and a short one hides: garbage collections after warm-up, resident and
 * off-heap memory growth, ring and journal backlogs, counters drifting apart. It reports; it does not judge.
 * <p>
 * Depends on the runtime and on the tick-to-quote harness's generator ({@code io.ticklane.perf.latency}); nothing
 * in the product depends on it.
 */
package io.ticklane.perf.soak;
