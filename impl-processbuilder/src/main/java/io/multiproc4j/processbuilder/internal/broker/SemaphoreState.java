package io.multiproc4j.processbuilder.internal.broker;

import java.util.concurrent.CompletableFuture;

/**
 * The host side of an {@link io.multiproc4j.MpSemaphore}. Permits are not owned, so an ending process only stops
 * waiting: what it took stays taken.
 */
final class SemaphoreState implements Hosted {

    /** Waits for a permit; completes with {@code true}. */
    static final String ACQUIRE = "acquire";
    /** Takes a permit if one is available now; completes with whether it did. */
    static final String TRY_ACQUIRE = "tryAcquire";
    static final String RELEASE = "release";
    /** Completes with the number of permits available. */
    static final String AVAILABLE = "available";

    private final LockWaiters<Void> waiters = new LockWaiters<>();
    private final int bound;
    // a release hands its permit straight to a waiter, so permits > 0 only while no waiter is left
    private int permits;

    /**
     * @param permits the initial count
     * @param bounded whether a release past the initial count is refused
     */
    SemaphoreState(int permits, boolean bounded) {
        this.permits = permits;
        this.bound = bounded ? permits : -1;
    }

    @Override
    public CompletableFuture<Object> invoke(Caller caller, String operation, Object[] args) {
        return switch (operation) {
            case ACQUIRE -> permits > 0 ? take() : waiters.add(caller, null);
            case TRY_ACQUIRE -> permits > 0 ? take() : LockWaiters.now(false);
            case RELEASE -> release();
            case AVAILABLE -> LockWaiters.now(permits);
            default -> LockWaiters.unknown("a semaphore", operation);
        };
    }

    private CompletableFuture<Object> take() {
        permits--;
        return LockWaiters.now(true);
    }

    private CompletableFuture<Object> release() {
        if (bound >= 0 && permits >= bound) {
            return LockWaiters.failed(new IllegalStateException("semaphore released too many times: it is bounded"
                    + " to " + bound + " permits and has them all"));
        }
        if (waiters.grantNext(true) == null) {
            permits++;
        }
        return LockWaiters.now(null);
    }

    @Override
    public void processEnded(long processKey) {
        waiters.forget(processKey);
    }
}
