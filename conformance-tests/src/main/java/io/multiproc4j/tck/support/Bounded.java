package io.multiproc4j.tck.support;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a call that may block on a thread of its own, so that a test can check that it is still blocked, or that it
 * returns within a bound, and fail with a message instead of hanging when an implementation never returns. The
 * threads are daemons: one left blocked by a failing implementation does not keep the test JVM alive.
 */
public final class Bounded {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private Bounded() {
    }

    /**
     * Starts {@code call} on a new daemon thread.
     *
     * @param what what the call does, for messages and the thread's name
     * @param call the call
     * @param <T> its result type
     * @return its outcome, later
     */
    public static <T> Future<T> inBackground(String what, Callable<T> call) {
        // A FutureTask reports exactly what the call threw; a CompletableFuture would unwrap a CompletionException,
        // which some calls under test must throw as it is.
        FutureTask<T> result = new FutureTask<>(call);
        Thread t = new Thread(result, "tck-bounded-" + THREADS.incrementAndGet() + " " + what);
        t.setDaemon(true);
        t.start();
        return result;
    }

    /**
     * Waits at most {@code limit} for a background call, and returns its result or rethrows what it threw.
     *
     * @param future the call, from {@link #inBackground}
     * @param limit the longest wait
     * @param what what the call does, for the message
     * @param <T> its result type
     * @return its result
     * @throws Exception what the call threw
     * @throws AssertionError if it did not end within {@code limit}
     */
    public static <T> T await(Future<T> future, Duration limit, String what) throws Exception {
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(what + " did not return within " + limit + ": it hangs");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw (Error) cause;
        }
    }

    /**
     * Runs {@code call} and returns its result or rethrows what it threw, failing if it takes longer than
     * {@code limit}.
     *
     * @param limit the longest it may take
     * @param what what the call does, for the message
     * @param call the call
     * @param <T> its result type
     * @return its result
     * @throws Exception what the call threw
     */
    public static <T> T within(Duration limit, String what, Callable<T> call) throws Exception {
        return await(inBackground(what, call), limit, what);
    }

    /**
     * Asserts that a background call is still blocked after {@code wait}; the one-sided check of "blocks".
     *
     * @param future the call
     * @param wait how long it must stay blocked
     * @param what what the call does, for the message
     */
    public static void assertStillBlocked(Future<?> future, Duration wait, String what) {
        try {
            Object r = future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError(what + " should block, but returned " + r);
        } catch (TimeoutException expected) {
            // still blocked
        } catch (ExecutionException e) {
            throw new AssertionError(what + " should block, but threw " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
