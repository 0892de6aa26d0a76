package io.multiproc4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.multiproc4j.AsyncResult;
import io.multiproc4j.MessageNotSerializableException;
import io.multiproc4j.MpPool;
import io.multiproc4j.MpProcess;
import io.multiproc4j.PoolBrokenException;
import io.multiproc4j.PoolFunction;
import io.multiproc4j.PoolOptions;
import io.multiproc4j.RemoteTaskException;
import io.multiproc4j.TaskNotSerializableException;
import io.multiproc4j.tck.support.Bounded;
import io.multiproc4j.tck.support.KitTasks;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Rules POOL-01 to POOL-13 and POOL-35: creating a pool, its workers, apply and its results, what cannot cross. */
abstract class PoolChecks extends PoolChecksBase {

    PoolChecks(String providerId) {
        super(providerId);
    }

    /**
     * Runs {@code pool.size()} tasks that complete only together, and so only if that many workers run them at the
     * same time, as tasks that meet at a barrier given to the workers by the initializer would.
     */
    private void meetEveryWorker(MpPool pool) throws Exception {
        int parties = pool.size();
        String dir = ex.path();
        List<AsyncResult<KitTasks.Worker>> results = new ArrayList<>();
        for (int i = 0; i < parties; i++) {
            int index = i;
            results.add(pool.applyAsync(() -> KitTasks.meet(dir, "meeting", index, parties)));
        }
        Set<Long> pids = new HashSet<>();
        for (AsyncResult<KitTasks.Worker> r : results) {
            pids.add(result(r, parties + " tasks that complete only when " + parties + " workers run them at once")
                    .pid());
        }
        assertThat(pids).as("processes of %s tasks that ran at the same time", parties).hasSize(parties);
    }

    /** POOL-01: a pool has the workers it was asked for, and bad options are refused. */
    @Test
    void required_pool01_newPoolStartsItsWorkersAndRefusesBadOptions() throws Exception {
        MpPool three = track(mp.newPool(3));
        assertThat(three.size()).as("size() of newPool(3)").isEqualTo(3);
        awaitWorkers(three, Set.of());
        meetEveryWorker(three);
        promptlyDo("terminate() and join()", () -> {
            three.terminate();
            three.join();
            return null;
        });
        MpPool standard = track(mp.newPool());
        assertThat(standard.size()).as("size() of newPool(), with cpuCount() %s", mp.cpuCount())
                .isEqualTo(mp.cpuCount());
        Map<String, ThrowingCallable> refused = new LinkedHashMap<>();
        refused.put("newPool(0)", () -> track(mp.newPool(0)));
        refused.put("newPool(-1)", () -> track(mp.newPool(-1)));
        refused.put("workers(0)", () -> PoolOptions.defaults().workers(0));
        refused.put("maxTasksPerWorker(0)", () -> PoolOptions.defaults().maxTasksPerWorker(0));
        refused.put("maxTasksPerWorker(-2)", () -> PoolOptions.defaults().maxTasksPerWorker(-2));
        refused.put("taskTimeout(0)", () -> PoolOptions.defaults().taskTimeout(Duration.ZERO));
        refused.put("taskTimeout(-1 ms)", () -> PoolOptions.defaults().taskTimeout(Duration.ofMillis(-1)));
        refused.forEach((what, call) -> assertThatThrownBy(call).as(what)
                .isInstanceOf(IllegalArgumentException.class));
    }

    /** POOL-02: the initializer runs once per worker, before its first task. */
    @Test
    void required_pool02_initializerRunsOnceInEachWorkerBeforeItsFirstTask() throws Exception {
        String dir = ex.path();
        MpPool pool = pool(PoolOptions.defaults().workers(2).initializer(() -> KitTasks.recordInitialization(dir)));
        List<AsyncResult<KitTasks.Worker>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tasks.add(pool.applyAsync(KitTasks::describeWorker));
        }
        for (AsyncResult<KitTasks.Worker> r : tasks) {
            KitTasks.Worker w = result(r, "a task of a pool with an initializer");
            assertThat(w.initializations()).as("initializer runs in worker %s when a task ran there", w.pid())
                    .isEqualTo(1);
        }
        Set<String> once = awaitWorkers(pool, Set.of()).stream().map(pid -> "initialized-" + pid + "-1")
                .collect(Collectors.toSet());
        await("the initializer has run in every worker").atMost(TckEnvironment.LONG)
                .pollInterval(Duration.ofMillis(10)).until(() -> ex.entries("initialized-").keySet().containsAll(once));
        assertThat(ex.entries("initialized-").keySet()).as("runs of the initializer (initialized-<pid>-<run>)")
                .containsExactlyInAnyOrderElementsOf(once);
    }

    /** POOL-03: many tasks run in at most size() reused workers. */
    @Test
    void required_pool03_manyTasksRunInAtMostSizeReusedWorkers() throws Exception {
        MpPool pool = pool(2);
        List<Integer> items = IntStream.range(0, 30).boxed().collect(Collectors.toList());
        List<KitTasks.Computed> done = waitFor("map over 30 items",
                () -> pool.map(KitTasks::squareHere, items, 1));
        Set<Long> pids = done.stream().map(KitTasks.Computed::pid).collect(Collectors.toSet());
        assertThat(pids).as("processes that ran 30 tasks on a pool of 2").hasSizeBetween(1, 2)
                .doesNotContain(ownPid());
    }

    /** POOL-04: workers are daemons named SpawnPoolWorker-N, and cannot start processes or pools. */
    @Test
    void required_pool04_workersAreDaemonsNamedSpawnPoolWorkerAndCannotHaveChildren() throws Exception {
        MpPool pool = pool(2);
        List<AsyncResult<KitTasks.Worker>> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tasks.add(pool.applyAsync(KitTasks::describeWorker));
        }
        for (AsyncResult<KitTasks.Worker> r : tasks) {
            KitTasks.Worker w = result(r, "a task that describes its worker");
            assertThat(w.name()).as("name of worker %s", w.pid()).matches(WORKER_NAME);
            assertThat(w.daemon()).as("whether worker %s is a daemon", w.name()).isTrue();
        }
        assertThat(waitFor("a task that starts a process", () -> pool.apply(KitTasks::tryToStartAProcess)))
                .as("a task's attempt to start a process").startsWith("refused java.lang.IllegalStateException");
        assertThat(waitFor("a task that creates a pool", () -> pool.apply(KitTasks::tryToCreateAPool)))
                .as("a task's attempt to create a pool").startsWith("refused java.lang.IllegalStateException");
    }

    /** POOL-05: with one task per worker, every task gets a fresh worker and the pool keeps its size. */
    @Test
    void required_pool05_maxTasksPerWorkerOneGivesEachTaskAFreshWorker() throws Exception {
        MpPool pool = pool(PoolOptions.defaults().workers(2).maxTasksPerWorker(1));
        List<Integer> items = List.of(0, 1, 2, 3, 4, 5);
        List<KitTasks.Computed> done = waitFor("map over 6 items", () -> pool.map(KitTasks::squareHere, items, 1));
        assertThat(done).as("results").hasSize(6)
                .allSatisfy(c -> assertThat(c.value()).as("result for item %s", c.item())
                        .isEqualTo(c.item() * c.item()));
        assertThat(done.stream().map(KitTasks.Computed::item).collect(Collectors.toSet())).as("items with a result")
                .containsExactlyInAnyOrderElementsOf(items);
        assertThat(done.stream().map(KitTasks.Computed::pid).collect(Collectors.toSet()))
                .as("processes of 6 tasks with maxTasksPerWorker(1)").hasSize(6);
        assertThat(pool.size()).as("size() afterwards").isEqualTo(2);
        awaitWorkers(pool, Set.of());
        assertThat(result(pool.applyAsync(() -> KitTasks.square(3)), "a task afterwards")).isEqualTo(9);
    }

    /** POOL-06: an initializer that throws breaks the pool, and its workers are stopped. */
    @Test
    void required_pool06_initializerThatThrowsBreaksThePool() throws Exception {
        Set<Long> before = runningDescendants();
        MpPool pool = pool(PoolOptions.defaults().workers(2).initializer(KitTasks::failInitialization));
        Throwable broken;
        try {
            AsyncResult<Long> first = pool.applyAsync(KitTasks::workerPid);
            Throwable failure = catchThrowable(
                    () -> result(first, "get() of a task of a pool whose initializer throws"));
            assertThat(failure).as("get() of a task of a pool whose initializer throws")
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(PoolBrokenException.class);
            broken = failure.getCause();
        } catch (PoolBrokenException alreadyBroken) {
            broken = alreadyBroken;
        }
        assertThat(broken.getCause()).as("cause of the PoolBrokenException").isNotNull()
                .isInstanceOf(IllegalStateException.class).hasMessage(KitTasks.INITIALIZER_FAILURE);
        assertThatThrownBy(() -> promptlyDo("applyAsync on a broken pool",
                () -> pool.applyAsync(KitTasks::workerPid))).as("applyAsync on a broken pool")
                .isInstanceOf(PoolBrokenException.class);
        assertThatThrownBy(() -> promptlyDo("apply on a broken pool", () -> pool.apply(KitTasks::workerPid)))
                .as("apply on a broken pool").isInstanceOf(PoolBrokenException.class);
        assertThatThrownBy(() -> promptlyDo("map on a broken pool", () -> pool.map(KitTasks::square, List.of(1, 2))))
                .as("map on a broken pool").isInstanceOf(PoolBrokenException.class);
        await("the workers of a broken pool end").atMost(TckEnvironment.PROMPT)
                .pollInterval(Duration.ofMillis(10)).until(() -> before.containsAll(runningDescendants()));
    }

    /** POOL-07: apply returns the task's result; applyAsync's get blocks until it is ready. */
    @Test
    void required_pool07_applyReturnsTheResultAndGetBlocksUntilItIsReady() throws Exception {
        MpPool pool = pool(1);
        assertThat(waitFor("apply", () -> pool.apply(() -> KitTasks.square(7)))).as("apply of 7 squared")
                .isEqualTo(49);
        assertThat(waitFor("apply", () -> pool.apply(KitTasks::workerPid))).as("the process apply ran its task in")
                .isNotEqualTo(ownPid());
        String dir = ex.path();
        AsyncResult<Long> held = pool.applyAsync(() -> KitTasks.holdUntil(dir, "started", "go"));
        Future<Long> getting = Bounded.inBackground("get()", held::get);
        long worker = Long.parseLong(ex.await("started"));
        Bounded.assertStillBlocked(getting, STILL_BLOCKED, "get() while the task runs");
        ex.put("go", "now");
        assertThat(Bounded.await(getting, TckEnvironment.LONG, "get() once the task can finish"))
                .as("the result get() returns").isEqualTo(worker);
    }

    /** POOL-08: an AsyncResult's state before and after its task finishes. */
    @Test
    void required_pool08_asyncResultReportsItsStateBeforeAndAfterTheTaskFinishes() throws Exception {
        MpPool pool = pool(1);
        String dir = ex.path();
        AsyncResult<Long> held = pool.applyAsync(() -> KitTasks.holdUntil(dir, "started", "go"));
        ex.await("started");
        assertThat(held.ready()).as("ready() while the task runs").isFalse();
        assertThat(held.isDone()).as("isDone() while the task runs").isFalse();
        assertThatThrownBy(held::successful).as("successful() while the task runs")
                .isInstanceOf(IllegalStateException.class);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> Bounded.within(TIMEOUT.plus(TckEnvironment.PROMPT), "get(timeout)",
                () -> held.get(TIMEOUT))).as("get(%s) while the task runs", TIMEOUT)
                .isInstanceOf(TimeoutException.class);
        assertWaitedAtLeast(t0, TIMEOUT, "get(timeout)");
        t0 = System.nanoTime();
        assertThat(Bounded.within(TIMEOUT.plus(TckEnvironment.PROMPT), "await(timeout)", () -> held.await(TIMEOUT)))
                .as("await(%s) while the task runs", TIMEOUT).isFalse();
        assertWaitedAtLeast(t0, TIMEOUT, "await(timeout)");
        ex.put("go", "now");
        waitFor("await() once the task can finish", () -> {
            held.await();
            return null;
        });
        assertThat(held.ready()).as("ready() once the task finished").isTrue();
        assertThat(held.isDone()).as("isDone() once the task finished").isTrue();
        assertThat(held.successful()).as("successful() once the task returned").isTrue();
    }

    /** POOL-09: exactly one callback, in the caller, before get() returns. */
    @Test
    void required_pool09_exactlyOneCallbackRunsInTheCallerBeforeGetReturns() throws Exception {
        MpPool pool = pool(1);
        long caller = ownPid();
        List<String> onSuccess = new CopyOnWriteArrayList<>();
        List<String> onFailure = new CopyOnWriteArrayList<>();
        AsyncResult<Integer> good = pool.applyAsync(() -> KitTasks.square(6),
                v -> onSuccess.add("onSuccess " + v + " in " + ProcessHandle.current().pid()),
                e -> onSuccess.add("onError " + e + " in " + ProcessHandle.current().pid()));
        assertThat(result(good, "get() of a task that succeeds")).isEqualTo(36);
        assertThat(onSuccess).as("callbacks called when get() returned, for a task that succeeded")
                .containsExactly("onSuccess 36 in " + caller);
        AsyncResult<Integer> bad = pool.applyAsync(() -> KitTasks.throwTaskFailure("kit-task-failure"),
                v -> onFailure.add("onSuccess " + v + " in " + ProcessHandle.current().pid()),
                e -> onFailure.add("onError " + e.getClass().getName() + ": " + e.getMessage() + " in "
                        + ProcessHandle.current().pid()));
        assertThatThrownBy(() -> result(bad, "get() of a task that fails"))
                .isInstanceOf(ExecutionException.class);
        assertThat(onFailure).as("callbacks called when get() threw, for a task that failed")
                .containsExactly("onError java.lang.IllegalStateException: kit-task-failure in " + caller);
        waitFor("close()", () -> {
            pool.close();
            return null;
        });
        assertThat(onSuccess).as("callbacks called in all, for the task that succeeded").hasSize(1);
        assertThat(onFailure).as("callbacks called in all, for the task that failed").hasSize(1);
    }

    /** POOL-10: a task's exception reaches the caller with the worker's name and stack trace. */
    @Test
    void required_pool10_taskExceptionReachesTheCallerWithTheWorkersStackTrace() throws Exception {
        MpPool pool = pool(1);
        Throwable viaApply = catchThrowable(() -> waitFor("apply of a task that throws",
                () -> pool.apply(() -> KitTasks.throwTaskFailure("kit-task-failure"))));
        AsyncResult<Integer> r = pool.applyAsync(() -> KitTasks.throwTaskFailure("kit-task-failure"));
        Throwable viaGet = catchThrowable(() -> result(r, "get() of a task that throws"));
        for (Throwable thrown : List.of(viaApply, viaGet)) {
            String what = thrown == viaApply ? "apply" : "get()";
            assertThat(thrown).as("what %s threw for a task that threw", what).isInstanceOf(ExecutionException.class);
            assertThat(thrown.getMessage()).as("message of the ExecutionException %s threw", what)
                    .containsPattern(WORKER_NAME);
            assertThat(thrown.getCause()).as("cause of the ExecutionException %s threw", what)
                    .isInstanceOf(IllegalStateException.class).hasMessage("kit-task-failure");
            assertThat(Arrays.stream(thrown.getCause().getStackTrace())
                    .anyMatch(f -> f.getClassName().equals(KitTasks.class.getName())
                            && f.getMethodName().equals("throwTaskFailure")))
                    .as("the cause's stack trace %s contains the task's method KitTasks.throwTaskFailure",
                            Arrays.toString(thrown.getCause().getStackTrace()))
                    .isTrue();
        }
    }

    /** POOL-11: an exception that cannot be serialised arrives as a RemoteTaskException. */
    @Test
    void required_pool11_unserialisableTaskExceptionArrivesAsRemoteTaskException() throws Exception {
        MpPool pool = pool(1);
        long before = waitFor("apply", () -> pool.apply(KitTasks::workerPid));
        Throwable thrown = catchThrowable(() -> waitFor("apply of a task that throws an unserialisable exception",
                () -> pool.apply(() -> KitTasks.throwUnserialisableFailure("kit-unserialisable-failure"))));
        assertThat(thrown).as("what apply threw for a task whose exception cannot be serialised")
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(RemoteTaskException.class)
                .hasMessageContaining(KitTasks.UnserialisableFailure.class.getName())
                .hasMessageContaining("kit-unserialisable-failure");
        assertThat(((RemoteTaskException) thrown.getCause()).remoteClassName()).as("remoteClassName()")
                .isEqualTo(KitTasks.UnserialisableFailure.class.getName());
        assertThat(waitFor("apply after the failure", () -> pool.apply(KitTasks::workerPid)))
                .as("the worker of a one-worker pool after the failure").isEqualTo(before);
    }

    /** POOL-12: a result that cannot be serialised fails its task, and the worker goes on. */
    @Test
    void required_pool12_unserialisableResultFailsItsTaskAndTheWorkerGoesOn() throws Exception {
        MpPool pool = pool(1);
        long before = waitFor("apply", () -> pool.apply(KitTasks::workerPid));
        for (int i = 1; i <= 20; i++) {
            AsyncResult<Object> r = pool.applyAsync(KitTasks::unserialisableResult);
            assertThat(catchThrowable(() -> result(r, "get() of an unserialisable result")))
                    .as("get() of unserialisable result number %s", i)
                    .isInstanceOf(ExecutionException.class).cause()
                    .isInstanceOf(MessageNotSerializableException.class);
        }
        assertThat(waitFor("apply after the failures", () -> pool.apply(KitTasks::workerPid)))
                .as("the worker of a one-worker pool after 20 unserialisable results").isEqualTo(before);
    }

    /** POOL-13: what cannot be serialised is refused in the caller, and nothing of it runs. */
    @Test
    void required_pool13_unserialisableTaskFunctionOrItemIsRefusedInTheCaller() throws Exception {
        MpPool pool = pool(2);
        String dir = ex.path();
        Object thing = new KitTasks.NotSerializableThing();
        PoolFunction<Integer, Integer> badFunction = x -> KitTasks.recordRun(dir, "ran-function-" + x)
                + thing.hashCode();
        PoolFunction<Object, Integer> goodFunction = x -> KitTasks.recordRun(dir, "ran-item-" + x);
        List<Integer> items = List.of(1, 2);
        List<Object> badItems = List.of(1, 2, thing);
        refusedInTheCaller("apply of a task that captured it",
                () -> pool.apply(() -> KitTasks.recordRun(dir, "ran-apply") + thing.hashCode()));
        refusedInTheCaller("applyAsync of a task that captured it",
                () -> pool.applyAsync(() -> KitTasks.recordRun(dir, "ran-apply-async") + thing.hashCode()));
        refusedInTheCaller("map with a function that captured it", () -> pool.map(badFunction, items));
        refusedInTheCaller("mapAsync with a function that captured it", () -> pool.mapAsync(badFunction, items));
        refusedInTheCaller("map of items among which it is", () -> pool.map(goodFunction, badItems));
        refusedInTheCaller("mapAsync of items among which it is", () -> pool.mapAsync(goodFunction, badItems));
        assertThat(waitFor("apply after the refusals", () -> pool.apply(() -> KitTasks.square(3))))
                .as("apply after the refusals").isEqualTo(9);
        waitFor("close()", () -> {
            pool.close();
            return null;
        });
        Set<String> ran = new HashSet<>();
        for (String key : List.of("ran-apply", "ran-apply-async", "ran-function-1", "ran-function-2", "ran-item-1",
                "ran-item-2")) {
            ex.peek(key).ifPresent(v -> ran.add(key));
        }
        assertThat(ran).as("parts of refused submissions that ran anyway").isEmpty();
    }

    private static void refusedInTheCaller(String what, Callable<?> call) {
        assertThatThrownBy(() -> Bounded.within(TckEnvironment.PROMPT, what, call))
                .as("%s, which captured an object that is not serialisable", what)
                .isInstanceOfSatisfying(TaskNotSerializableException.class, e -> assertThat(e.offendingClass())
                        .as("the offending class it names").isEqualTo(KitTasks.NotSerializableThing.class.getName()));
    }

    /** POOL-35: a pool cannot be captured by a task. */
    @Test
    void required_pool35_poolCannotBeCapturedInATask() throws Exception {
        MpPool pool = pool(1);
        MpProcess p = mp.newProcess(() -> System.out.println(pool.size()));
        assertThatThrownBy(p::start).as("start() of a process whose task captured a pool")
                .isInstanceOf(TaskNotSerializableException.class);
        assertThat(p.pid()).as("pid of the process that could not start").isEmpty();
        MpPool other = pool(1);
        assertThatThrownBy(() -> promptlyDo("apply of a task that captured a pool",
                () -> other.apply(() -> pool.size()))).as("apply of a task that captured another pool")
                .isInstanceOf(TaskNotSerializableException.class);
    }
}
