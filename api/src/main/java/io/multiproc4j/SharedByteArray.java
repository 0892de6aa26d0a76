package io.multiproc4j;

/**
 * A fixed-length array of byte shared by processes, zero-filled at creation: Python's {@code Array('b', n)}. See
 * {@link Shared} for memory, locking and lifetime.
 */
public interface SharedByteArray extends Shared {

    /**
     * @return the number of elements, fixed at creation
     */
    int length();

    /**
     * @param index the element
     * @return its value
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, length())}
     */
    byte get(int index);

    /**
     * @param index the element
     * @param value its new value
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, length())}
     */
    void set(int index, byte value);

    /**
     * @return a copy of every element, element by element (not one atomic snapshot)
     */
    byte[] toArray();

    /**
     * Sets every element, element by element: Python's {@code arr[:] = values}.
     *
     * @param values the new values
     * @throws IllegalArgumentException if {@code values} does not have exactly {@link #length()} elements
     */
    void setAll(byte[] values);
}
