package io.multiproc4j;

import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * What a pool worker runs for {@link MpPool#apply(PoolTask)}: a serialisable {@link Callable}, whose captured values
 * are its arguments (Python's {@code apply(func, args, kwds)} in one object), and whose result comes back to the
 * caller. Because it is a {@code Callable}, it can also be given to the pool's
 * {@linkplain MpPool#asExecutorService() executor service}.
 *
 * <p>Write it as a lambda ({@code () -> square(5)}) or as a class of your own. The task, everything it captures and
 * its result must be {@link Serializable}; a task that is not fails when it is submitted, in the caller.
 *
 * @param <R> the type of the result
 */
@FunctionalInterface
public interface PoolTask<R> extends Callable<R>, Serializable {

    /**
     * Runs in a pool worker.
     *
     * @return the result, sent back to the caller
     * @throws Exception anything; the caller's result then fails with it
     */
    @Override
    R call() throws Exception;
}
