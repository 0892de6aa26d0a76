package io.multiproc4j.grader.internal.result;

import java.util.List;

/**
 * Something the report states about a submission as a whole (a problem, a process left behind), as a message key of
 * the report texts and its arguments, so that each report renders it in its own language.
 *
 * @param key the message key
 * @param args the values for its placeholders {@code {0}}, {@code {1}}, …
 */
public record Note(String key, List<String> args) {

    /** Copies the arguments. */
    public Note {
        args = List.copyOf(args);
    }

    /**
     * @param key the message key
     * @param args the values for its placeholders
     * @return the note
     */
    public static Note of(String key, Object... args) {
        return new Note(key, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}
