package io.multiproc4j;

/**
 * Thrown when an IPC object can no longer be reached because the operating-system resource behind it is gone,
 * for example when the process that hosted it has ended. The object is unusable from then on; the message names
 * the object and the reason. This replaces the endless waits Python shows in the same situations.
 */
public class IpcObjectLostException extends MultiprocessingException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and, where possible, what to do about it
     */
    public IpcObjectLostException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and, where possible, what to do about it
     * @param cause the underlying failure
     */
    public IpcObjectLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
