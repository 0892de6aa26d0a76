package io.multiproc4j.grader.internal.result;

/**
 * What a grading JVM (and everything it started) wrote to one of its output streams: how much, and the part kept.
 *
 * @param bytes how many bytes were written in all
 * @param lines how many lines
 * @param kept the beginning and the end, at most a fixed size, with a marker where the middle was left out
 * @param truncated whether anything was left out
 */
public record CapturedOutput(long bytes, long lines, String kept, boolean truncated) {

    /** Nothing written. */
    public static final CapturedOutput NONE = new CapturedOutput(0, 0, "", false);

    /**
     * @param other the same stream of a later grading JVM of the same submission
     * @return both together
     */
    public CapturedOutput plus(CapturedOutput other) {
        if (other.bytes == 0) {
            return this;
        }
        if (bytes == 0) {
            return other;
        }
        return new CapturedOutput(bytes + other.bytes, lines + other.lines, kept + other.kept,
                truncated || other.truncated);
    }
}
