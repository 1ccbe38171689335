/**
 * Price factors: mid, weighted mid, micro-price (Stoikov 2018), tick momentum and returns, in ticks.
 */
package io.ticklane.microstructure.price;
