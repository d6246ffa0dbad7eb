package org.tillwatch.index;

/** What availability needs of one loyalty transaction: its store, close instant and whether it failed. */
public record LoyaltyFact(String store, long closedAtMillis, boolean failed) {
}
