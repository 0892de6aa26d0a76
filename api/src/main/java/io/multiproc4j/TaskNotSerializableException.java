package io.multiproc4j;

/**
 * Thrown by {@link MpProcess#start()} when the task, or something it captured, cannot be serialised. The message
 * names the offending class and the path of fields that leads to it; no process was created. Rule BAD-01.
 */
public class TaskNotSerializableException extends MultiprocessingException {
    private static final long serialVersionUID = 1L;

    private final String offendingClass;

    /**
     * @param message the explanation, naming the class and the field path
     * @param offendingClass the binary name of the class that is not serialisable
     * @param cause the serialisation failure
     */
    public TaskNotSerializableException(String message, String offendingClass, Throwable cause) {
        super(message, cause);
        this.offendingClass = offendingClass;
    }

    /**
     * @return the binary name of the class that could not be serialised
     */
    public String offendingClass() {
        return offendingClass;
    }
}
