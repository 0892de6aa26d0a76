package io.multiproc4j;

/**
 * Creates {@linkplain Shared shared values and arrays}. {@link MpContext} creates them with a lock (Python's
 * {@code Value} and {@code Array}); {@link MpContext#raw()} creates them without one ({@code RawValue} and
 * {@code RawArray}).
 */
public interface SharedObjectFactory {

    /**
     * @param initialValue the value
     * @return a shared int: Python's {@code Value('i', initialValue)}
     */
    SharedInt newSharedInt(int initialValue);

    /**
     * @param initialValue the value
     * @return a shared long: Python's {@code Value('q', initialValue)}
     */
    SharedLong newSharedLong(long initialValue);

    /**
     * @param initialValue the value
     * @return a shared double: Python's {@code Value('d', initialValue)}
     */
    SharedDouble newSharedDouble(double initialValue);

    /**
     * @param initialValue the value
     * @return a shared byte: Python's {@code Value('b', initialValue)}
     */
    SharedByte newSharedByte(byte initialValue);

    /**
     * @param initialValue the value
     * @return a shared char: Python's {@code Value('u', initialValue)}
     */
    SharedChar newSharedChar(char initialValue);

    /**
     * @param length the number of elements
     * @return a zero-filled shared int array: Python's {@code Array('i', length)}
     * @throws IllegalArgumentException if {@code length} is negative
     */
    SharedIntArray newSharedIntArray(int length);

    /**
     * @param length the number of elements
     * @return a zero-filled shared long array: Python's {@code Array('q', length)}
     * @throws IllegalArgumentException if {@code length} is negative
     */
    SharedLongArray newSharedLongArray(int length);

    /**
     * @param length the number of elements
     * @return a zero-filled shared double array: Python's {@code Array('d', length)}
     * @throws IllegalArgumentException if {@code length} is negative
     */
    SharedDoubleArray newSharedDoubleArray(int length);

    /**
     * @param length the number of elements
     * @return a zero-filled shared byte array: Python's {@code Array('b', length)}
     * @throws IllegalArgumentException if {@code length} is negative
     */
    SharedByteArray newSharedByteArray(int length);

    /**
     * @param length the number of elements
     * @return a zero-filled shared char array, usable as a string: Python's {@code Array('c', length)}
     * @throws IllegalArgumentException if {@code length} is negative
     */
    SharedCharArray newSharedCharArray(int length);
}
