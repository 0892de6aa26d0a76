package io.multiproc4j;

import java.time.Duration;

/**
 * The cause of a pool task's failure when it ran longer than the pool's
 * {@linkplain PoolOptions#taskTimeout(Duration) task timeout}: the worker running it has been killed and replaced.
 * Rule POOL-30.
 */
public class TaskTimedOutException extends MultiprocessingException {
    private static final long serialVersionUID = 1L;

    private final String workerName;
    private final Duration timeout;

    /**
     * @param workerName the name of the worker that ran the task and was killed
     * @param workerPid its process id
     * @param timeout the time the task was allowed
     */
    public TaskTimedOutException(String workerName, long workerPid, Duration timeout) {
        super("the task ran longer than the pool's task timeout of " + timeout + " in worker '" + workerName
                + "' (pid " + workerPid + "), which was killed and replaced");
        this.workerName = workerName;
        this.timeout = timeout;
    }

    /**
     * @return the name of the worker that was killed
     */
    public String workerName() {
        return workerName;
    }

    /**
     * @return the time the task was allowed
     */
    public Duration timeout() {
        return timeout;
    }
}
