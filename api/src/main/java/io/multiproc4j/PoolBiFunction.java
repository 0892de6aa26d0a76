package io.multiproc4j;

import java.io.Serializable;

/**
 * The function {@link MpPool#starmap(PoolBiFunction, Iterable)} applies to each pair of arguments in a pool worker:
 * Python's {@code starmap(func, [(a, b), ...])} for a function of two arguments. For more arguments, map a
 * {@link PoolFunction} over records. It, what it captures, the arguments and the results must be
 * {@link Serializable}.
 *
 * @param <A> the type of the first arguments
 * @param <B> the type of the second arguments
 * @param <R> the type of the results
 */
@FunctionalInterface
public interface PoolBiFunction<A, B, R> extends Serializable {

    /**
     * Runs in a pool worker, once per pair.
     *
     * @param first the pair's key
     * @param second the pair's value
     * @return the result
     * @throws Exception anything; that pair's result then fails with it
     */
    R apply(A first, B second) throws Exception;
}
