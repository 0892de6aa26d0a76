package io.multiproc4j.grader.internal.child;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of what a grading JVM reports to the grader over its private connection: a kind and its fields,
 * tab-separated, with tabs, line breaks and backslashes escaped, so that any message fits on one line.
 *
 * @param kind what happened
 * @param fields its details, depending on the kind (see {@link Kind})
 */
public record Event(Kind kind, List<String> fields) {

    /** What a grading JVM reports, in the order it happens. */
    public enum Kind {
        /** The connection's first line: the token the grader gave, so that no other process can pose as the JVM. */
        HELLO,
        /** The provider under test: id, class, the class path entry it came from. */
        PROVIDER,
        /** The submission cannot be graded: a {@link Problem} name and a message. */
        PROBLEM,
        /** A rule's test began: rule id. */
        STARTED,
        /** A rule's test ended: rule id, {@link Status}, exception class, message, stack trace (blank when passed). */
        FINISHED,
        /** A test class failed as a whole, so that its rules did not run: class name, message. */
        CONTAINER_FAILED,
        /** The kit has run every requested rule. */
        DONE
    }

    /** How a rule's test ended, in JUnit's terms. */
    public enum Status {
        /** It passed. */
        PASSED,
        /** An assertion or an exception failed it. */
        FAILED,
        /** It was aborted: for an optional rule, the capability is not implemented. */
        ABORTED,
        /** JUnit skipped it. */
        SKIPPED
    }

    /** Why a submission cannot be graded at all, found before the kit runs. */
    public enum Problem {
        /** The submission registers no provider. */
        NO_PROVIDER,
        /** The submission registers more than one provider, and none was chosen. */
        SEVERAL_PROVIDERS,
        /** The provider asked for with {@code --provider} is not there. */
        UNKNOWN_PROVIDER,
        /** A provider's class could not be loaded or constructed. */
        BROKEN_PROVIDER
    }

    /** Checks the number of fields for the kind. */
    public Event {
        fields = List.copyOf(fields);
        int expected = switch (kind) {
            case HELLO, STARTED -> 1;
            case PROBLEM, CONTAINER_FAILED -> 2;
            case PROVIDER -> 3;
            case FINISHED -> 5;
            case DONE -> 0;
        };
        if (fields.size() != expected) {
            throw new IllegalArgumentException(kind + " takes " + expected + " fields, not " + fields.size());
        }
    }

    /**
     * @param kind what happened
     * @param fields its details
     * @return the event
     */
    public static Event of(Kind kind, String... fields) {
        return new Event(kind, List.of(fields));
    }

    /**
     * @param index a field's position
     * @return that field
     */
    public String field(int index) {
        return fields.get(index);
    }

    /** @return the event as one line, without its line break */
    public String encode() {
        StringBuilder b = new StringBuilder(kind.name());
        for (String f : fields) {
            b.append('\t');
            for (int i = 0; i < f.length(); i++) {
                char c = f.charAt(i);
                switch (c) {
                    case '\\' -> b.append("\\\\");
                    case '\t' -> b.append("\\t");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    default -> b.append(c);
                }
            }
        }
        return b.toString();
    }

    /**
     * @param line a line written by {@link #encode()}
     * @return the event
     * @throws IllegalArgumentException if the line is not an event
     */
    public static Event decode(String line) {
        String[] parts = line.split("\t", -1);
        Kind kind;
        try {
            kind = Kind.valueOf(parts[0]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a grading event: " + abbreviate(line));
        }
        List<String> fields = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            fields.add(unescape(parts[i], line));
        }
        return new Event(kind, fields);
    }

    private static String unescape(String s, String line) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (++i == s.length()) {
                throw new IllegalArgumentException("a grading event ends in a lone backslash: " + abbreviate(line));
            }
            switch (s.charAt(i)) {
                case '\\' -> b.append('\\');
                case 't' -> b.append('\t');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                default -> throw new IllegalArgumentException("unknown escape \\" + s.charAt(i)
                        + " in a grading event: " + abbreviate(line));
            }
        }
        return b.toString();
    }

    private static String abbreviate(String line) {
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
}
