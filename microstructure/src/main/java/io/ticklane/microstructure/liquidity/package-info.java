/**
 * Liquidity and spread factors: quoted spread in ticks and basis points and its change, depth imbalance over k levels,
 * depth within a band around the mid, Kyle's lambda by rolling regression and Amihud-style illiquidity.
 * <p>
 * Each factor reads the book it is given, keeps its history in primitive arrays sized at construction and reads time
 * only from events. Depends on the factor framework and the order book only.
 */
package io.ticklane.microstructure.liquidity;
