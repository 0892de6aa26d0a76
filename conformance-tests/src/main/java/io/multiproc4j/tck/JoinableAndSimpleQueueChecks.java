package io.multiproc4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multiproc4j.JoinableQueue;
import io.multiproc4j.MpProcess;
import io.multiproc4j.SimpleQueue;
import io.multiproc4j.tck.support.Bounded;
import io.multiproc4j.tck.support.Exchange;
import io.multiproc4j.tck.support.TckEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Rules JQ and SQ: the joinable queue and the simple queue. */
abstract class JoinableAndSimpleQueueChecks extends QueueChecks {

    JoinableAndSimpleQueueChecks(String providerId) {
        super(providerId);
    }

    /** JQ-01: join waits for every item to be marked done by workers. */
    @Test
    void required_jq01_joinReturnsOnceWorkersMarkedEveryItemDone() throws Exception {
        JoinableQueue<Integer> q = mp.newJoinableQueue();
        String dir = ex.path();
        int items = 20;
        int workers = 3;
        for (int i = 0; i < items; i++) {
            q.put(i);
        }
        List<MpProcess> all = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            all.add(child(() -> {
                for (int x = q.get(); x >= 0; x = q.get()) {
                    if (x == items - 1) {
                        Exchange.put(dir, "holding-last", "yes");
                        Exchange.awaitEntry(dir, "finish");
                    }
                    q.taskDone();
                }
                q.taskDone();
            }));
        }
        ex.await("holding-last");
        Future<Object> joining = Bounded.inBackground("join()", () -> {
            q.join();
            return null;
        });
        Bounded.assertStillBlocked(joining, TckEnvironment.TICK.multipliedBy(2),
                "join() while a worker holds the last item unfinished");
        ex.put("finish", "now");
        Bounded.await(joining, TckEnvironment.PROMPT, "join() once every item was marked done");
        for (int w = 0; w < workers; w++) {
            q.put(-1);
        }
        Bounded.within(TckEnvironment.PROMPT, "join() of the workers' stop items", () -> {
            q.join();
            return null;
        });
        for (MpProcess p : all) {
            assertThat(awaitExitCode(p)).as("exit code of worker %s", p.name()).isZero();
        }
        q.close();
    }

    /** JQ-02: join at once when nothing is unfinished; timed join waits. */
    @Test
    void required_jq02_joinAtOnceWhenDoneAndTimedJoinWaits() throws Exception {
        JoinableQueue<String> q = mp.newJoinableQueue();
        long t0 = System.nanoTime();
        Bounded.within(TckEnvironment.PROMPT, "join() of a new queue", () -> {
            q.join();
            return null;
        });
        assertThat(q.join(Duration.ZERO)).as("join(0) of a new queue").isTrue();
        assertThat(q.join(TckEnvironment.LONG)).as("join(LONG) of a new queue").isTrue();
        assertThat(millisSince(t0)).as("milliseconds the joins of a new queue took")
                .isLessThan(TckEnvironment.AT_ONCE.toMillis());
        q.put("work");
        for (Duration d : new Duration[] {Duration.ZERO, Duration.ofMillis(-1), Duration.ofSeconds(-30)}) {
            long t1 = System.nanoTime();
            assertThat(Bounded.within(TckEnvironment.PROMPT, "join(" + d + ")", () -> q.join(d)))
                    .as("join(%s) with an unfinished item", d).isFalse();
            assertThat(millisSince(t1)).as("milliseconds join(%s) took", d)
                    .isLessThan(TckEnvironment.AT_ONCE.toMillis());
        }
        Duration timeout = TckEnvironment.TICK.multipliedBy(2);
        long t2 = System.nanoTime();
        assertThat(Bounded.within(timeout.plus(TckEnvironment.PROMPT), "join(timeout)", () -> q.join(timeout)))
                .as("join(%s) with an unfinished item", timeout).isFalse();
        assertThat(millisSince(t2)).as("milliseconds join(%s) waited", timeout)
                .isGreaterThanOrEqualTo(timeout.toMillis());
        assertThat(q.getNow()).isEqualTo("work");
        assertThat(q.join(Duration.ZERO)).as("join(0) once the item was got but not marked done").isFalse();
        q.taskDone();
        assertThat(q.join(Duration.ZERO)).as("join(0) once the item was marked done").isTrue();
        q.close();
    }

    /** JQ-03: too many taskDone calls are refused. */
    @Test
    void required_jq03_tooManyTaskDoneCallsAreRefused() throws Exception {
        JoinableQueue<String> q = mp.newJoinableQueue();
        assertThatThrownBy(q::taskDone).as("taskDone() on a new queue").isInstanceOf(IllegalStateException.class);
        q.put("one");
        assertThat(q.getNow()).isEqualTo("one");
        q.taskDone();
        assertThatThrownBy(q::taskDone).as("a second taskDone() for one item")
                .isInstanceOf(IllegalStateException.class);
        assertThat(q.join(Duration.ZERO)).as("join(0) after the refused taskDone").isTrue();
        q.put("two");
        assertThat(q.join(Duration.ZERO)).as("join(0) with one new unfinished item: the count did not go below zero")
                .isFalse();
        q.getNow();
        q.taskDone();
        assertThat(q.join(Duration.ZERO)).isTrue();
        q.close();
    }

    /** SQ-01: a simple queue carries a child's items in order. */
    @Test
    void required_sq01_simpleQueueCarriesItemsInOrderAndTracksEmptiness() throws Exception {
        SimpleQueue<Integer> q = mp.newSimpleQueue();
        assertThat(q.isEmpty()).as("isEmpty of a new simple queue").isTrue();
        String dir = ex.path();
        int n = 200;
        MpProcess child = child(() -> {
            for (int i = 0; i < n; i++) {
                q.put(i == n / 2 ? null : i);
            }
            Exchange.put(dir, "put-all", "yes");
            Exchange.awaitEntry(dir, "end");
        });
        ex.await("put-all");
        assertThat(q.isEmpty()).as("isEmpty once the child's puts returned").isFalse();
        List<Integer> got = new ArrayList<>();
        List<Integer> due = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            due.add(i == n / 2 ? null : i);
            got.add(Bounded.within(TckEnvironment.PROMPT, "get()", q::get));
        }
        assertThat(got).as("the child's items, as the parent got them").isEqualTo(due);
        assertThat(q.isEmpty()).as("isEmpty once all were got").isTrue();
        ex.put("end", "now");
        assertThat(awaitExitCode(child)).isZero();
        q.close();
    }

    /** SQ-02: get on an empty simple queue blocks until another process puts. */
    @Test
    void required_sq02_getBlocksUntilAnotherProcessPuts() throws Exception {
        SimpleQueue<String> q = mp.newSimpleQueue();
        String dir = ex.path();
        MpProcess child = child(() -> {
            Exchange.put(dir, "ready", "yes");
            Exchange.awaitEntry(dir, "go");
            q.put("late");
        });
        ex.await("ready");
        Future<String> getting = Bounded.inBackground("get()", q::get);
        Bounded.assertStillBlocked(getting, TckEnvironment.TICK.multipliedBy(2), "get() on an empty simple queue");
        ex.put("go", "now");
        assertThat(Bounded.await(getting, TckEnvironment.PROMPT, "get() once a child put an item")).isEqualTo("late");
        assertThat(awaitExitCode(child)).isZero();
        q.close();
    }

    /** SQ-03: a closed simple queue refuses everything. */
    @Test
    void required_sq03_closedSimpleQueueRefusesEverything() {
        SimpleQueue<String> q = mp.newSimpleQueue();
        q.put("left");
        q.close();
        assertThatThrownBy(() -> q.put("x")).as("put after close()").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(q::get).as("get after close()").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(q::isEmpty).as("isEmpty after close()").isInstanceOf(IllegalStateException.class);
        q.close();
    }
}
