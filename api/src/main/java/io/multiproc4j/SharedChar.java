package io.multiproc4j;

/**
 * A char shared by processes: Python's {@code Value('u')}. See {@link Shared} for memory, locking and lifetime.
 */
public interface SharedChar extends Shared {

    /**
     * @return the current value
     */
    char get();

    /**
     * @param value the new value
     */
    void set(char value);

    /**
     * Atomically sets the value to {@code newValue} if it is {@code expected}.
     *
     * @param expected the value expected
     * @param newValue the new value
     * @return whether the value was set
     */
    boolean compareAndSet(char expected, char newValue);
}
