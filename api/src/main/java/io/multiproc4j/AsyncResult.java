package io.multiproc4j;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;

/**
 * The pending result of {@link MpPool#applyAsync(PoolTask)}, {@link MpPool#mapAsync(PoolFunction, Iterable)} or
 * {@link MpPool#starmapAsync(PoolBiFunction, Iterable)}: Python's {@code AsyncResult}, in the shape of a
 * {@link Future}.
 *
 * <table class="striped">
 *   <caption>Python's AsyncResult and this interface</caption>
 *   <thead><tr><th>Python</th><th>Java</th></tr></thead>
 *   <tbody>
 *   <tr><td>{@code get()}</td><td>{@link #get()}</td></tr>
 *   <tr><td>{@code get(timeout)}</td><td>{@link #get(Duration)}, {@link #get(long, java.util.concurrent.TimeUnit)}
 *   </td></tr>
 *   <tr><td>{@code wait()}, {@code wait(timeout)}</td><td>{@link #await()}, {@link #await(Duration)}</td></tr>
 *   <tr><td>{@code ready()}</td><td>{@link #ready()}, {@link #isDone()}</td></tr>
 *   <tr><td>{@code successful()}</td><td>{@link #successful()}</td></tr>
 *   </tbody>
 * </table>
 *
 * <p><b>Failures.</b> When the task threw, {@code get} throws {@link ExecutionException} whose message names the
 * worker and whose cause is the task's exception: the same class with the same message, and the worker's stack
 * trace as its own. An exception that cannot cross between the processes (it is not serialisable, or its class is
 * missing here) arrives as a {@link RemoteTaskException} with the original class name, message and stack trace.
 * When the worker died in the middle of the task, the cause is a {@link WorkerDiedException}; when the task
 * outlasted the pool's {@linkplain PoolOptions#taskTimeout(Duration) task timeout}, a
 * {@link TaskTimedOutException}. A result that cannot be serialised fails with a
 * {@link MessageNotSerializableException}, and the worker goes on.
 *
 * <p><b>Cancelling.</b> {@link #cancel(boolean)} succeeds while the result is not ready: the task's work that has
 * not reached a worker is dropped, work already running finishes in its worker and its result is discarded. When
 * the pool is {@linkplain MpPool#terminate() terminated}, every result not yet ready is cancelled.
 *
 * @param <R> the type of the result
 */
public interface AsyncResult<R> extends Future<R> {

    /**
     * Waits at most {@code timeout} for the result.
     *
     * @param timeout how long to wait; zero or negative means not at all
     * @return the result
     * @throws TimeoutException if the result is not ready in time (the task goes on)
     * @throws ExecutionException if the task failed; the cause says why
     * @throws CancellationException if the result was cancelled, or the pool terminated before it was ready
     * @throws InterruptedException if the waiting thread is interrupted
     */
    R get(Duration timeout) throws TimeoutException, ExecutionException, InterruptedException;

    /**
     * @return whether the result is ready: the task has succeeded, failed or been cancelled (Python's
     *     {@code ready()}; the same as {@link #isDone()})
     */
    boolean ready();

    /**
     * @return whether the task succeeded
     * @throws IllegalStateException if the result is not ready yet, as Python raises {@code ValueError}
     */
    boolean successful();

    /**
     * Waits until the result is ready, whatever it is (Python's {@code wait()}).
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    void await() throws InterruptedException;

    /**
     * Waits at most {@code timeout} until the result is ready (Python's {@code wait(timeout)}).
     *
     * @param timeout how long to wait; zero or negative means not at all
     * @return whether it is ready
     * @throws InterruptedException if the waiting thread is interrupted
     */
    boolean await(Duration timeout) throws InterruptedException;
}
