package io.multiproc4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.multiproc4j.MpPool;
import io.multiproc4j.PoolIterator;
import io.multiproc4j.PoolOptions;
import io.multiproc4j.tck.support.Bounded;
import io.multiproc4j.tck.support.OsProcesses;
import io.multiproc4j.tck.support.TckEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;

/**
 * What the pool rules share: pools that are terminated after the test whatever it left them doing, so that a failing
 * implementation fails one rule and not the leak check of the next; a bound on every call that waits for pool work,
 * so that an implementation that loses a result fails its rule instead of stalling the run; and a meeting of tasks
 * that shows how many workers really run.
 */
abstract class PoolChecksBase extends IpcChecksBase {

    /** A worker's name, as Python names its spawned pool workers. */
    static final String WORKER_NAME = "SpawnPoolWorker-\\d+";

    private final List<MpPool> pools = new ArrayList<>();

    PoolChecksBase(String providerId) {
        super(providerId);
    }

    @AfterEach
    final void terminateThePoolsTheTestLeft() {
        for (MpPool pool : pools) {
            try {
                Bounded.within(TckEnvironment.PROMPT, "terminate() and join() after the test", () -> {
                    pool.terminate();
                    pool.join();
                    return null;
                });
            } catch (Exception | AssertionError e) {
                // The rule under test has already passed or failed; the leak check reports any worker left.
            }
        }
        pools.clear();
    }

    /** Creates a pool of {@code workers} workers; it is terminated after the test. */
    final MpPool pool(int workers) {
        return track(mp.newPool(workers));
    }

    /** Creates a pool with {@code options}; it is terminated after the test. */
    final MpPool pool(PoolOptions options) {
        return track(mp.newPool(options));
    }

    /** Makes sure a pool the test created is terminated after it. */
    final MpPool track(MpPool pool) {
        pools.add(pool);
        return pool;
    }

    /**
     * Runs a call that waits for pool work, failing instead of hanging if it does not return within
     * {@link TckEnvironment#LONG}, the bound of anything that is expected to happen.
     *
     * @return what the call returned
     * @throws Exception what the call threw
     */
    static <T> T waitFor(String what, Callable<T> call) throws Exception {
        return Bounded.within(TckEnvironment.LONG, what, call);
    }

    /** The result of pool work, waiting for it as {@link #waitFor} does. */
    static <R> R result(Future<R> pending, String what) throws Exception {
        return waitFor(what, pending::get);
    }

    /** The next result of a pool iterator, waiting for it as {@link #waitFor} does. */
    static <R> R next(PoolIterator<R> results) throws Exception {
        return waitFor("next()", results::next);
    }

    /** As {@link #waitFor}, for a call that must return within {@link TckEnvironment#PROMPT}. */
    static <T> T promptlyDo(String what, Callable<T> call) throws Exception {
        return Bounded.within(TckEnvironment.PROMPT, what, call);
    }

    /**
     * Waits until exactly {@code pool.size()} processes descended from this JVM run, none of them in {@code gone}: in
     * a pool rule, these are the pool's workers.
     *
     * @return their pids
     */
    static Set<Long> awaitWorkers(MpPool pool, Collection<Long> gone) {
        await(pool.size() + " workers running, none of " + gone).atMost(TckEnvironment.LONG)
                .pollInterval(Duration.ofMillis(10)).until(() -> {
                    Set<Long> running = runningDescendants();
                    return running.size() == pool.size() && running.stream().noneMatch(gone::contains);
                });
        return runningDescendants();
    }

    static Set<Long> pidsIn(Collection<String> pidTexts) {
        return pidTexts.stream().map(Long::parseLong).collect(Collectors.toSet());
    }

    /** Asserts that none of the processes runs now. */
    static void assertEnded(Collection<Long> pids, String what) {
        assertThat(pids.stream().filter(OsProcesses::running).collect(Collectors.toList()))
                .as("%s still running", what).isEmpty();
    }

    /** Waits up to {@link TckEnvironment#PROMPT} until none of the processes runs. */
    static void awaitEnded(Collection<Long> pids, String what) {
        await(what + " end").atMost(TckEnvironment.PROMPT).pollInterval(Duration.ofMillis(10))
                .until(() -> pids.stream().noneMatch(OsProcesses::running));
    }

    /** @return the pids of the running processes descended from this JVM */
    static Set<Long> runningDescendants() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid).filter(OsProcesses::running)
                .collect(Collectors.toSet());
    }
}
