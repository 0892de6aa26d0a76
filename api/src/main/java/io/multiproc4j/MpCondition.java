package io.multiproc4j;

import java.time.Duration;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.function.BooleanSupplier;

/**
 * A condition variable shared by processes, together with its lock: Python's {@code multiprocessing.Condition}.
 * The locking methods lock the condition's {@link MpReentrantLock}; the waiting and signalling methods require the
 * current thread to hold it, and throw {@link IllegalMonitorStateException} otherwise. Waiting releases the lock
 * completely and takes it back, at the same hold count, before returning, also on interrupt or timeout.
 *
 * <p>Spurious wake-ups do not occur, but as with any condition, re-check the state you wait for, or use
 * {@link #waitFor(BooleanSupplier, Duration)}.
 *
 * <p>When a waiting process ends, it stops waiting and a signal goes to a live waiter instead. When the process
 * holding the lock ends, the lock is released as for {@link MpReentrantLock}.
 *
 * <p>Rules COND-01 to COND-07 ({@code docs/spec/synchronization.md}).
 */
public interface MpCondition extends MpReentrantLock, Condition {

    /**
     * Waits at most {@code timeout} to be signalled.
     *
     * @param timeout the longest wait; zero or negative means do not wait (the lock is still released and
     *     retaken)
     * @return {@code true} if signalled, {@code false} if the time ran out
     * @throws InterruptedException if interrupted while waiting
     * @throws IllegalMonitorStateException if the current thread does not hold the lock
     */
    boolean await(Duration timeout) throws InterruptedException;

    /**
     * Wakes at most {@code n} of the threads waiting now, in any process.
     *
     * @param n how many to wake; zero wakes none
     * @throws IllegalArgumentException if {@code n} is negative
     * @throws IllegalMonitorStateException if the current thread does not hold the lock
     */
    void signal(int n);

    /**
     * Waits until {@code predicate} is true, re-checking it each time the condition is signalled, for at most
     * {@code timeout} in all. The predicate is evaluated in this thread, with the lock held.
     *
     * @param predicate the state to wait for
     * @param timeout the longest wait in all; zero or negative means check once
     * @return the last value of the predicate
     * @throws InterruptedException if interrupted while waiting
     * @throws IllegalMonitorStateException if the current thread does not hold the lock
     */
    default boolean waitFor(BooleanSupplier predicate, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        boolean result = predicate.getAsBoolean();
        while (!result) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            await(Duration.ofNanos(left));
            result = predicate.getAsBoolean();
        }
        return result;
    }

    @Override
    default void await() throws InterruptedException {
        while (!await(Duration.ofDays(365_000))) {
            // a very long wait; loop in the unlikely case it runs out
        }
    }

    @Override
    default boolean await(long time, TimeUnit unit) throws InterruptedException {
        return await(Duration.ofNanos(unit.toNanos(time)));
    }

    @Override
    default long awaitNanos(long nanosTimeout) throws InterruptedException {
        long start = System.nanoTime();
        await(Duration.ofNanos(nanosTimeout));
        return nanosTimeout - (System.nanoTime() - start);
    }

    @Override
    default boolean awaitUntil(Date deadline) throws InterruptedException {
        return await(Duration.ofMillis(deadline.getTime() - System.currentTimeMillis()));
    }

    @Override
    default void awaitUninterruptibly() {
        boolean interrupted = false;
        while (true) {
            try {
                await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    default void signal() {
        signal(1);
    }

    @Override
    default void signalAll() {
        signal(Integer.MAX_VALUE);
    }
}
