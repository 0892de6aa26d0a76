package io.multiproc4j;

/**
 * Thrown by a {@link Connection}'s receive methods once the other end is closed (in every process that had it)
 * and every message sent before has been read: Python's {@code EOFError}.
 */
public class EndOfStreamException extends MultiprocessingException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and, where possible, what to do about it
     */
    public EndOfStreamException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and, where possible, what to do about it
     * @param cause the underlying failure
     */
    public EndOfStreamException(String message, Throwable cause) {
        super(message, cause);
    }
}
