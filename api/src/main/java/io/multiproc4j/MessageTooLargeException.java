package io.multiproc4j;

/**
 * Thrown when a message or queue item is larger than {@link Connection#MAX_MESSAGE_SIZE} once serialised, or
 * larger than the {@code maxLength} a receiver accepts. Nothing is sent; a receiver that refuses a message discards it
 * and stays usable.
 */
public class MessageTooLargeException extends MultiprocessingException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and, where possible, what to do about it
     */
    public MessageTooLargeException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and, where possible, what to do about it
     * @param cause the underlying failure
     */
    public MessageTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }
}
