package io.multiproc4j.nativeos.internal.shm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multiproc4j.MpReentrantLock;
import io.multiproc4j.NoSuchSharedMemoryException;
import io.multiproc4j.Shared;
import io.multiproc4j.SharedByte;
import io.multiproc4j.SharedChar;
import io.multiproc4j.SharedCharArray;
import io.multiproc4j.SharedDouble;
import io.multiproc4j.SharedDoubleArray;
import io.multiproc4j.SharedInt;
import io.multiproc4j.SharedIntArray;
import io.multiproc4j.SharedLong;
import io.multiproc4j.SharedLongArray;
import io.multiproc4j.SharedMemory;
import io.multiproc4j.SharedMemoryExistsException;
import io.multiproc4j.spi.Transfer;
import io.multiproc4j.tck.support.TckEnvironment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Shared values, arrays and blocks within one JVM: a second handle made by capturing an object in a transfer and
 * reading it back is on the same memory, as a child's would be.
 */
class NativeSharedTest {

    private final NativeShared raw = new NativeShared(null);
    private final NativeShared locked = new NativeShared(StubLock::new);
    private Set<Path> before;

    @BeforeEach
    void snapshot() throws IOException {
        before = shmFiles();
    }

    @AfterEach
    void nothingLeftBehind() throws Exception {
        System.gc();
        awaitTrue(() -> newFiles().isEmpty(), "shared-memory files left: " + newFiles());
    }

    @Test
    void valuesStartWithTheirValueAndTheirAtomicsWrap() {
        SharedInt i = raw.newSharedInt(5);
        assertThat(i.compareAndSet(4, 7)).isFalse();
        assertThat(i.compareAndSet(5, 7)).isTrue();
        assertThat(i.getAndAdd(3)).isEqualTo(7);
        assertThat(i.addAndGet(-20)).isEqualTo(-10);
        i.set(Integer.MAX_VALUE);
        assertThat(i.addAndGet(1)).isEqualTo(Integer.MIN_VALUE);

        SharedLong l = raw.newSharedLong(1L << 40);
        assertThat(l.get()).isEqualTo(1L << 40);
        l.set(Long.MAX_VALUE);
        assertThat(l.addAndGet(1)).isEqualTo(Long.MIN_VALUE);

        SharedDouble d = raw.newSharedDouble(1.5);
        assertThat(d.compareAndSet(1.25, 2)).isFalse();
        assertThat(d.compareAndSet(1.5, 2)).isTrue();
        assertThat(d.getAndAdd(0.25)).isEqualTo(2.0);
        assertThat(d.addAndGet(0.5)).isEqualTo(2.75);

        SharedByte b = raw.newSharedByte((byte) -23);
        assertThat(b.get()).isEqualTo((byte) -23);
        assertThat(b.compareAndSet((byte) 1, (byte) 2)).isFalse();
        assertThat(b.compareAndSet((byte) -23, (byte) 126)).isTrue();
        assertThat(b.getAndAdd((byte) 1)).isEqualTo((byte) 126);
        assertThat(b.addAndGet((byte) 1)).isEqualTo(Byte.MIN_VALUE);

        SharedChar c = raw.newSharedChar('\u20ac');
        assertThat(c.get()).isEqualTo('\u20ac');
        assertThat(c.compareAndSet('a', 'b')).isFalse();
        assertThat(c.compareAndSet('\u20ac', '\uffff')).isTrue();
        assertThat(c.get()).isEqualTo('\uffff');
    }

    @Test
    void byteAndCharUpdatesThroughTheirIntNeverLoseANeighbour() throws Exception {
        SharedByte holder = raw.newSharedByte((byte) 0);
        Cells cells = ((CellObject) holder).cells;
        int perThread = 20_000;
        CyclicBarrier start = new CyclicBarrier(4);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            long offset = t < 2 ? t : 2 + 2L * (t - 2);
            boolean isChar = t >= 2;
            threads.add(Thread.ofPlatform().start(() -> {
                await(start);
                for (int k = 0; k < perThread; k++) {
                    if (isChar) {
                        while (true) {
                            char v = cells.getChar(offset);
                            if (cells.compareAndSetChar(offset, v, (char) (v + 1))) {
                                break;
                            }
                        }
                    } else {
                        cells.getAndAddByte(offset, (byte) 1);
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(cells.getByte(0)).isEqualTo((byte) perThread);
        assertThat(cells.getByte(1)).isEqualTo((byte) perThread);
        assertThat(cells.getChar(2)).isEqualTo((char) perThread);
        assertThat(cells.getChar(4)).isEqualTo((char) perThread);
        assertThat(cells.getInt(4) >>> 16).as("the int past the chars").isZero();
    }

    @Test
    void arraysAreZeroFilledCheckIndexesAndCopyWhole() {
        SharedIntArray ints = raw.newSharedIntArray(3);
        assertThat(ints.toArray()).containsExactly(0, 0, 0);
        ints.setAll(new int[] {1, -2, 3});
        assertThat(ints.get(1)).isEqualTo(-2);
        assertThat(ints.addAndGet(2, 4)).isEqualTo(7);
        assertThatThrownBy(() -> ints.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> ints.set(-1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> ints.setAll(new int[4])).isInstanceOf(IllegalArgumentException.class);
        assertThat(ints.toArray()).containsExactly(1, -2, 7);

        SharedLongArray longs = raw.newSharedLongArray(2);
        longs.set(1, Long.MIN_VALUE);
        assertThat(longs.compareAndSet(1, Long.MIN_VALUE, 5)).isTrue();
        assertThat(longs.toArray()).containsExactly(0, 5);

        SharedDoubleArray doubles = raw.newSharedDoubleArray(2);
        assertThat(doubles.addAndGet(1, 0.5)).isEqualTo(0.5);
        assertThat(doubles.toArray()).containsExactly(0.0, 0.5);

        assertThat(raw.newSharedByteArray(0).toArray()).isEmpty();
        assertThatThrownBy(() -> raw.newSharedByteArray(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> raw.newSharedLongArray(Integer.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most");
    }

    @Test
    void aCharArrayIsAString() {
        SharedCharArray s = raw.newSharedCharArray(5);
        assertThat(s.getString()).isEmpty();
        s.setString("hello");
        assertThat(s.getString()).isEqualTo("hello");
        s.setString("hi");
        assertThat(s.getString()).isEqualTo("hi");
        assertThat(s.toArray()).containsExactly('h', 'i', '\0', 'l', 'o');
        s.setString("a\0b");
        assertThat(s.getString()).isEqualTo("a");
        assertThatThrownBy(() -> s.setString("toolong")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lockedObjectsHaveALockAndRawOnesNone() {
        for (Shared s : List.of(locked.newSharedInt(0), locked.newSharedCharArray(1))) {
            assertThat(s.hasLock()).isTrue();
            assertThat(s.lock()).isInstanceOf(StubLock.class);
        }
        for (Shared s : List.of(raw.newSharedInt(0), raw.newSharedCharArray(1))) {
            assertThat(s.hasLock()).isFalse();
            assertThatThrownBy(s::lock).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void aCapturedObjectIsTheSameMemoryWithItsLockAndOutlivesTheSender() throws Exception {
        SharedInt sent = locked.newSharedInt(41);
        SharedCharArray text = raw.newSharedCharArray(8);
        text.setString("abc");
        Transfer transfer = Transfer.openForNewProcess();
        byte[] bytes;
        try {
            bytes = serialise(List.of(sent, text));
        } finally {
            transfer.close();
        }
        MpReentrantLock lock = sent.lock();
        sent = null;
        text = null;
        System.gc();
        List<?> received = (List<?>) deserialise(bytes);
        SharedInt i = (SharedInt) received.get(0);
        SharedCharArray t = (SharedCharArray) received.get(1);
        assertThat(i.addAndGet(1)).as("the value, received after the sender dropped it").isEqualTo(42);
        assertThat(t.getString()).isEqualTo("abc");
        assertThat(((StubLock) i.lock()).id).isEqualTo(((StubLock) lock).id);
        transfer.receiverEnded();
    }

    @Test
    void sharedObjectsCannotBeSerialisedOutsideATransfer() {
        try (SharedMemory block = raw.createSharedMemory(null, 8)) {
            for (Object o : List.of(raw.newSharedInt(0), locked.newSharedDoubleArray(1), block)) {
                assertThatThrownBy(() -> serialise(o)).isInstanceOf(NotSerializableException.class);
            }
        }
    }

    @Test
    void aBlockReadsBackWritesThroughEveryHandleAndChecksBounds() {
        try (SharedMemory m = raw.createSharedMemory(null, 100);
                SharedMemory a = raw.attachSharedMemory(m.name())) {
            assertThat(a.size()).isEqualTo(100);
            m.write(10, new byte[] {1, 2, 3, 4}, 1, 2);
            byte[] got = new byte[4];
            a.read(9, got, 0, 4);
            assertThat(got).containsExactly(0, 2, 3, 0);
            ByteBuffer buf = a.buffer();
            buf.putInt(20, 0x01020304);
            assertThat(m.get(20)).isEqualTo((byte) 1);
            byte[] dst = {5, 5};
            assertThatThrownBy(() -> m.read(99, dst, 0, 2)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> m.write(0, dst, 1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> m.get(100)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThat(dst).containsExactly(5, 5);
        }
    }

    @Test
    void aClosedBlockRefusesEveryAccessAndTheOthersGoOn() {
        String name = "native-shared-test-" + ProcessHandle.current().pid();
        SharedMemory m = raw.createSharedMemory(name, 16);
        ByteBuffer early = m.buffer();
        try (SharedMemory a = raw.attachSharedMemory(name)) {
            assertThatThrownBy(() -> raw.createSharedMemory(name, 16)).isInstanceOf(SharedMemoryExistsException.class);
            m.close();
            m.close();
            assertThatThrownBy(() -> m.get(0)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(m::buffer).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> early.get(0)).as("a buffer taken before close")
                    .isInstanceOf(IllegalStateException.class);
            a.put(0, (byte) 7);
            m.unlink();
            assertThatThrownBy(() -> raw.attachSharedMemory(name)).isInstanceOf(NoSuchSharedMemoryException.class);
            assertThat(a.get(0)).isEqualTo((byte) 7);
            assertThatThrownBy(a::unlink).isInstanceOf(NoSuchSharedMemoryException.class);
        }
    }

    @Test
    void theLastCloseRemovesABlock() throws IOException {
        SharedMemory m = raw.createSharedMemory(null, 16);
        SharedMemory a = raw.attachSharedMemory(m.name());
        m.close();
        assertThat(newFiles()).hasSize(1);
        a.close();
        assertThat(newFiles()).isEmpty();
        assertThatThrownBy(a::unlink).isInstanceOf(NoSuchSharedMemoryException.class);
    }

    private Set<Path> newFiles() throws IOException {
        Set<Path> now = shmFiles();
        now.removeAll(before);
        return now;
    }

    private static Set<Path> shmFiles() throws IOException {
        try (Stream<Path> s = Files.list(ShmSegment.DIR)) {
            return s.filter(p -> p.getFileName().toString().contains("mp4jn")).collect(Collectors.toSet());
        }
    }

    private static byte[] serialise(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    private static Object deserialise(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    private static void await(CyclicBarrier b) {
        try {
            b.await();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    interface Check {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(Check check, String what) throws Exception {
        long deadline = System.nanoTime() + TckEnvironment.PROMPT.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what);
            }
            System.gc();
            Thread.sleep(10);
        }
    }

    /** A lock of this JVM only, which crosses a transfer keeping its id. */
    static final class StubLock extends ReentrantLock implements MpReentrantLock, Serializable {
        private static final long serialVersionUID = 1L;
        private static int next;
        final int id;

        StubLock() {
            synchronized (StubLock.class) {
                id = ++next;
            }
        }

        @Override
        public boolean tryLock(Duration timeout) throws InterruptedException {
            return tryLock(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        }

        @Override
        public int holdCount() {
            return getHoldCount();
        }

        @Override
        public java.util.concurrent.locks.Condition newCondition() {
            throw new UnsupportedOperationException();
        }
    }
}
