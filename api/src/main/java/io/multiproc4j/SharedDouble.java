package io.multiproc4j;

/**
 * A double shared by processes: Python's {@code Value('d')}. See {@link Shared} for memory, locking and lifetime.
 */
public interface SharedDouble extends Shared {

    /**
     * @return the current value
     */
    double get();

    /**
     * @param value the new value
     */
    void set(double value);

    /**
     * Atomically sets the value to {@code newValue} if it is {@code expected}.
     *
     * @param expected the value expected
     * @param newValue the new value
     * @return whether the value was set
     */
    boolean compareAndSet(double expected, double newValue);

    /**
     * Atomically adds {@code delta}.
     *
     * @param delta what to add
     * @return the value before
     */
    double getAndAdd(double delta);

    /**
     * Atomically adds {@code delta}.
     *
     * @param delta what to add
     * @return the value after
     */
    double addAndGet(double delta);
}
