package org.hearth.index;

/** Blocks {@code from} to {@code to}, both included. */
public record BlockRange(long from, long to) {
}
