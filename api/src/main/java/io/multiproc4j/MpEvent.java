package io.multiproc4j;

import java.time.Duration;

/**
 * A flag shared by processes that threads can wait for: Python's {@code multiprocessing.Event}. It starts unset.
 *
 * <p><b>Crossing processes.</b> See the <a href="package-summary.html#ipc">package documentation</a>.
 *
 * <p>Rules EVT-01 to EVT-03 ({@code docs/spec/synchronization.md}).
 */
public interface MpEvent {

    /** Sets the flag and wakes every waiter; later waits return at once until {@link #clear()}. */
    void set();

    /** Unsets the flag. */
    void clear();

    /**
     * @return whether the flag is set
     */
    boolean isSet();

    /**
     * Waits until the flag is set; returns at once if it is.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    void await() throws InterruptedException;

    /**
     * Waits at most {@code timeout} until the flag is set.
     *
     * @param timeout the longest wait; zero or negative means do not wait
     * @return whether the flag was set
     * @throws InterruptedException if interrupted while waiting
     */
    boolean await(Duration timeout) throws InterruptedException;
}
