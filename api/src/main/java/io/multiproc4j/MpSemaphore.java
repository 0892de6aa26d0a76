package io.multiproc4j;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * A counting semaphore shared by processes: Python's {@code Semaphore} and {@code BoundedSemaphore}. Acquiring takes
 * one permit, waiting while there is none; releasing adds one. A bounded semaphore refuses a release that would
 * take it past its initial count.
 *
 * <p>Permits are not owned: any process may release, and a process that ends keeps the permits it took (they are
 * not given back), because a semaphore is often used to signal from one process to another.
 *
 * <p><b>Crossing processes.</b> See the <a href="package-summary.html#ipc">package documentation</a>.
 *
 * <p>Rules SEM-01 to SEM-06 ({@code docs/spec/synchronization.md}).
 */
public interface MpSemaphore {

    /**
     * Takes a permit, waiting until one is available.
     *
     * @throws InterruptedException if interrupted while waiting; no permit was taken
     */
    void acquire() throws InterruptedException;

    /**
     * Takes a permit if one is available now.
     *
     * @return whether a permit was taken
     */
    boolean tryAcquire();

    /**
     * Takes a permit, waiting at most {@code timeout} for one.
     *
     * @param timeout the longest wait; zero or negative means do not wait
     * @return whether a permit was taken
     * @throws InterruptedException if interrupted while waiting; no permit was taken
     */
    boolean tryAcquire(Duration timeout) throws InterruptedException;

    /**
     * Adds a permit, waking one waiter if there is one.
     *
     * @throws IllegalStateException if the semaphore is bounded and already has its initial number of permits
     */
    void release();

    /**
     * @return the number of permits available now; approximate, as it may change at once
     */
    int availablePermits();

    /**
     * @return the most permits a bounded semaphore may have (its initial count), or empty for a plain one
     */
    OptionalInt bound();
}
