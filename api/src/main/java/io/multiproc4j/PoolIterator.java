package io.multiproc4j;

import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * The results of {@link MpPool#imap(PoolFunction, Iterable)} and
 * {@link MpPool#imapUnordered(PoolFunction, Iterable)}, each given as soon as it is ready (and, for {@code imap},
 * every earlier one too). It is {@link Iterable} once, like {@link java.nio.file.DirectoryStream}, so that it can
 * stand in a for-each loop: {@link #iterator()} returns this object, and only the first time.
 *
 * <p><b>Failures.</b> A failed item makes {@link #next()} throw {@link CompletionException} (whose cause is as
 * {@link AsyncResult} describes), and {@link #next(Duration)} throw {@link ExecutionException}; the iteration goes
 * on with the next item. When the <em>input</em> fails (its iterator throws, or an item cannot be serialised), the
 * results of the items before it are given, then that exception is thrown as it is, and the iteration ends.
 *
 * @param <R> the type of the results
 */
public interface PoolIterator<R> extends Iterator<R>, Iterable<R> {

    /**
     * Waits until it is known whether another result will come.
     *
     * @return whether {@link #next()} will give a result or throw a failure
     */
    @Override
    boolean hasNext();

    /**
     * Waits for the next result.
     *
     * @return the next result
     * @throws NoSuchElementException if every result has been given
     * @throws CompletionException if the item failed; the cause says why
     * @throws CancellationException if the pool was terminated before the result was ready
     */
    @Override
    R next();

    /**
     * Waits at most {@code timeout} for the next result (Python's {@code next(timeout)}).
     *
     * @param timeout how long to wait; zero or negative means not at all
     * @return the next result
     * @throws TimeoutException if it is not ready in time (a later call can still get it)
     * @throws ExecutionException if the item failed; the cause says why
     * @throws NoSuchElementException if every result has been given
     * @throws CancellationException if the pool was terminated before the result was ready
     * @throws InterruptedException if the waiting thread is interrupted
     */
    R next(Duration timeout) throws TimeoutException, ExecutionException, InterruptedException;

    /**
     * @return this object, the first time
     * @throws IllegalStateException the second time
     */
    @Override
    Iterator<R> iterator();
}
