/**
 * Quoters: given the market (reference price, volatility, order arrival intensity, toxicity) and the inventory,
 * where to quote. Each model is one small class behind {@link io.ticklane.marketmaking.quote.Quoter}, selected and
 * parameterised by name through {@link io.ticklane.marketmaking.quote.QuoterRegistry}.
 */
package io.ticklane.marketmaking.quote;
