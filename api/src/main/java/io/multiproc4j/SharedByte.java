package io.multiproc4j;

/**
 * A byte shared by processes: Python's {@code Value('b')}. See {@link Shared} for memory, locking and lifetime.
 */
public interface SharedByte extends Shared {

    /**
     * @return the current value
     */
    byte get();

    /**
     * @param value the new value
     */
    void set(byte value);

    /**
     * Atomically sets the value to {@code newValue} if it is {@code expected}.
     *
     * @param expected the value expected
     * @param newValue the new value
     * @return whether the value was set
     */
    boolean compareAndSet(byte expected, byte newValue);

    /**
     * Atomically adds {@code delta}.
     *
     * @param delta what to add
     * @return the value before
     */
    byte getAndAdd(byte delta);

    /**
     * Atomically adds {@code delta}.
     *
     * @param delta what to add
     * @return the value after
     */
    byte addAndGet(byte delta);
}
