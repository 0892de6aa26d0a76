package io.multiproc4j.processbuilder.internal.broker;

import java.util.concurrent.CompletableFuture;

/**
 * The state of one IPC object, living in the process that created it (its host) and operated on by callers from
 * any process: the host's network layer turns each request into {@link #invoke}, and the client side turns the
 * future's outcome back into a return value or an exception.
 *
 * <p><b>Waiting.</b> An operation that must wait returns an incomplete future and keeps it among its waiters. The
 * network layer may complete that future from outside at any time: with {@link #TIMED_OUT} when the caller's
 * timeout expires, or by cancelling it when the caller is interrupted or its process ends. So a state machine
 * grants a waiter only if {@code future.complete(result)} returns {@code true}; otherwise it moves on to the next
 * waiter, as the grant never happened.
 *
 * <p>All methods of one object are called under that object's monitor, so implementations need no locking of their
 * own; they must never block.
 */
interface Hosted {

    /** The value a timed-out wait is completed with; the operation decides what a timeout means to its caller. */
    Object TIMED_OUT = new Object() {
        @Override
        public String toString() {
            return "TIMED_OUT";
        }
    };

    /**
     * Performs one operation.
     *
     * @param caller who asks
     * @param operation the operation's name, for example {@code "acquire"}
     * @param args its arguments, each a {@code byte[]}, boxed primitive or String
     * @return the result, now or later; completed exceptionally with the exception the caller should see
     */
    CompletableFuture<Object> invoke(Caller caller, String operation, Object[] args);

    /**
     * The process {@code processKey} has ended (or closed its connection): release what it held and forget its
     * waiters, as the object's contract says.
     *
     * @param processKey the process, as in {@link Caller#process()}
     */
    void processEnded(long processKey);

    /**
     * Who calls: a thread of a process.
     *
     * @param process identifies the calling process (its pid, or another key unique within the host)
     * @param thread identifies the calling thread within that process
     */
    record Caller(long process, long thread) {
    }
}
