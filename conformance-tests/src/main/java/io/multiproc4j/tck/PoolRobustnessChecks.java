package io.multiproc4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.multiproc4j.AsyncResult;
import io.multiproc4j.MpPool;
import io.multiproc4j.PoolIterator;
import io.multiproc4j.PoolOptions;
import io.multiproc4j.TaskTimedOutException;
import io.multiproc4j.WorkerDiedException;
import io.multiproc4j.tck.support.KitTasks;
import io.multiproc4j.tck.support.TckEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Rules POOL-27 to POOL-30: cancelling, and the failures Python's pool does not survive. */
abstract class PoolRobustnessChecks extends PoolLifecycleChecks {

    /** The task timeout of POOL-30: far longer than the kit's quick tasks take, even in a worker just started. */
    static final Duration TASK_TIMEOUT = TckEnvironment.TICK.multipliedBy(8);

    PoolRobustnessChecks(String providerId) {
        super(providerId);
    }

    /** Asserts that a failure is an ExecutionException caused by a worker's death with the given exit code. */
    static void assertWorkerDied(Throwable thrown, int exitCode, String what) {
        assertThat(thrown).as(what).isInstanceOf(ExecutionException.class).cause()
                .isInstanceOfSatisfying(WorkerDiedException.class, e -> {
                    assertThat(e.exitCode()).as("exitCode() of the WorkerDiedException").isEqualTo(exitCode);
                    assertThat(e.workerName()).as("workerName() of the WorkerDiedException").matches(WORKER_NAME);
                });
    }

    /** POOL-27: a result whose task has not started can be cancelled, and the task never runs. */
    @Test
    void required_pool27_cancelBeforeTheTaskStartsMeansItNeverRuns() throws Exception {
        MpPool pool = pool(1);
        String dir = ex.path();
        AsyncResult<Long> busy = pool.applyAsync(() -> KitTasks.holdUntil(dir, "started", "go"));
        ex.await("started");
        AsyncResult<Integer> queued = pool.applyAsync(() -> KitTasks.recordRun(dir, "ran-queued"));
        assertThat(queued.cancel(true)).as("cancel(true) of a task waiting for a busy worker").isTrue();
        assertThat(queued.isCancelled()).as("isCancelled() after cancel(true)").isTrue();
        assertThatThrownBy(() -> promptlyDo("get() of a cancelled result", queued::get))
                .as("get() of a cancelled result").isInstanceOf(CancellationException.class);
        ex.put("go", "now");
        result(busy, "get() of the task that kept the worker busy");
        waitFor("close()", () -> {
            pool.close();
            return null;
        });
        assertThat(ex.peek("ran-queued")).as("entry of the cancelled task, which must not run").isEmpty();
    }

    /** POOL-28: a worker killed in a task fails that task, and the pool replaces it. */
    @Test
    void required_pool28_workerKilledInATaskFailsThatTaskAndIsReplaced() throws Exception {
        MpPool pool = pool(2);
        String dir = ex.path();
        AsyncResult<Long> doomed = pool.applyAsync(() -> KitTasks.killOwnWorker(dir, "doomed"));
        long pid = Long.parseLong(ex.await("doomed"));
        Throwable thrown = catchThrowable(() -> promptlyDo("get() of a task whose worker was killed", doomed::get));
        assertWorkerDied(thrown, -9, "what get() threw for a task whose worker was killed with SIGKILL");
        WorkerDiedException died = (WorkerDiedException) thrown.getCause();
        assertThat(died.workerPid()).as("workerPid() of the WorkerDiedException").isEqualTo(pid);
        assertThat(died.getMessage()).as("message of the WorkerDiedException").contains(died.workerName());
        assertThat(pool.size()).as("size() after a worker died").isEqualTo(2);
        awaitWorkers(pool, List.of(pid));
        assertThat(result(pool.applyAsync(() -> KitTasks.square(3)), "a task after a worker died")).isEqualTo(9);
    }

    /** POOL-29: System.exit in a task fails that task (or item) only, and the pool goes on. */
    @Test
    void required_pool29_systemExitInATaskFailsThatTaskOnly() throws Exception {
        MpPool pool = pool(2);
        AsyncResult<Integer> exiting = pool.applyAsync(() -> KitTasks.squareOrExit(1, 1, 3));
        assertWorkerDied(catchThrowable(() -> promptlyDo("get() of a task that called System.exit(3)",
                exiting::get)), 3, "what get() threw for a task that called System.exit(3)");
        List<Integer> items = List.of(0, 1, 2, 3, 4, 5);
        assertWorkerDied(catchThrowable(() -> waitFor("map whose item 2 calls System.exit(3)",
                () -> pool.map(x -> KitTasks.squareOrExit(x, 2, 3), items, 1))), 3,
                "what map threw when item 2 called System.exit(3)");
        PoolIterator<Integer> it = pool.imap(x -> KitTasks.squareOrExit(x, 2, 3), items, 1);
        assertThat(next(it)).as("imap's result for item 0").isEqualTo(0);
        assertThat(next(it)).as("imap's result for item 1").isEqualTo(1);
        Throwable item2 = catchThrowable(() -> next(it));
        assertThat(item2).as("what imap's next() threw for item 2, which called System.exit(3)")
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(WorkerDiedException.class);
        assertThat(((WorkerDiedException) item2.getCause()).exitCode()).as("exitCode() for item 2").isEqualTo(3);
        for (int x = 3; x < 6; x++) {
            assertThat(next(it)).as("imap's result for item %s", x).isEqualTo(x * x);
        }
        awaitWorkers(pool, List.of());
        assertThat(result(pool.applyAsync(() -> KitTasks.square(3)), "a task after the exits")).isEqualTo(9);
    }

    /** POOL-30: a task that outlasts the task timeout fails, and its worker is replaced. */
    @Test
    void required_pool30_taskThatOutlastsTheTaskTimeoutFailsAndItsWorkerIsReplaced() throws Exception {
        MpPool pool = pool(PoolOptions.defaults().workers(1).taskTimeout(TASK_TIMEOUT));
        String dir = ex.path();
        long t0 = System.nanoTime();
        AsyncResult<Long> slow = pool.applyAsync(() -> KitTasks.busyUntilStopped(dir, "slow"));
        Throwable thrown = catchThrowable(() -> result(slow, "get() of a task that outlasts the task timeout"));
        assertWaitedAtLeast(t0, TASK_TIMEOUT, "the task's failure");
        assertThat(thrown).as("what get() threw for a task that ran longer than taskTimeout(%s)", TASK_TIMEOUT)
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOfSatisfying(TaskTimedOutException.class, e -> assertThat(e.timeout())
                        .as("timeout() of the TaskTimedOutException").isEqualTo(TASK_TIMEOUT));
        long old = Long.parseLong(ex.await("slow"));
        long replacement = waitFor("apply after the timeout", () -> pool.apply(KitTasks::workerPid));
        assertThat(replacement).as("the worker of a one-worker pool after its task timed out").isNotEqualTo(old);
        awaitEnded(List.of(old), "the worker whose task timed out");
    }
}
