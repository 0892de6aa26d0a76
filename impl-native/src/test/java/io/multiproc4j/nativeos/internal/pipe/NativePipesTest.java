package io.multiproc4j.nativeos.internal.pipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.multiproc4j.BrokenPipeException;
import io.multiproc4j.BufferTooShortException;
import io.multiproc4j.Connection;
import io.multiproc4j.EndOfStreamException;
import io.multiproc4j.MessageNotSerializableException;
import io.multiproc4j.MessageTooLargeException;
import io.multiproc4j.MultiprocessingException;
import io.multiproc4j.Pipe;
import io.multiproc4j.nativeos.internal.PassedDescriptors;
import io.multiproc4j.spi.MessageCodec;
import io.multiproc4j.spi.Transfer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InvalidObjectException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pipes on socket pairs, within one JVM: both ends here, other processes played by threads. */
class NativePipesTest {

    private static final long LIMIT_SECONDS = 10;

    private final List<Connection> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(Connection::close);
    }

    private Pipe pipe(boolean duplex) {
        Pipe p = NativePipes.newPipe(duplex);
        opened.add(p.first());
        opened.add(p.second());
        return p;
    }

    private static <T> T within(Future<T> f) throws Exception {
        try {
            return f.get(LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    private static byte[] pattern(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    @Test
    void objectsAndBytesGoBothWaysOnADuplexPipeAndOneWayOnTheOther() {
        Pipe duplex = pipe(true);
        duplex.first().send(List.of("a", 1));
        duplex.second().send(null);
        assertThat(duplex.second().receive()).isEqualTo(List.of("a", 1));
        assertThat(duplex.first().receive()).isNull();
        duplex.second().send("as bytes");
        assertThat(MessageCodec.decode(duplex.first().receiveBytes())).isEqualTo("as bytes");

        Pipe oneWay = pipe(false);
        Connection reader = oneWay.first();
        Connection writer = oneWay.second();
        assertThat(List.of(reader.isReadable(), reader.isWritable(), writer.isReadable(), writer.isWritable()))
                .containsExactly(true, false, false, true);
        assertThatThrownBy(() -> reader.send("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(writer::receive).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(writer::poll).isInstanceOf(IllegalStateException.class);
        writer.sendBytes(new byte[] {7});
        assertThat(reader.receiveBytes()).containsExactly(7);
        assertThat(reader.poll()).isFalse();
    }

    @Test
    void slicesOffsetsShortBuffersAndMaxLengthConsumeExactlyOneMessage() {
        Pipe p = pipe(true);
        Connection a = p.first();
        Connection b = p.second();
        byte[] abc = "abcdefghijklmnopqrstuvwxyz".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> a.sendBytes(abc, 22, 5)).isInstanceOf(IndexOutOfBoundsException.class);
        a.sendBytes(abc, 5, 8);
        byte[] buffer = new byte[20];
        Arrays.fill(buffer, (byte) 1);
        assertThatThrownBy(() -> b.receiveBytesInto(buffer, 21)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(b.receiveBytesInto(buffer, 10)).isEqualTo(8);
        assertThat(Arrays.copyOfRange(buffer, 10, 18)).isEqualTo(Arrays.copyOfRange(abc, 5, 13));
        assertThat(buffer[9]).isEqualTo((byte) 1);
        assertThat(buffer[18]).isEqualTo((byte) 1);

        byte[] longMessage = pattern(110, 1);
        a.sendBytes(longMessage);
        a.sendBytes(pattern(3, 2));
        Throwable t = catchThrowable(() -> b.receiveBytesInto(new byte[40], 0));
        assertThat(t).isInstanceOf(BufferTooShortException.class);
        assertThat(((BufferTooShortException) t).message()).isEqualTo(longMessage);
        assertThat(b.receiveBytes()).isEqualTo(pattern(3, 2));

        byte[] huge = pattern(300_000, 3);
        a.sendBytes(longMessage);
        assertThatThrownBy(() -> b.receiveBytes(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.receiveBytes(100)).isInstanceOf(MessageTooLargeException.class);
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            a.sendBytes(huge);
            a.sendBytes(pattern(4, 4));
        });
        assertThatThrownBy(() -> b.receiveBytes(1000)).isInstanceOf(MessageTooLargeException.class);
        assertThat(b.receiveBytes(4)).isEqualTo(pattern(4, 4));
        sending.join();
        assertThat(b.poll()).isFalse();
    }

    @Test
    void emptyMessagesAreMessagesAndPollsWaitTheirTimeout() {
        Pipe p = pipe(true);
        Connection a = p.first();
        Connection b = p.second();
        for (Duration d : new Duration[] {Duration.ZERO, Duration.ofMillis(-1), Duration.ofSeconds(-30)}) {
            long t0 = System.nanoTime();
            assertThat(b.poll(d)).isFalse();
            assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.MILLISECONDS.toNanos(500));
        }
        Duration timeout = Duration.ofMillis(70);
        long t0 = System.nanoTime();
        assertThat(b.poll(timeout)).isFalse();
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(timeout.toNanos());

        a.sendBytes(new byte[0]);
        a.sendBytes(new byte[] {'x'});
        assertThat(b.poll()).isTrue();
        assertThat(b.poll()).isTrue();
        assertThat(b.receiveBytes()).isEmpty();
        assertThat(b.receiveBytes()).containsExactly('x');
        assertThat(b.poll()).isFalse();
    }

    @Test
    void aTimedPollAndABlockedReceiveWakeWhenAMessageArrives() throws Exception {
        Pipe p = pipe(true);
        Connection a = p.first();
        Connection b = p.second();
        CompletableFuture<Boolean> polling = CompletableFuture.supplyAsync(() -> b.poll(Duration.ofMinutes(1)));
        CompletableFuture<Object> receiving = polling.thenApplyAsync(ready -> b.receive());
        a.send("wake up");
        assertThat(within(polling)).isTrue();
        assertThat(within(receiving)).isEqualTo("wake up");
    }

    @Test
    void theStreamEndsAfterTheLastMessageAndSendingToAClosedEndIsABrokenPipe() {
        Pipe p = pipe(true);
        Connection a = p.first();
        Connection b = p.second();
        a.send("one");
        a.sendBytes(new byte[] {2});
        a.close();
        assertThat(b.receive()).isEqualTo("one");
        assertThat(b.receiveBytes()).containsExactly(2);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(b::receive).isInstanceOf(EndOfStreamException.class);
            assertThatThrownBy(b::receiveBytes).isInstanceOf(EndOfStreamException.class);
            assertThat(b.poll()).isTrue();
            assertThat(b.poll(Duration.ofMinutes(1))).isTrue();
        }
        assertThatThrownBy(() -> b.send("x")).isInstanceOf(BrokenPipeException.class);
    }

    @Test
    void unreadMessagesOfTheClosingEndDoNotHideTheMessagesSentToIt() {
        Pipe p = pipe(true);
        Connection a = p.first();
        Connection b = p.second();
        b.send("never read by a");
        a.send("for b");
        a.close();
        assertThat(b.receive()).isEqualTo("for b");
        assertThatThrownBy(b::receive).isInstanceOf(EndOfStreamException.class);
        assertThatThrownBy(b::receive).isInstanceOf(EndOfStreamException.class);
    }

    @Test
    void aClosedEndRefusesEverythingAndReleasesAThreadWaitingInIt() throws Exception {
        Pipe p = pipe(true);
        Connection a = p.first();
        CompletableFuture<Object> receiving = CompletableFuture.supplyAsync(a::receive);
        CompletableFuture<Boolean> polling = CompletableFuture.supplyAsync(() -> a.poll(Duration.ofMinutes(1)));
        a.close();
        a.close();
        assertThat(a.isClosed()).isTrue();
        assertThat(p.second().isClosed()).isFalse();
        assertThatThrownBy(() -> within(receiving)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> within(polling)).isInstanceOf(IllegalStateException.class);
        List<Runnable> calls = List.of(() -> a.send("x"), () -> a.sendBytes(new byte[1]),
                () -> a.sendBytes(new byte[1], 0, 1), a::receive, a::receiveBytes, () -> a.receiveBytes(10),
                () -> a.receiveBytesInto(new byte[4], 0), a::poll, () -> a.poll(Duration.ofMillis(10)));
        for (Runnable call : calls) {
            assertThatThrownBy(call::run).isInstanceOf(IllegalStateException.class);
        }
        assertThatThrownBy(() -> p.second().receive()).isInstanceOf(EndOfStreamException.class);
    }

    @Test
    void anInterruptedReceiveConsumesNothingAndKeepsTheInterrupt() {
        Pipe p = pipe(true);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(p.first()::receive).isInstanceOf(MultiprocessingException.class)
                    .hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(p.first().poll(Duration.ofMinutes(1))).isFalse();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            p.second().send("after");
            assertThat(p.first().receive()).isEqualTo("after");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void largeMessagesAndConcurrentSendersArriveWholeAndInOrder() throws Exception {
        Pipe p = pipe(false);
        Connection reader = p.first();
        Connection writer = p.second();
        byte[] big = pattern(8 * 1024 * 1024 + 3, 17);
        CompletableFuture<Void> bigSent = CompletableFuture.runAsync(() -> writer.sendBytes(big));
        assertThat(Arrays.equals(reader.receiveBytes(), big)).isTrue();
        within(bigSent);

        int threads = 4;
        int perThread = 200;
        List<CompletableFuture<Void>> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            senders.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < perThread; i++) {
                    byte[] m = pattern(8 + (i * 7919) % 70_000, id * 1000 + i);
                    m[0] = (byte) id;
                    m[1] = (byte) i;
                    writer.sendBytes(m);
                }
            }, r -> new Thread(r).start()));
        }
        int[] next = new int[threads];
        for (int k = 0; k < threads * perThread; k++) {
            byte[] m = reader.receiveBytes();
            int id = m[0];
            int i = m[1] & 0xFF;
            assertThat(i).as("order of thread %d", id).isEqualTo(next[id]);
            byte[] expected = pattern(8 + (i * 7919) % 70_000, id * 1000 + i);
            expected[0] = (byte) id;
            expected[1] = (byte) i;
            assertThat(Arrays.equals(m, expected)).as("message %d of thread %d is whole", i, id).isTrue();
            next[id]++;
        }
        for (CompletableFuture<Void> s : senders) {
            within(s);
        }
        assertThat(reader.poll()).isFalse();
    }

    @Test
    void aMessageCutOffByTheEndOfTheStreamIsDiscarded() {
        Descriptor[] pair = Descriptor.socketPair();
        PipeEnd reader = new PipeEnd(pair[0], true, false);
        opened.add(reader);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment partial = arena.allocate(14);
            partial.set(ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN), 0, 1000);
            pair[1].enter();
            try {
                assertThat(pair[1].send(partial, 14)).isEqualTo(14);
            } finally {
                pair[1].exit();
            }
        }
        assertThat(reader.poll()).as("poll while only part of a message is there").isFalse();
        pair[1].close();
        assertThatThrownBy(reader::receiveBytes).isInstanceOf(EndOfStreamException.class)
                .hasMessageContaining("cut off");
        assertThatThrownBy(reader::receiveBytes).isInstanceOf(EndOfStreamException.class);
        assertThat(reader.poll()).isTrue();
    }

    @Test
    void aDroppedEndIsClosedWhenCollected() throws Exception {
        Connection kept = dropOneEnd();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
        while (!kept.poll(Duration.ofMillis(10)) && System.nanoTime() < deadline) {
            System.gc();
        }
        assertThatThrownBy(kept::receive).isInstanceOf(EndOfStreamException.class);
    }

    private Connection dropOneEnd() {
        Pipe p = NativePipes.newPipe(true);
        opened.add(p.first());
        return p.first();
    }

    @Test
    void anEndCrossesOnlyToAProcessBeingStartedAndNeverInAMessage() throws Exception {
        Pipe p = pipe(true);
        assertThatThrownBy(() -> serialise(p.first())).isInstanceOf(NotSerializableException.class);
        Transfer toWorker = Transfer.open();
        try {
            assertThatThrownBy(() -> serialise(p.first())).isInstanceOf(NotSerializableException.class)
                    .hasMessageContaining("MpProcess.start()");
        } finally {
            toWorker.close();
        }
        Throwable t = catchThrowable(() -> p.second().send(List.of("wrapped", p.first())));
        assertThat(t).isInstanceOf(MessageNotSerializableException.class)
                .hasRootCauseInstanceOf(NotSerializableException.class);
        assertThat(p.first().poll()).isFalse();
    }

    @Test
    void anEndPassedToANewProcessIsADuplicateThatTheReceiverAdopts() throws Exception {
        Pipe p = pipe(true);
        Transfer transfer = Transfer.openForNewProcess();
        byte[] form;
        try {
            form = serialise(List.of(p.second(), p.second()));
        } finally {
            transfer.close();
        }
        List<Integer> passed = transfer.attachment(PassedDescriptors.class).orElseThrow().descriptors();
        assertThat(passed).as("one descriptor passed for an end captured twice").hasSize(1);
        assertThatThrownBy(() -> deserialise(form)).as("read back in the process that wrote it")
                .isInstanceOf(InvalidObjectException.class);

        // What the child does with the number the launcher gave it, played here with the duplicate itself.
        Connection adopted = (Connection) deserialise(serialise(new PipeEnd.Form(passed.get(0), true, true, -1)));
        opened.add(adopted);
        p.second().close();
        p.first().send("to the adopted end");
        assertThat(adopted.receive()).isEqualTo("to the adopted end");
        adopted.send("back");
        assertThat(p.first().receive()).isEqualTo("back");
        adopted.close();
        assertThatThrownBy(p.first()::receive).isInstanceOf(EndOfStreamException.class);
    }

    @Test
    void theDuplicatesOfATaskThatNeverStartedAreClosed() {
        Pipe p = pipe(true);
        Transfer transfer = Transfer.openForNewProcess();
        try {
            serialise(p.second());
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            transfer.close();
        }
        p.second().close();
        assertThat(p.first().poll()).as("the duplicate keeps the end open").isFalse();
        transfer.receiverEnded();
        assertThatThrownBy(p.first()::receive).isInstanceOf(EndOfStreamException.class);
    }

    private static byte[] serialise(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    private static Object deserialise(byte[] b) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b))) {
            return in.readObject();
        }
    }
}
