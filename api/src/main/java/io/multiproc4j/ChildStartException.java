package io.multiproc4j;

/**
 * Thrown by {@link MpProcess#join()} and {@link MpProcess#join(java.time.Duration)} when the child ended before it
 * could run its task: its JVM could not start (a bad JVM option, a missing class) or the task could not be loaded in
 * it. The message carries the child's own error output. Rule BAD-02.
 */
public class ChildStartException extends MultiprocessingException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;
    private final String childOutput;

    /**
     * @param processName the name of the process that failed to start
     * @param exitCode its exit code
     * @param childOutput what the child wrote to its standard error before it ended
     */
    public ChildStartException(String processName, int exitCode, String childOutput) {
        super("process '" + processName + "' ended with exit code " + exitCode
                + " before it could run its task; the child said:\n" + childOutput.strip());
        this.exitCode = exitCode;
        this.childOutput = childOutput;
    }

    /**
     * @return the exit code of the child that failed to start
     */
    public int exitCode() {
        return exitCode;
    }

    /**
     * @return the child's standard error output up to its end (possibly truncated)
     */
    public String childOutput() {
        return childOutput;
    }
}
