package io.multiproc4j.processbuilder.internal.broker;

import io.multiproc4j.MpCondition;
import io.multiproc4j.MpReentrantLock;
import java.io.Serializable;
import java.time.Duration;

/**
 * An {@link MpCondition}: a condition id within its lock's {@link ReentrantLockState}, so that it lives in the
 * lock's host whichever process makes it.
 */
final class ConditionHandle implements MpCondition, Serializable {

    private static final long serialVersionUID = 1L;

    // Serialised as they are: the lock through its own serial form, within the same transfer.
    private final ReentrantLockHandle lock;
    private final long id;

    private ConditionHandle(ReentrantLockHandle lock, long id) {
        this.lock = lock;
        this.id = id;
    }

    /**
     * @param lock a reentrant lock of this implementation, or a condition of it (meaning its lock)
     * @throws IllegalArgumentException if the lock comes from elsewhere
     */
    static ConditionHandle create(MpReentrantLock lock) {
        ReentrantLockHandle handle = switch (lock) {
            case ReentrantLockHandle h -> h;
            case ConditionHandle c -> c.lock;
            case null -> throw new NullPointerException("lock");
            default -> throw new IllegalArgumentException("a condition of the processbuilder implementation needs a"
                    + " lock from the same implementation's newReentrantLock(), not a " + lock.getClass().getName());
        };
        return new ConditionHandle(handle, (Long) handle.ref.callNow(ReentrantLockState.NEW_CONDITION));
    }

    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        Object outcome;
        boolean interrupted = false;
        try {
            outcome = lock.ref.call(ReentrantLockState.AWAIT, ObjectRef.timeoutNanos(timeout), id);
        } catch (InterruptedException e) {
            outcome = null;
            interrupted = true;
        }
        if (outcome == Boolean.TRUE) {
            return true;
        }
        // Timed out or interrupted: the lock must be ours again, at the same count, before we return.
        boolean signalled = (Boolean) lock.ref.callUninterruptibly(ReentrantLockState.REACQUIRE, BrokerWire.FOREVER,
                id);
        if (interrupted) {
            if (!signalled) {
                throw new InterruptedException("interrupted while waiting on a condition of " + lock);
            }
            Thread.currentThread().interrupt();
        }
        return signalled;
    }

    @Override
    public void signal(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("cannot signal a negative number of waiters: " + n);
        }
        lock.ref.callNow(ReentrantLockState.SIGNAL, id, n);
    }

    @Override
    public void lock() {
        lock.lock();
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        lock.lockInterruptibly();
    }

    @Override
    public boolean tryLock() {
        return lock.tryLock();
    }

    @Override
    public boolean tryLock(Duration timeout) throws InterruptedException {
        return lock.tryLock(timeout);
    }

    @Override
    public void unlock() {
        lock.unlock();
    }

    @Override
    public boolean isLocked() {
        return lock.isLocked();
    }

    @Override
    public int holdCount() {
        return lock.holdCount();
    }

    @Override
    public boolean isHeldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }

    @Override
    public String toString() {
        return "MpCondition[#" + id + " of " + lock + "]";
    }
}
