package io.multiproc4j;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a {@link MpPool} is made: Python's {@code Pool(processes, initializer, initargs, maxtasksperchild)}, plus a
 * task timeout. Immutable; each method returns a changed copy, and checks its argument at once.
 *
 * <pre>{@code
 * try (MpPool pool = Multiprocessing.newPool(PoolOptions.defaults().workers(4).initializer(() -> warmUp()))) {
 *     List<Integer> squares = pool.map(Main::square, List.of(1, 2, 3));
 * }
 * }</pre>
 */
public final class PoolOptions {

    private static final PoolOptions DEFAULTS = new PoolOptions(0, null, 0, null);

    private final int workers;
    private final ProcessTask initializer;
    private final int maxTasksPerWorker;
    private final Duration taskTimeout;

    private PoolOptions(int workers, ProcessTask initializer, int maxTasksPerWorker, Duration taskTimeout) {
        this.workers = workers;
        this.initializer = initializer;
        this.maxTasksPerWorker = maxTasksPerWorker;
        this.taskTimeout = taskTimeout;
    }

    /**
     * @return the options of {@code Pool()}: one worker per processor, no initializer, workers that live as long as
     *     the pool, no task timeout
     */
    public static PoolOptions defaults() {
        return DEFAULTS;
    }

    /**
     * @param count how many worker processes (Python's {@code processes})
     * @return a copy with that many workers
     * @throws IllegalArgumentException if {@code count} is less than 1
     */
    public PoolOptions workers(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a pool needs at least 1 worker, not " + count);
        }
        return new PoolOptions(count, initializer, maxTasksPerWorker, taskTimeout);
    }

    /**
     * @param task what each worker runs once, when it starts and before its first task (Python's
     *     {@code initializer(*initargs)}; its captured values are the {@code initargs}); it may capture IPC objects,
     *     which reach every worker this way. If it throws, the pool is broken ({@link PoolBrokenException}).
     * @return a copy with that initializer
     * @throws NullPointerException if {@code task} is null
     */
    public PoolOptions initializer(ProcessTask task) {
        return new PoolOptions(workers, Objects.requireNonNull(task, "task: the initializer"), maxTasksPerWorker,
                taskTimeout);
    }

    /**
     * @param count how many tasks a worker runs before it exits and a new one takes its place (Python's
     *     {@code maxtasksperchild}); a chunk of a map counts as one task, as in Python
     * @return a copy with that limit
     * @throws IllegalArgumentException if {@code count} is less than 1
     */
    public PoolOptions maxTasksPerWorker(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("maxTasksPerWorker must be at least 1, not " + count);
        }
        return new PoolOptions(workers, initializer, count, taskTimeout);
    }

    /**
     * Beyond Python: the longest a task may run. A task still running then fails with
     * {@link TaskTimedOutException}, and its worker is killed and replaced. For a chunk of {@code n} items the bound
     * is {@code n} times this.
     *
     * @param timeout the bound, positive
     * @return a copy with that bound
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     * @throws NullPointerException if {@code timeout} is null
     */
    public PoolOptions taskTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("a task timeout must be positive, not " + timeout);
        }
        return new PoolOptions(workers, initializer, maxTasksPerWorker, timeout);
    }

    /**
     * @return the number of workers, or empty for one per processor
     */
    public OptionalInt workers() {
        return workers == 0 ? OptionalInt.empty() : OptionalInt.of(workers);
    }

    /**
     * @return the initializer, if any
     */
    public Optional<ProcessTask> initializer() {
        return Optional.ofNullable(initializer);
    }

    /**
     * @return the tasks a worker runs before it is replaced, or empty for no limit
     */
    public OptionalInt maxTasksPerWorker() {
        return maxTasksPerWorker == 0 ? OptionalInt.empty() : OptionalInt.of(maxTasksPerWorker);
    }

    /**
     * @return the task timeout, if any
     */
    public Optional<Duration> taskTimeout() {
        return Optional.ofNullable(taskTimeout);
    }

    @Override
    public String toString() {
        return "PoolOptions[workers=" + (workers == 0 ? "cpuCount" : workers) + ", initializer="
                + (initializer == null ? "none" : initializer.getClass().getName()) + ", maxTasksPerWorker="
                + (maxTasksPerWorker == 0 ? "unlimited" : maxTasksPerWorker) + ", taskTimeout="
                + (taskTimeout == null ? "none" : taskTimeout) + "]";
    }
}
