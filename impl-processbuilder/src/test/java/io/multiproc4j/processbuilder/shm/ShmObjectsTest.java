package io.multiproc4j.processbuilder.shm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multiproc4j.MpReentrantLock;
import io.multiproc4j.NoSuchSharedMemoryException;
import io.multiproc4j.SharedByte;
import io.multiproc4j.SharedByteArray;
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
import io.multiproc4j.processbuilder.internal.shm.ShmObjects;
import io.multiproc4j.spi.Transfer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Shared values, arrays and blocks within one JVM: semantics, validation and clean-up. */
@ExtendWith(ShmLeaks.class)
class ShmObjectsTest {

    private final ShmObjects raw = new ShmObjects(null);

    /** Every value starts at its initial value, and its atomic operations return what they document. */
    @Test
    void valuesHoldTheirValueAndUpdateAtomically() {
        SharedInt i = raw.newSharedInt(5);
        assertThat(i.get()).isEqualTo(5);
        assertThat(i.getAndAdd(3)).isEqualTo(5);
        assertThat(i.addAndGet(2)).isEqualTo(10);
        assertThat(i.compareAndSet(9, 1)).isFalse();
        assertThat(i.compareAndSet(10, Integer.MAX_VALUE)).isTrue();
        assertThat(i.addAndGet(1)).as("wraps around").isEqualTo(Integer.MIN_VALUE);

        SharedLong l = raw.newSharedLong(Long.MAX_VALUE);
        assertThat(l.addAndGet(1)).isEqualTo(Long.MIN_VALUE);
        l.set(40);
        assertThat(l.getAndAdd(2)).isEqualTo(40);
        assertThat(l.compareAndSet(42, 7)).isTrue();
        assertThat(l.get()).isEqualTo(7);

        SharedDouble d = raw.newSharedDouble(1.5);
        assertThat(d.addAndGet(1.0)).isEqualTo(2.5);
        assertThat(d.getAndAdd(0.5)).isEqualTo(2.5);
        assertThat(d.compareAndSet(3.0, -1.0)).isTrue();
        assertThat(d.get()).isEqualTo(-1.0);

        SharedByte b = raw.newSharedByte((byte) 127);
        assertThat(b.addAndGet((byte) 1)).isEqualTo((byte) -128);
        assertThat(b.getAndAdd((byte) 2)).isEqualTo((byte) -128);
        assertThat(b.compareAndSet((byte) -126, (byte) 9)).isTrue();
        assertThat(b.get()).isEqualTo((byte) 9);

        SharedChar c = raw.newSharedChar('x');
        assertThat(c.get()).isEqualTo('x');
        assertThat(c.compareAndSet('y', 'z')).isFalse();
        assertThat(c.compareAndSet('x', '\uffff')).isTrue();
        assertThat(c.get()).isEqualTo('\uffff');
        c.set('a');
        assertThat(c.get()).isEqualTo('a');
    }

    /** Arrays start zero-filled and check their indices, lengths and strings. */
    @Test
    void arraysAreZeroFilledAndBoundsChecked() {
        SharedIntArray ia = raw.newSharedIntArray(3);
        assertThat(ia.toArray()).containsExactly(0, 0, 0);
        ia.setAll(new int[] {1, 2, 3});
        assertThat(ia.addAndGet(2, 10)).isEqualTo(13);
        assertThat(ia.compareAndSet(0, 1, -1)).isTrue();
        assertThat(ia.toArray()).containsExactly(-1, 2, 13);
        assertThatThrownBy(() -> ia.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> ia.set(-1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> ia.setAll(new int[2])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly 3");

        SharedLongArray la = raw.newSharedLongArray(2);
        la.set(1, Long.MIN_VALUE);
        assertThat(la.addAndGet(1, -1)).isEqualTo(Long.MAX_VALUE);
        assertThat(la.compareAndSet(0, 0, 4)).isTrue();
        assertThat(la.toArray()).containsExactly(4, Long.MAX_VALUE);

        SharedDoubleArray da = raw.newSharedDoubleArray(2);
        da.setAll(new double[] {0.25, 0.5});
        assertThat(da.addAndGet(0, 1)).isEqualTo(1.25);
        assertThat(da.compareAndSet(1, 0.5, 2)).isTrue();
        assertThat(da.toArray()).containsExactly(1.25, 2.0);

        SharedByteArray ba = raw.newSharedByteArray(5);
        ba.setAll(new byte[] {1, -2, 3, -4, 5});
        ba.set(1, (byte) 0x7f);
        assertThat(ba.toArray()).containsExactly(1, 0x7f, 3, -4, 5);
        assertThatThrownBy(() -> ba.get(5)).isInstanceOf(IndexOutOfBoundsException.class);

        SharedCharArray ca = raw.newSharedCharArray(5);
        assertThat(ca.getString()).isEmpty();
        ca.setString("hello");
        assertThat(ca.getString()).isEqualTo("hello");
        ca.setString("hi");
        assertThat(ca.getString()).isEqualTo("hi");
        assertThat(ca.toArray()).containsExactly('h', 'i', '\0', 'l', 'o');
        assertThatThrownBy(() -> ca.setString("toolong")).isInstanceOf(IllegalArgumentException.class);

        assertThat(raw.newSharedIntArray(0).toArray()).isEmpty();
        assertThatThrownBy(() -> raw.newSharedLongArray(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }

    /** Writers of neighbouring bytes and chars never lose each other's writes. */
    @Test
    void neighbouringBytesAreIndependent() throws InterruptedException {
        SharedByteArray ba = raw.newSharedByteArray(8);
        SharedCharArray ca = raw.newSharedCharArray(4);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int index = t;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int n = 0; n < 20_000; n++) {
                    ba.set(index, (byte) n);
                    ca.set(index, (char) n);
                }
                ba.set(index, (byte) (index + 1));
                ca.set(index, (char) ('a' + index));
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(ba.toArray()).containsExactly(1, 2, 3, 4, 0, 0, 0, 0);
        assertThat(ca.getString()).isEqualTo("abcd");
    }

    /** A raw object has no lock; a locked one returns the lock it was created with. */
    @Test
    void lockedAndRawObjects() {
        SharedInt r = raw.newSharedInt(0);
        assertThat(r.hasLock()).isFalse();
        assertThatThrownBy(r::lock).isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("raw");

        MpReentrantLock fake = (MpReentrantLock) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MpReentrantLock.class}, (p, m, a) -> m.getName().equals("hashCode") ? 1 : null);
        ShmObjects locked = new ShmObjects(() -> fake);
        SharedLongArray a = locked.newSharedLongArray(2);
        assertThat(a.hasLock()).isTrue();
        assertThat(a.lock()).isSameAs(fake);
    }

    /** A factory whose lock cannot be made leaves no file behind. */
    @Test
    void failingLockLeavesNothing() {
        ShmObjects broken = new ShmObjects(() -> {
            throw new UnsupportedOperationException("no broker");
        });
        assertThatThrownBy(() -> broken.newSharedInt(1)).isInstanceOf(UnsupportedOperationException.class);
    }

    /** Each object's toString names its kind, its name and its value or length. */
    @Test
    void toStringNamesKindNameAndValue() {
        assertThat(raw.newSharedInt(42).toString()).matches("SharedInt\\[name=mp4j-[0-9a-f]+, value=42]");
        assertThat(raw.newSharedDoubleArray(3).toString()).matches("SharedDoubleArray\\[name=mp4j-\\w+, length=3]");
        try (SharedMemory m = raw.createSharedMemory(null, 10)) {
            assertThat(m.toString()).isEqualTo("SharedMemory[name=" + m.name() + ", size=10]");
        }
    }

    /** A block created by name is seen by a handle attached by name, and both see each other's writes. */
    @Test
    void blockAttachedByNameSharesMemory() {
        String name = "shm-test_" + ProcessHandle.current().pid() + "." + System.nanoTime();
        try (SharedMemory created = raw.createSharedMemory(name, 100);
                SharedMemory attached = raw.attachSharedMemory(name)) {
            assertThat(created.name()).isEqualTo(name);
            assertThat(attached.size()).isEqualTo(100);
            assertThat(Files.exists(ShmLeaks.fileOf(name))).isTrue();
            created.put(99, (byte) 7);
            assertThat(attached.get(99)).isEqualTo((byte) 7);
            attached.write(10, new byte[] {1, 2, 3, 4}, 1, 3);
            byte[] out = new byte[5];
            created.read(9, out, 1, 4);
            assertThat(out).containsExactly(0, 0, 2, 3, 4);

            ByteBuffer buf = created.buffer();
            assertThat(buf.order()).isEqualTo(ByteOrder.BIG_ENDIAN);
            assertThat(buf.position()).isZero();
            assertThat(buf.capacity()).isEqualTo(100);
            buf.putInt(20, 0x01020304);
            assertThat(attached.get(20)).isEqualTo((byte) 1);

            assertThatThrownBy(() -> created.get(100)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> created.read(98, new byte[4], 0, 3))
                    .isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> created.write(0, new byte[2], 1, 2))
                    .isInstanceOf(IndexOutOfBoundsException.class);
        }
        assertThat(Files.exists(ShmLeaks.fileOf(name))).as("removed when its last user closed it").isFalse();
        assertThatThrownBy(() -> raw.attachSharedMemory(name)).isInstanceOf(NoSuchSharedMemoryException.class);
    }

    /** Creating a name in use fails; attaching a name not in use fails; both name the block. */
    @Test
    void existsAndNotFound() {
        try (SharedMemory m = raw.createSharedMemory(null, 8)) {
            assertThat(m.name()).startsWith("mp4j-");
            assertThatThrownBy(() -> raw.createSharedMemory(m.name(), 8))
                    .isInstanceOf(SharedMemoryExistsException.class).hasMessageContaining(m.name());
        }
        assertThatThrownBy(() -> raw.attachSharedMemory("no-such-block-" + System.nanoTime()))
                .isInstanceOf(NoSuchSharedMemoryException.class).hasMessageContaining("no-such-block-");
    }

    /** Names and sizes outside the documented rules are refused, naming the rule. */
    @Test
    void invalidNamesAndSizes() {
        for (String bad : new String[] {"", ".hidden", "a/b", "sp ace", "é", "x".repeat(201)}) {
            assertThatThrownBy(() -> raw.createSharedMemory(bad, 8)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 200");
            assertThatThrownBy(() -> raw.attachSharedMemory(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> raw.createSharedMemory(null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> raw.createSharedMemory("fine", -1)).isInstanceOf(IllegalArgumentException.class);
        try (SharedMemory m = raw.createSharedMemory("x".repeat(200), 1)) {
            assertThat(m.size()).isEqualTo(1);
        }
    }

    /** Unlinking removes the name at once, keeps the memory for the handles open, and cannot be done twice. */
    @Test
    void unlinkRemovesTheNameOnce() {
        SharedMemory m = raw.createSharedMemory(null, 16);
        SharedMemory other = raw.attachSharedMemory(m.name());
        m.unlink();
        assertThat(Files.exists(ShmLeaks.fileOf(m.name()))).isFalse();
        assertThatThrownBy(() -> raw.attachSharedMemory(m.name())).isInstanceOf(NoSuchSharedMemoryException.class);
        assertThatThrownBy(other::unlink).isInstanceOf(NoSuchSharedMemoryException.class);
        m.put(3, (byte) 9);
        assertThat(other.get(3)).isEqualTo((byte) 9);
        try (SharedMemory reused = raw.createSharedMemory(m.name(), 4)) {
            m.close();
            other.close();
            assertThat(reused.get(0)).isZero();
            assertThat(Files.exists(ShmLeaks.fileOf(m.name()))).as("a new block of the same name survives").isTrue();
        }
    }

    /** A closed handle refuses use; closing twice is harmless. */
    @Test
    void closedBlockRefusesUse() {
        SharedMemory m = raw.createSharedMemory(null, 4);
        m.close();
        m.close();
        assertThatThrownBy(() -> m.get(0)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(m::buffer).isInstanceOf(IllegalStateException.class);
        assertThat(Files.exists(ShmLeaks.fileOf(m.name()))).isFalse();
    }

    /** A value or block serialised other than in a task is refused. */
    @Test
    void serialisingOutsideATaskIsRefused() {
        SharedInt i = raw.newSharedInt(1);
        assertThatThrownBy(() -> serialise(i)).isInstanceOf(NotSerializableException.class)
                .hasMessageContaining("captured in the task");
        try (SharedMemory m = raw.createSharedMemory(null, 4)) {
            assertThatThrownBy(() -> serialise(m)).isInstanceOf(NotSerializableException.class);
        }
    }

    /** What a transfer carries is the same memory, kept alive for the receiver until it ends. */
    @Test
    void transferCarriesTheSameMemory() throws Exception {
        SharedIntArray a = raw.newSharedIntArray(2);
        SharedMemory m = raw.createSharedMemory(null, 4);
        Transfer t = Transfer.open();
        byte[] bytes;
        try {
            bytes = serialise(new Object[] {a, m});
        } finally {
            t.close();
        }
        m.close();
        assertThat(Files.exists(ShmLeaks.fileOf(m.name()))).as("held for the receiver").isTrue();
        Object[] received = (Object[]) deserialise(bytes);
        ((SharedIntArray) received[0]).set(1, 5);
        assertThat(a.get(1)).isEqualTo(5);
        SharedMemory m2 = (SharedMemory) received[1];
        m2.put(0, (byte) 1);
        m2.close();
        t.receiverEnded();
        assertThat(Files.exists(ShmLeaks.fileOf(m.name()))).isFalse();
    }

    /** A value nobody can reach any more gives its file back. */
    @Test
    void unreachableValuesAreFreed() {
        java.util.Set<java.nio.file.Path> before = ShmLeaks.ours();
        String name = raw.newSharedLong(1).toString().replaceAll(".*name=([^,]+),.*", "$1");
        assertThat(ShmLeaks.fileOf(name)).exists();
        ShmLeaks.assertNoneLeftBeyond(before);
    }

    private static byte[] serialise(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    private static Object deserialise(byte[] b) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b))) {
            return in.readObject();
        }
    }
}
