package io.multiproc4j;

/**
 * Thrown when no shared-memory block has the given name (it was never created, was unlinked, or has been removed
 * because no process used it any more): Python's {@code FileNotFoundError}.
 */
public class NoSuchSharedMemoryException extends MultiprocessingException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and, where possible, what to do about it
     */
    public NoSuchSharedMemoryException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and, where possible, what to do about it
     * @param cause the underlying failure
     */
    public NoSuchSharedMemoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
