package org.hearth.market.share;

/** One transaction a user signs to take part in the market, through the review: the contract, its call data and the function's name. */
public record MarketCall(String to, String data, String function) {
}
