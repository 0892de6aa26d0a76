package io.multiproc4j;

/**
 * The cause of a pool task's failure when the worker running it ended in the middle of it: killed (for example by
 * {@code SIGKILL} or the out-of-memory killer), or ended by {@code System.exit} in the task. Python's pool waits
 * forever for such a result; here the task fails, the worker is replaced and the pool goes on. Rules POOL-28 and
 * POOL-29.
 */
public class WorkerDiedException extends MultiprocessingException {
    private static final long serialVersionUID = 1L;

    private final String workerName;
    private final long workerPid;
    private final int exitCode;

    /**
     * @param workerName the worker's process name
     * @param workerPid its process id
     * @param exitCode its exit code, in {@link MpProcess#exitCode()}'s terms ({@code -9} for {@code SIGKILL})
     */
    public WorkerDiedException(String workerName, long workerPid, int exitCode) {
        super("pool worker '" + workerName + "' (pid " + workerPid + ") ended with exit code " + exitCode
                + " while it ran this task; the task's result is lost, and the worker has been replaced");
        this.workerName = workerName;
        this.workerPid = workerPid;
        this.exitCode = exitCode;
    }

    /**
     * @return the name of the worker that died
     */
    public String workerName() {
        return workerName;
    }

    /**
     * @return its process id
     */
    public long workerPid() {
        return workerPid;
    }

    /**
     * @return its exit code, {@code -N} for a death by signal {@code N}
     */
    public int exitCode() {
        return exitCode;
    }
}
