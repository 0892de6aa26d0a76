package io.multiproc4j.spi;

/**
 * Creates child processes for a {@link StandardContext}: the part of an implementation that differs with the
 * operating-system mechanism (CPython's {@code Popen} classes).
 *
 * <p>A launcher must:
 * <ul>
 *   <li>start a fresh JVM on the parent's class path and module path whose entry point passes
 *       {@link LaunchRequest#childSpec()}, unchanged and without using the command line, to
 *       {@link ChildRuntime#run(byte[], Runnable)};</li>
 *   <li>give the child the parent's standard output and error, and an empty standard input;</li>
 *   <li>reap the child whether or not anyone waits for it, and report its exit code in Python's form
 *       (negative signal number for a death by signal);</li>
 *   <li>when {@link LaunchRequest#daemon()} is set, make the child die within a second if this JVM is killed.</li>
 * </ul>
 */
public interface ProcessLauncher {

    /**
     * Starts a child. Returns once the operating system has created it; does not wait for the task to begin.
     *
     * @param request what to start
     * @return the running child
     * @throws io.multiproc4j.MultiprocessingException if the child cannot be created
     */
    ChildHandle launch(LaunchRequest request);
}
