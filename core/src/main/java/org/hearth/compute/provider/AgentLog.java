package org.hearth.compute.provider;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/** The agent's recent log lines with their times, so a log view opened later shows what happened before. */
public final class AgentLog {

    public static final int LINES = 500;

    public record Line(Instant at, String text) {
    }

    private final ArrayDeque<Line> lines = new ArrayDeque<>();

    synchronized Line add(String text) {
        Line line = new Line(Instant.now(), text);
        lines.addLast(line);
        if (lines.size() > LINES) {
            lines.removeFirst();
        }
        return line;
    }

    /** Oldest first. */
    public synchronized List<Line> snapshot() {
        return List.copyOf(lines);
    }
}
