package org.hearth.index;

/**
 * One checkpoint of the indexer: a subscriber's progress on one chain for one key (a watched
 * account; '' for a subscriber with a single cursor). {@code checkpoint} is the last block scanned,
 * {@code startBlock - 1} before the first.
 */
public record IndexCursor(String subscriber, String key, long startBlock, long checkpoint) {
}
