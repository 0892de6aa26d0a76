package io.multiproc4j;

/**
 * Thrown when the two ends of a socket connection do not share the same authentication key (or one end does not
 * follow the handshake). No object from the peer was deserialised: Python's {@code AuthenticationError}.
 */
public class AuthenticationException extends MultiprocessingException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and, where possible, what to do about it
     */
    public AuthenticationException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and, where possible, what to do about it
     * @param cause the underlying failure
     */
    public AuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
