package io.multiproc4j;

import java.time.Duration;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeoutException;

/**
 * A barrier shared by processes, where a fixed number of parties wait for each other, cycle after cycle: Python's
 * {@code multiprocessing.Barrier}, in the shape of {@link java.util.concurrent.CyclicBarrier}.
 *
 * <p><b>Breaking.</b> The barrier breaks when a waiter times out or is interrupted, when {@link #abort()} is called,
 * when {@link #reset()} is called while parties wait, or when a process ends while one of its threads waits. Every
 * current and later waiter then gets {@link BrokenBarrierException} until {@link #reset()}.
 *
 * <p><b>Crossing processes.</b> See the <a href="package-summary.html#ipc">package documentation</a>.
 *
 * <p>Rules BAR-01 to BAR-07 ({@code docs/spec/synchronization.md}).
 */
public interface MpBarrier {

    /**
     * Waits until every party has called {@code await}.
     *
     * @return the arrival index, distinct for each party of a cycle: {@code parties() - 1} for the first to arrive,
     *     {@code 0} for the last
     * @throws InterruptedException if interrupted while waiting; the barrier is then broken
     * @throws BrokenBarrierException if the barrier is or becomes broken
     */
    int await() throws InterruptedException, BrokenBarrierException;

    /**
     * Waits at most {@code timeout} until every party has called {@code await}.
     *
     * @param timeout the longest wait; zero or negative means do not wait
     * @return the arrival index, as for {@link #await()}
     * @throws TimeoutException if the time ran out; the barrier is then broken for every party
     * @throws InterruptedException if interrupted while waiting; the barrier is then broken
     * @throws BrokenBarrierException if the barrier is or becomes broken
     */
    int await(Duration timeout) throws InterruptedException, BrokenBarrierException, TimeoutException;

    /**
     * @return the number of parties
     */
    int parties();

    /**
     * @return how many parties wait now; approximate, as it may change at once
     */
    int numberWaiting();

    /**
     * @return whether the barrier is broken
     */
    boolean isBroken();

    /** Breaks the barrier: current and later waiters get {@link BrokenBarrierException} until {@link #reset()}. */
    void abort();

    /** Breaks the barrier for the parties waiting now, then makes it usable again for a new cycle. */
    void reset();
}
