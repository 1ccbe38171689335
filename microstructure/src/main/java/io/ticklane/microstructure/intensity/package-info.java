/**
 * Market-making calibration: the arrival intensity of trades at a distance δ from the mid, λ(δ) = A·e^(−kδ)
 * (Avellaneda &amp; Stoikov 2008 §2.3; Guéant, Lehalle &amp; Fernandez-Tapia 2013), fitted online per side from
 * time-decayed trade counts so quoters can read A and k per event.
 * <p>
 * Depends only on the factor framework and the order book; the offline fitter in {@code fit} reuses
 * {@link io.ticklane.microstructure.intensity.TradeDepth} and {@link io.ticklane.microstructure.intensity.ArrivalCurve}
 * so online and offline numbers share one definition.
 */
package io.ticklane.microstructure.intensity;
