package io.multiproc4j.processbuilder.internal.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.multiproc4j.processbuilder.internal.broker.Hosted.Caller;
import java.util.concurrent.CompletableFuture;

/** Callers and shorthands for driving the synchronisation states directly, as the network layer would. */
final class LockTesting {

    static final Caller A = new Caller(100, 1);
    static final Caller A2 = new Caller(100, 2);
    static final Caller B = new Caller(200, 1);
    static final Caller C = new Caller(300, 1);
    static final Caller D = new Caller(400, 1);

    private LockTesting() {
    }

    static CompletableFuture<Object> call(Hosted state, Caller caller, String operation, Object... args) {
        return state.invoke(caller, operation, args);
    }

    /** Performs an operation that must complete at once, and returns its result. */
    static Object now(Hosted state, Caller caller, String operation, Object... args) {
        CompletableFuture<Object> f = call(state, caller, operation, args);
        assertThat(f).as("%s by %s completes at once", operation, caller).isDone();
        return f.join();
    }

    /** What the network layer does when a caller's timeout expires. */
    static boolean timeOut(CompletableFuture<Object> waiting) {
        return waiting.complete(Hosted.TIMED_OUT);
    }
}
