package io.multiproc4j;

import java.util.List;
import java.util.Optional;

/**
 * One implementation's multiprocessing, as Python's {@code multiprocessing.get_context()} returns it: the factory
 * for processes and the view of the current process tree. Obtain it with {@link Multiprocessing#context()} or
 * {@link Multiprocessing#context(String)}; {@link Multiprocessing}'s static methods delegate to the default one.
 *
 * <p>It also creates the IPC objects processes talk through: pipes, queues, shared values and arrays, shared-memory
 * blocks, locks and the other synchronisation primitives, and authenticated socket connections. Each kind is
 * described by its own type; how they reach other processes is described in the
 * <a href="package-summary.html#ipc">package documentation</a>.
 *
 * <p><b>Thread safety.</b> Every method may be called from any thread.
 */
public interface MpContext extends IpcFactory {

    /**
     * @return the id of the provider behind this context, for example {@code processbuilder}
     */
    String providerId();

    /**
     * Creates a process that will run {@code task} once started. Nothing is serialised and no process exists until
     * {@link MpProcess#start()}.
     *
     * @param task what the process runs
     * @return a new, unstarted process with the next default name
     * @throws NullPointerException if {@code task} is null
     */
    MpProcess newProcess(ProcessTask task);

    /**
     * The process this code runs in: {@code MainProcess} in the main program, the child's own process in a child.
     * Rules PROC-04, IDENT-02.
     *
     * @return the current process; joining, terminating or killing it throws {@link IllegalStateException}
     */
    MpProcess currentProcess();

    /**
     * The process that started this one. Rule IDENT-03.
     *
     * @return the parent (observe it with {@code isAlive}, {@code join} and {@code pid}), or empty in the main
     *     program
     */
    Optional<MpProcess> parentProcess();

    /**
     * The children of the current process that have been started and have not yet ended. Rules IDENT-04, REAP-01.
     *
     * @return a new list, in start order
     */
    List<MpProcess> activeChildren();

    /**
     * @return the number of processors available to this JVM (rule IDENT-05)
     */
    int cpuCount();

    /**
     * Creates a pool of worker processes and starts them (Python's {@code Pool(...)}). If a worker cannot be
     * started, those already started are stopped and the error is thrown.
     *
     * @param options the number of workers, initializer, tasks per worker and task timeout
     * @return the running pool
     * @throws TaskNotSerializableException if the initializer cannot be serialised
     * @throws IllegalStateException if called in a daemon process (a pool worker, for example), which may not have
     *     children
     */
    MpPool newPool(PoolOptions options);

    /**
     * Creates a pool of {@code workers} worker processes (Python's {@code Pool(workers)}).
     *
     * @param workers how many, at least 1
     * @return the running pool
     * @throws IllegalArgumentException if {@code workers} is less than 1
     */
    default MpPool newPool(int workers) {
        return newPool(PoolOptions.defaults().workers(workers));
    }

    /**
     * Creates a pool with one worker per processor (Python's {@code Pool()}).
     *
     * @return the running pool
     */
    default MpPool newPool() {
        return newPool(PoolOptions.defaults());
    }
}
