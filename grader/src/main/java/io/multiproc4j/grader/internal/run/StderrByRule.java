package io.multiproc4j.grader.internal.run;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Sorts a grading JVM's standard error by the rule that was running when each line arrived, keeping the last lines of
 * each, so that a failed rule's report shows what the submission wrote meanwhile. A line that arrives between two
 * rules belongs to the one that ran last: it was most likely flushed late.
 */
final class StderrByRule {

    /** Lines kept per rule. */
    static final int LINES = 40;
    /** Characters kept per line. */
    static final int LINE_CHARS = 300;

    private final Map<String, Deque<String>> lines = new HashMap<>();
    private final Map<String, Integer> dropped = new HashMap<>();
    private String current;

    /** @param rule the rule now running */
    synchronized void started(String rule) {
        current = rule;
    }

    /** @param line a line the JVM wrote to standard error */
    synchronized void line(String line) {
        if (current == null) {
            return;
        }
        Deque<String> d = lines.computeIfAbsent(current, k -> new ArrayDeque<>());
        d.addLast(line.length() <= LINE_CHARS ? line : line.substring(0, LINE_CHARS) + " …");
        if (d.size() > LINES) {
            d.removeFirst();
            dropped.merge(current, 1, Integer::sum);
        }
    }

    /**
     * @param rule a rule
     * @return the last lines written while it ran, with a note of how many came before, or blank
     */
    synchronized String excerpt(String rule) {
        Deque<String> d = lines.get(rule);
        if (d == null || d.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        int before = dropped.getOrDefault(rule, 0);
        if (before > 0) {
            b.append("… (").append(before).append(" earlier lines left out)\n");
        }
        d.forEach(l -> b.append(l).append('\n'));
        return b.toString();
    }
}
