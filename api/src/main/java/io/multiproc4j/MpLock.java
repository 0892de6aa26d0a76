package io.multiproc4j;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * A non-reentrant mutual-exclusion lock shared by processes: Python's {@code multiprocessing.Lock}, in the shape of
 * {@link Lock}. At most one thread of one process holds it at a time.
 *
 * <p><b>Ownership.</b> As in Python, the lock has no owner for {@link #unlock()}: any thread of any process may
 * release it (a binary semaphore); unlocking a lock that is not held throws
 * {@link IllegalMonitorStateException}. A thread that tries to lock it again while holding it waits forever, or
 * until its timeout.
 *
 * <p><b>When a holder dies.</b> If the process that locked it ends without unlocking (even by {@code SIGKILL}), the
 * lock is released, and one waiter gets it; Python's lock stays locked forever. Data the dead holder was updating may
 * be half-written.
 *
 * <p>{@link #newCondition()} is not supported: create a condition shared by processes with
 * {@link MpContext#newCondition(MpReentrantLock)}.
 *
 * <p><b>Crossing processes.</b> See the <a href="package-summary.html#ipc">package documentation</a>.
 *
 * <p>Rules LOCK-01 to LOCK-11 ({@code docs/spec/synchronization.md}).
 */
public interface MpLock extends Lock {

    /**
     * Waits at most {@code timeout} for the lock.
     *
     * @param timeout the longest wait; zero or negative means do not wait
     * @return whether the lock was acquired
     * @throws InterruptedException if interrupted while waiting; the lock was not acquired
     */
    boolean tryLock(Duration timeout) throws InterruptedException;

    @Override
    default boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        return tryLock(Duration.ofNanos(unit.toNanos(time)));
    }

    /**
     * @return whether some thread of some process holds the lock now; approximate, as it may change at once
     */
    boolean isLocked();

    /**
     * Not supported.
     *
     * @throws UnsupportedOperationException always; use {@link MpContext#newCondition(MpReentrantLock)}
     */
    @Override
    default Condition newCondition() {
        throw new UnsupportedOperationException("a condition shared by processes comes from"
                + " MpContext.newCondition(lock), not from Lock.newCondition()");
    }
}
