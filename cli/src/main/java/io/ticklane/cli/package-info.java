/**
 * The {@code ticklane} command line: one picocli command per user-facing tool, each with --help and the exit codes
 * of {@link io.ticklane.cli.ExitCodes}. Commands parse and validate input, call the modules that do the
 * work and print readable results; no trading logic lives here.
 */
package io.ticklane.cli;
