package io.multiproc4j;

/**
 * A fixed-length array of long shared by processes, zero-filled at creation: Python's {@code Array('q', n)}. See
 * {@link Shared} for memory, locking and lifetime.
 */
public interface SharedLongArray extends Shared {

    /**
     * @return the number of elements, fixed at creation
     */
    int length();

    /**
     * @param index the element
     * @return its value
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, length())}
     */
    long get(int index);

    /**
     * @param index the element
     * @param value its new value
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, length())}
     */
    void set(int index, long value);

    /**
     * @return a copy of every element, element by element (not one atomic snapshot)
     */
    long[] toArray();

    /**
     * Sets every element, element by element: Python's {@code arr[:] = values}.
     *
     * @param values the new values
     * @throws IllegalArgumentException if {@code values} does not have exactly {@link #length()} elements
     */
    void setAll(long[] values);

    /**
     * Atomically adds {@code delta} to an element.
     *
     * @param index the element
     * @param delta what to add
     * @return its value after
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, length())}
     */
    long addAndGet(int index, long delta);

    /**
     * Atomically sets an element to {@code newValue} if it is {@code expected}.
     *
     * @param index the element
     * @param expected the value expected
     * @param newValue the new value
     * @return whether it was set
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, length())}
     */
    boolean compareAndSet(int index, long expected, long newValue);
}
