/**
 * Offline fitters for the models some factors look up at run time, such as the Stoikov (2018) micro-price
 * adjustment table. Fitters run off the hot path and may allocate; their output is a small model file (JSON) that a
 * factor loads once at construction. Depends on the factor events and the book, never on the runtime or the CLI.
 */
package io.ticklane.microstructure.fit;
