package io.multiproc4j;

/**
 * A fixed-length array of char shared by processes, zero-filled at creation: Python's {@code Array('u', n)}. See
 * {@link Shared} for memory, locking and lifetime.
 */
public interface SharedCharArray extends Shared {

    /**
     * @return the number of elements, fixed at creation
     */
    int length();

    /**
     * @param index the element
     * @return its value
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, length())}
     */
    char get(int index);

    /**
     * @param index the element
     * @param value its new value
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, length())}
     */
    void set(int index, char value);

    /**
     * @return a copy of every element, element by element (not one atomic snapshot)
     */
    char[] toArray();

    /**
     * Sets every element, element by element: Python's {@code arr[:] = values}.
     *
     * @param values the new values
     * @throws IllegalArgumentException if {@code values} does not have exactly {@link #length()} elements
     */
    void setAll(char[] values);

    /**
     * The characters up to the first {@code '\0'} (or all of them): Python's {@code arr.value}.
     *
     * @return the string
     */
    String getString();

    /**
     * Stores {@code value}, followed by {@code '\0'} if it is shorter than the array: Python's
     * {@code arr.value = ...}.
     *
     * @param value the string
     * @throws IllegalArgumentException if it is longer than {@link #length()}
     */
    void setString(String value);
}
