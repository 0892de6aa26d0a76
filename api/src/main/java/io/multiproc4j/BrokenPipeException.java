package io.multiproc4j;

/**
 * Thrown by a {@link Connection}'s send methods when the other end is closed in every process that had it, so
 * the message could never be read: Python's {@code BrokenPipeError}.
 */
public class BrokenPipeException extends MultiprocessingException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and, where possible, what to do about it
     */
    public BrokenPipeException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and, where possible, what to do about it
     * @param cause the underlying failure
     */
    public BrokenPipeException(String message, Throwable cause) {
        super(message, cause);
    }
}
