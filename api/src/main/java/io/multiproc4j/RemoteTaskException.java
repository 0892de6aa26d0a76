package io.multiproc4j;

/**
 * Stands for an exception thrown by a task in another process that could not be brought here as it was: its class
 * is not serialisable, one of its fields is not, or its class is missing in this process. It carries the original's
 * class name, message and stack trace (as its own), and its cause's the same way. Python's pool hangs on an exception
 * it cannot unpickle (W-03); here the task fails with this.
 */
public class RemoteTaskException extends MultiprocessingException {
    private static final long serialVersionUID = 1L;

    private final String remoteClassName;

    /**
     * @param remoteClassName the class of the original exception
     * @param remoteMessage its message, or {@code null}
     * @param why why the original could not be brought here
     */
    public RemoteTaskException(String remoteClassName, String remoteMessage, String why) {
        super(remoteClassName + (remoteMessage == null ? "" : ": " + remoteMessage) + " [" + why + "]");
        this.remoteClassName = remoteClassName;
    }

    /**
     * @return the fully qualified class name of the original exception
     */
    public String remoteClassName() {
        return remoteClassName;
    }
}
