package io.multiproc4j;

/**
 * A long shared by processes: Python's {@code Value('q')}. See {@link Shared} for memory, locking and lifetime.
 */
public interface SharedLong extends Shared {

    /**
     * @return the current value
     */
    long get();

    /**
     * @param value the new value
     */
    void set(long value);

    /**
     * Atomically sets the value to {@code newValue} if it is {@code expected}.
     *
     * @param expected the value expected
     * @param newValue the new value
     * @return whether the value was set
     */
    boolean compareAndSet(long expected, long newValue);

    /**
     * Atomically adds {@code delta}.
     *
     * @param delta what to add
     * @return the value before
     */
    long getAndAdd(long delta);

    /**
     * Atomically adds {@code delta}.
     *
     * @param delta what to add
     * @return the value after
     */
    long addAndGet(long delta);
}
