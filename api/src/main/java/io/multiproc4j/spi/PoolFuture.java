package io.multiproc4j.spi;

import io.multiproc4j.AsyncResult;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The {@link AsyncResult} of a pool job. It is settled once: the first of success, failure and cancellation wins.
 * The callback for that outcome runs before the result becomes ready, so that {@code get()} returns after it, as in
 * Python.
 *
 * @param <R> the type of the result
 */
final class PoolFuture<R> implements AsyncResult<R> {

    private static final int PENDING = 0;
    private static final int SUCCEEDED = 1;
    private static final int FAILED = 2;
    private static final int CANCELLED = 3;

    private final CountDownLatch ready = new CountDownLatch(1);
    private final Consumer<? super R> onSuccess;
    private final Consumer<? super Throwable> onError;
    private final Runnable onCancel;

    private int state = PENDING;
    private R value;
    private Throwable failure;
    private String where;

    /**
     * @param onSuccess called with the result, or {@code null}
     * @param onError called with the failure, or {@code null}
     * @param onCancel tells the pool to drop the job's work, when {@link #cancel(boolean)} succeeds
     */
    PoolFuture(Consumer<? super R> onSuccess, Consumer<? super Throwable> onError, Runnable onCancel) {
        this.onSuccess = onSuccess;
        this.onError = onError;
        this.onCancel = onCancel;
    }

    /** @return whether this call settled it */
    boolean succeed(R result) {
        if (!settle(SUCCEEDED, result, null, null)) {
            return false;
        }
        callBack(onSuccess, result);
        ready.countDown();
        return true;
    }

    /**
     * @param where the worker the failure happened in, for the message of {@link ExecutionException}, or
     *     {@code null} when it did not happen in a task
     * @return whether this call settled it
     */
    boolean fail(Throwable cause, String where) {
        if (!settle(FAILED, null, Objects.requireNonNull(cause), where)) {
            return false;
        }
        callBack(onError, cause);
        ready.countDown();
        return true;
    }

    /** Cancels it on the pool's behalf (the pool was terminated); no callback runs. */
    boolean cancelled() {
        if (!settle(CANCELLED, null, null, null)) {
            return false;
        }
        ready.countDown();
        return true;
    }

    private synchronized boolean settle(int newState, R result, Throwable cause, String at) {
        if (state != PENDING) {
            return false;
        }
        state = newState;
        value = result;
        failure = cause;
        where = at;
        return true;
    }

    private static <T> void callBack(Consumer<? super T> callback, T argument) {
        if (callback == null) {
            return;
        }
        try {
            callback.accept(argument);
        } catch (RuntimeException | Error e) {
            System.err.println("multiproc4j: a pool callback threw " + e + "; it is ignored");
            e.printStackTrace();
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        if (!cancelled()) {
            return false;
        }
        onCancel.run();
        return true;
    }

    @Override
    public synchronized boolean isCancelled() {
        return state == CANCELLED;
    }

    @Override
    public boolean isDone() {
        return ready.getCount() == 0;
    }

    @Override
    public boolean ready() {
        return isDone();
    }

    @Override
    public synchronized boolean successful() {
        if (ready.getCount() != 0) {
            throw new IllegalStateException("the result is not ready yet; wait for it with await() or get() before"
                    + " asking whether it was successful");
        }
        return state == SUCCEEDED;
    }

    @Override
    public R get() throws InterruptedException, ExecutionException {
        ready.await();
        return report();
    }

    @Override
    public R get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        if (!ready.await(timeout, unit)) {
            throw new TimeoutException("the pool's result was not ready within " + timeout + " "
                    + unit.toString().toLowerCase(java.util.Locale.ROOT));
        }
        return report();
    }

    @Override
    public R get(Duration timeout) throws TimeoutException, ExecutionException, InterruptedException {
        if (!await(timeout)) {
            throw new TimeoutException("the pool's result was not ready within " + timeout);
        }
        return report();
    }

    @Override
    public void await() throws InterruptedException {
        ready.await();
    }

    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        return ready.await(StandardPool.nanos(timeout), TimeUnit.NANOSECONDS);
    }

    private synchronized R report() throws ExecutionException {
        switch (state) {
            case SUCCEEDED:
                return value;
            case FAILED:
                throw failure(failure, where);
            default:
                throw new CancellationException("the result was cancelled, or its pool terminated, before it was"
                        + " ready");
        }
    }

    /** The exception {@code get} throws for a failure, naming the worker when there is one. */
    static ExecutionException failure(Throwable cause, String where) {
        return new ExecutionException(where == null ? cause.toString() : "the task failed in pool worker " + where
                + ": " + cause, cause);
    }

    @Override
    public synchronized String toString() {
        String[] names = {"pending", "succeeded", "failed", "cancelled"};
        return "AsyncResult[" + names[state] + "]";
    }
}
