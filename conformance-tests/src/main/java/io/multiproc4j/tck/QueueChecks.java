package io.multiproc4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.multiproc4j.Connection;
import io.multiproc4j.IpcObjectLostException;
import io.multiproc4j.JoinableQueue;
import io.multiproc4j.MessageNotSerializableException;
import io.multiproc4j.MessageTooLargeException;
import io.multiproc4j.MpContext;
import io.multiproc4j.MpProcess;
import io.multiproc4j.MpQueue;
import io.multiproc4j.Multiprocessing;
import io.multiproc4j.Pipe;
import io.multiproc4j.QueueEmptyException;
import io.multiproc4j.QueueFullException;
import io.multiproc4j.SimpleQueue;
import io.multiproc4j.tck.support.Bounded;
import io.multiproc4j.tck.support.Exchange;
import io.multiproc4j.tck.support.IpcKitTypes;
import io.multiproc4j.tck.support.KitTasks;
import io.multiproc4j.tck.support.TckEnvironment;
import java.io.NotSerializableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Rules Q: the queue. */
abstract class QueueChecks extends IpcChecksBase {

    QueueChecks(String providerId) {
        super(providerId);
    }

    /** A get bounded by PROMPT, so that a hanging implementation fails the test instead of stalling it. */
    static <E> E getPromptly(MpQueue<E> q) throws Exception {
        return Bounded.within(TckEnvironment.PROMPT, "get()", q::get);
    }

    /** FIFO between processes, both ways. */
    @Test
    void required_q01_itemsArriveInPutOrderBetweenProcesses() throws Exception {
        MpQueue<Integer> q = mp.newQueue();
        String dir = ex.path();
        int n = 500;
        for (int i = 0; i < n; i++) {
            q.put(i == n / 2 ? null : i);
        }
        MpProcess child = child(() -> {
            for (int i = 0; i < n; i++) {
                Integer got = q.get();
                Integer due = i == n / 2 ? null : i;
                if (!Objects.equals(got, due)) {
                    Exchange.put(dir, "child-got", "item " + i + " was " + got + " instead of " + due);
                    return;
                }
            }
            Exchange.put(dir, "child-got", "all in order");
            for (int i = n; i < 2 * n; i++) {
                q.put(i == n + n / 2 ? null : i);
            }
            Exchange.awaitEntry(dir, "end");
        });
        assertThat(ex.await("child-got")).as("what the child got of the parent's items").isEqualTo("all in order");
        List<Integer> got = new ArrayList<>();
        List<Integer> due = new ArrayList<>();
        for (int i = n; i < 2 * n; i++) {
            due.add(i == n + n / 2 ? null : i);
            got.add(getPromptly(q));
        }
        assertThat(got).as("the child's items, as the parent got them").isEqualTo(due);
        ex.put("end", "now");
        assertThat(awaitExitCode(child)).isZero();
        q.close();
    }

    /** four producers, four consumers: exactly once, per-producer order. */
    @Test
    void required_q02_fourProducersFourConsumersExactlyOnceInProducerOrder() {
        MpQueue<Integer> q = mp.newQueue();
        String dir = ex.path();
        int producers = 4;
        int consumers = 4;
        int perProducer = 2_000;
        List<MpProcess> consumerProcesses = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
            String key = "got-" + c;
            String ready = "consumer-ready-" + c;
            consumerProcesses.add(child(() -> {
                Exchange.put(dir, ready, "yes");
                StringBuilder got = new StringBuilder();
                for (Integer x = q.get(); x >= 0; x = q.get()) {
                    got.append(x).append(',');
                }
                Exchange.put(dir, key, got.toString());
            }));
        }
        List<MpProcess> producerProcesses = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int base = p * 1_000_000;
            String ready = "producer-ready-" + p;
            producerProcesses.add(child(() -> {
                Exchange.put(dir, ready, "yes");
                Exchange.awaitEntry(dir, "go");
                for (int i = 0; i < perProducer; i++) {
                    q.put(base + i);
                }
                q.put(-1);
                Exchange.awaitEntry(dir, "end");
            }));
        }
        for (int c = 0; c < consumers; c++) {
            ex.await("consumer-ready-" + c);
        }
        for (int p = 0; p < producers; p++) {
            ex.await("producer-ready-" + p);
        }
        ex.put("go", "now");
        // Each producer ends with an end marker, after its items; each consumer stops at the first marker it gets.
        // Once every consumer has stopped, every marker has been got, and so, in a FIFO queue, every item.
        for (MpProcess c : consumerProcesses) {
            assertThat(awaitExitCode(c)).as("exit code of consumer %s", c.name()).isZero();
        }
        ex.put("end", "now");
        for (MpProcess p : producerProcesses) {
            assertThat(awaitExitCode(p)).as("exit code of producer %s", p.name()).isZero();
        }
        List<Integer> all = new ArrayList<>();
        List<String> outOfOrder = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
            int[] last = new int[producers];
            Arrays.fill(last, -1);
            String text = ex.await("got-" + c);
            for (String s : text.isEmpty() ? new String[0] : text.split(",")) {
                int x = Integer.parseInt(s);
                all.add(x);
                int p = x / 1_000_000;
                int i = x % 1_000_000;
                if (i <= last[p] && outOfOrder.size() < 5) {
                    outOfOrder.add("consumer " + c + " got item " + i + " of producer " + p + " after item " + last[p]);
                }
                last[p] = Math.max(last[p], i);
            }
        }
        Set<Integer> distinct = new HashSet<>(all);
        List<Integer> missing = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            for (int i = 0; i < perProducer; i++) {
                if (!distinct.contains(p * 1_000_000 + i) && missing.size() < 5) {
                    missing.add(p * 1_000_000 + i);
                }
            }
        }
        List<String> problems = new ArrayList<>(outOfOrder);
        if (!missing.isEmpty()) {
            problems.add("items never got (first few; producer * 1000000 + sequence): " + missing);
        }
        if (all.size() != producers * perProducer) {
            problems.add(all.size() + " items got of " + producers * perProducer + " put");
        }
        assertThat(problems).as("items got out of their producer's order, never, or twice").isEmpty();
        q.close();
    }

    /** put blocks while full until another process makes room. */
    @Test
    void required_q03_putOnAFullQueueBlocksUntilAGetMakesRoom() throws Exception {
        MpQueue<String> q = mp.newQueue(1);
        q.putNow("first");
        String dir = ex.path();
        MpProcess child = child(() -> {
            Exchange.put(dir, "ready", "yes");
            q.put("second");
            Exchange.put(dir, "put-returned", "yes");
            Exchange.awaitEntry(dir, "end");
        });
        ex.await("ready");
        Future<String> putReturned = Bounded.inBackground("the child's put",
                () -> Exchange.awaitEntry(dir, "put-returned"));
        Bounded.assertStillBlocked(putReturned, TckEnvironment.TICK.multipliedBy(2), "a child's put on a full queue");
        assertThat(q.getNow()).as("the item that filled the queue").isEqualTo("first");
        Bounded.await(putReturned, TckEnvironment.PROMPT, "the child's put once a get made room");
        assertThat(getPromptly(q)).as("the item the blocked put inserted").isEqualTo("second");
        ex.put("end", "now");
        assertThat(awaitExitCode(child)).isZero();
        q.close();
    }

    /** a timed or at-once put on a full queue throws QueueFullException. */
    @Test
    void required_q04_putOnAFullQueueTimesOutWithQueueFull() throws Exception {
        MpQueue<String> q = mp.newQueue(1);
        q.put("only");
        for (Duration d : new Duration[] {null, Duration.ZERO, Duration.ofMillis(-1), Duration.ofSeconds(-30)}) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> Bounded.within(TckEnvironment.PROMPT, "put", () -> {
                if (d == null) {
                    q.putNow("more");
                } else {
                    q.put("more", d);
                }
                return null;
            })).as(d == null ? "putNow on a full queue" : "put(item, " + d + ") on a full queue")
                    .isInstanceOf(QueueFullException.class);
            assertThat(millisSince(t0)).as("milliseconds it took").isLessThan(TckEnvironment.AT_ONCE.toMillis());
        }
        Duration timeout = TckEnvironment.TICK.multipliedBy(2);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> Bounded.within(timeout.plus(TckEnvironment.PROMPT), "put(item, timeout)", () -> {
            q.put("more", timeout);
            return null;
        })).as("put(item, %s) on a full queue", timeout).isInstanceOf(QueueFullException.class);
        assertThat(millisSince(t0)).as("milliseconds put(item, %s) waited", timeout)
                .isGreaterThanOrEqualTo(timeout.toMillis());
        assertThat(q.size()).as("size after the refused puts").isEqualTo(1);
        assertThat(q.getNow()).isEqualTo("only");
        assertThatThrownBy(q::getNow).as("getNow once the one item is got").isInstanceOf(QueueEmptyException.class);
        q.close();
    }

    /** get blocks until another process puts. */
    @Test
    void required_q05_getOnAnEmptyQueueBlocksUntilAPut() throws Exception {
        MpQueue<String> q = mp.newQueue();
        String dir = ex.path();
        MpProcess child = child(() -> {
            Exchange.put(dir, "ready", "yes");
            Exchange.awaitEntry(dir, "go");
            q.put("late");
            Exchange.awaitEntry(dir, "end");
        });
        ex.await("ready");
        Future<String> getting = Bounded.inBackground("get()", q::get);
        Bounded.assertStillBlocked(getting, TckEnvironment.TICK.multipliedBy(2), "get() on an empty queue");
        ex.put("go", "now");
        assertThat(Bounded.await(getting, TckEnvironment.PROMPT, "get() once a child put an item")).isEqualTo("late");
        ex.put("end", "now");
        assertThat(awaitExitCode(child)).isZero();
        q.close();
    }

    /** a timed or at-once get on an empty queue throws QueueEmptyException. */
    @Test
    void required_q06_getOnAnEmptyQueueTimesOutWithQueueEmpty() throws Exception {
        MpQueue<String> q = mp.newQueue();
        for (Duration d : new Duration[] {null, Duration.ZERO, Duration.ofMillis(-1), Duration.ofSeconds(-30)}) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> Bounded.within(TckEnvironment.PROMPT, "get",
                    () -> d == null ? q.getNow() : q.get(d)))
                    .as(d == null ? "getNow on an empty queue" : "get(" + d + ") on an empty queue")
                    .isInstanceOf(QueueEmptyException.class);
            assertThat(millisSince(t0)).as("milliseconds it took").isLessThan(TckEnvironment.AT_ONCE.toMillis());
        }
        Duration timeout = TckEnvironment.TICK.multipliedBy(2);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> Bounded.within(timeout.plus(TckEnvironment.PROMPT), "get(timeout)",
                () -> q.get(timeout))).as("get(%s) on an empty queue", timeout)
                .isInstanceOf(QueueEmptyException.class);
        assertThat(millisSince(t0)).as("milliseconds get(%s) waited", timeout)
                .isGreaterThanOrEqualTo(timeout.toMillis());
        q.close();
    }

    /** an item is in the queue when put returns, for this process and others. */
    @Test
    void required_q07_itemIsInTheQueueWhenPutReturns() throws Exception {
        MpQueue<String> q = mp.newQueue();
        q.put("mine");
        assertThat(q.isEmpty()).as("isEmpty() right after put").isFalse();
        assertThat(q.getNow()).as("getNow() right after put").isEqualTo("mine");
        String dir = ex.path();
        MpProcess child = child(() -> {
            q.put("theirs");
            Exchange.put(dir, "put-returned", "yes");
            Exchange.awaitEntry(dir, "end");
        });
        ex.await("put-returned");
        assertThat(q.isEmpty()).as("isEmpty() once the child's put returned").isFalse();
        assertThat(catchThrowable(() -> assertThat(q.getNow()).isEqualTo("theirs")))
                .as("getNow() once the child's put returned (null means it got the item)").isNull();
        ex.put("end", "now");
        assertThat(awaitExitCode(child)).isZero();
        q.close();
    }

    /** a returned put survives its producer's halt or SIGKILL. */
    @Test
    void required_q08_returnedPutSurvivesItsProducersSuddenEnd() throws Exception {
        MpQueue<Integer> q = mp.newQueue();
        String dir = ex.path();
        int n = 20;
        MpProcess halting = child(() -> {
            for (int i = 0; i < n; i++) {
                q.put(i);
            }
            Runtime.getRuntime().halt(0);
        });
        assertThat(awaitExitCode(halting)).as("exit code of the producer that halted").isZero();
        Set<Integer> got = new HashSet<>();
        try {
            for (int i = 0; i < n; i++) {
                got.add(q.get(TckEnvironment.PROMPT));
            }
        } catch (QueueEmptyException e) {
            // reported below
        }
        assertThat(got).as("items got of the %d put by a producer that then halted", n).hasSize(n);
        MpProcess killed = child(() -> {
            q.put(100);
            Exchange.put(dir, "put-returned", "yes");
            Thread.sleep(TckEnvironment.OUTLIVES_TEST.toMillis());
        });
        ex.await("put-returned");
        killed.kill();
        assertThat(awaitExitCode(killed)).isEqualTo(-9);
        assertThat(catchThrowable(() -> assertThat(q.get(TckEnvironment.PROMPT)).isEqualTo(100)))
                .as("get() of the item put by a producer killed right after its put returned (null: got it)")
                .isNull();
        q.close();
    }

    /** capacity, size, isEmpty and isFull. */
    @Test
    void required_q09_capacitySizeEmptyAndFull() throws Exception {
        for (int bad : new int[] {0, -1}) {
            assertThatThrownBy(() -> mp.newQueue(bad)).as("newQueue(%d)", bad)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> mp.newJoinableQueue(bad)).as("newJoinableQueue(%d)", bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        MpQueue<String> bounded = mp.newQueue(2);
        assertThat(bounded.capacity()).isEqualTo(2);
        assertThat(bounded.size()).as("size of a new queue").isZero();
        assertThat(bounded.isEmpty()).as("isEmpty of a new queue").isTrue();
        assertThat(bounded.isFull()).as("isFull of a new queue").isFalse();
        bounded.put("a");
        assertThat(bounded.size()).as("size after one put").isEqualTo(1);
        assertThat(bounded.isEmpty()).as("isEmpty after one put").isFalse();
        assertThat(bounded.isFull()).as("isFull with 1 of 2").isFalse();
        bounded.put("b");
        assertThat(bounded.size()).as("size after two puts").isEqualTo(2);
        assertThat(bounded.isFull()).as("isFull with 2 of 2").isTrue();
        bounded.get();
        assertThat(bounded.size()).as("size after a get").isEqualTo(1);
        assertThat(bounded.isFull()).as("isFull after a get").isFalse();
        bounded.getNow();
        assertThat(bounded.size()).as("size after the last get").isZero();
        assertThat(bounded.isEmpty()).as("isEmpty after the last get").isTrue();
        bounded.close();
        MpQueue<String> unbounded = mp.newQueue();
        assertThat(unbounded.capacity()).isEqualTo(Integer.MAX_VALUE);
        for (int i = 0; i < 100; i++) {
            unbounded.put("x");
        }
        assertThat(unbounded.size()).as("size of an unbounded queue after 100 puts").isEqualTo(100);
        assertThat(unbounded.isFull()).as("isFull of an unbounded queue").isFalse();
        unbounded.close();
        JoinableQueue<String> joinable = mp.newJoinableQueue(3);
        assertThat(joinable.capacity()).isEqualTo(3);
        assertThat(mp.newJoinableQueue().capacity()).isEqualTo(Integer.MAX_VALUE);
        joinable.close();
    }

    /** a closed queue refuses puts and gets here; elsewhere it goes on. */
    @Test
    void required_q10_closedQueueRefusesHereAndGoesOnElsewhere() throws Exception {
        MpQueue<String> q = mp.newQueue(5);
        q.put("left");
        String dir = ex.path();
        MpProcess child = child(() -> {
            Exchange.awaitEntry(dir, "go");
            Exchange.put(dir, "child-got", q.get());
            q.put("new");
            Exchange.put(dir, "child-size", String.valueOf(q.size()));
        });
        q.close();
        List<org.assertj.core.api.ThrowableAssert.ThrowingCallable> calls = List.of(() -> q.put("x"),
                () -> q.put("x", Duration.ofMillis(10)), () -> q.putNow("x"), q::get,
                () -> q.get(Duration.ofMillis(10)), q::getNow);
        for (int i = 0; i < calls.size(); i++) {
            assertThatThrownBy(calls.get(i)).as("call %d of put, put(timeout), putNow, get, get(timeout), getNow after"
                    + " close()", i + 1).isInstanceOf(IllegalStateException.class);
        }
        q.close();
        ex.put("go", "now");
        assertThat(ex.await("child-got")).as("what a child got from the queue the parent closed").isEqualTo("left");
        assertThat(ex.await("child-size")).as("size the child sees after its put").isEqualTo("1");
        assertThat(awaitExitCode(child)).isZero();
    }

    /** unserialisable items fail at put, for every kind of queue. */
    @Test
    void required_q11_unserialisableItemFailsAtPutForEveryQueue() throws Exception {
        MpQueue<Object> q = mp.newQueue(3);
        assertThatThrownBy(() -> q.put(new KitTasks.Holder())).as("MpQueue.put")
                .isInstanceOf(MessageNotSerializableException.class)
                .hasMessageContaining(KitTasks.NotSerializableThing.class.getName());
        assertThatThrownBy(() -> q.putNow(new KitTasks.NotSerializableThing())).as("MpQueue.putNow")
                .isInstanceOf(MessageNotSerializableException.class);
        assertThatThrownBy(() -> q.put(new KitTasks.Holder(), Duration.ofSeconds(1))).as("MpQueue.put(timeout)")
                .isInstanceOf(MessageNotSerializableException.class);
        assertThat(q.isEmpty()).as("MpQueue is empty after the refused puts").isTrue();
        q.put("next");
        assertThat(q.getNow()).isEqualTo("next");
        q.close();
        JoinableQueue<Object> jq = mp.newJoinableQueue();
        assertThatThrownBy(() -> jq.put(new KitTasks.Holder())).as("JoinableQueue.put")
                .isInstanceOf(MessageNotSerializableException.class)
                .hasMessageContaining(KitTasks.NotSerializableThing.class.getName());
        assertThat(jq.isEmpty()).as("JoinableQueue is empty after the refused put").isTrue();
        assertThat(jq.join(Duration.ZERO)).as("no unfinished item was counted for the refused put").isTrue();
        jq.close();
        SimpleQueue<Object> sq = mp.newSimpleQueue();
        assertThatThrownBy(() -> sq.put(new KitTasks.Holder())).as("SimpleQueue.put")
                .isInstanceOf(MessageNotSerializableException.class)
                .hasMessageContaining(KitTasks.NotSerializableThing.class.getName());
        assertThat(sq.isEmpty()).as("SimpleQueue is empty after the refused put").isTrue();
        sq.close();
    }

    /** an IPC object cannot be put. */
    @Test
    void required_q12_ipcObjectCannotBePut() {
        MpQueue<Object> q = mp.newQueue();
        MpQueue<Object> other = mp.newQueue();
        Pipe pipe = mp.newPipe();
        for (Object ipc : new Object[] {other, pipe.first(), List.of("wrapped", q)}) {
            Throwable t = catchThrowable(() -> q.put(ipc));
            assertThat(t).as("put of %s", ipc.getClass().getName())
                    .isInstanceOf(MessageNotSerializableException.class);
            boolean causedBy = false;
            for (Throwable c = t; c != null; c = c.getCause()) {
                causedBy |= c instanceof NotSerializableException;
            }
            assertThat(causedBy).as("a NotSerializableException among the causes of %s", t).isTrue();
        }
        assertThat(q.isEmpty()).as("the queue is empty after the refused puts").isTrue();
        pipe.first().close();
        pipe.second().close();
        other.close();
        q.close();
    }

    /** large items cross; too large ones fail at put. */
    @Test
    void required_q13_largeItemsCrossAndTooLargeOnesFail() throws Exception {
        MpQueue<byte[]> q = mp.newQueue();
        MpQueue<String> answers = mp.newQueue();
        String dir = ex.path();
        int size = 8 * 1024 * 1024 + 5;
        MpProcess child = child(() -> {
            byte[] got = q.get();
            answers.put(IpcKitTypes.isPattern(got, size, 1) ? "intact" : "damaged: " + got.length + " bytes");
            q.put(IpcKitTypes.pattern(size, 2));
            Exchange.awaitEntry(dir, "end");
        });
        q.put(IpcKitTypes.pattern(size, 1));
        String answer = Bounded.within(TckEnvironment.LONG, "get() of a new child's answer", answers::get);
        assertThat(answer).as("the 8 MiB item as the child got it").isEqualTo("intact");
        byte[] back = Bounded.within(TckEnvironment.PROMPT.multipliedBy(2), "get() of 8 MiB", q::get);
        assertThat(IpcKitTypes.isPattern(back, size, 2)).as("the child's 8 MiB item is intact").isTrue();
        back = null;
        ex.put("end", "now");
        assertThat(awaitExitCode(child)).isZero();
        assertThatThrownBy(() -> q.put(new byte[Connection.MAX_MESSAGE_SIZE]))
                .as("put of an item that serialises to more than MAX_MESSAGE_SIZE")
                .isInstanceOf(MessageTooLargeException.class);
        assertThat(q.isEmpty()).as("the queue is empty after the refused put").isTrue();
        q.close();
        answers.close();
    }

    /** a producer killed while putting large items never hangs consumers. */
    @Test
    void required_q14_producerKilledMidPutNeverHangsConsumers() throws Exception {
        MpQueue<byte[]> q = mp.newQueue(1);
        int size = 8 * 1024 * 1024;
        MpProcess producer = child(() -> {
            for (int i = 0; ; i++) {
                q.put(IpcKitTypes.pattern(size, i));
            }
        });
        byte[] first = Bounded.within(TckEnvironment.LONG, "get() of the first item", q::get);
        assertThat(IpcKitTypes.isPattern(first, size, 0)).as("the first item is whole").isTrue();
        first = null;
        producer.kill();
        assertThat(awaitExitCode(producer)).isEqualTo(-9);
        Duration timeout = TckEnvironment.TICK;
        for (int seed = 1; ; seed++) {
            byte[] item;
            try {
                item = Bounded.within(timeout.plus(TckEnvironment.PROMPT), "get(timeout) after the producer was killed",
                        () -> q.get(timeout));
            } catch (QueueEmptyException expected) {
                break;
            }
            assertThat(IpcKitTypes.isPattern(item, size, seed)).as("item %d, got after the producer was killed, is"
                    + " whole", seed).isTrue();
            assertThat(seed).as("items got from a killed producer of a queue of capacity 1").isLessThan(5);
        }
        q.putNow(new byte[] {7});
        assertThat(q.getNow()).as("the queue still works").containsExactly(7);
        q.close();
    }

    /** the creator's SIGKILL never hangs another user of the queue, and leaves nothing behind. */
    @Test
    void required_q15_creatorKilledNeverHangsAnotherUser() throws Exception {
        String id = providerId;
        String dir = ex.path();
        long outlive = TckEnvironment.OUTLIVES_TEST.toMillis();
        MpProcess creator = child(() -> {
            MpContext ctx = Multiprocessing.context(id);
            MpQueue<String> q = ctx.newQueue();
            ctx.newProcess(() -> {
                Exchange.put(dir, "user-pid", String.valueOf(ProcessHandle.current().pid()));
                q.put("before");
                Exchange.put(dir, "user-works", String.valueOf(q.get()));
                Thread helper = new Thread(() -> {
                    Exchange.awaitEntry(dir, "creator-killed");
                    try {
                        q.put("after");
                    } catch (Exception lost) {
                        // the blocked get below reports what happened
                    }
                });
                helper.setDaemon(true);
                helper.start();
                String outcome;
                try {
                    outcome = "got " + q.get();
                } catch (IpcObjectLostException e) {
                    outcome = "lost";
                } catch (Throwable e) {
                    outcome = "threw " + e;
                }
                String then;
                try {
                    q.putNow("again");
                    then = "put";
                } catch (IpcObjectLostException e) {
                    then = "lost";
                } catch (Throwable e) {
                    then = "threw " + e;
                }
                Exchange.put(dir, "outcome", outcome + "; then " + then);
            }).start();
            Thread.sleep(outlive);
        });
        long userPid = Long.parseLong(ex.await("user-pid"));
        assertThat(ex.await("user-works")).as("the user's get before the creator was killed").isEqualTo("before");
        creator.kill();
        assertThat(awaitExitCode(creator)).isEqualTo(-9);
        ex.put("creator-killed", "yes");
        await("the blocked user's outcome once the queue's creator was killed").atMost(TckEnvironment.PROMPT)
                .pollInterval(Duration.ofMillis(10)).until(() -> ex.peek("outcome").isPresent());
        assertThat(ex.peek("outcome").orElseThrow()).as("what the user's blocked get, and a put after it, did")
                .isIn("got after; then put", "lost; then lost", "got after; then lost");
        ProcessHandle user = ProcessHandle.of(userPid).orElse(null);
        if (user != null) {
            user.onExit().get(TckEnvironment.PROMPT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** siblings pass items through queues they both captured. */
    @Test
    void required_q16_siblingsPassItemsThroughTheQueue() {
        MpQueue<Integer> there = mp.newQueue();
        MpQueue<Integer> back = mp.newQueue();
        String dir = ex.path();
        int n = 200;
        MpProcess sender = child(() -> {
            for (int i = 1; i <= n; i++) {
                there.put(i);
            }
            Exchange.put(dir, "sum", String.valueOf(back.get()));
        });
        MpProcess adder = child(() -> {
            int sum = 0;
            for (int i = 0; i < n; i++) {
                sum += there.get();
            }
            back.put(sum);
            Exchange.awaitEntry(dir, "sum");
        });
        assertThat(awaitExitCode(adder)).as("exit code of the sibling that adds").isZero();
        assertThat(awaitExitCode(sender)).as("exit code of the sibling that sends").isZero();
        assertThat(ex.await("sum")).as("the sum the adding sibling sent back")
                .isEqualTo(String.valueOf(n * (n + 1) / 2));
        there.close();
        back.close();
    }
}
