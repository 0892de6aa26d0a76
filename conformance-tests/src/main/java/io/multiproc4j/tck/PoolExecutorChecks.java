package io.multiproc4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multiproc4j.MpPool;
import io.multiproc4j.PoolTask;
import io.multiproc4j.TaskNotSerializableException;
import io.multiproc4j.tck.support.KitTasks;
import io.multiproc4j.tck.support.TckEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Rules POOL-31 to POOL-33: the pool as an {@link ExecutorService}. */
abstract class PoolExecutorChecks extends PoolRobustnessChecks {

    PoolExecutorChecks(String providerId) {
        super(providerId);
    }

    /** POOL-31: the executor view runs its tasks in the pool's workers. */
    @Test
    void required_pool31_executorViewRunsItsTasksInThePoolsWorkers() throws Exception {
        MpPool pool = pool(2);
        String dir = ex.path();
        Set<Long> workers = awaitWorkers(pool, Set.of());
        ExecutorService view = pool.asExecutorService();
        assertThat(pool.asExecutorService()).as("a second asExecutorService()").isSameAs(view);
        Future<Long> submitted = view.submit((PoolTask<Long>) KitTasks::workerPid);
        assertThat(result(submitted, "get() of a submitted task")).as("process of a submitted task")
                .isIn(workers);
        view.execute(new KitTasks.ReportPid(dir, "executed"));
        assertThat(Long.parseLong(ex.await("executed"))).as("process of an executed task").isIn(workers);
        List<PoolTask<KitTasks.Computed>> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int item = i;
            tasks.add(() -> KitTasks.squareHere(item));
        }
        List<Future<KitTasks.Computed>> all = waitFor("invokeAll", () -> view.invokeAll(tasks));
        List<KitTasks.Computed> results = new ArrayList<>();
        for (Future<KitTasks.Computed> f : all) {
            results.add(result(f, "get() of an invokeAll result"));
        }
        assertThat(results.stream().map(KitTasks.Computed::value).collect(Collectors.toList()))
                .as("results of invokeAll, in order").containsExactly(0, 1, 4, 9, 16, 25);
        assertThat(results.stream().map(KitTasks.Computed::pid).collect(Collectors.toSet()))
                .as("processes of invokeAll's tasks").isSubsetOf(workers);
        KitTasks.Computed any = waitFor("invokeAny", () -> view.invokeAny(tasks));
        assertThat(any.value()).as("result of invokeAny").isEqualTo(any.item() * any.item());
        assertThat(any.pid()).as("process of invokeAny's task").isIn(workers);
    }

    /** POOL-32: the view refuses a task that is not serialisable at once. */
    @Test
    void required_pool32_executorViewRefusesUnserialisableTasksAtOnce() throws Exception {
        ExecutorService view = pool(1).asExecutorService();
        Callable<Integer> callable = () -> 1;
        Runnable runnable = () -> { };
        Map<String, Callable<?>> calls = new LinkedHashMap<>();
        calls.put("submit(Callable)", () -> view.submit(callable));
        calls.put("submit(Runnable)", () -> view.submit(runnable));
        calls.put("submit(Runnable, result)", () -> view.submit(runnable, "result"));
        calls.put("execute(Runnable)", () -> {
            view.execute(runnable);
            return null;
        });
        for (Map.Entry<String, Callable<?>> call : calls.entrySet()) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> promptlyDo(call.getKey(), call.getValue()))
                    .as("%s of a lambda that is not serialisable", call.getKey())
                    .isInstanceOf(TaskNotSerializableException.class);
            assertAtOnce(t0, call.getKey());
        }
    }

    /** POOL-33: the view's shutdown and shutdownNow act on the pool as ExecutorService requires. */
    @Test
    void required_pool33_executorViewShutsThePoolDownAsExecutorServiceRequires() throws Exception {
        MpPool pool = pool(2);
        String dir = ex.path();
        ExecutorService view = pool.asExecutorService();
        List<Future<Long>> submitted = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String started = "held-" + i;
            submitted.add(view.submit((PoolTask<Long>) () -> KitTasks.holdUntil(dir, started, "go")));
        }
        promptlyDo("the view's shutdown()", () -> {
            view.shutdown();
            return null;
        });
        assertThat(pool.isShutdown()).as("the pool's isShutdown() after the view's shutdown()").isTrue();
        assertThat(view.isShutdown()).as("the view's isShutdown() after its shutdown()").isTrue();
        assertThatThrownBy(() -> promptlyDo("submit", () -> view.submit((PoolTask<Long>) KitTasks::workerPid)))
                .as("submit after shutdown()").isInstanceOf(RejectedExecutionException.class);
        assertThatThrownBy(() -> promptlyDo("execute", () -> {
            view.execute(new KitTasks.ReportPid(dir, "executed"));
            return null;
        })).as("execute after shutdown()").isInstanceOf(RejectedExecutionException.class);
        ex.put("go", "now");
        for (Future<Long> f : submitted) {
            result(f, "get() of a task submitted before shutdown()");
        }
        assertThat(waitFor("awaitTermination",
                () -> view.awaitTermination(TckEnvironment.LONG.toMillis(), TimeUnit.MILLISECONDS)))
                .as("awaitTermination after shutdown()").isTrue();
        assertThat(view.isTerminated()).as("isTerminated() after awaitTermination").isTrue();

        MpPool other = pool(1);
        ExecutorService otherView = other.asExecutorService();
        otherView.submit((PoolTask<Long>) () -> KitTasks.holdUntil(dir, "busy", "never"));
        ex.await("busy");
        otherView.submit((PoolTask<Integer>) () -> KitTasks.recordRun(dir, "ran-1"));
        otherView.submit((PoolTask<Integer>) () -> KitTasks.recordRun(dir, "ran-2"));
        List<Runnable> neverStarted = promptlyDo("shutdownNow()", otherView::shutdownNow);
        assertThat(neverStarted).as("what shutdownNow() returned: the tasks that never started").hasSize(2);
        assertThat(other.isShutdown()).as("the pool's isShutdown() after shutdownNow()").isTrue();
        assertThat(waitFor("awaitTermination after shutdownNow()",
                () -> otherView.awaitTermination(TckEnvironment.PROMPT.toMillis(), TimeUnit.MILLISECONDS)))
                .as("awaitTermination(PROMPT) after shutdownNow()").isTrue();
        assertThat(ex.entries("ran-")).as("entries of the tasks shutdownNow() returned, which must not run").isEmpty();
    }
}
