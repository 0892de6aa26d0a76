package io.multiproc4j;

/**
 * Thrown in the caller by a send or put whose object, or something it refers to, cannot be serialised. The
 * message names the class; nothing was sent or queued (Python prints the error in a background thread and loses the
 * item).
 */
public class MessageNotSerializableException extends MultiprocessingException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and, where possible, what to do about it
     */
    public MessageNotSerializableException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and, where possible, what to do about it
     * @param cause the underlying failure
     */
    public MessageNotSerializableException(String message, Throwable cause) {
        super(message, cause);
    }
}
