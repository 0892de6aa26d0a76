package io.multiproc4j;

/**
 * Thrown by a put on a bounded queue that stayed full for the whole timeout, or was full at once for
 * {@code putNow}: Python's {@code queue.Full}.
 */
public class QueueFullException extends MultiprocessingException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and, where possible, what to do about it
     */
    public QueueFullException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and, where possible, what to do about it
     * @param cause the underlying failure
     */
    public QueueFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
