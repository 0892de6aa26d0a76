package io.multiproc4j;

/**
 * The base of every exception multiproc4j throws for a failure of its own (as opposed to misuse, which throws
 * {@link IllegalStateException} or {@link IllegalArgumentException}).
 */
public class MultiprocessingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and, where possible, what to do about it
     */
    public MultiprocessingException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and, where possible, what to do about it
     * @param cause the underlying failure
     */
    public MultiprocessingException(String message, Throwable cause) {
        super(message, cause);
    }
}
