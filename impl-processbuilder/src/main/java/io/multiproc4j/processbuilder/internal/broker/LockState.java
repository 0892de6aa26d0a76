package io.multiproc4j.processbuilder.internal.broker;

import java.util.concurrent.CompletableFuture;

/**
 * The host side of an {@link io.multiproc4j.MpLock}: a binary semaphore that remembers which process took it, so
 * that it can be released when that process ends.
 */
final class LockState implements Hosted {

    /** Waits for the lock; completes with {@code true}. */
    static final String ACQUIRE = "acquire";
    /** Takes the lock if it is free now; completes with whether it did. */
    static final String TRY_ACQUIRE = "tryAcquire";
    static final String RELEASE = "release";
    /** Completes with whether the lock is held. */
    static final String IS_LOCKED = "isLocked";

    private final LockWaiters<Void> waiters = new LockWaiters<>();
    // null when free; otherwise the thread that took it, though any thread may release it (Python's semantics)
    private Caller holder;

    @Override
    public CompletableFuture<Object> invoke(Caller caller, String operation, Object[] args) {
        return switch (operation) {
            case ACQUIRE -> holder == null ? take(caller) : waiters.add(caller, null);
            case TRY_ACQUIRE -> holder == null ? take(caller) : LockWaiters.now(false);
            case RELEASE -> release();
            case IS_LOCKED -> LockWaiters.now(holder != null);
            default -> LockWaiters.unknown("a lock", operation);
        };
    }

    private CompletableFuture<Object> take(Caller caller) {
        holder = caller;
        return LockWaiters.now(true);
    }

    private CompletableFuture<Object> release() {
        if (holder == null) {
            return LockWaiters.failed(new IllegalMonitorStateException("release of an unlocked lock"));
        }
        handOver();
        return LockWaiters.now(null);
    }

    private void handOver() {
        LockWaiters.Waiter<Void> next = waiters.grantNext(true);
        holder = next == null ? null : next.caller();
    }

    @Override
    public void processEnded(long processKey) {
        waiters.forget(processKey);
        if (holder != null && holder.process() == processKey) {
            handOver();
        }
    }
}
