package io.multiproc4j;

import java.io.Serializable;

/**
 * The function {@link MpPool#map(PoolFunction, Iterable)} and its relatives apply to each item in a pool worker: a
 * serialisable function of one argument (Python's {@code func} in {@code pool.map(func, iterable)}). Write it as a
 * method reference ({@code Main::square}), a lambda, or a class of your own; it, what it captures, the items and the
 * results must be {@link Serializable}.
 *
 * @param <T> the type of the items
 * @param <R> the type of the results
 */
@FunctionalInterface
public interface PoolFunction<T, R> extends Serializable {

    /**
     * Runs in a pool worker, once per item.
     *
     * @param item one item of the input
     * @return its result
     * @throws Exception anything; that item's result then fails with it
     */
    R apply(T item) throws Exception;
}
