package io.multiproc4j.processbuilder.internal.broker;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The host side of an {@link io.multiproc4j.MpReentrantLock} and of every {@link io.multiproc4j.MpCondition} made
 * over it. The conditions live here, not in objects of their own, because releasing the lock and starting to wait
 * must be one step: a signal sent in between would otherwise be lost. It also puts a condition in the lock's host
 * whichever process creates it.
 *
 * <p>A condition wait goes through three states: in its condition's line ({@link Kind#AWAIT}), then, once
 * signalled, in the lock's line, and finally granted the lock at its old hold count. If its future is completed
 * from outside first (a timeout or an interrupt), the caller must still take the lock back before it returns: it
 * sends {@link #REACQUIRE}, which finds the abandoned wait (still in a line, or parked once passed over), learns
 * whether it had been signalled, and waits for the lock at the remembered count, keeping the wait's place in the
 * lock's line if it had one.
 */
final class ReentrantLockState implements Hosted {

    // The locking operations are a lock's, so that one handle class serves both.
    /** Waits for the lock; completes with {@code true}. */
    static final String ACQUIRE = LockState.ACQUIRE;
    /** Takes the lock if it is free or held by the caller; completes with whether it did. */
    static final String TRY_ACQUIRE = LockState.TRY_ACQUIRE;
    static final String RELEASE = LockState.RELEASE;
    /** Completes with the caller's hold count. */
    static final String HOLD_COUNT = "holdCount";
    /** Completes with whether the lock is held. */
    static final String IS_LOCKED = LockState.IS_LOCKED;
    /** Completes with a new condition id, a {@code Long}. */
    static final String NEW_CONDITION = "newCondition";
    /**
     * Argument: condition id. Releases the lock completely and waits for a signal; completes with {@code true} once
     * signalled and holding the lock again.
     */
    static final String AWAIT = "await";
    /** Arguments: condition id, how many to wake (Integer). */
    static final String SIGNAL = "signal";
    /**
     * Argument: condition id. After an {@link #AWAIT} completed from outside: waits, uninterruptibly, to hold the
     * lock again at the count the wait released; completes with whether that wait had been signalled.
     */
    static final String REACQUIRE = "reacquire";

    enum Kind { LOCK, AWAIT, REACQUIRE }

    /**
     * @param count the hold count to grant
     * @param signalled for {@link Kind#REACQUIRE}: the answer to give
     */
    record Hold(Kind kind, int count, boolean signalled) {

        Object grantValue() {
            return kind == Kind.REACQUIRE ? signalled : Boolean.TRUE;
        }
    }

    /** An abandoned condition wait passed over by a line, until its thread sends {@link #REACQUIRE}. */
    private record Parked(int count, boolean signalled) {
    }

    private final Map<Caller, Parked> parked = new HashMap<>();
    private final LockWaiters<Hold> entry = new LockWaiters<>(this::abandonedInEntry);
    private final Map<Long, LockWaiters<Hold>> conditions = new HashMap<>();
    private long lastCondition;
    // owner == null if and only if holds == 0
    private Caller owner;
    private int holds;

    @Override
    public CompletableFuture<Object> invoke(Caller caller, String operation, Object[] args) {
        return switch (operation) {
            case ACQUIRE -> tryAcquire(caller) ? LockWaiters.now(true) : entry.add(caller, new Hold(Kind.LOCK, 1,
                    false));
            case TRY_ACQUIRE -> LockWaiters.now(tryAcquire(caller));
            case RELEASE -> release(caller);
            case HOLD_COUNT -> LockWaiters.now(caller.equals(owner) ? holds : 0);
            case IS_LOCKED -> LockWaiters.now(owner != null);
            case NEW_CONDITION -> LockWaiters.now(++lastCondition);
            case AWAIT -> await(caller, ((Number) args[0]).longValue());
            case SIGNAL -> signal(caller, ((Number) args[0]).longValue(), ((Number) args[1]).intValue());
            case REACQUIRE -> reacquire(caller, ((Number) args[0]).longValue());
            default -> LockWaiters.unknown("a reentrant lock", operation);
        };
    }

    private boolean tryAcquire(Caller caller) {
        if (owner == null) {
            owner = caller;
            holds = 1;
            return true;
        }
        if (owner.equals(caller)) {
            holds++;
            return true;
        }
        return false;
    }

    private CompletableFuture<Object> release(Caller caller) {
        if (!caller.equals(owner)) {
            return notOwner("unlock");
        }
        if (--holds == 0) {
            handOver();
        }
        return LockWaiters.now(null);
    }

    private CompletableFuture<Object> await(Caller caller, long condition) {
        if (!caller.equals(owner)) {
            return notOwner("await");
        }
        CompletableFuture<Object> signalled = conditions
                .computeIfAbsent(condition, c -> new LockWaiters<>(this::abandonedInCondition))
                .add(caller, new Hold(Kind.AWAIT, holds, false));
        handOver();
        return signalled;
    }

    private CompletableFuture<Object> signal(Caller caller, long condition, int n) {
        if (n < 0) {
            return LockWaiters.failed(new IllegalArgumentException("cannot signal a negative number of waiters: "
                    + n));
        }
        if (!caller.equals(owner)) {
            return notOwner("signal");
        }
        LockWaiters<Hold> waiting = conditions.get(condition);
        if (waiting != null) {
            waiting.takeLive(n).forEach(entry::add);
            if (waiting.isEmpty()) {
                conditions.remove(condition);
            }
        }
        return LockWaiters.now(null);
    }

    private CompletableFuture<Object> reacquire(Caller caller, long condition) {
        LockWaiters.Waiter<Hold> resumed = entry.replace(caller,
                w -> new LockWaiters.Waiter<>(caller, new CompletableFuture<>(),
                        new Hold(Kind.REACQUIRE, w.detail().count(), w.detail().kind() != Kind.REACQUIRE
                                || w.detail().signalled())));
        if (resumed == null) {
            Parked p = parked.remove(caller);
            if (p == null) {
                LockWaiters<Hold> waiting = conditions.get(condition);
                LockWaiters.Waiter<Hold> w = waiting == null ? null : waiting.remove(caller);
                if (w == null) {
                    return LockWaiters.failed(new IllegalStateException("no abandoned condition wait of this thread"
                            + " to resume"));
                }
                w.future().cancel(false);
                p = new Parked(w.detail().count(), false);
            }
            resumed = new LockWaiters.Waiter<>(caller, new CompletableFuture<>(),
                    new Hold(Kind.REACQUIRE, p.count(), p.signalled()));
            entry.add(resumed);
        }
        if (owner == null) {
            handOver();
        }
        return resumed.future();
    }

    private void abandonedInEntry(LockWaiters.Waiter<Hold> w) {
        if (w.detail().kind() != Kind.LOCK) {
            parked.put(w.caller(), new Parked(w.detail().count(),
                    w.detail().kind() == Kind.AWAIT || w.detail().signalled()));
        }
    }

    private void abandonedInCondition(LockWaiters.Waiter<Hold> w) {
        parked.put(w.caller(), new Parked(w.detail().count(), false));
    }

    private void handOver() {
        LockWaiters.Waiter<Hold> next = entry.grantNext(w -> w.detail().grantValue());
        owner = next == null ? null : next.caller();
        holds = next == null ? 0 : next.detail().count();
    }

    private CompletableFuture<Object> notOwner(String what) {
        return LockWaiters.failed(new IllegalMonitorStateException(what + " by a thread that does not hold the lock"
                + (owner == null ? " (it is free)" : "")));
    }

    @Override
    public void processEnded(long processKey) {
        entry.forget(processKey);
        conditions.values().removeIf(waiting -> {
            waiting.forget(processKey);
            return waiting.isEmpty();
        });
        parked.keySet().removeIf(c -> c.process() == processKey);
        if (owner != null && owner.process() == processKey) {
            handOver();
        }
    }
}
