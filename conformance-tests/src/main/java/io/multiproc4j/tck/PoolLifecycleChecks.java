package io.multiproc4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.multiproc4j.AsyncResult;
import io.multiproc4j.MpPool;
import io.multiproc4j.PoolFunction;
import io.multiproc4j.tck.scenarios.PoolLeftOpenScenario;
import io.multiproc4j.tck.support.Bounded;
import io.multiproc4j.tck.support.KitTasks;
import io.multiproc4j.tck.support.OsProcesses;
import io.multiproc4j.tck.support.Scenario;
import io.multiproc4j.tck.support.TckEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Rules POOL-22 to POOL-26 and POOL-34: shutting a pool down, and a program that ends without doing so. */
abstract class PoolLifecycleChecks extends PoolMapChecks {

    PoolLifecycleChecks(String providerId) {
        super(providerId);
    }

    /** Every way to submit work, each with input that would succeed on a running pool. */
    static Map<String, Callable<?>> everySubmission(MpPool pool) {
        PoolFunction<Integer, Integer> square = KitTasks::square;
        List<Integer> items = List.of(1, 2);
        List<Map.Entry<Integer, Integer>> pairs = List.of(Map.entry(1, 2));
        Map<String, Callable<?>> calls = new LinkedHashMap<>();
        calls.put("apply", () -> pool.apply(() -> KitTasks.square(2)));
        calls.put("applyAsync", () -> pool.applyAsync(() -> KitTasks.square(2)));
        calls.put("applyAsync with callbacks", () -> pool.applyAsync(() -> KitTasks.square(2), r -> { }, e -> { }));
        calls.put("map", () -> pool.map(square, items));
        calls.put("map in chunks", () -> pool.map(square, items, 1));
        calls.put("mapAsync", () -> pool.mapAsync(square, items));
        calls.put("mapAsync in chunks", () -> pool.mapAsync(square, items, 1));
        calls.put("mapAsync with callbacks", () -> pool.mapAsync(square, items, 1, r -> { }, e -> { }));
        calls.put("imap", () -> pool.imap(square, items));
        calls.put("imap in chunks", () -> pool.imap(square, items, 1));
        calls.put("imapUnordered", () -> pool.imapUnordered(square, items));
        calls.put("imapUnordered in chunks", () -> pool.imapUnordered(square, items, 1));
        calls.put("starmap", () -> pool.starmap(KitTasks::combine, pairs));
        calls.put("starmap in chunks", () -> pool.starmap(KitTasks::combine, pairs, 1));
        calls.put("starmapAsync", () -> pool.starmapAsync(KitTasks::combine, pairs));
        return calls;
    }

    /** Submits {@code count} tasks that each wait for the entry {@code goKey} and then return their worker's pid. */
    final List<AsyncResult<Long>> heldTasks(MpPool pool, int count, String goKey) {
        String dir = ex.path();
        List<AsyncResult<Long>> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String started = "held-" + i;
            results.add(pool.applyAsync(() -> KitTasks.holdUntil(dir, started, goKey)));
        }
        return results;
    }

    /** POOL-22: after shutdown nothing new is accepted, and what was submitted completes. */
    @Test
    void required_pool22_shutdownRefusesNewWorkAndCompletesTheSubmittedWork() throws Exception {
        MpPool pool = pool(2);
        List<AsyncResult<Long>> submitted = heldTasks(pool, 6, "go");
        promptlyDo("shutdown()", () -> {
            pool.shutdown();
            return null;
        });
        everySubmission(pool).forEach((what, call) -> assertThatThrownBy(
                () -> Bounded.within(TckEnvironment.PROMPT, what, call)).as("%s after shutdown()", what)
                .isInstanceOf(IllegalStateException.class));
        ex.put("go", "now");
        Set<Long> workers = new HashSet<>();
        for (AsyncResult<Long> r : submitted) {
            workers.add(result(r, "get() of a task submitted before shutdown()"));
        }
        waitFor("join() after shutdown()", () -> {
            pool.join();
            return null;
        });
        assertEnded(workers, "workers after join()");
    }

    /** POOL-23: join on a running pool is refused. */
    @Test
    void required_pool23_joinOnARunningPoolThrowsIllegalState() throws Exception {
        MpPool pool = pool(1);
        assertThatThrownBy(() -> promptlyDo("join()", () -> {
            pool.join();
            return null;
        })).as("join() on a running pool").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> promptlyDo("join(timeout)", () -> pool.join(TIMEOUT)))
                .as("join(%s) on a running pool", TIMEOUT).isInstanceOf(IllegalStateException.class);
        assertThat(waitFor("apply", () -> pool.apply(() -> KitTasks.square(4)))).as("apply afterwards").isEqualTo(16);
    }

    /** POOL-24: terminate stops the workers at once and cancels what was not done. */
    @Test
    void required_pool24_terminateStopsTheWorkersPromptlyAndCancelsTheRest() throws Exception {
        MpPool pool = pool(2);
        String dir = ex.path();
        List<AsyncResult<Long>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String started = "started-" + i;
            results.add(pool.applyAsync(() -> KitTasks.busyUntilStopped(dir, started)));
        }
        await("two long tasks started").atMost(TckEnvironment.LONG).pollInterval(Duration.ofMillis(10))
                .until(() -> ex.entries("started-").size() >= 2);
        Set<Long> workers = pidsIn(ex.entries("started-").values());
        promptlyDo("terminate() with 200 long tasks", () -> {
            pool.terminate();
            return null;
        });
        promptlyDo("join() after terminate()", () -> {
            pool.join();
            return null;
        });
        assertEnded(workers, "workers after terminate() and join()");
        for (AsyncResult<Long> r : results) {
            assertThat(r.isCancelled()).as("isCancelled() of a result not ready at terminate()").isTrue();
        }
        assertThatThrownBy(() -> promptlyDo("get() of a cancelled result", results.get(0)::get))
                .as("get() of a result cancelled by terminate()").isInstanceOf(CancellationException.class);
        assertThatThrownBy(() -> promptlyDo("get() of a cancelled result", results.get(199)::get))
                .as("get() of a queued result cancelled by terminate()").isInstanceOf(CancellationException.class);
    }

    /** POOL-25: close waits for the submitted work, then the workers end. */
    @Test
    void required_pool25_closeWaitsForTheSubmittedWork() throws Exception {
        MpPool pool = pool(2);
        List<AsyncResult<Long>> submitted = heldTasks(pool, 4, "go");
        Future<Object> closing = Bounded.inBackground("close()", () -> {
            pool.close();
            return null;
        });
        Bounded.assertStillBlocked(closing, STILL_BLOCKED, "close() while submitted tasks wait");
        ex.put("go", "now");
        Bounded.await(closing, TckEnvironment.LONG, "close() once the submitted tasks can finish");
        Set<Long> workers = new HashSet<>();
        for (AsyncResult<Long> r : submitted) {
            assertThat(r.ready()).as("ready() of a task submitted before close(), when close() returned").isTrue();
            assertThat(r.successful()).as("successful() of a task submitted before close()").isTrue();
            workers.add(promptlyDo("get() of a ready result", r::get));
        }
        assertEnded(workers, "workers when close() returned");
        long t0 = System.nanoTime();
        promptlyDo("a second close()", () -> {
            pool.close();
            return null;
        });
        assertAtOnce(t0, "a second close()");
        assertThat(pool.isShutdown()).as("isShutdown() after close()").isTrue();
        assertThat(pool.isTerminated()).as("isTerminated() after close()").isTrue();
    }

    /** POOL-26: repeated shutdown, terminate and join are harmless, and the state queries follow the workers. */
    @Test
    void required_pool26_repeatedCallsAreHarmlessAndStateFollowsTheWorkers() throws Exception {
        MpPool pool = pool(1);
        assertThat(pool.isShutdown()).as("isShutdown() of a running pool").isFalse();
        assertThat(pool.isTerminated()).as("isTerminated() of a running pool").isFalse();
        heldTasks(pool, 1, "never");
        long worker = Long.parseLong(ex.await("held-0"));
        promptlyDo("shutdown() twice", () -> {
            pool.shutdown();
            pool.shutdown();
            return null;
        });
        assertThat(pool.isShutdown()).as("isShutdown() after shutdown()").isTrue();
        boolean terminated = pool.isTerminated();
        assertThat(terminated && OsProcesses.running(worker))
                .as("isTerminated() %s while worker %s runs", terminated, worker).isFalse();
        promptlyDo("terminate() after shutdown()", () -> {
            pool.terminate();
            return null;
        });
        promptlyDo("join() twice, then join(0)", () -> {
            pool.join();
            pool.join();
            assertThat(pool.join(Duration.ZERO)).as("join(0) after join()").isTrue();
            return null;
        });
        assertThat(pool.isTerminated()).as("isTerminated() after join()").isTrue();
        assertEnded(List.of(worker), "the worker after join()");
    }

    /** POOL-34: a program that leaves its pool open still ends promptly, and so do its workers. */
    @Test
    void required_pool34_programThatLeavesItsPoolOpenEndsWithItsWorkers() throws Exception {
        try (Scenario s = Scenario.start(providerId, PoolLeftOpenScenario.class, ex.path())) {
            String line = s.awaitLine("WORKER-PIDS ");
            Set<Long> workers = Arrays.stream(line.substring("WORKER-PIDS ".length()).split(" "))
                    .map(Long::parseLong).collect(Collectors.toSet());
            assertThat(s.awaitExit(TckEnvironment.PROMPT)).as("exit status of a program whose main returned")
                    .isZero();
            awaitEnded(workers, "the workers of a program that ended");
        }
    }
}
