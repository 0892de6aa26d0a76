package io.multiproc4j.processbuilder.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multiproc4j.BrokenPipeException;
import io.multiproc4j.BufferTooShortException;
import io.multiproc4j.Connection;
import io.multiproc4j.EndOfStreamException;
import io.multiproc4j.JoinableQueue;
import io.multiproc4j.MessageNotSerializableException;
import io.multiproc4j.MessageTooLargeException;
import io.multiproc4j.MpQueue;
import io.multiproc4j.Pipe;
import io.multiproc4j.QueueEmptyException;
import io.multiproc4j.QueueFullException;
import io.multiproc4j.SimpleQueue;
import io.multiproc4j.processbuilder.internal.broker.BrokerObjects;
import io.multiproc4j.tck.support.TckEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Pipes and queues used in the process that hosts them: the state machines behind the direct path. */
class BrokerObjectsTest {

    private static final Duration SHORT = TckEnvironment.TICK;
    private static final Duration LONG = TckEnvironment.LONG;
    private final BrokerObjects broker = new BrokerObjects();

    /** Messages keep their boundaries and order, objects and bytes alike, including empty and null ones. */
    @Test
    void pipeKeepsMessageBoundariesAndOrder() {
        Pipe pipe = broker.newPipe(true);
        pipe.first().send("a");
        pipe.first().send(null);
        pipe.first().sendBytes(new byte[0]);
        pipe.first().sendBytes(new byte[] {1, 2, 3, 4}, 1, 2);
        assertThat(pipe.second().receive()).isEqualTo("a");
        assertThat(pipe.second().receive()).isNull();
        assertThat(pipe.second().receiveBytes()).isEmpty();
        assertThat(pipe.second().receiveBytes()).containsExactly(2, 3);
        pipe.second().send(42);
        assertThat(pipe.first().receive()).isEqualTo(42);
    }

    /** poll never consumes a message; poll(timeout) waits at least its timeout when nothing comes. */
    @Test
    void pollNeverConsumesAndTimesOut() {
        Pipe pipe = broker.newPipe(true);
        long t0 = System.nanoTime();
        assertThat(pipe.second().poll(SHORT)).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(SHORT);
        assertThat(pipe.second().poll()).isFalse();
        assertThat(pipe.second().poll(Duration.ofSeconds(-1))).isFalse();
        pipe.first().send("x");
        assertThat(pipe.second().poll()).isTrue();
        assertThat(pipe.second().poll(LONG)).isTrue();
        assertThat(pipe.second().receive()).isEqualTo("x");
    }

    /** A waiting receive gets a message sent later by another thread. */
    @Test
    void aWaitingReceiveGetsALaterMessage() throws Exception {
        Pipe pipe = broker.newPipe(true);
        CompletableFuture<Object> got = CompletableFuture.supplyAsync(() -> pipe.second().receive());
        pipe.first().send("late");
        assertThat(got.get(LONG.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("late");
    }

    /** When the other end is closed, what was sent is still read, then receive ends the stream and send breaks. */
    @Test
    void closingAnEndGivesEndOfStreamAfterTheRemainingMessages() throws Exception {
        Pipe pipe = broker.newPipe(true);
        CompletableFuture<Boolean> polled = CompletableFuture.supplyAsync(() -> pipe.first().poll(LONG));
        pipe.second().send("kept");
        pipe.second().close();
        pipe.second().close();
        assertThat(pipe.second().isClosed()).isTrue();
        assertThat(polled.get(LONG.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(pipe.first().receive()).isEqualTo("kept");
        assertThat(pipe.first().poll()).isTrue();
        assertThatThrownBy(() -> pipe.first().receive()).isInstanceOf(EndOfStreamException.class);
        assertThatThrownBy(() -> pipe.first().send("x")).isInstanceOf(BrokenPipeException.class);
        assertThatThrownBy(() -> pipe.second().send("x")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> pipe.second().poll()).isInstanceOf(IllegalStateException.class);
    }

    /** A receive already waiting when the other end closes ends the stream. */
    @Test
    void aWaitingReceiveSeesEndOfStreamWhenTheOtherEndCloses() throws Exception {
        Pipe pipe = broker.newPipe(true);
        CompletableFuture<Object> got = CompletableFuture.supplyAsync(() -> pipe.first().receive());
        pipe.second().close();
        assertThatThrownBy(() -> got.get(LONG.toMillis(), TimeUnit.MILLISECONDS))
                .hasCauseInstanceOf(EndOfStreamException.class);
    }

    /** A one-way pipe's first end only receives and its second only sends. */
    @Test
    void aOneWayPipeRefusesTheWrongDirection() {
        Pipe pipe = broker.newPipe(false);
        assertThat(pipe.first().isReadable()).isTrue();
        assertThat(pipe.first().isWritable()).isFalse();
        assertThat(pipe.second().isReadable()).isFalse();
        assertThat(pipe.second().isWritable()).isTrue();
        assertThatThrownBy(() -> pipe.first().send("x")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("read-only");
        assertThatThrownBy(() -> pipe.second().receive()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("write-only");
        assertThatThrownBy(() -> pipe.second().poll()).isInstanceOf(IllegalStateException.class);
        pipe.second().send("ok");
        assertThat(pipe.first().receive()).isEqualTo("ok");
    }

    /** receiveBytes(maxLength) discards a longer message and throws; the next message is intact. */
    @Test
    void receiveBytesWithALimitDiscardsALongerMessage() {
        Pipe pipe = broker.newPipe(true);
        pipe.first().sendBytes(new byte[10]);
        pipe.first().sendBytes(new byte[] {7});
        assertThatThrownBy(() -> pipe.second().receiveBytes(5)).isInstanceOf(MessageTooLargeException.class);
        assertThat(pipe.second().receiveBytes(5)).containsExactly(7);
        assertThatThrownBy(() -> pipe.second().receiveBytes(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** receiveBytesInto fills the buffer from the offset, or consumes a message too long and attaches it. */
    @Test
    void receiveBytesIntoFillsOrReportsTheMessage() {
        Pipe pipe = broker.newPipe(true);
        pipe.first().sendBytes(new byte[] {1, 2});
        pipe.first().sendBytes(new byte[] {1, 2, 3, 4});
        byte[] buffer = {9, 9, 9, 9, 9};
        assertThat(pipe.second().receiveBytesInto(buffer, 2)).isEqualTo(2);
        assertThat(buffer).containsExactly(9, 9, 1, 2, 9);
        assertThatThrownBy(() -> pipe.second().receiveBytesInto(buffer, 2))
                .isInstanceOfSatisfying(BufferTooShortException.class,
                        e -> assertThat(e.message()).containsExactly(1, 2, 3, 4));
        assertThat(pipe.second().poll()).isFalse();
        assertThatThrownBy(() -> pipe.second().receiveBytesInto(buffer, 6))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> pipe.second().receiveBytesInto(buffer, -1))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    /** An object that cannot be serialised is refused in the sender, naming its class, and nothing is sent. */
    @Test
    void anUnserialisableMessageIsRefusedAndNothingIsSent() {
        Pipe pipe = broker.newPipe(true);
        assertThatThrownBy(() -> pipe.first().send(new Object()))
                .isInstanceOf(MessageNotSerializableException.class).hasMessageContaining("java.lang.Object");
        assertThatThrownBy(() -> pipe.first().sendBytes(new byte[Connection.MAX_MESSAGE_SIZE + 1]))
                .isInstanceOf(MessageTooLargeException.class);
        assertThatThrownBy(() -> pipe.first().sendBytes(new byte[4], 2, 3))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(pipe.second().poll()).isFalse();
    }

    /** IPC objects cannot be sent through a pipe or a queue, nor serialised outside a task. */
    @Test
    void ipcObjectsCannotBeSentAsMessages() {
        Pipe pipe = broker.newPipe(true);
        MpQueue<Object> q = broker.newQueue(Integer.MAX_VALUE);
        assertThatThrownBy(() -> pipe.first().send(pipe.second()))
                .isInstanceOf(MessageNotSerializableException.class).hasMessageContaining("captured");
        assertThatThrownBy(() -> q.put(q)).isInstanceOf(MessageNotSerializableException.class)
                .hasCauseInstanceOf(NotSerializableException.class);
        assertThatThrownBy(() -> new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(q))
                .isInstanceOf(NotSerializableException.class);
        assertThat(q.isEmpty()).isTrue();
    }

    /** Items come out in the order they went in; null is an item. */
    @Test
    void aQueueIsFirstInFirstOut() throws Exception {
        MpQueue<String> q = broker.newQueue(Integer.MAX_VALUE);
        q.put("a");
        q.put(null);
        q.putNow("c");
        q.put("d", Duration.ZERO);
        assertThat(q.size()).isEqualTo(4);
        assertThat(q.capacity()).isEqualTo(Integer.MAX_VALUE);
        assertThat(q.isFull()).isFalse();
        assertThat(q.get()).isEqualTo("a");
        assertThat(q.getNow()).isNull();
        assertThat(q.get(Duration.ZERO)).isEqualTo("c");
        assertThat(q.get(SHORT)).isEqualTo("d");
        assertThat(q.isEmpty()).isTrue();
    }

    /** A full queue refuses at once or after the timeout; an empty one likewise. */
    @Test
    void aBoundedQueueRefusesWhenFullAndEmpty() throws Exception {
        MpQueue<Integer> q = broker.newQueue(2);
        q.put(1);
        q.put(2);
        assertThat(q.isFull()).isTrue();
        assertThatThrownBy(() -> q.putNow(3)).isInstanceOf(QueueFullException.class);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> q.put(3, SHORT)).isInstanceOf(QueueFullException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(SHORT);
        assertThat(q.size()).isEqualTo(2);
        assertThat(q.getNow()).isEqualTo(1);
        assertThat(q.getNow()).isEqualTo(2);
        assertThatThrownBy(q::getNow).isInstanceOf(QueueEmptyException.class);
        t0 = System.nanoTime();
        assertThatThrownBy(() -> q.get(SHORT)).isInstanceOf(QueueEmptyException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(SHORT);
        assertThatThrownBy(() -> q.get(Duration.ofSeconds(-5))).isInstanceOf(QueueEmptyException.class);
    }

    /** A put waiting for room inserts its item when a get makes room, after the items already there. */
    @Test
    void aWaitingPutIsAdmittedWhenRoomAppears() throws Exception {
        MpQueue<Integer> q = broker.newQueue(1);
        q.put(1);
        CompletableFuture<Void> put = CompletableFuture.runAsync(() -> {
            try {
                q.put(2);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(q.get(LONG)).isEqualTo(1);
        put.get(LONG.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(q.get(LONG)).isEqualTo(2);
    }

    /** An interrupted get throws InterruptedException and takes nothing: a later item stays in the queue. */
    @Test
    void anInterruptedGetTakesNothing() throws Exception {
        MpQueue<String> q = broker.newQueue(Integer.MAX_VALUE);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                q.get();
                outcome.complete(null);
            } catch (Throwable e) {
                outcome.complete(e);
            }
        });
        while (t.getState() != Thread.State.WAITING && !outcome.isDone()) {
            Thread.onSpinWait();
        }
        t.interrupt();
        assertThat(outcome.get(LONG.toMillis(), TimeUnit.MILLISECONDS)).isInstanceOf(InterruptedException.class);
        q.put("kept");
        assertThat(q.getNow()).isEqualTo("kept");
    }

    /** close() is per process: later calls here fail, closing twice is harmless. */
    @Test
    void aClosedQueueRefusesPutsAndGets() {
        MpQueue<String> q = broker.newQueue(Integer.MAX_VALUE);
        q.close();
        q.close();
        assertThatThrownBy(() -> q.put("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(q::getNow).isInstanceOf(IllegalStateException.class);
        assertThat(q.toString()).contains("queue #").contains("closed");
    }

    /** taskDone counts down what put counted up; join waits for zero; one taskDone too many is refused. */
    @Test
    void aJoinableQueueCountsUnfinishedItems() throws Exception {
        JoinableQueue<String> q = broker.newJoinableQueue(Integer.MAX_VALUE);
        assertThat(q.join(Duration.ZERO)).isTrue();
        q.put("a");
        q.put("b");
        assertThat(q.join(Duration.ZERO)).isFalse();
        CompletableFuture<Boolean> joined = CompletableFuture.supplyAsync(() -> {
            try {
                return q.join(LONG);
            } catch (InterruptedException e) {
                return false;
            }
        });
        q.get();
        q.taskDone();
        q.get();
        q.taskDone();
        assertThat(joined.get(LONG.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThatThrownBy(q::taskDone).isInstanceOf(IllegalStateException.class);
        q.join();
    }

    /** A simple queue puts, gets and closes. */
    @Test
    void aSimpleQueuePutsAndGets() throws Exception {
        SimpleQueue<byte[]> q = broker.newSimpleQueue();
        assertThat(q.isEmpty()).isTrue();
        q.put(new byte[] {1});
        assertThat(q.isEmpty()).isFalse();
        assertThat(Arrays.equals(q.get(), new byte[] {1})).isTrue();
        q.close();
        assertThatThrownBy(q::isEmpty).isInstanceOf(IllegalStateException.class);
    }

    /** Handles say what they are, which object, and whether they are closed. */
    @Test
    void handlesDescribeThemselves() {
        Pipe pipe = broker.newPipe(false);
        pipe.second().close();
        assertThat(pipe.first().toString()).contains("pipe #").contains("first").contains("receive-only")
                .contains("open");
        assertThat(pipe.second().toString()).contains("send-only").contains("closed");
        assertThat(broker.newQueue(3).toString()).contains("queue #").contains("capacity 3");
    }
}
