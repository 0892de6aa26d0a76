package io.multiproc4j;

/**
 * The pool cannot run tasks any more, because its workers cannot start: a worker's initializer threw (the cause),
 * or a worker's JVM could not start ({@link ChildStartException} as the cause). Python's pool starts new workers
 * for ever in this case, and its tasks never run. Every task not yet done fails with this exception, the workers
 * are stopped, and any later submission throws it. Rule POOL-06.
 */
public class PoolBrokenException extends MultiprocessingException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what broke the pool
     * @param cause the initializer's exception or the start failure
     */
    public PoolBrokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
