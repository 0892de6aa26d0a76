package io.multiproc4j;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * Worker processes, started once and reused for many tasks: Python's {@code multiprocessing.Pool}. Create one with
 * {@link Multiprocessing#newPool(int)} or {@link Multiprocessing#newPool(PoolOptions)}.
 *
 * <table class="striped">
 *   <caption>Python's Pool and this interface</caption>
 *   <thead><tr><th>Python</th><th>Java</th></tr></thead>
 *   <tbody>
 *   <tr><td>{@code Pool(4)}</td><td>{@code Multiprocessing.newPool(4)}</td></tr>
 *   <tr><td>{@code apply(f, (x,))}</td><td>{@code apply(() -> f(x))}</td></tr>
 *   <tr><td>{@code apply_async(f, (x,), callback=..., error_callback=...)}</td>
 *   <td>{@code applyAsync(() -> f(x), onSuccess, onError)}</td></tr>
 *   <tr><td>{@code map(f, xs, chunksize)}, {@code map_async}</td><td>{@link #map}, {@link #mapAsync}</td></tr>
 *   <tr><td>{@code imap}, {@code imap_unordered}</td><td>{@link #imap}, {@link #imapUnordered}</td></tr>
 *   <tr><td>{@code starmap(f, [(a, b), ...])}, {@code starmap_async}</td>
 *   <td>{@link #starmap}, {@link #starmapAsync} over {@link Map.Entry} pairs</td></tr>
 *   <tr><td>{@code close()}</td><td>{@link #shutdown()}</td></tr>
 *   <tr><td>{@code close(); join()}</td><td>{@link #close()}, or {@code shutdown(); join()}</td></tr>
 *   <tr><td>{@code terminate()}</td><td>{@link #terminate()}</td></tr>
 *   <tr><td>{@code with Pool() as p:} (terminates at the end)</td>
 *   <td>{@code try (MpPool p = newPool())} (waits for the submitted work at the end)</td></tr>
 *   </tbody>
 * </table>
 *
 * <p><b>Lifecycle.</b> A pool is <em>running</em> until {@link #shutdown()} (no new work; the workers exit once
 * the submitted work is done) or {@link #terminate()} (the workers are stopped now; results not ready are
 * cancelled). {@link #join()} waits for the workers to end after either. {@link #close()} is {@code shutdown()}
 * then {@code join()}, as {@link ExecutorService#close()} is: this is Java's meaning of {@link AutoCloseable}, and
 * it differs from Python's {@code with Pool()}, which terminates. Submitting to a pool that is not running throws
 * {@link IllegalStateException}. A program that ends without closing its pool terminates it, as Python does.
 *
 * <p><b>Tasks.</b> Tasks, functions, items and results cross into the workers by serialisation, in the caller at
 * submission: a task or item that cannot be serialised fails there with {@link TaskNotSerializableException}, and
 * nothing runs. IPC objects cannot be captured in pool tasks; give them to the workers through the
 * {@linkplain PoolOptions#initializer(ProcessTask) initializer}, as in Python. How a failed task is reported is
 * described in {@link AsyncResult}: the blocking methods throw {@link ExecutionException} with the task's exception
 * as the cause. A worker that dies in a task, or a task that outlasts the task timeout, fails that task only: the
 * worker is replaced and the pool goes on.
 *
 * <p><b>Workers.</b> They are daemon processes named {@code SpawnPoolWorker-N}, as Python names them, so a task
 * cannot start processes of its own. Results and callbacks are handled in the creating process; callbacks run on
 * a thread of the pool and should return quickly.
 *
 * <p><b>Thread safety.</b> Every method may be called from any thread of the process that created the pool. A pool
 * cannot be given to another process.
 */
public interface MpPool extends AutoCloseable {

    /**
     * @return the number of worker processes the pool keeps
     */
    int size();

    /**
     * Runs {@code task} in a worker and waits for its result (Python's {@code apply}).
     *
     * @param task what to run
     * @param <R> the type of the result
     * @return its result
     * @throws ExecutionException if the task failed; the cause is its exception (see {@link AsyncResult})
     * @throws InterruptedException if the calling thread is interrupted while it waits (the task goes on)
     * @throws TaskNotSerializableException if the task cannot be serialised
     * @throws IllegalStateException if the pool is not running
     */
    <R> R apply(PoolTask<R> task) throws ExecutionException, InterruptedException;

    /**
     * Submits {@code task} to run in a worker (Python's {@code apply_async}).
     *
     * @param task what to run
     * @param <R> the type of the result
     * @return its pending result
     * @throws TaskNotSerializableException if the task cannot be serialised
     * @throws IllegalStateException if the pool is not running
     */
    <R> AsyncResult<R> applyAsync(PoolTask<R> task);

    /**
     * Submits {@code task} with callbacks: exactly one of them is called, in this process, before the result is
     * ready. An exception a callback throws is printed to standard error and otherwise ignored.
     *
     * @param task what to run
     * @param onSuccess called with the result
     * @param onError called with the failure, as {@link AsyncResult} describes the cause
     * @param <R> the type of the result
     * @return its pending result
     * @throws TaskNotSerializableException if the task cannot be serialised
     * @throws IllegalStateException if the pool is not running
     */
    <R> AsyncResult<R> applyAsync(PoolTask<R> task, Consumer<? super R> onSuccess,
            Consumer<? super Throwable> onError);

    /**
     * Applies {@code fn} to every item in the workers and waits for the results, in the items' order (Python's
     * {@code map}). The items are cut into chunks of the default size, {@code ceil(items / (4 * size()))}.
     *
     * @param fn the function
     * @param items the input; read whole, in the calling thread, before anything runs
     * @param <T> the type of the items
     * @param <R> the type of the results
     * @return the results, in the items' order
     * @throws ExecutionException if an item failed: after every chunk is done, the failure of the first failed item
     *     in input order
     * @throws InterruptedException if the calling thread is interrupted while it waits
     * @throws TaskNotSerializableException if {@code fn} or an item cannot be serialised; nothing runs
     * @throws IllegalStateException if the pool is not running
     */
    <T, R> List<R> map(PoolFunction<? super T, ? extends R> fn, Iterable<? extends T> items)
            throws ExecutionException, InterruptedException;

    /**
     * As {@link #map(PoolFunction, Iterable)}, in chunks of {@code chunkSize} items: a worker gets a chunk in one
     * message and runs its items in turn.
     *
     * @param fn the function
     * @param items the input
     * @param chunkSize items per chunk, at least 1
     * @param <T> the type of the items
     * @param <R> the type of the results
     * @return the results, in the items' order
     * @throws ExecutionException if an item failed
     * @throws InterruptedException if the calling thread is interrupted while it waits
     * @throws IllegalArgumentException if {@code chunkSize} is less than 1
     */
    <T, R> List<R> map(PoolFunction<? super T, ? extends R> fn, Iterable<? extends T> items, int chunkSize)
            throws ExecutionException, InterruptedException;

    /**
     * As {@link #map(PoolFunction, Iterable)}, without waiting (Python's {@code map_async}).
     *
     * @param fn the function
     * @param items the input; read whole, in the calling thread
     * @param <T> the type of the items
     * @param <R> the type of the results
     * @return the pending list of results
     */
    <T, R> AsyncResult<List<R>> mapAsync(PoolFunction<? super T, ? extends R> fn, Iterable<? extends T> items);

    /**
     * As {@link #mapAsync(PoolFunction, Iterable)}, in chunks of {@code chunkSize}.
     *
     * @param fn the function
     * @param items the input
     * @param chunkSize items per chunk, at least 1
     * @param <T> the type of the items
     * @param <R> the type of the results
     * @return the pending list of results
     */
    <T, R> AsyncResult<List<R>> mapAsync(PoolFunction<? super T, ? extends R> fn, Iterable<? extends T> items,
            int chunkSize);

    /**
     * As {@link #mapAsync(PoolFunction, Iterable)} in chunks of {@code chunkSize}, with callbacks: exactly one is
     * called, {@code onSuccess} with the whole list or {@code onError} with the first failure in input order.
     *
     * @param fn the function
     * @param items the input
     * @param chunkSize items per chunk, at least 1
     * @param onSuccess called with the list of results
     * @param onError called with the failure
     * @param <T> the type of the items
     * @param <R> the type of the results
     * @return the pending list of results
     */
    <T, R> AsyncResult<List<R>> mapAsync(PoolFunction<? super T, ? extends R> fn, Iterable<? extends T> items,
            int chunkSize, Consumer<? super List<R>> onSuccess, Consumer<? super Throwable> onError);

    /**
     * Applies {@code fn} to every item and gives each result, in the items' order, as soon as it and those before it
     * are ready (Python's {@code imap}). The input is read in a thread of the pool, a little ahead of the workers.
     *
     * @param fn the function
     * @param items the input
     * @param <T> the type of the items
     * @param <R> the type of the results
     * @return the results, in order
     */
    <T, R> PoolIterator<R> imap(PoolFunction<? super T, ? extends R> fn, Iterable<? extends T> items);

    /**
     * As {@link #imap(PoolFunction, Iterable)}, in chunks of {@code chunkSize}.
     *
     * @param fn the function
     * @param items the input
     * @param chunkSize items per chunk, at least 1
     * @param <T> the type of the items
     * @param <R> the type of the results
     * @return the results, in order
     */
    <T, R> PoolIterator<R> imap(PoolFunction<? super T, ? extends R> fn, Iterable<? extends T> items, int chunkSize);

    /**
     * As {@link #imap(PoolFunction, Iterable)}, but each result is given as soon as it is ready, in any order
     * (Python's {@code imap_unordered}).
     *
     * @param fn the function
     * @param items the input
     * @param <T> the type of the items
     * @param <R> the type of the results
     * @return the results, as they come
     */
    <T, R> PoolIterator<R> imapUnordered(PoolFunction<? super T, ? extends R> fn, Iterable<? extends T> items);

    /**
     * As {@link #imapUnordered(PoolFunction, Iterable)}, in chunks of {@code chunkSize}.
     *
     * @param fn the function
     * @param items the input
     * @param chunkSize items per chunk, at least 1
     * @param <T> the type of the items
     * @param <R> the type of the results
     * @return the results, as they come
     */
    <T, R> PoolIterator<R> imapUnordered(PoolFunction<? super T, ? extends R> fn, Iterable<? extends T> items,
            int chunkSize);

    /**
     * Applies {@code fn} to the key and value of every pair, as {@link #map(PoolFunction, Iterable)} does to items
     * (Python's {@code starmap} for two arguments).
     *
     * @param fn the function
     * @param pairs the arguments, for example {@code List.of(Map.entry(1, 2), Map.entry(3, 4))}
     * @param <A> the type of the first arguments
     * @param <B> the type of the second arguments
     * @param <R> the type of the results
     * @return the results, in the pairs' order
     * @throws ExecutionException if a pair failed
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    <A, B, R> List<R> starmap(PoolBiFunction<? super A, ? super B, ? extends R> fn,
            Iterable<? extends Map.Entry<? extends A, ? extends B>> pairs)
            throws ExecutionException, InterruptedException;

    /**
     * As {@link #starmap(PoolBiFunction, Iterable)}, in chunks of {@code chunkSize}.
     *
     * @param fn the function
     * @param pairs the arguments
     * @param chunkSize pairs per chunk, at least 1
     * @param <A> the type of the first arguments
     * @param <B> the type of the second arguments
     * @param <R> the type of the results
     * @return the results, in the pairs' order
     * @throws ExecutionException if a pair failed
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    <A, B, R> List<R> starmap(PoolBiFunction<? super A, ? super B, ? extends R> fn,
            Iterable<? extends Map.Entry<? extends A, ? extends B>> pairs, int chunkSize)
            throws ExecutionException, InterruptedException;

    /**
     * As {@link #starmap(PoolBiFunction, Iterable)}, without waiting (Python's {@code starmap_async}).
     *
     * @param fn the function
     * @param pairs the arguments
     * @param <A> the type of the first arguments
     * @param <B> the type of the second arguments
     * @param <R> the type of the results
     * @return the pending list of results
     */
    <A, B, R> AsyncResult<List<R>> starmapAsync(PoolBiFunction<? super A, ? super B, ? extends R> fn,
            Iterable<? extends Map.Entry<? extends A, ? extends B>> pairs);

    /**
     * Accepts no more work; the workers finish what was submitted, then exit (Python's {@code close()}). Returns at
     * once; {@link #join()} waits. Calling it again does nothing.
     */
    void shutdown();

    /**
     * Stops the workers now (Python's {@code terminate()}): results not ready are cancelled. Returns once the
     * workers have been told to stop; {@link #join()} waits for them. Calling it again does nothing.
     */
    void terminate();

    /**
     * Waits until every worker has ended, after {@link #shutdown()} or {@link #terminate()}.
     *
     * @throws IllegalStateException if the pool is still running, as Python raises {@code ValueError}
     * @throws InterruptedException if the calling thread is interrupted
     */
    void join() throws InterruptedException;

    /**
     * Waits at most {@code timeout} until every worker has ended, after {@link #shutdown()} or {@link #terminate()}.
     *
     * @param timeout how long to wait; zero or negative means not at all
     * @return whether every worker has ended
     * @throws IllegalStateException if the pool is still running
     * @throws InterruptedException if the calling thread is interrupted
     */
    boolean join(Duration timeout) throws InterruptedException;

    /**
     * @return whether {@link #shutdown()}, {@link #close()} or {@link #terminate()} has been called
     */
    boolean isShutdown();

    /**
     * @return whether the pool has been shut down or terminated and every worker has ended
     */
    boolean isTerminated();

    /**
     * {@link #shutdown()}, then {@link #join()}: accepts no more work and waits until the submitted work is done and
     * the workers have ended. If the calling thread is interrupted while it waits, the pool is terminated, and the
     * thread's interrupt status is set again when this returns. Calling it again does nothing.
     */
    @Override
    void close();

    /**
     * An {@link ExecutorService} over the same workers: {@code submit}, {@code invokeAll}, {@code invokeAny},
     * {@code execute}, {@code shutdown}, {@code shutdownNow}, {@code awaitTermination} and {@code close} act on this
     * pool. Tasks must be serialisable ({@link PoolTask} is a {@code Callable} that is); one that is not fails at
     * submission with {@link TaskNotSerializableException}. After shutdown, submission throws
     * {@link java.util.concurrent.RejectedExecutionException}, as {@code ExecutorService} requires.
     *
     * @return the view; the same object every time
     */
    ExecutorService asExecutorService();
}
