package io.multiproc4j.tck.selftest;

import io.multiproc4j.AsyncResult;
import io.multiproc4j.MpContext;
import io.multiproc4j.MpPool;
import io.multiproc4j.PoolBiFunction;
import io.multiproc4j.PoolFunction;
import io.multiproc4j.PoolIterator;
import io.multiproc4j.PoolOptions;
import io.multiproc4j.PoolTask;
import io.multiproc4j.ProcessTask;
import io.multiproc4j.WorkerDiedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Deliberately broken pools, each a realistic mistake, that the kit must catch: {@link KitProvesItself} checks that
 * exactly their expected rules fail. Each wraps the real pool and breaks one behaviour of it.
 */
final class BrokenPoolProviders {

    private BrokenPoolProviders() {
    }

    /** A map that returns the results of two or more items in reverse order, as if collected by completion. */
    public static final class ReversedMap extends Forwarding.Provider {
        /** Used by ServiceLoader. */
        public ReversedMap() {
            super("broken-reversed-map");
        }

        @Override
        MpContext contextOver(MpContext real) {
            return new Forwarding.Context(id(), real, UnaryOperator.identity()) {
                @Override
                public MpPool newPool(PoolOptions options) {
                    return new ForwardingPool(base.newPool(options)) {
                        @Override
                        public <T, R> List<R> map(PoolFunction<? super T, ? extends R> fn,
                                Iterable<? extends T> items) throws ExecutionException, InterruptedException {
                            return reversed(real.map(fn, items));
                        }

                        @Override
                        public <T, R> List<R> map(PoolFunction<? super T, ? extends R> fn,
                                Iterable<? extends T> items, int chunkSize)
                                throws ExecutionException, InterruptedException {
                            return reversed(real.map(fn, items, chunkSize));
                        }
                    };
                }
            };
        }

        private static <R> List<R> reversed(List<R> results) {
            List<R> copy = new ArrayList<>(results);
            Collections.reverse(copy);
            return copy;
        }
    }

    /**
     * Python's pool (weakness W-01): a task whose worker died never completes. Where the real pool reports a
     * {@link WorkerDiedException}, this one waits for ever, and its timed waits time out.
     */
    public static final class HangsOnDeadWorker extends Forwarding.Provider {
        /** Used by ServiceLoader. */
        public HangsOnDeadWorker() {
            super("broken-hangs-on-dead-worker");
        }

        @Override
        MpContext contextOver(MpContext real) {
            return new Forwarding.Context(id(), real, UnaryOperator.identity()) {
                @Override
                public MpPool newPool(PoolOptions options) {
                    return new ForwardingPool(base.newPool(options)) {
                        @Override
                        public <R> R apply(PoolTask<R> task) throws ExecutionException, InterruptedException {
                            return resultOrHang(real.applyAsync(task));
                        }

                        @Override
                        public <R> AsyncResult<R> applyAsync(PoolTask<R> task) {
                            return new NeverCompletesOnDeath<>(real.applyAsync(task));
                        }

                        @Override
                        public <R> AsyncResult<R> applyAsync(PoolTask<R> task, Consumer<? super R> onSuccess,
                                Consumer<? super Throwable> onError) {
                            return new NeverCompletesOnDeath<>(real.applyAsync(task, onSuccess, exceptDeath(onError)));
                        }

                        @Override
                        public <T, R> List<R> map(PoolFunction<? super T, ? extends R> fn,
                                Iterable<? extends T> items) throws ExecutionException, InterruptedException {
                            return resultOrHang(real.mapAsync(fn, items));
                        }

                        @Override
                        public <T, R> List<R> map(PoolFunction<? super T, ? extends R> fn,
                                Iterable<? extends T> items, int chunkSize)
                                throws ExecutionException, InterruptedException {
                            return resultOrHang(real.mapAsync(fn, items, chunkSize));
                        }

                        @Override
                        public <T, R> AsyncResult<List<R>> mapAsync(PoolFunction<? super T, ? extends R> fn,
                                Iterable<? extends T> items) {
                            return new NeverCompletesOnDeath<>(real.mapAsync(fn, items));
                        }

                        @Override
                        public <T, R> AsyncResult<List<R>> mapAsync(PoolFunction<? super T, ? extends R> fn,
                                Iterable<? extends T> items, int chunkSize) {
                            return new NeverCompletesOnDeath<>(real.mapAsync(fn, items, chunkSize));
                        }

                        @Override
                        public <T, R> AsyncResult<List<R>> mapAsync(PoolFunction<? super T, ? extends R> fn,
                                Iterable<? extends T> items, int chunkSize, Consumer<? super List<R>> onSuccess,
                                Consumer<? super Throwable> onError) {
                            return new NeverCompletesOnDeath<>(
                                    real.mapAsync(fn, items, chunkSize, onSuccess, exceptDeath(onError)));
                        }
                    };
                }
            };
        }

        private static <R> R resultOrHang(AsyncResult<R> result) throws ExecutionException, InterruptedException {
            return new NeverCompletesOnDeath<>(result).get();
        }

        private static Consumer<Throwable> exceptDeath(Consumer<? super Throwable> onError) {
            return e -> {
                if (!(e instanceof WorkerDiedException)) {
                    onError.accept(e);
                }
            };
        }
    }

    /**
     * An initializer run before every task instead of once per worker: the pool wraps each task and function so
     * that the initializer runs first, and gives the real pool none.
     */
    public static final class InitializerPerTask extends Forwarding.Provider {
        /** Used by ServiceLoader. */
        public InitializerPerTask() {
            super("broken-initializer-per-task");
        }

        @Override
        MpContext contextOver(MpContext real) {
            return new Forwarding.Context(id(), real, UnaryOperator.identity()) {
                @Override
                public MpPool newPool(PoolOptions options) {
                    if (options.initializer().isEmpty()) {
                        return base.newPool(options);
                    }
                    ProcessTask init = options.initializer().get();
                    return new ForwardingPool(base.newPool(withoutInitializer(options))) {
                        @Override
                        <R> PoolTask<R> submitted(PoolTask<R> task) {
                            return initFirst(init, task);
                        }

                        @Override
                        <T, R> PoolFunction<? super T, ? extends R> submitted(
                                PoolFunction<? super T, ? extends R> fn) {
                            return initFirst(init, fn);
                        }

                        @Override
                        <A, B, R> PoolBiFunction<? super A, ? super B, ? extends R> submitted(
                                PoolBiFunction<? super A, ? super B, ? extends R> fn) {
                            return initFirst(init, fn);
                        }
                    };
                }
            };
        }

        private static PoolOptions withoutInitializer(PoolOptions options) {
            PoolOptions plain = PoolOptions.defaults();
            if (options.workers().isPresent()) {
                plain = plain.workers(options.workers().getAsInt());
            }
            if (options.maxTasksPerWorker().isPresent()) {
                plain = plain.maxTasksPerWorker(options.maxTasksPerWorker().getAsInt());
            }
            if (options.taskTimeout().isPresent()) {
                plain = plain.taskTimeout(options.taskTimeout().get());
            }
            return plain;
        }

        // Static, so that the wrappers capture only the initializer and the task, never the pool.
        private static <R> PoolTask<R> initFirst(ProcessTask init, PoolTask<R> task) {
            return () -> {
                init.run();
                return task.call();
            };
        }

        private static <T, R> PoolFunction<T, R> initFirst(ProcessTask init, PoolFunction<? super T, ? extends R> fn) {
            return item -> {
                init.run();
                return fn.apply(item);
            };
        }

        private static <A, B, R> PoolBiFunction<A, B, R> initFirst(ProcessTask init,
                PoolBiFunction<? super A, ? super B, ? extends R> fn) {
            return (first, second) -> {
                init.run();
                return fn.apply(first, second);
            };
        }
    }

    /** A shutdown, and so a close, that terminates: queued and running work is dropped, as Python's {@code with}. */
    public static final class CloseDropsWork extends Forwarding.Provider {
        /** Used by ServiceLoader. */
        public CloseDropsWork() {
            super("broken-close-drops-work");
        }

        @Override
        MpContext contextOver(MpContext real) {
            return new Forwarding.Context(id(), real, UnaryOperator.identity()) {
                @Override
                public MpPool newPool(PoolOptions options) {
                    return new ForwardingPool(base.newPool(options)) {
                        @Override
                        public void shutdown() {
                            real.terminate();
                        }

                        @Override
                        public void close() {
                            real.terminate();
                            try {
                                real.join();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    };
                }
            };
        }
    }

    /** Forwards every call to the real pool; subclasses override what they break. Not serialisable, as a pool. */
    private static class ForwardingPool implements MpPool {
        final MpPool real;

        ForwardingPool(MpPool real) {
            this.real = real;
        }

        /** What the real pool is given for a submitted task; a broken pool may change it. */
        <R> PoolTask<R> submitted(PoolTask<R> task) {
            return task;
        }

        /** What the real pool is given for a submitted function. */
        <T, R> PoolFunction<? super T, ? extends R> submitted(PoolFunction<? super T, ? extends R> fn) {
            return fn;
        }

        /** What the real pool is given for a submitted function of two arguments. */
        <A, B, R> PoolBiFunction<? super A, ? super B, ? extends R> submitted(
                PoolBiFunction<? super A, ? super B, ? extends R> fn) {
            return fn;
        }

        @Override
        public int size() {
            return real.size();
        }

        @Override
        public <R> R apply(PoolTask<R> task) throws ExecutionException, InterruptedException {
            return real.apply(submitted(task));
        }

        @Override
        public <R> AsyncResult<R> applyAsync(PoolTask<R> task) {
            return real.applyAsync(submitted(task));
        }

        @Override
        public <R> AsyncResult<R> applyAsync(PoolTask<R> task, Consumer<? super R> onSuccess,
                Consumer<? super Throwable> onError) {
            return real.applyAsync(submitted(task), onSuccess, onError);
        }

        @Override
        public <T, R> List<R> map(PoolFunction<? super T, ? extends R> fn, Iterable<? extends T> items)
                throws ExecutionException, InterruptedException {
            return real.map(this.<T, R>submitted(fn), items);
        }

        @Override
        public <T, R> List<R> map(PoolFunction<? super T, ? extends R> fn, Iterable<? extends T> items,
                int chunkSize) throws ExecutionException, InterruptedException {
            return real.map(this.<T, R>submitted(fn), items, chunkSize);
        }

        @Override
        public <T, R> AsyncResult<List<R>> mapAsync(PoolFunction<? super T, ? extends R> fn,
                Iterable<? extends T> items) {
            return real.mapAsync(this.<T, R>submitted(fn), items);
        }

        @Override
        public <T, R> AsyncResult<List<R>> mapAsync(PoolFunction<? super T, ? extends R> fn,
                Iterable<? extends T> items, int chunkSize) {
            return real.mapAsync(this.<T, R>submitted(fn), items, chunkSize);
        }

        @Override
        public <T, R> AsyncResult<List<R>> mapAsync(PoolFunction<? super T, ? extends R> fn,
                Iterable<? extends T> items, int chunkSize, Consumer<? super List<R>> onSuccess,
                Consumer<? super Throwable> onError) {
            return real.mapAsync(this.<T, R>submitted(fn), items, chunkSize, onSuccess, onError);
        }

        @Override
        public <T, R> PoolIterator<R> imap(PoolFunction<? super T, ? extends R> fn, Iterable<? extends T> items) {
            return real.imap(this.<T, R>submitted(fn), items);
        }

        @Override
        public <T, R> PoolIterator<R> imap(PoolFunction<? super T, ? extends R> fn, Iterable<? extends T> items,
                int chunkSize) {
            return real.imap(this.<T, R>submitted(fn), items, chunkSize);
        }

        @Override
        public <T, R> PoolIterator<R> imapUnordered(PoolFunction<? super T, ? extends R> fn,
                Iterable<? extends T> items) {
            return real.imapUnordered(this.<T, R>submitted(fn), items);
        }

        @Override
        public <T, R> PoolIterator<R> imapUnordered(PoolFunction<? super T, ? extends R> fn,
                Iterable<? extends T> items, int chunkSize) {
            return real.imapUnordered(this.<T, R>submitted(fn), items, chunkSize);
        }

        @Override
        public <A, B, R> List<R> starmap(PoolBiFunction<? super A, ? super B, ? extends R> fn,
                Iterable<? extends Map.Entry<? extends A, ? extends B>> pairs)
                throws ExecutionException, InterruptedException {
            return real.starmap(this.<A, B, R>submitted(fn), pairs);
        }

        @Override
        public <A, B, R> List<R> starmap(PoolBiFunction<? super A, ? super B, ? extends R> fn,
                Iterable<? extends Map.Entry<? extends A, ? extends B>> pairs, int chunkSize)
                throws ExecutionException, InterruptedException {
            return real.starmap(this.<A, B, R>submitted(fn), pairs, chunkSize);
        }

        @Override
        public <A, B, R> AsyncResult<List<R>> starmapAsync(PoolBiFunction<? super A, ? super B, ? extends R> fn,
                Iterable<? extends Map.Entry<? extends A, ? extends B>> pairs) {
            return real.starmapAsync(this.<A, B, R>submitted(fn), pairs);
        }

        @Override
        public void shutdown() {
            real.shutdown();
        }

        @Override
        public void terminate() {
            real.terminate();
        }

        @Override
        public void join() throws InterruptedException {
            real.join();
        }

        @Override
        public boolean join(Duration timeout) throws InterruptedException {
            return real.join(timeout);
        }

        @Override
        public boolean isShutdown() {
            return real.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return real.isTerminated();
        }

        @Override
        public void close() {
            real.close();
        }

        @Override
        public ExecutorService asExecutorService() {
            return real.asExecutorService();
        }
    }

    /**
     * A result that hides a worker's death: while the real result failed with {@link WorkerDiedException}, it is
     * never ready, {@code get()} waits for ever and timed waits time out.
     */
    private static final class NeverCompletesOnDeath<R> implements AsyncResult<R> {
        private final AsyncResult<R> real;

        NeverCompletesOnDeath(AsyncResult<R> real) {
            this.real = real;
        }

        private boolean lost() {
            if (!real.isDone() || real.isCancelled()) {
                return false;
            }
            try {
                real.get(Duration.ZERO);
                return false;
            } catch (ExecutionException e) {
                return e.getCause() instanceof WorkerDiedException;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (TimeoutException e) {
                return false;
            }
        }

        private static <T> T forever() throws InterruptedException {
            new CountDownLatch(1).await();
            throw new AssertionError("unreachable");
        }

        private static <T> T timeOut(Duration timeout) throws InterruptedException, TimeoutException {
            if (timeout.toNanos() > 0) {
                TimeUnit.NANOSECONDS.sleep(timeout.toNanos());
            }
            throw new TimeoutException("no result within " + timeout);
        }

        @Override
        public R get() throws InterruptedException, ExecutionException {
            real.await();
            return lost() ? forever() : real.get();
        }

        @Override
        public R get(Duration timeout) throws TimeoutException, ExecutionException, InterruptedException {
            long t0 = System.nanoTime();
            try {
                return real.get(timeout);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof WorkerDiedException) {
                    return timeOut(timeout.minusNanos(System.nanoTime() - t0));
                }
                throw e;
            }
        }

        @Override
        public R get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
            return get(Duration.ofNanos(unit.toNanos(timeout)));
        }

        @Override
        public boolean ready() {
            return real.ready() && !lost();
        }

        @Override
        public boolean isDone() {
            return ready();
        }

        @Override
        public boolean successful() {
            if (lost()) {
                throw new IllegalStateException("the result is not ready");
            }
            return real.successful();
        }

        @Override
        public void await() throws InterruptedException {
            real.await();
            if (lost()) {
                forever();
            }
        }

        @Override
        public boolean await(Duration timeout) throws InterruptedException {
            long t0 = System.nanoTime();
            if (!real.await(timeout)) {
                return false;
            }
            if (lost()) {
                Duration left = timeout.minusNanos(System.nanoTime() - t0);
                if (left.toNanos() > 0) {
                    TimeUnit.NANOSECONDS.sleep(left.toNanos());
                }
                return false;
            }
            return true;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return real.cancel(mayInterruptIfRunning);
        }

        @Override
        public boolean isCancelled() {
            return real.isCancelled();
        }
    }
}
