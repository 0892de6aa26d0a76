package io.multiproc4j;

import java.io.Serializable;

/**
 * What a process runs: a serialisable function with no arguments, whose captured values are its arguments (Python's
 * {@code target}, {@code args} and {@code kwargs} in one object).
 *
 * <p>Write it as a lambda or method reference ({@code () -> task("meet", 2)}), or as a class of your own that
 * implements this interface and keeps its arguments in fields (the Java form of subclassing Python's
 * {@code Process} and overriding {@code run}). Either way, the task and everything it references must be
 * {@link Serializable}; it is copied into the child when the process starts (see
 * <a href="package-summary.html#boundary">what crosses a process boundary</a>).
 *
 * <p>In the child, returning normally gives exit code {@code 0}; throwing gives exit code {@code 1} with the stack
 * trace on the child's standard error; {@code System.exit(n)} gives {@code n}.
 */
@FunctionalInterface
public interface ProcessTask extends Serializable {

    /**
     * Runs in the child process.
     *
     * @throws Exception anything; the child then ends with exit code {@code 1}
     */
    void run() throws Exception;
}
