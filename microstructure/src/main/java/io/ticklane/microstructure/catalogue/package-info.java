/**
 * The standard factor catalogue: every shipped factor family registered in one registry. The composition root of the
 * microstructure module; the families and the core types never depend on it.
 */
package io.ticklane.microstructure.catalogue;
