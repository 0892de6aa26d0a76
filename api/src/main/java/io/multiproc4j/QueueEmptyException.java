package io.multiproc4j;

/**
 * Thrown by a get on a queue that stayed empty for the whole timeout, or was empty at once for
 * {@code getNow}: Python's {@code queue.Empty}.
 */
public class QueueEmptyException extends MultiprocessingException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and, where possible, what to do about it
     */
    public QueueEmptyException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and, where possible, what to do about it
     * @param cause the underlying failure
     */
    public QueueEmptyException(String message, Throwable cause) {
        super(message, cause);
    }
}
