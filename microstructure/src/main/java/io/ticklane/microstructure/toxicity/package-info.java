/**
 * Flow toxicity factors: VPIN (Easley, López de Prado &amp; O'Hara 2012) over equal-volume buckets, with bulk volume,
 * tick-rule or aggressor-side classification, and VPIN's empirical CDF rank. The bucket-level maths sits in small
 * pure classes ({@link io.ticklane.microstructure.toxicity.BulkVolumeClassifier},
 * {@link io.ticklane.microstructure.toxicity.VpinWindow}) that offline checks drive directly.
 * <p>
 * Depends only on the factor framework; never on clocks, I/O or threads.
 */
package io.ticklane.microstructure.toxicity;
