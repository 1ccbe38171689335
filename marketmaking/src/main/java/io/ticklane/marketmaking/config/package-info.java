/**
 * Strategy configuration files: one validated object per run, built from a properties file with every key known,
 * every value checked and every error naming the file and the key. Start-up only; nothing here runs per event.
 */
package io.ticklane.marketmaking.config;
