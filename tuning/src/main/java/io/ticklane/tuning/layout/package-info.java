/**
 * Core layouts: which thread roles a process starts and which core each is pinned to, read from
 * {@code tuning/layouts/*.properties}. Only the mapping lives here; pinning itself (OpenHFT Affinity) belongs to
 * the runtime that starts the threads. Depends on nothing but the JDK.
 */
package io.ticklane.tuning.layout;
