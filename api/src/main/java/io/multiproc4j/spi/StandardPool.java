package io.multiproc4j.spi;

import io.multiproc4j.AsyncResult;
import io.multiproc4j.Connection;
import io.multiproc4j.Listener;
import io.multiproc4j.MpPool;
import io.multiproc4j.MpProcess;
import io.multiproc4j.MultiprocessingException;
import io.multiproc4j.PoolBiFunction;
import io.multiproc4j.PoolBrokenException;
import io.multiproc4j.PoolFunction;
import io.multiproc4j.PoolIterator;
import io.multiproc4j.PoolOptions;
import io.multiproc4j.PoolTask;
import io.multiproc4j.ProcessTask;
import io.multiproc4j.TaskTimedOutException;
import io.multiproc4j.WorkerDiedException;
import java.net.UnixDomainSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The {@link MpPool} of every implementation built on {@link StandardContext}: worker processes started with the
 * context's own {@link StandardContext#newProcess}, each connected to the pool by a private, authenticated Unix-domain
 * socket ({@link SocketConnections}).
 *
 * <p><b>How work moves.</b> A submission is serialised in the caller and cut into chunks, which wait in one queue in
 * submission order. A worker is given a chunk only when it is idle, as Python's workers take one from a shared queue:
 * no chunk waits inside a busy worker while another worker is free. Whatever thread changes the state (a caller
 * submitting, the thread reading a worker's results) hands out chunks; each worker's messages leave through its
 * outbox in the order they were decided. A job's function is sent to a worker once.
 *
 * <p><b>When a worker ends.</b> Its end is known from its process's exit, after its last results have been read.
 * The chunk it was running fails ({@link WorkerDiedException}, or {@link TaskTimedOutException} when the pool killed
 * it for the task timeout); a new worker takes its place while the pool has work or is running. A worker that ends before it is ready three times in a row, or whose
 * initializer throws, or whose JVM cannot start, breaks the pool ({@link PoolBrokenException}).
 *
 * <p><b>Threads.</b> One accepts the workers' connections, one per worker reads its messages (results and callbacks
 * are handled there), one feeds each {@code imap}'s input, and one keeps task timeouts if there are any. All are
 * daemon threads that end with the pool.
 */
final class StandardPool implements MpPool {

    /** The chunks an {@code imap} reads ahead of the workers, per worker. */
    private static final int LOOKAHEAD_PER_WORKER = 2;
    /** Workers that end before they are ready, in a row, after which the pool is broken. */
    private static final int MAX_EARLY_DEATHS = 3;
    private static final long THREAD_STACK_BYTES = 256 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** What to do instead of capturing an IPC object in a pool task. */
    private static final String IPC_HINT = "; IPC objects reach pool workers through PoolOptions.initializer, which"
            + " can keep them in a static field for the tasks";
    /** The items of a job that has no items (apply): one, unused. */
    private static final byte[] ONE_ITEM = TaskCodec.encode(new Object[1], "an empty chunk");

    private enum State { RUNNING, SHUTDOWN, TERMINATING, BROKEN }

    private final StandardContext context;
    private final int size;
    private final ProcessTask initializer;
    private final int maxTasks;
    private final Duration taskTimeout;
    private final byte[] key = new byte[32];
    private final Listener listener;
    private final String socketPath;
    private final ScheduledThreadPoolExecutor timer;
    /** At a normal exit: stop the workers, and remove the socket now, for the JVM may halt before they are reaped. */
    private final Runnable atExit = this::terminateAtExit;
    private final PoolExecutorService executorView = new PoolExecutorService(this);

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when chunks leave the queue (a feeder may read on) and when the state changes. */
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Chunk> queue = new ArrayDeque<>();
    private final Map<Long, Worker> workers = new LinkedHashMap<>();
    private final Set<Job> unfinished = ConcurrentHashMap.newKeySet();
    private final CountDownLatch ended = new CountDownLatch(1);
    private State state = State.RUNNING;
    private PoolBrokenException broken;
    private int spawning;
    private int feeders;
    private int earlyDeaths;
    private long lastWorkerId;
    private final AtomicLong lastJobId = new AtomicLong();
    private final AtomicLong lastChunkId = new AtomicLong();

    private StandardPool(StandardContext context, PoolOptions options) {
        this.context = context;
        this.size = options.workers().orElse(context.cpuCount());
        this.initializer = options.initializer().orElse(null);
        this.maxTasks = options.maxTasksPerWorker().orElse(0);
        this.taskTimeout = options.taskTimeout().orElse(null);
        RANDOM.nextBytes(key);
        this.listener = SocketConnections.listen(key);
        this.socketPath = ((UnixDomainSocketAddress) listener.address()).getPath().toString();
        if (taskTimeout == null) {
            this.timer = null;
        } else {
            this.timer = new ScheduledThreadPoolExecutor(1, r -> daemon("mp4j-pool-timeouts", r));
            timer.setRemoveOnCancelPolicy(true);
        }
    }

    /** Creates a pool and starts its workers; if one cannot be started, the others are stopped. */
    static MpPool start(StandardContext context, PoolOptions options) {
        Objects.requireNonNull(options, "options");
        MpProcess self = context.currentProcess();
        if (self.isDaemon()) {
            throw new IllegalStateException("daemon process '" + self.name() + "' cannot create a pool: a pool's"
                    + " workers are its children, and daemonic processes are not allowed to have children");
        }
        StandardPool pool = new StandardPool(context, options);
        try {
            for (int i = 0; i < pool.size; i++) {
                pool.lock.lock();
                try {
                    pool.spawning++;
                } finally {
                    pool.lock.unlock();
                }
                pool.spawnWorker();
            }
        } catch (RuntimeException | Error e) {
            pool.terminate();
            throw e;
        }
        daemon("mp4j-pool-accept", pool::acceptWorkers).start();
        ExitSequence.beforeChildren(pool.atExit);
        return pool;
    }

    // ---------------------------------------------------------------------------------------------- submitting

    @Override
    public int size() {
        return size;
    }

    @Override
    public <R> R apply(PoolTask<R> task) throws ExecutionException, InterruptedException {
        return applyAsync(task).get();
    }

    @Override
    public <R> AsyncResult<R> applyAsync(PoolTask<R> task) {
        return applyAsync(task, null, null);
    }

    @Override
    public <R> AsyncResult<R> applyAsync(PoolTask<R> task, Consumer<? super R> onSuccess,
            Consumer<? super Throwable> onError) {
        return submitOne(PoolWire.Kind.CALL, Objects.requireNonNull(task, "task"), null, onSuccess, onError, null);
    }

    /**
     * Submits one call of {@code function}: a {@code Callable} ({@link PoolWire.Kind#CALL}) or a {@code Runnable}
     * ({@link PoolWire.Kind#RUN}, whose result is {@code localResult}). {@code original} is what the executor
     * view was given, returned by {@code shutdownNow} if it never reaches a worker.
     */
    <R> PoolFuture<R> submitOne(PoolWire.Kind kind, Object function, R localResult, Consumer<? super R> onSuccess,
            Consumer<? super Throwable> onError, Runnable original) {
        checkRunning();
        byte[] bytes = TaskCodec.encode(function, describe("the pool task", function), IPC_HINT);
        OneJob<R> job = new OneJob<>(this, kind, bytes, localResult, onSuccess, onError, original);
        submit(job, List.of(new Chunk(job, nextChunkId(), 0, 1, ONE_ITEM)));
        return job.future;
    }

    @Override
    public <T, R> List<R> map(PoolFunction<? super T, ? extends R> fn, Iterable<? extends T> items)
            throws ExecutionException, InterruptedException {
        return this.<T, R>mapAsync(fn, items).get();
    }

    @Override
    public <T, R> List<R> map(PoolFunction<? super T, ? extends R> fn, Iterable<? extends T> items, int chunkSize)
            throws ExecutionException, InterruptedException {
        return this.<T, R>mapAsync(fn, items, chunkSize).get();
    }

    @Override
    public <T, R> AsyncResult<List<R>> mapAsync(PoolFunction<? super T, ? extends R> fn,
            Iterable<? extends T> items) {
        return mapJob(PoolWire.Kind.MAP, fn, listOf(items), 0, null, null);
    }

    @Override
    public <T, R> AsyncResult<List<R>> mapAsync(PoolFunction<? super T, ? extends R> fn, Iterable<? extends T> items,
            int chunkSize) {
        return mapJob(PoolWire.Kind.MAP, fn, listOf(items), checkChunkSize(chunkSize), null, null);
    }

    @Override
    public <T, R> AsyncResult<List<R>> mapAsync(PoolFunction<? super T, ? extends R> fn, Iterable<? extends T> items,
            int chunkSize, Consumer<? super List<R>> onSuccess, Consumer<? super Throwable> onError) {
        return mapJob(PoolWire.Kind.MAP, fn, listOf(items), checkChunkSize(chunkSize), onSuccess, onError);
    }

    @Override
    public <A, B, R> List<R> starmap(PoolBiFunction<? super A, ? super B, ? extends R> fn,
            Iterable<? extends Map.Entry<? extends A, ? extends B>> pairs)
            throws ExecutionException, InterruptedException {
        return this.<A, B, R>starmapAsync(fn, pairs).get();
    }

    @Override
    public <A, B, R> List<R> starmap(PoolBiFunction<? super A, ? super B, ? extends R> fn,
            Iterable<? extends Map.Entry<? extends A, ? extends B>> pairs, int chunkSize)
            throws ExecutionException, InterruptedException {
        return this.<R>mapJob(PoolWire.Kind.STAR, fn, pairsOf(pairs), checkChunkSize(chunkSize), null, null).get();
    }

    @Override
    public <A, B, R> AsyncResult<List<R>> starmapAsync(PoolBiFunction<? super A, ? super B, ? extends R> fn,
            Iterable<? extends Map.Entry<? extends A, ? extends B>> pairs) {
        return mapJob(PoolWire.Kind.STAR, fn, pairsOf(pairs), 0, null, null);
    }

    @Override
    public <T, R> PoolIterator<R> imap(PoolFunction<? super T, ? extends R> fn, Iterable<? extends T> items) {
        return iterate(fn, items, 1, true);
    }

    @Override
    public <T, R> PoolIterator<R> imap(PoolFunction<? super T, ? extends R> fn, Iterable<? extends T> items,
            int chunkSize) {
        return iterate(fn, items, checkChunkSize(chunkSize), true);
    }

    @Override
    public <T, R> PoolIterator<R> imapUnordered(PoolFunction<? super T, ? extends R> fn,
            Iterable<? extends T> items) {
        return iterate(fn, items, 1, false);
    }

    @Override
    public <T, R> PoolIterator<R> imapUnordered(PoolFunction<? super T, ? extends R> fn, Iterable<? extends T> items,
            int chunkSize) {
        return iterate(fn, items, checkChunkSize(chunkSize), false);
    }

    private <R> PoolFuture<List<R>> mapJob(PoolWire.Kind kind, Object fn, List<?> items, int chunkSize,
            Consumer<? super List<R>> onSuccess, Consumer<? super Throwable> onError) {
        Objects.requireNonNull(fn, "fn");
        checkRunning();
        int chunk = chunkSize > 0 ? chunkSize : defaultChunkSize(items.size());
        byte[] function = TaskCodec.encode(fn, describe("the function given to map", fn), IPC_HINT);
        MapJob<R> job = new MapJob<>(this, kind, function, items.size(), onSuccess, onError);
        List<Chunk> chunks = new ArrayList<>();
        for (int start = 0; start < items.size(); start += chunk) {
            int end = Math.min(items.size(), start + chunk);
            byte[] bytes = TaskCodec.encode(items.subList(start, end).toArray(), "the items " + start + " to "
                    + (end - 1) + " given to map", IPC_HINT);
            chunks.add(new Chunk(job, nextChunkId(), start, end - start, bytes));
        }
        if (chunks.isEmpty()) {
            job.future.succeed(List.of());
            return job.future;
        }
        submit(job, chunks);
        return job.future;
    }

    private <T, R> PoolIterator<R> iterate(PoolFunction<? super T, ? extends R> fn, Iterable<? extends T> items,
            int chunkSize, boolean ordered) {
        Objects.requireNonNull(fn, "fn");
        Objects.requireNonNull(items, "items");
        checkRunning();
        byte[] function = TaskCodec.encode(fn, describe("the function given to imap", fn), IPC_HINT);
        IterJob<R> job = new IterJob<>(this, function, ordered);
        lock.lock();
        try {
            checkRunning();
            unfinished.add(job);
            feeders++;
        } finally {
            lock.unlock();
        }
        Iterator<? extends T> input = items.iterator();
        daemon("mp4j-pool-feeder", () -> feed(job, input, chunkSize)).start();
        return job.results;
    }

    /** Reads an imap's input in chunks, a little ahead of the workers, and queues them. */
    private void feed(IterJob<?> job, Iterator<?> input, int chunkSize) {
        int position = 0;
        try {
            while (true) {
                if (!awaitRoom(job)) {
                    return;
                }
                List<Object> items = new ArrayList<>(chunkSize);
                RuntimeException failure = null;
                try {
                    while (items.size() < chunkSize && input.hasNext()) {
                        items.add(input.next());
                    }
                } catch (RuntimeException e) {
                    failure = e;
                }
                if (!items.isEmpty()) {
                    byte[] bytes;
                    try {
                        bytes = TaskCodec.encode(items.toArray(), "the items " + position + " to "
                                + (position + items.size() - 1) + " given to imap", IPC_HINT);
                    } catch (RuntimeException e) {
                        job.results.inputFailed(e);
                        return;
                    }
                    Chunk chunk = new Chunk(job, nextChunkId(), position, items.size(), bytes);
                    position += items.size();
                    lock.lock();
                    try {
                        if (state == State.TERMINATING || state == State.BROKEN) {
                            return;
                        }
                        queue.add(chunk);
                        job.queued++;
                    } finally {
                        lock.unlock();
                    }
                    job.fed(items.size());
                    dispatch();
                }
                if (failure != null) {
                    job.results.inputFailed(failure);
                    return;
                }
                if (items.size() < chunkSize) {
                    job.results.inputEnded();
                    return;
                }
            }
        } finally {
            lock.lock();
            try {
                feeders--;
            } finally {
                lock.unlock();
            }
            job.inputOver();
            dispatch();
        }
    }

    private boolean awaitRoom(IterJob<?> job) {
        lock.lock();
        try {
            while (job.queued >= LOOKAHEAD_PER_WORKER * size && state != State.TERMINATING
                    && state != State.BROKEN) {
                changed.awaitUninterruptibly();
            }
            return state != State.TERMINATING && state != State.BROKEN && !job.results.isAbandoned();
        } finally {
            lock.unlock();
        }
    }

    private void submit(Job job, List<Chunk> chunks) {
        lock.lock();
        try {
            checkRunning();
            unfinished.add(job);
            queue.addAll(chunks);
        } finally {
            lock.unlock();
        }
        dispatch();
    }

    private void checkRunning() {
        lock.lock();
        try {
            switch (state) {
                case RUNNING:
                    return;
                case BROKEN:
                    throw new PoolBrokenException(broken.getMessage(), broken.getCause());
                case SHUTDOWN:
                    throw new IllegalStateException("the pool has been shut down and accepts no new work; create"
                            + " another pool");
                default:
                    throw new IllegalStateException("the pool has been terminated and accepts no new work; create"
                            + " another pool");
            }
        } finally {
            lock.unlock();
        }
    }

    /** Names a task by its class, unless that is a lambda's hidden class. */
    private static String describe(String what, Object task) {
        Class<?> c = task.getClass();
        return c.isSynthetic() || c.getName().contains("$$Lambda") ? what : what + " (" + c.getName() + ")";
    }

    private static int checkChunkSize(int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("the chunk size must be at least 1, not " + chunkSize);
        }
        return chunkSize;
    }

    /** Python's default: the items spread over four chunks per worker. */
    private int defaultChunkSize(int items) {
        int perChunk = items / (4 * size);
        return items % (4 * size) == 0 ? Math.max(1, perChunk) : perChunk + 1;
    }

    private static List<?> listOf(Iterable<?> items) {
        Objects.requireNonNull(items, "items");
        if (items instanceof List<?>) {
            return new ArrayList<>((List<?>) items);
        }
        List<Object> list = new ArrayList<>();
        items.forEach(list::add);
        return list;
    }

    /** Pairs as two-element arrays: {@code Map.entry} is not serialisable. */
    private static List<Object[]> pairsOf(Iterable<? extends Map.Entry<?, ?>> pairs) {
        Objects.requireNonNull(pairs, "pairs");
        List<Object[]> list = new ArrayList<>();
        for (Map.Entry<?, ?> e : pairs) {
            list.add(new Object[] {e.getKey(), e.getValue()});
        }
        return list;
    }

    private long nextChunkId() {
        return lastChunkId.incrementAndGet();
    }

    private long nextJobId() {
        return lastJobId.incrementAndGet();
    }

    // ----------------------------------------------------------------------------------------- handing out work

    /**
     * Hands queued chunks to idle workers, and tells idle workers to stop once a shut-down pool has no work left. The
     * messages are sent after the lock is released.
     */
    private void dispatch() {
        List<Worker> toFlush = new ArrayList<>();
        lock.lock();
        try {
            if (state == State.TERMINATING || state == State.BROKEN) {
                return;
            }
            boolean handedOut = false;
            for (Worker w : workers.values()) {
                if (queue.isEmpty()) {
                    break;
                }
                if (!w.canTake(maxTasks)) {
                    continue;
                }
                Chunk c = takeQueued();
                if (c == null) {
                    break;
                }
                boolean sendFunction = w.lastJob != c.job.id;
                w.lastJob = c.job.id;
                w.running = c;
                w.assigned++;
                armTimeout(w, c);
                w.outbox.add(PoolWire.work(c.id, c.job.id, c.job.kind, sendFunction ? c.job.function : null,
                        c.items));
                toFlush.add(w);
                handedOut = true;
            }
            if (state == State.SHUTDOWN && !hasWork()) {
                for (Worker w : workers.values()) {
                    if (w.ready && !w.stopSent && w.running == null) {
                        w.stopSent = true;
                        w.outbox.add(PoolWire.stop());
                        toFlush.add(w);
                    }
                }
            }
            if (handedOut) {
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        for (Worker w : toFlush) {
            w.flush();
        }
    }

    /** The next chunk whose job still wants it. Holds the lock. */
    private Chunk takeQueued() {
        Chunk c;
        while ((c = queue.poll()) != null) {
            if (c.job instanceof IterJob<?>) {
                ((IterJob<?>) c.job).queued--;
            }
            if (!c.job.isAbandoned()) {
                return c;
            }
        }
        return null;
    }

    /** Whether work remains: queued, being fed, or in a worker. Holds the lock. */
    private boolean hasWork() {
        if (!queue.isEmpty() || feeders > 0) {
            return true;
        }
        for (Worker w : workers.values()) {
            if (w.running != null) {
                return true;
            }
        }
        return false;
    }

    /** Drops the queued chunks of a cancelled job; a chunk already in a worker runs, and its result is dropped. */
    void cancelJob(Job job) {
        lock.lock();
        try {
            unfinished.remove(job);
            queue.removeIf(c -> c.job == job);
        } finally {
            lock.unlock();
        }
    }

    void jobFinished(Job job) {
        unfinished.remove(job);
    }

    private void armTimeout(Worker w, Chunk c) {
        if (timer == null) {
            return;
        }
        long nanos = saturatedTimes(taskTimeout.toNanos(), c.count);
        timer.schedule(() -> timeUp(w, c), nanos, TimeUnit.NANOSECONDS);
    }

    private void timeUp(Worker w, Chunk c) {
        lock.lock();
        try {
            if (w.ended || w.running != c) {
                return;
            }
            w.timedOut = c;
        } finally {
            lock.unlock();
        }
        w.process.kill();
    }

    // ------------------------------------------------------------------------------------------------ workers

    /** Registers and starts one worker; the caller has counted it in {@code spawning}. */
    private void spawnWorker() {
        Worker w;
        lock.lock();
        try {
            spawning--;
            if (state == State.TERMINATING || state == State.BROKEN) {
                finishIfDone();
                return;
            }
            w = new Worker(++lastWorkerId);
            workers.put(w.id, w);
        } finally {
            lock.unlock();
        }
        try {
            MpProcess p = context.newProcess(new PoolWorker(socketPath, key, w.id, initializer, maxTasks));
            p.setName(p.name().replaceFirst("^Process", "SpawnPoolWorker")).setDaemon(true);
            w.process = (StandardProcess) p;
            p.start();
        } catch (RuntimeException | Error e) {
            lock.lock();
            try {
                workers.remove(w.id);
                finishIfDone();
            } finally {
                lock.unlock();
            }
            throw e;
        }
        w.process.onExit().whenComplete((exit, error) -> processEnded(w, exit));
        boolean stopNow;
        lock.lock();
        try {
            stopNow = state == State.TERMINATING || state == State.BROKEN;
        } finally {
            lock.unlock();
        }
        if (stopNow) {
            w.process.terminate();
        }
    }

    private void acceptWorkers() {
        while (true) {
            Connection c;
            try {
                c = listener.accept();
            } catch (IllegalStateException closed) {
                return;
            } catch (RuntimeException e) {
                if (ended.getCount() == 0) {
                    return;
                }
                continue;
            }
            daemon("mp4j-pool-results", () -> serve(c)).start();
        }
    }

    /** Reads one worker's messages until its connection ends. */
    private void serve(Connection c) {
        Worker w = null;
        try (c) {
            PoolWire.Message hello = PoolWire.read(c.receiveBytes());
            if (hello.type() != PoolWire.HELLO) {
                return;
            }
            long id = hello.readLong();
            lock.lock();
            try {
                w = workers.get(id);
                if (w == null || w.ended) {
                    return;
                }
                w.connection = c;
            } finally {
                lock.unlock();
            }
            while (true) {
                PoolWire.Message m = PoolWire.read(c.receiveBytes());
                if (m.type() == PoolWire.READY) {
                    lock.lock();
                    try {
                        w.ready = true;
                        earlyDeaths = 0;
                    } finally {
                        lock.unlock();
                    }
                    dispatch();
                } else if (m.type() == PoolWire.INIT_FAILED) {
                    Throwable failure = m.readFailure();
                    breakPool(new PoolBrokenException("the initializer of pool worker " + w.describe() + " threw "
                            + failure + "; the pool cannot run tasks", failure));
                } else if (m.type() == PoolWire.DONE) {
                    chunkDone(w, m);
                }
            }
        } catch (RuntimeException endOfConnection) {
            // the worker ended or the pool closed the connection; its process's exit says what happened
        } finally {
            if (w != null) {
                w.readerDone.countDown();
            }
        }
    }

    private void chunkDone(Worker w, PoolWire.Message m) {
        long chunkId = m.readLong();
        int count = m.readInt();
        Object[] results = null;
        boolean[] failed = null;
        Throwable allFailed = null;
        if (count == PoolWire.ALL_FAILED) {
            allFailed = m.readFailure();
        } else if (count >= 0) {
            results = new Object[count];
            failed = new boolean[count];
            PoolWire.readResults(m, results, failed);
        }
        Chunk c = null;
        lock.lock();
        try {
            if (w.running != null && w.running.id == chunkId) {
                c = w.running;
                w.running = null;
            }
        } finally {
            lock.unlock();
        }
        if (c != null) {
            if (allFailed != null) {
                c.job.chunkFailed(c, allFailed, w.describe());
            } else {
                c.job.chunkDone(c, results, failed, w.describe());
            }
        }
        dispatch();
    }

    /** A worker's process has ended: wait until its last results are read, then account for it. */
    private void processEnded(Worker w, ChildExit exit) {
        boolean connected;
        lock.lock();
        try {
            connected = w.connection != null;
            w.ended = true;
        } finally {
            lock.unlock();
        }
        if (connected) {
            daemon("mp4j-pool-reaper", () -> {
                try {
                    w.readerDone.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                workerGone(w, exit);
            }).start();
        } else {
            workerGone(w, exit);
        }
    }

    private void workerGone(Worker w, ChildExit exit) {
        int exitCode = exit == null ? -1 : exit.exitCode();
        long pid = w.process.pid().orElse(-1);
        Chunk lost;
        PoolBrokenException breaks = null;
        boolean replace;
        lock.lock();
        try {
            workers.remove(w.id);
            lost = w.running;
            w.running = null;
            boolean active = state == State.RUNNING || state == State.SHUTDOWN;
            if (active && !w.ready && (exit != null && exit.startFailure().isPresent()
                    || ++earlyDeaths >= MAX_EARLY_DEATHS)) {
                String why = exit != null && exit.startFailure().isPresent()
                        ? "pool worker " + w.describe() + " could not start: " + exit.startFailure().get()
                        : MAX_EARLY_DEATHS + " pool workers in a row ended before they were ready, the last, "
                                + w.describe() + ", with exit code " + exitCode;
                breaks = new PoolBrokenException(why + "; the pool cannot run tasks", null);
            }
            replace = breaks == null && (state == State.RUNNING || state == State.SHUTDOWN && hasWork());
            if (replace) {
                spawning++;
            } else {
                finishIfDone();
            }
        } finally {
            lock.unlock();
        }
        if (lost != null) {
            Throwable failure = w.timedOut == lost ? new TaskTimedOutException(w.name(), pid, taskTimeout)
                    : new WorkerDiedException(w.name(), pid, exitCode);
            lost.job.chunkFailed(lost, failure, null);
        }
        if (breaks != null) {
            breakPool(breaks);
        }
        if (replace) {
            try {
                spawnWorker();
            } catch (RuntimeException | Error e) {
                breakPool(new PoolBrokenException("a new pool worker could not be started: " + e
                        + "; the pool cannot run tasks", e));
            }
        }
        dispatch();
    }

    /** Ends the pool once it is not running and has no worker left. Holds the lock. */
    private void finishIfDone() {
        if (state == State.RUNNING || !workers.isEmpty() || spawning > 0 || ended.getCount() == 0) {
            return;
        }
        if (state == State.SHUTDOWN && hasWork()) {
            return;
        }
        listener.close();
        if (timer != null) {
            timer.shutdownNow();
        }
        ExitSequence.forget(atExit);
        ended.countDown();
        changed.signalAll();
    }

    private void breakPool(PoolBrokenException e) {
        List<Job> jobs;
        List<Worker> toStop;
        lock.lock();
        try {
            if (state == State.TERMINATING || state == State.BROKEN) {
                return;
            }
            state = State.BROKEN;
            broken = e;
            jobs = new ArrayList<>(unfinished);
            unfinished.clear();
            queue.clear();
            toStop = new ArrayList<>(workers.values());
            changed.signalAll();
            finishIfDone();
        } finally {
            lock.unlock();
        }
        for (Job job : jobs) {
            job.broken(e);
        }
        stop(toStop);
    }

    private static void stop(List<Worker> toStop) {
        for (Worker w : toStop) {
            try {
                w.process.terminate();
            } catch (IllegalStateException notStartedYet) {
                // spawnWorker terminates it once started
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- lifecycle

    @Override
    public void shutdown() {
        lock.lock();
        try {
            if (state == State.RUNNING) {
                state = State.SHUTDOWN;
                changed.signalAll();
                finishIfDone();
            }
        } finally {
            lock.unlock();
        }
        dispatch();
    }

    @Override
    public void terminate() {
        terminateAndList();
    }

    private void terminateAtExit() {
        terminate();
        listener.close();
    }

    /** Terminates the pool; returns the executor view's tasks that never reached a worker. */
    List<Runnable> terminateAndList() {
        List<Job> jobs;
        List<Worker> toStop;
        List<Runnable> neverStarted = new ArrayList<>();
        lock.lock();
        try {
            if (state == State.TERMINATING || state == State.BROKEN) {
                return neverStarted;
            }
            state = State.TERMINATING;
            jobs = new ArrayList<>(unfinished);
            unfinished.clear();
            for (Chunk c : queue) {
                if (c.job instanceof OneJob<?> && ((OneJob<?>) c.job).original != null) {
                    neverStarted.add(((OneJob<?>) c.job).original);
                }
            }
            queue.clear();
            toStop = new ArrayList<>(workers.values());
            changed.signalAll();
            finishIfDone();
        } finally {
            lock.unlock();
        }
        for (Job job : jobs) {
            job.cancelled();
        }
        stop(toStop);
        return neverStarted;
    }

    @Override
    public void join() throws InterruptedException {
        checkNotRunning();
        ended.await();
    }

    @Override
    public boolean join(Duration timeout) throws InterruptedException {
        checkNotRunning();
        return awaitEnd(timeout);
    }

    /** Waits for the end without the check that the pool is not running, as {@code awaitTermination} does. */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(Math.max(0, nanos(timeout)), TimeUnit.NANOSECONDS);
    }

    private void checkNotRunning() {
        lock.lock();
        try {
            if (state == State.RUNNING) {
                throw new IllegalStateException("the pool is still running; call shutdown() or terminate() before"
                        + " join()");
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isShutdown() {
        lock.lock();
        try {
            return state != State.RUNNING;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isTerminated() {
        return ended.getCount() == 0;
    }

    @Override
    public void close() {
        shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                ended.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                terminate();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public ExecutorService asExecutorService() {
        return executorView;
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return "MpPool[state=" + state + ", size=" + size + ", workers=" + workers.size() + ", queued chunks="
                    + queue.size() + "]";
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    static long nanos(Duration d) {
        Objects.requireNonNull(d, "timeout");
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static long saturatedTimes(long a, int b) {
        long r = a * b;
        return b != 0 && r / b != a ? Long.MAX_VALUE : r;
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(null, body, name, THREAD_STACK_BYTES);
        t.setDaemon(true);
        return t;
    }

    // ---------------------------------------------------------------------------------------------- records

    /** A run of consecutive items of a job, sent to one worker in one message. */
    static final class Chunk {
        final Job job;
        final long id;
        final int start;
        final int count;
        final byte[] items;

        Chunk(Job job, long id, int start, int count, byte[] items) {
            this.job = job;
            this.id = id;
            this.start = start;
            this.count = count;
            this.items = items;
        }
    }

    /** One worker process and what the pool knows of it. Fields other than the outbox are guarded by the lock. */
    private static final class Worker {
        final long id;
        /** The chunk the worker runs, or null when it is idle. */
        Chunk running;
        /** Messages to send, in the order the pool decided them; whoever holds sendLock sends them. */
        final ConcurrentLinkedQueue<byte[]> outbox = new ConcurrentLinkedQueue<>();
        final ReentrantLock sendLock = new ReentrantLock();
        final CountDownLatch readerDone = new CountDownLatch(1);
        volatile StandardProcess process;
        volatile Connection connection;
        boolean ready;
        boolean stopSent;
        boolean ended;
        long lastJob = -1;
        int assigned;
        Chunk timedOut;

        Worker(long id) {
            this.id = id;
        }

        boolean canTake(int maxTasks) {
            return ready && !stopSent && !ended && running == null && (maxTasks == 0 || assigned < maxTasks);
        }

        String name() {
            StandardProcess p = process;
            return p == null ? "SpawnPoolWorker" : p.name();
        }

        String describe() {
            StandardProcess p = process;
            return "'" + name() + "' (pid " + (p == null ? "?" : p.pid().orElse(-1)) + ")";
        }

        /**
         * Sends the outbox, in order. Whoever holds the send lock sends everything queued, and looks again after it
         * lets go, so a thread that finds the lock taken can leave its messages to the holder. A failed send means
         * the worker is gone, which its exit reports.
         */
        void flush() {
            while (!outbox.isEmpty() && sendLock.tryLock()) {
                try {
                    byte[] m;
                    while ((m = outbox.poll()) != null) {
                        Connection c = connection;
                        if (c != null) {
                            c.sendBytes(m);
                        }
                    }
                } catch (RuntimeException gone) {
                    outbox.clear();
                } finally {
                    sendLock.unlock();
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- jobs

    /** A submission: its function, how it is called, and what to do with the results of its chunks. */
    abstract static class Job {
        final long id;
        final PoolWire.Kind kind;
        final byte[] function;
        final StandardPool pool;

        Job(StandardPool pool, PoolWire.Kind kind, byte[] function) {
            this.pool = pool;
            this.id = pool.nextJobId();
            this.kind = kind;
            this.function = function;
        }

        /** Called without the pool's lock, once per chunk. */
        abstract void chunkDone(Chunk chunk, Object[] results, boolean[] failed, String where);

        /** Every item of the chunk failed with {@code failure}. */
        void chunkFailed(Chunk chunk, Throwable failure, String where) {
            Object[] results = new Object[chunk.count];
            boolean[] failed = new boolean[chunk.count];
            Arrays.fill(results, failure);
            Arrays.fill(failed, true);
            chunkDone(chunk, results, failed, where);
        }

        abstract boolean isAbandoned();

        abstract void cancelled();

        abstract void broken(PoolBrokenException e);
    }

    /** A job whose outcome is one {@link PoolFuture}. */
    abstract static class FutureJob<T> extends Job {
        final PoolFuture<T> future;

        FutureJob(StandardPool pool, PoolWire.Kind kind, byte[] function, Consumer<? super T> onSuccess,
                Consumer<? super Throwable> onError) {
            super(pool, kind, function);
            this.future = new PoolFuture<>(onSuccess, onError, () -> pool.cancelJob(this));
        }

        @Override
        boolean isAbandoned() {
            return future.isDone();
        }

        @Override
        void cancelled() {
            future.cancelled();
        }

        @Override
        void broken(PoolBrokenException e) {
            future.fail(e, null);
        }
    }

    /** One call: {@code apply}, {@code applyAsync}, or a task of the executor view. */
    static final class OneJob<R> extends FutureJob<R> {
        final R localResult;
        /** The task as submitted to the executor view, for {@code shutdownNow}; null for apply. */
        final Runnable original;

        OneJob(StandardPool pool, PoolWire.Kind kind, byte[] function, R localResult, Consumer<? super R> onSuccess,
                Consumer<? super Throwable> onError, Runnable original) {
            super(pool, kind, function, onSuccess, onError);
            this.localResult = localResult;
            this.original = original;
        }

        @Override
        @SuppressWarnings("unchecked")
        void chunkDone(Chunk chunk, Object[] results, boolean[] failed, String where) {
            pool.jobFinished(this);
            if (failed[0]) {
                future.fail((Throwable) results[0], where);
            } else {
                future.succeed(kind == PoolWire.Kind.RUN ? localResult : (R) results[0]);
            }
        }

    }

    /** {@code map}, {@code mapAsync}, {@code starmap}: done when every chunk is, failed by its first failed item. */
    static final class MapJob<R> extends FutureJob<List<R>> {
        private final Object[] results;
        private int itemsLeft;
        private int firstFailed = Integer.MAX_VALUE;
        private Throwable failure;
        private String failedIn;

        MapJob(StandardPool pool, PoolWire.Kind kind, byte[] function, int items,
                Consumer<? super List<R>> onSuccess, Consumer<? super Throwable> onError) {
            super(pool, kind, function, onSuccess, onError);
            this.results = new Object[items];
            this.itemsLeft = items;
        }

        @Override
        @SuppressWarnings("unchecked")
        void chunkDone(Chunk chunk, Object[] chunkResults, boolean[] failed, String where) {
            synchronized (this) {
                for (int i = 0; i < chunkResults.length; i++) {
                    int position = chunk.start + i;
                    if (failed[i] && position < firstFailed) {
                        firstFailed = position;
                        failure = (Throwable) chunkResults[i];
                        failedIn = where;
                    } else if (!failed[i]) {
                        results[position] = chunkResults[i];
                    }
                }
                itemsLeft -= chunkResults.length;
                if (itemsLeft > 0) {
                    return;
                }
            }
            pool.jobFinished(this);
            if (failure != null) {
                future.fail(failure, failedIn);
            } else {
                future.succeed(Collections.unmodifiableList(Arrays.asList((R[]) results)));
            }
        }

    }

    /** {@code imap} and {@code imapUnordered}: results go to the iterator as chunks finish. */
    static final class IterJob<R> extends Job {
        final PoolResultIterator<R> results;
        /** Chunks of this job in the pool's queue. Guarded by the pool's lock. */
        int queued;
        private int itemsFed;
        private int itemsDone;
        private boolean inputOver;

        IterJob(StandardPool pool, byte[] function, boolean ordered) {
            super(pool, PoolWire.Kind.MAP, function);
            this.results = new PoolResultIterator<>(ordered);
        }

        void fed(int items) {
            synchronized (this) {
                itemsFed += items;
            }
            results.fed(items);
        }

        /** The feeder is done: the job is finished once every item fed has a result. */
        void inputOver() {
            synchronized (this) {
                inputOver = true;
            }
            finishIfComplete();
        }

        @Override
        void chunkDone(Chunk chunk, Object[] chunkResults, boolean[] failed, String where) {
            results.deliver(chunk.start, chunkResults, failed, where);
            synchronized (this) {
                itemsDone += chunkResults.length;
            }
            finishIfComplete();
        }

        private void finishIfComplete() {
            boolean complete;
            synchronized (this) {
                complete = inputOver && itemsDone >= itemsFed;
            }
            if (complete) {
                pool.jobFinished(this);
            }
        }

        @Override
        boolean isAbandoned() {
            return results.isAbandoned();
        }

        @Override
        void cancelled() {
            results.cancelled();
        }

        @Override
        void broken(PoolBrokenException e) {
            results.broken(e);
        }
    }
}
