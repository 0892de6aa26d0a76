package io.multiproc4j;

/**
 * Thrown when a shared-memory block is created with a name that is already in use: Python's
 * {@code FileExistsError}.
 */
public class SharedMemoryExistsException extends MultiprocessingException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and, where possible, what to do about it
     */
    public SharedMemoryExistsException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and, where possible, what to do about it
     * @param cause the underlying failure
     */
    public SharedMemoryExistsException(String message, Throwable cause) {
        super(message, cause);
    }
}
