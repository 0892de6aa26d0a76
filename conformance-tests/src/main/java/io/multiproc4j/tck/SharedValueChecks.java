package io.multiproc4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multiproc4j.MpProcess;
import io.multiproc4j.Shared;
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
import io.multiproc4j.SharedObjectFactory;
import io.multiproc4j.tck.support.Contention;
import io.multiproc4j.tck.support.Exchange;
import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules SHV: shared values and arrays, with and without a lock. */
abstract class SharedValueChecks extends IpcChecksBase {

    SharedValueChecks(String providerId) {
        super(providerId);
    }

    /** SHV-01: typed values start with their initial value and writes cross in both directions. */
    @Test
    void required_shv01_typedValuesKeepTheirInitialValueAndWritesCrossProcesses() {
        String dir = ex.path();
        SharedInt i = mp.newSharedInt(4343);
        SharedLong l = mp.newSharedLong(1L << 33);
        SharedDouble d = mp.newSharedDouble(3.625);
        SharedByte b = mp.newSharedByte((byte) -23);
        SharedChar c = mp.newSharedChar('x');
        assertThat(List.of(i.get(), l.get(), d.get(), b.get(), c.get()))
                .as("initial values in the creating process").containsExactly(4343, 1L << 33, 3.625, (byte) -23, 'x');
        MpProcess p = child(() -> {
            Exchange.put(dir, "seen", i.get() + " " + l.get() + " " + d.get() + " " + b.get() + " " + c.get());
            i.set(24234);
            l.set(1L << 34);
            d.set(-4.25);
            b.set((byte) 117);
            c.set('y');
            Exchange.put(dir, "set", "yes");
            Exchange.awaitEntry(dir, "parent-set");
            Exchange.put(dir, "seen-again", i.get() + " " + l.get() + " " + d.get() + " " + b.get() + " " + c.get());
        });
        assertThat(ex.await("seen")).as("initial values in a child").isEqualTo("4343 8589934592 3.625 -23 x");
        ex.await("set");
        assertThat(List.of(i.get(), l.get(), d.get(), b.get(), c.get())).as("values set in a child")
                .containsExactly(24234, 1L << 34, -4.25, (byte) 117, 'y');
        i.set(-1);
        l.set(Long.MIN_VALUE);
        d.set(Double.MAX_VALUE);
        b.set(Byte.MIN_VALUE);
        c.set('\u20ac');
        ex.put("parent-set", "yes");
        assertThat(ex.await("seen-again")).as("values set in the parent, read in the child")
                .isEqualTo("-1 " + Long.MIN_VALUE + " " + Double.MAX_VALUE + " -128 \u20ac");
        assertEndsNormally(p);
    }

    /** SHV-02: the atomic operations do what their names say, and arithmetic wraps. */
    @Test
    void required_shv02_atomicOperationsDoWhatTheirNamesSayAndWrap() {
        for (SharedObjectFactory f : List.of(mp, mp.raw())) {
            SharedInt i = f.newSharedInt(5);
            assertThat(i.compareAndSet(4, 7)).as("int compareAndSet with the wrong expected value").isFalse();
            assertThat(i.get()).isEqualTo(5);
            assertThat(i.compareAndSet(5, 7)).as("int compareAndSet with the right expected value").isTrue();
            assertThat(i.getAndAdd(3)).as("int getAndAdd returns the value before").isEqualTo(7);
            assertThat(i.addAndGet(-20)).as("int addAndGet returns the value after").isEqualTo(-10);
            i.set(Integer.MAX_VALUE);
            assertThat(i.addAndGet(1)).as("int overflow").isEqualTo(Integer.MIN_VALUE);

            SharedLong l = f.newSharedLong(5);
            assertThat(l.compareAndSet(4, 7)).isFalse();
            assertThat(l.compareAndSet(5, 7)).isTrue();
            assertThat(l.getAndAdd(3)).as("long getAndAdd").isEqualTo(7);
            assertThat(l.addAndGet(-20)).as("long addAndGet").isEqualTo(-10);
            l.set(Long.MAX_VALUE);
            assertThat(l.addAndGet(1)).as("long overflow").isEqualTo(Long.MIN_VALUE);

            SharedDouble d = f.newSharedDouble(1.5);
            assertThat(d.compareAndSet(1.25, 2.0)).isFalse();
            assertThat(d.compareAndSet(1.5, 2.0)).isTrue();
            assertThat(d.getAndAdd(0.25)).as("double getAndAdd").isEqualTo(2.0);
            assertThat(d.addAndGet(0.5)).as("double addAndGet").isEqualTo(2.75);

            SharedByte b = f.newSharedByte((byte) 120);
            assertThat(b.compareAndSet((byte) 1, (byte) 2)).isFalse();
            assertThat(b.compareAndSet((byte) 120, (byte) 126)).isTrue();
            assertThat(b.getAndAdd((byte) 1)).as("byte getAndAdd").isEqualTo((byte) 126);
            assertThat(b.addAndGet((byte) 1)).as("byte overflow").isEqualTo(Byte.MIN_VALUE);

            SharedChar c = f.newSharedChar('a');
            assertThat(c.compareAndSet('b', 'c')).isFalse();
            assertThat(c.compareAndSet('a', 'c')).isTrue();
            assertThat(c.get()).isEqualTo('c');

            SharedIntArray ia = f.newSharedIntArray(2);
            assertThat(ia.addAndGet(1, 5)).isEqualTo(5);
            assertThat(ia.compareAndSet(1, 4, 9)).isFalse();
            assertThat(ia.compareAndSet(1, 5, 9)).isTrue();
            assertThat(ia.toArray()).containsExactly(0, 9);
            SharedLongArray la = f.newSharedLongArray(2);
            la.set(0, Long.MAX_VALUE);
            assertThat(la.addAndGet(0, 1)).as("long array overflow").isEqualTo(Long.MIN_VALUE);
            assertThat(la.compareAndSet(1, 0, 3)).isTrue();
            assertThat(la.toArray()).containsExactly(Long.MIN_VALUE, 3);
            SharedDoubleArray da = f.newSharedDoubleArray(2);
            assertThat(da.addAndGet(0, 0.5)).isEqualTo(0.5);
            assertThat(da.compareAndSet(1, 1.0, 2.0)).isFalse();
            assertThat(da.toArray()).containsExactly(0.5, 0.0);
        }
    }

    /** SHV-03: atomic additions without a lock are not lost. */
    @Test
    void required_shv03_atomicAdditionsWithoutALockAreNotLost() {
        SharedLong total = mp.raw().newSharedLong(0);
        SharedIntArray cells = mp.raw().newSharedIntArray(2);
        Contention.Result r = Contention.run(mp, ex, () -> {
            total.getAndAdd(1);
            cells.addAndGet(1, 1);
        });
        assertThat(total.get()).as("raw long after %s getAndAdd(1) by %s processes (%s each)", r.steps(),
                Contention.PROCESSES, r.perProcess()).isEqualTo(r.steps());
        assertThat((long) cells.get(1)).as("raw int array element after %s addAndGet(1)", r.steps())
                .isEqualTo(r.steps());
        assertThat(cells.get(0)).as("the element next to it").isZero();
    }

    /** SHV-04: a compound update under the value's own lock loses nothing. */
    @Test
    void required_shv04_compoundUpdateUnderTheValuesOwnLockLosesNothing() {
        SharedInt v = mp.newSharedInt(0);
        Contention.Result r = Contention.run(mp, ex, () -> {
            v.lock().lock();
            try {
                int x = v.get();
                Thread.yield();
                v.set(x + 1);
            } finally {
                v.lock().unlock();
            }
        });
        assertThat((long) v.get()).as("value after %s increments under its lock by %s processes (%s each)",
                r.steps(), Contention.PROCESSES, r.perProcess()).isEqualTo(r.steps());
    }

    private static List<Shared> oneOfEach(SharedObjectFactory f) {
        return List.of(f.newSharedInt(0), f.newSharedLong(0), f.newSharedDouble(0), f.newSharedByte((byte) 0),
                f.newSharedChar('a'), f.newSharedIntArray(1), f.newSharedLongArray(1), f.newSharedDoubleArray(1),
                f.newSharedByteArray(1), f.newSharedCharArray(1));
    }

    /** SHV-05: values from the context have a reentrant lock; raw ones have none. */
    @Test
    void required_shv05_valuesHaveALockAndRawOnesNone() {
        for (Shared s : oneOfEach(mp)) {
            String kind = s.getClass().getSimpleName();
            assertThat(s.hasLock()).as("hasLock of a %s from the context", kind).isTrue();
            s.lock().lock();
            s.lock().lock();
            assertThat(s.lock().holdCount()).as("hold count of the lock of a %s, locked twice", kind).isEqualTo(2);
            s.lock().unlock();
            s.lock().unlock();
            assertThat(s.lock().isLocked()).isFalse();
        }
        for (Shared s : oneOfEach(mp.raw())) {
            String kind = s.getClass().getSimpleName();
            assertThat(s.hasLock()).as("hasLock of a raw %s", kind).isFalse();
            assertThatThrownBy(s::lock).as("lock() of a raw %s", kind)
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    /** SHV-06: arrays are zero-filled at their length, and a child's element writes reach the parent. */
    @Test
    void required_shv06_arraysStartZeroFilledAndAChildsWritesReachTheParent() {
        for (SharedObjectFactory f : List.of(mp, mp.raw())) {
            SharedIntArray ints = f.newSharedIntArray(3);
            SharedLongArray longs = f.newSharedLongArray(3);
            SharedDoubleArray doubles = f.newSharedDoubleArray(3);
            SharedByteArray bytes = f.newSharedByteArray(3);
            SharedCharArray chars = f.newSharedCharArray(3);
            assertThat(List.of(ints.length(), longs.length(), doubles.length(), bytes.length(), chars.length()))
                    .as("lengths").containsOnly(3);
            assertThat(ints.toArray()).containsExactly(0, 0, 0);
            assertThat(longs.toArray()).containsExactly(0, 0, 0);
            assertThat(doubles.toArray()).containsExactly(0.0, 0.0, 0.0);
            assertThat(bytes.toArray()).containsExactly(0, 0, 0);
            assertThat(chars.toArray()).containsExactly('\0', '\0', '\0');
            MpProcess p = child(() -> {
                ints.set(1, 7);
                ints.set(2, -7);
                longs.setAll(new long[] {1, Long.MAX_VALUE, 3});
                doubles.set(2, 2.5);
                bytes.setAll(new byte[] {-1, 0, 1});
                chars.set(0, 'q');
                chars.set(2, 'z');
            });
            assertEndsNormally(p);
            assertThat(ints.toArray()).as("int array set by a child").containsExactly(0, 7, -7);
            assertThat(ints.get(2)).isEqualTo(-7);
            assertThat(longs.toArray()).as("long array set by a child").containsExactly(1, Long.MAX_VALUE, 3);
            assertThat(doubles.toArray()).as("double array set by a child").containsExactly(0.0, 0.0, 2.5);
            assertThat(bytes.toArray()).as("byte array set by a child").containsExactly(-1, 0, 1);
            assertThat(chars.toArray()).as("char array set by a child").containsExactly('q', '\0', 'z');
        }
    }

    /** SHV-07: arrays refuse bad indexes, wrong-sized setAll and negative lengths. */
    @Test
    void required_shv07_arraysRefuseBadIndexesSizesAndLengths() {
        SharedIntArray ints = mp.newSharedIntArray(3);
        for (int bad : new int[] {-1, 3, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            assertThatThrownBy(() -> ints.get(bad)).as("get(%s)", bad).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> ints.set(bad, 1)).as("set(%s)", bad)
                    .isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> ints.addAndGet(bad, 1)).as("addAndGet(%s)", bad)
                    .isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> ints.compareAndSet(bad, 0, 1)).as("compareAndSet(%s)", bad)
                    .isInstanceOf(IndexOutOfBoundsException.class);
        }
        assertThat(ints.toArray()).as("array after refused writes").containsExactly(0, 0, 0);
        assertThatThrownBy(() -> mp.raw().newSharedLongArray(2).get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> mp.newSharedDoubleArray(2).set(-1, 1))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> mp.newSharedByteArray(2).get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> mp.newSharedCharArray(2).set(2, 'a')).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> ints.setAll(new int[2])).as("setAll of 2 into 3")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ints.setAll(new int[4])).as("setAll of 4 into 3")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mp.newSharedCharArray(2).setAll(new char[3]))
                .isInstanceOf(IllegalArgumentException.class);
        for (SharedObjectFactory f : List.of(mp, mp.raw())) {
            assertThatThrownBy(() -> f.newSharedIntArray(-1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> f.newSharedLongArray(-1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> f.newSharedDoubleArray(-1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> f.newSharedByteArray(-1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> f.newSharedCharArray(Integer.MIN_VALUE))
                    .isInstanceOf(IllegalArgumentException.class);
            SharedIntArray empty = f.newSharedIntArray(0);
            assertThat(empty.length()).isZero();
            assertThat(empty.toArray()).isEmpty();
            assertThatThrownBy(() -> empty.get(0)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    /** SHV-08: a char array is usable as a string. */
    @Test
    void required_shv08_charArrayIsUsableAsAString() {
        SharedCharArray s = mp.newSharedCharArray(10);
        assertThat(s.getString()).as("string of a new char array").isEmpty();
        s.setString("hello");
        assertThat(s.getString()).isEqualTo("hello");
        s.setString("0123456789");
        assertThat(s.getString()).as("a string as long as the array").isEqualTo("0123456789");
        s.setString("hi");
        assertThat(s.getString()).as("a shorter string after a longer one").isEqualTo("hi");
        s.setString("ab\0cd");
        assertThat(s.getString()).as("a string with a NUL").isEqualTo("ab");
        assertThatThrownBy(() -> s.setString("0123456789A")).as("a string longer than the array")
                .isInstanceOf(IllegalArgumentException.class);
        s.setString("hello");
        MpProcess p = child(() -> s.setString(s.getString() + s.getString()));
        assertEndsNormally(p);
        assertThat(s.getString()).as("the string a child doubled").isEqualTo("hellohello");
        assertThat(new String(s.toArray())).isEqualTo("hellohello");
    }

    /** SHV-09: shared values, arrays and blocks cannot be serialised except by capture. */
    @Test
    void required_shv09_sharedObjectsAreSerialisableOnlyByCapture() {
        try (SharedMemory block = mp.createSharedMemory(16)) {
            List<Object> objects = new java.util.ArrayList<>(oneOfEach(mp));
            objects.addAll(oneOfEach(mp.raw()));
            objects.add(block);
            for (Object o : objects) {
                assertThatThrownBy(() -> {
                    try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
                        out.writeObject(o);
                    }
                }).as("serialising a %s outside a task", o.getClass().getName())
                        .isInstanceOf(NotSerializableException.class);
            }
        }
    }
}
