package io.multiproc4j.processbuilder.internal.broker;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;

/**
 * The host side of an {@link io.multiproc4j.MpBarrier}.
 *
 * <p>A wait completed from outside (timed out, interrupted) must break the barrier for the others, but the host
 * does not see it happen: the caller then sends {@link #ABANDON}, and every operation also looks for abandoned
 * waits first. If a wait is completed from outside while the last party trips the barrier, the parties granted
 * already pass and the barrier is left broken for the next cycle.
 */
final class BarrierState implements Hosted {

    /** Waits for the other parties; completes with the arrival index. */
    static final String AWAIT = "await";
    /** Sent after an {@link #AWAIT} completed from outside: breaks the barrier if that wait was still current. */
    static final String ABANDON = "abandon";
    /** Completes with the number of waiting parties. */
    static final String NUMBER_WAITING = "numberWaiting";
    /** Completes with whether the barrier is broken. */
    static final String IS_BROKEN = "isBroken";
    static final String ABORT = "abort";
    static final String RESET = "reset";

    private final int parties;
    private final LockWaiters<Integer> waiting = new LockWaiters<>();
    // This cycle's arrivals, abandoned or not: more than the live waiters means a wait was abandoned, even after
    // the line has dropped it.
    private int arrived;
    private boolean broken;

    /** @param parties how many parties each cycle waits for, at least 1 */
    BarrierState(int parties) {
        this.parties = parties;
    }

    @Override
    public CompletableFuture<Object> invoke(Caller caller, String operation, Object[] args) {
        breakIfAbandoned();
        switch (operation) {
            case AWAIT -> {
                return await(caller);
            }
            case ABANDON -> {
                // breakIfAbandoned has done it
                return LockWaiters.now(null);
            }
            case NUMBER_WAITING -> {
                return LockWaiters.now(arrived);
            }
            case IS_BROKEN -> {
                return LockWaiters.now(broken);
            }
            case ABORT -> {
                breakBarrier();
                return LockWaiters.now(null);
            }
            case RESET -> {
                breakBarrier();
                broken = false;
                return LockWaiters.now(null);
            }
            default -> {
                return LockWaiters.unknown("a barrier", operation);
            }
        }
    }

    private CompletableFuture<Object> await(Caller caller) {
        if (broken) {
            return LockWaiters.failed(new BrokenBarrierException());
        }
        int index = parties - 1 - arrived;
        if (index > 0) {
            arrived++;
            return waiting.add(caller, index);
        }
        boolean allGranted = true;
        for (LockWaiters.Waiter<Integer> w : waiting.drain()) {
            allGranted &= w.future().complete(w.detail());
        }
        arrived = 0;
        broken = !allGranted;
        return LockWaiters.now(0);
    }

    private void breakIfAbandoned() {
        if (arrived > waiting.liveCount()) {
            breakBarrier();
        }
    }

    private void breakBarrier() {
        broken = true;
        arrived = 0;
        for (LockWaiters.Waiter<Integer> w : waiting.drain()) {
            w.future().completeExceptionally(new BrokenBarrierException());
        }
    }

    @Override
    public void processEnded(long processKey) {
        waiting.forget(processKey);
        breakIfAbandoned();
    }
}
