package io.multiproc4j.processbuilder.internal.broker;

import java.util.concurrent.CompletableFuture;

/** The host side of an {@link io.multiproc4j.MpEvent}. */
final class EventState implements Hosted {

    static final String SET = "set";
    static final String CLEAR = "clear";
    /** Completes with whether the flag is set. */
    static final String IS_SET = "isSet";
    /** Waits until the flag is set; completes with {@code true}. */
    static final String AWAIT = "await";

    private final LockWaiters<Void> waiters = new LockWaiters<>();
    private boolean set;

    @Override
    public CompletableFuture<Object> invoke(Caller caller, String operation, Object[] args) {
        switch (operation) {
            case SET -> {
                set = true;
                for (LockWaiters.Waiter<Void> w : waiters.drain()) {
                    w.future().complete(true);
                }
                return LockWaiters.now(null);
            }
            case CLEAR -> {
                set = false;
                return LockWaiters.now(null);
            }
            case IS_SET -> {
                return LockWaiters.now(set);
            }
            case AWAIT -> {
                return set ? LockWaiters.now(true) : waiters.add(caller, null);
            }
            default -> {
                return LockWaiters.unknown("an event", operation);
            }
        }
    }

    @Override
    public void processEnded(long processKey) {
        waiters.forget(processKey);
    }
}
