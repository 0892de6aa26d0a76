package io.multiproc4j.grader.internal.child;

import java.util.List;

/**
 * What a student needs from a failed test's exception: its message, and the stack frames that point at the kit's
 * check and at the submission's own code, without the frames of JUnit, AssertJ, Awaitility and the JDK.
 */
final class Failures {

    /** Frames from these packages say nothing about the submission. */
    private static final List<String> NOISE = List.of("org.junit.", "org.opentest4j.", "org.assertj.",
            "org.awaitility.", "org.hamcrest.", "java.", "javax.", "jdk.", "sun.", "com.sun.",
            "io.multiproc4j.grader.");
    private static final int MAX_MESSAGE = 8_000;
    private static final int MAX_FRAMES = 12;
    private static final int MAX_CAUSES = 4;

    private Failures() {
    }

    /**
     * @param t an exception
     * @return its message, at most {@value #MAX_MESSAGE} characters, or its class when it has none
     */
    static String message(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getName();
        }
        return m.length() <= MAX_MESSAGE ? m : m.substring(0, MAX_MESSAGE) + " … (" + (m.length() - MAX_MESSAGE)
                + " more characters)";
    }

    /**
     * @param t an exception
     * @return its telling frames and those of its causes, as a stack trace reads
     */
    static String trace(Throwable t) {
        StringBuilder b = new StringBuilder();
        Throwable c = t;
        for (int depth = 0; c != null && depth < MAX_CAUSES; depth++) {
            if (depth > 0) {
                b.append("Caused by: ").append(c.getClass().getName()).append(": ").append(firstLine(message(c)))
                        .append('\n');
            }
            int shown = 0;
            int hidden = 0;
            for (StackTraceElement e : c.getStackTrace()) {
                if (isNoise(e.getClassName()) || shown == MAX_FRAMES) {
                    hidden++;
                } else {
                    b.append("    at ").append(e).append('\n');
                    shown++;
                }
            }
            if (hidden > 0) {
                b.append("    (").append(hidden)
                        .append(" frames of JUnit, AssertJ, Awaitility and the JDK left out)\n");
            }
            Throwable next = c.getCause();
            c = next == c ? null : next;
        }
        return b.toString();
    }

    private static boolean isNoise(String className) {
        return NOISE.stream().anyMatch(className::startsWith);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " …";
    }
}
