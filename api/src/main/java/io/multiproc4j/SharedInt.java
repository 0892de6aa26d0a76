package io.multiproc4j;

/**
 * A int shared by processes: Python's {@code Value('i')}. See {@link Shared} for memory, locking and lifetime.
 */
public interface SharedInt extends Shared {

    /**
     * @return the current value
     */
    int get();

    /**
     * @param value the new value
     */
    void set(int value);

    /**
     * Atomically sets the value to {@code newValue} if it is {@code expected}.
     *
     * @param expected the value expected
     * @param newValue the new value
     * @return whether the value was set
     */
    boolean compareAndSet(int expected, int newValue);

    /**
     * Atomically adds {@code delta}.
     *
     * @param delta what to add
     * @return the value before
     */
    int getAndAdd(int delta);

    /**
     * Atomically adds {@code delta}.
     *
     * @param delta what to add
     * @return the value after
     */
    int addAndGet(int delta);
}
