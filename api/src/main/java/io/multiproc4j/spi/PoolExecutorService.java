package io.multiproc4j.spi;

import io.multiproc4j.PoolBrokenException;
import io.multiproc4j.TaskNotSerializableException;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * {@link io.multiproc4j.MpPool#asExecutorService()}: the {@link ExecutorService} contract over a pool's workers.
 * Tasks must be serialisable; they are checked and serialised at submission. {@code close()} is declared here
 * because {@code ExecutorService} has it only from Java 19; on those versions this method is the one called.
 */
final class PoolExecutorService implements ExecutorService, AutoCloseable {

    private final StandardPool pool;

    PoolExecutorService(StandardPool pool) {
        this.pool = pool;
    }

    @Override
    public <T> Future<T> submit(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        return submit(PoolWire.Kind.CALL, task, null, () -> {
            try {
                task.call();
            } catch (Exception e) {
                throw new IllegalStateException("the task threw " + e, e);
            }
        });
    }

    @Override
    public <T> Future<T> submit(Runnable task, T result) {
        Objects.requireNonNull(task, "task");
        return submit(PoolWire.Kind.RUN, task, result, task);
    }

    @Override
    public Future<?> submit(Runnable task) {
        return submit(task, null);
    }

    @Override
    public void execute(Runnable command) {
        submit(command);
    }

    private <T> Future<T> submit(PoolWire.Kind kind, Object task, T result, Runnable original) {
        return submit(kind, task, result, null, null, original);
    }

    /** Checks that {@code task} is serialisable and submits it; a pool not running rejects it. */
    private <T> PoolFuture<T> submit(PoolWire.Kind kind, Object task, T result, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onError, Runnable original) {
        Objects.requireNonNull(task, "task");
        if (!(task instanceof Serializable)) {
            throw new TaskNotSerializableException("a task given to a pool's executor service must be serialisable,"
                    + " and " + task.getClass().getName() + " is not; use a PoolTask, or cast a lambda to"
                    + " (Callable<T> & Serializable)", task.getClass().getName(), null);
        }
        try {
            return pool.submitOne(kind, task, result, onSuccess, onError, original);
        } catch (IllegalStateException | PoolBrokenException e) {
            throw new RejectedExecutionException(e.getMessage(), e);
        }
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
        List<Future<T>> futures = submitAll(tasks);
        try {
            for (Future<T> f : futures) {
                awaitQuietly(f, -1);
            }
        } catch (InterruptedException e) {
            cancelAll(futures);
            throw e;
        }
        return futures;
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        List<Future<T>> futures = submitAll(tasks);
        try {
            for (Future<T> f : futures) {
                if (!awaitQuietly(f, deadline - System.nanoTime())) {
                    break;
                }
            }
        } finally {
            cancelAll(futures);
        }
        return futures;
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        try {
            return any(tasks, -1);
        } catch (TimeoutException e) {
            throw new IllegalStateException("an untimed wait timed out", e);
        }
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        return any(tasks, Math.max(0, unit.toNanos(timeout)));
    }

    /** Submits every task; the first to succeed gives the result, and the rest are cancelled. */
    private <T> T any(Collection<? extends Callable<T>> tasks, long nanos)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("invokeAny needs at least one task");
        }
        BlockingQueue<Future<T>> done = new LinkedBlockingQueue<>();
        List<Future<T>> futures = new ArrayList<>();
        try {
            for (Callable<T> task : tasks) {
                PoolFuture<T>[] self = newFutureHolder();
                self[0] = submit(PoolWire.Kind.CALL, task, null, r -> done.add(self[0]), e -> done.add(self[0]), null);
                futures.add(self[0]);
            }
            long deadline = System.nanoTime() + nanos;
            ExecutionException last = null;
            for (int left = futures.size(); left > 0; left--) {
                Future<T> f = nanos < 0 ? done.take() : done.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (f == null) {
                    throw new TimeoutException("no task of invokeAny succeeded in time");
                }
                try {
                    return f.get();
                } catch (ExecutionException e) {
                    last = e;
                }
            }
            throw last;
        } finally {
            cancelAll(futures);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> PoolFuture<T>[] newFutureHolder() {
        return (PoolFuture<T>[]) new PoolFuture<?>[1];
    }

    private <T> List<Future<T>> submitAll(Collection<? extends Callable<T>> tasks) {
        List<Future<T>> futures = new ArrayList<>(tasks.size());
        try {
            for (Callable<T> task : tasks) {
                futures.add(submit(task));
            }
        } catch (RuntimeException e) {
            cancelAll(futures);
            throw e;
        }
        return futures;
    }

    /** Waits for {@code f} without looking at its outcome; {@code nanos < 0} waits without limit. */
    private static boolean awaitQuietly(Future<?> f, long nanos) throws InterruptedException {
        PoolFuture<?> pf = (PoolFuture<?>) f;
        if (nanos < 0) {
            pf.await();
            return true;
        }
        return pf.await(Duration.ofNanos(nanos));
    }

    private static void cancelAll(List<? extends Future<?>> futures) {
        for (Future<?> f : futures) {
            if (!f.isDone()) {
                f.cancel(true);
            }
        }
    }

    @Override
    public void shutdown() {
        pool.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return pool.terminateAndList();
    }

    @Override
    public boolean isShutdown() {
        return pool.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return pool.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return pool.awaitEnd(Duration.ofNanos(unit.toNanos(timeout)));
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "ExecutorService over " + pool;
    }
}
