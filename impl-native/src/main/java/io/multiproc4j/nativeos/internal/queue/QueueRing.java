package io.multiproc4j.nativeos.internal.queue;

import io.multiproc4j.IpcObjectLostException;
import io.multiproc4j.NoSuchSharedMemoryException;
import io.multiproc4j.nativeos.internal.Libc;
import io.multiproc4j.nativeos.internal.shm.ShmSegment;
import io.multiproc4j.nativeos.internal.sync.Futex;
import io.multiproc4j.nativeos.internal.sync.ShmMutex;
import io.multiproc4j.spi.ExitSequence;
import io.multiproc4j.spi.Transfer;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.lang.ref.Cleaner;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The shared memory of one queue, as this process has it open: a header and a ring of records, in one POSIX
 * shared-memory object, which every process that has the queue maps.
 *
 * <p><b>Layout.</b> {@code ShmMutex lock} at 0; three wait sets of {@code int seq, int sleepers} at 8 (not empty),
 * 16 (not full) and 24 (all done); {@code int capacity} at 32; {@code int wrap} at 36, the size of the ring in use,
 * a power of two; {@code int done} at 40, the number of {@code taskDone} calls; {@code long head} at 48 and
 * {@code long tail} at 56, each {@code count << 32 | position}: the number of items got (put) so far and the ring
 * position of the next record to get (put), both modulo 2<sup>32</sup>. The ring starts at {@link #RING} and may
 * grow to {@link #MAX_WRAP} bytes; the object is that large, but sparse: only pages written take memory. A record is
 * an {@code int} header, 4-aligned, and its payload, padded to 4 bytes, possibly wrapping around: a header
 * {@code n >= 0} means an item of {@code n} bytes; {@code SPILL | n} means an item in a {@link Spills} file, whose
 * name of {@code n} bytes is the payload.
 *
 * <p><b>Crash safety.</b> Everything is changed under the lock, which a process takes over from a dead holder, and
 * every operation commits with its last store: a put writes its record beyond the tail, then stores the tail; a get
 * copies its record out, then stores the head; a growth copies records to where they lie in the larger ring, beyond
 * the current one, then stores the wrap. A process killed in the middle leaves the queue as it was before. The
 * number of items is {@code puts - gets} and the number of unfinished ones {@code puts - done}, so that no
 * operation has two counters to keep in step.
 *
 * <p><b>Waiting.</b> A process that must wait registers as a sleeper of a wait set under the lock, reading its
 * sequence number, and sleeps on that number with a futex, in slices of {@link ShmMutex#SLICE_NANOS} so that it
 * notices interrupts and a close. A process that changes the state wakes one sleeper only if one is registered and
 * not woken yet: with nobody waiting, puts and gets make no system call. Before sleeping, a waiter spins briefly,
 * as the other side is often on another core and about to act.
 *
 * <p><b>In this process.</b> Closing stops new calls here and releases the memory once the calls under way have
 * left; the memory is also released when this object is collected, and at exit. The last release anywhere removes
 * the object (see {@link ShmSegment}), and then this queue's spill files.
 */
final class QueueRing {

    /** A timeout at least this long means no timeout. */
    static final long FOREVER = Long.MAX_VALUE / 4;
    /** Items larger than this go to a spill file rather than into the ring. */
    static final int INLINE_MAX = 1 << 18;
    /** The largest ring: a queue holds at most this many bytes of records at a time. */
    static final int MAX_WRAP = 1 << 30;

    private static final long NOT_EMPTY = 8;
    private static final long NOT_FULL = 16;
    private static final long ALL_DONE = 24;
    private static final long CAPACITY = 32;
    private static final long WRAP = 36;
    private static final long DONE = 40;
    private static final long HEAD = 48;
    private static final long TAIL = 56;
    private static final long PAGE = 4096;
    private static final long RING = PAGE;
    private static final int INITIAL_WRAP = 1 << 16;
    /** A ring larger than this gives its memory back when the queue empties. */
    private static final int SHRINK_ABOVE = 1 << 20;
    private static final int SPILL = 0x8000_0000;
    /** About as long as a futex wake-up takes: a spin that long saves both sides a system call. */
    private static final long SPIN_NANOS = 20_000;
    private static final int CLOSED = Integer.MIN_VALUE;

    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    private static final int MADV_REMOVE = 9;
    private static final MethodHandle MADVISE = Libc.function("madvise",
            FunctionDescriptor.of(Libc.C_INT, Libc.C_POINTER, Libc.C_LONG, Libc.C_INT));

    private static final Cleaner CLEANER = Cleaner.create();
    /** The memory of every queue open in this process, released at exit once the children have ended. */
    private static final Set<Release> OPEN = ConcurrentHashMap.newKeySet();

    static {
        ExitSequence.afterChildren(() -> List.copyOf(OPEN).forEach(Release::run));
    }

    private final ShmSegment segment;
    private final MemorySegment memory;
    private final ShmMutex mutex;
    private final WaitSet notEmpty;
    private final WaitSet notFull;
    private final WaitSet allDone;
    private final int capacity;
    private final String queueFile;
    private final Cleaner.Cleanable cleanable;
    /** The calls under way in this process, with {@link #CLOSED} set once {@link #close()} was called. */
    private final AtomicInteger calls = new AtomicInteger();

    private QueueRing(ShmSegment segment) {
        this.segment = segment;
        this.memory = segment.memory();
        this.mutex = new ShmMutex(memory, 0);
        this.notEmpty = new WaitSet(NOT_EMPTY);
        this.notFull = new WaitSet(NOT_FULL);
        this.allDone = new WaitSet(ALL_DONE);
        this.capacity = memory.get(ValueLayout.JAVA_INT, CAPACITY);
        this.queueFile = fileOf(segment);
        Release release = new Release(segment, queueFile);
        OPEN.add(release);
        this.cleanable = CLEANER.register(this, release);
    }

    /**
     * Creates a queue.
     *
     * @param capacity the most items it holds, {@link Integer#MAX_VALUE} for no limit
     * @return this process's handle on it
     */
    static QueueRing create(int capacity) {
        return new QueueRing(ShmSegment.create(null, RING + MAX_WRAP, m -> {
            m.set(ValueLayout.JAVA_INT, CAPACITY, capacity);
            m.set(ValueLayout.JAVA_INT, WRAP, INITIAL_WRAP);
        }));
    }

    /**
     * Opens a queue sent to this process.
     *
     * @param name the name of its memory
     * @param what the queue, for the message
     * @return this process's handle on it
     * @throws IpcObjectLostException if it no longer exists
     */
    static QueueRing attach(String name, String what) {
        try {
            return new QueueRing(ShmSegment.attach(name));
        } catch (NoSuchSharedMemoryException e) {
            throw new IpcObjectLostException(what + " sent to this process ('" + name + "') no longer exists: every"
                    + " process that had it released it before this one could attach", e);
        }
    }

    /**
     * Keeps the queue alive for a process it is being sent to, until that process ends: the sender may release its
     * own handle before the receiver has attached.
     *
     * @param transfer the transfer under way
     * @return the name to attach by
     */
    String holdFor(Transfer transfer) {
        Release extra = new Release(ShmSegment.attach(segment.name()), queueFile);
        OPEN.add(extra);
        transfer.whenReceiverEnds(extra);
        return segment.name();
    }

    /** @return the queue's capacity */
    int capacity() {
        return capacity;
    }

    /** @return the name of its memory, for messages */
    String name() {
        return segment.name();
    }

    /**
     * Puts a serialised item: when this returns {@code true}, the item is in the shared memory.
     *
     * @param item the serialised item
     * @param timeoutNanos the longest wait for room: 0 or less for none, {@link #FOREVER} or more for no limit
     * @param interruptible whether an interrupt ends the wait; if not, it is kept for the caller
     * @return whether the item was put; {@code false} if the queue stayed full
     * @throws InterruptedException if interruptible and interrupted while waiting; nothing was put
     * @throws IllegalStateException if the queue was closed in this process
     */
    boolean put(byte[] item, long timeoutNanos, boolean interruptible) throws InterruptedException {
        enter();
        String spill = null;
        try {
            byte[] payload = item;
            int header = item.length;
            if (item.length > INLINE_MAX) {
                spill = Spills.write(queueFile, item);
                payload = Spills.encode(spill);
                header = SPILL | payload.length;
            }
            byte[] record = payload;
            int recordHeader = header;
            boolean put = awaitUnderLock(notFull, timeoutNanos, interruptible, () -> approximateCount() >= capacity,
                    () -> {
                        long tail = (long) LONG.getVolatile(memory, TAIL);
                        long head = (long) LONG.getVolatile(memory, HEAD);
                        return count(head, tail) < capacity && append(head, tail, recordHeader, record)
                                ? Boolean.TRUE : null;
                    }) != null;
            if (put) {
                spill = null;
                notEmpty.signal();
            }
            return put;
        } finally {
            if (spill != null) {
                Spills.delete(spill);
            }
            leave();
        }
    }

    /**
     * Gets the oldest serialised item.
     *
     * @param timeoutNanos the longest wait for an item: 0 or less for none, {@link #FOREVER} or more for no limit
     * @return the item, or {@code null} if the queue stayed empty
     * @throws InterruptedException if interrupted while waiting; nothing was got
     * @throws IllegalStateException if the queue was closed in this process
     * @throws IpcObjectLostException if the item's spill file was removed by someone else
     */
    byte[] take(long timeoutNanos) throws InterruptedException {
        enter();
        try {
            Object item = awaitUnderLock(notEmpty, timeoutNanos, true, () -> approximateCount() == 0, () -> {
                long head = (long) LONG.getVolatile(memory, HEAD);
                long tail = (long) LONG.getVolatile(memory, TAIL);
                return count(head, tail) > 0 ? removeFirst(head, tail) : null;
            });
            if (item == null) {
                return null;
            }
            notFull.signal();
            if (notEmpty.hasSleepers() && approximateCount() > 0) {
                notEmpty.signal();
            }
            return switch (item) {
                case byte[] bytes -> bytes;
                case FileChannel file -> Spills.read(file);
                case RuntimeException lost -> throw lost;
                default -> throw new AssertionError(item);
            };
        } finally {
            leave();
        }
    }

    /**
     * Counts one item as finished.
     *
     * @throws IllegalStateException if every item put is already finished, or the queue was closed here
     */
    void taskDone() {
        enter();
        try {
            boolean none;
            mutex.lockShort();
            try {
                int puts = (int) ((long) LONG.getVolatile(memory, TAIL) >>> 32);
                int done = (int) INT.getVolatile(memory, DONE);
                if (done == puts) {
                    throw new IllegalStateException("taskDone() was called more times than items were put into "
                            + this + "; call it once for each item got");
                }
                INT.setVolatile(memory, DONE, done + 1);
                none = done + 1 == puts;
            } finally {
                mutex.unlock();
            }
            if (none) {
                allDone.signalAll();
            }
        } finally {
            leave();
        }
    }

    /**
     * Waits until every item put is finished.
     *
     * @param timeoutNanos the longest wait: 0 or less for none, {@link #FOREVER} or more for no limit
     * @return whether none is unfinished
     * @throws InterruptedException if interrupted while waiting
     */
    boolean join(long timeoutNanos) throws InterruptedException {
        enter();
        try {
            return awaitUnderLock(allDone, timeoutNanos, true, null, () -> {
                int puts = (int) ((long) LONG.getVolatile(memory, TAIL) >>> 32);
                return (int) INT.getVolatile(memory, DONE) == puts ? Boolean.TRUE : null;
            }) != null;
        } finally {
            leave();
        }
    }

    /**
     * Runs an attempt under the lock until it succeeds or the time runs out: after a first failure, spins while the
     * state looks unchanged; after a second, sleeps on a wait set, registered under the lock so that a change made
     * after the attempt wakes it.
     *
     * @param set where to sleep
     * @param timeoutNanos the longest wait: 0 or less for none, {@link #FOREVER} or more for no limit
     * @param interruptible whether an interrupt ends the wait; if not, it is kept for the caller
     * @param unchanged while true, a spin goes on; {@code null} for no spin
     * @param attempt what to try under the lock: its result, or {@code null} if it must wait
     * @return what the attempt returned, or {@code null} if the time ran out
     */
    private Object awaitUnderLock(WaitSet set, long timeoutNanos, boolean interruptible, BooleanSupplier unchanged,
            Supplier<Object> attempt) throws InterruptedException {
        long deadline = deadline(timeoutNanos);
        boolean spun = unchanged == null;
        boolean slept = false;
        boolean interrupted = false;
        Object result = null;
        try {
            while (true) {
                int seq = 0;
                boolean wait = false;
                mutex.lockShort();
                try {
                    result = attempt.get();
                    if (result == null && spun && remaining(deadline) > 0) {
                        seq = set.register();
                        wait = true;
                    }
                } finally {
                    mutex.unlock();
                }
                if (result != null) {
                    return result;
                }
                if (wait) {
                    slept = true;
                    interrupted |= set.sleep(seq, deadline, interruptible);
                } else if (remaining(deadline) <= 0) {
                    return null;
                } else {
                    spun = true;
                    long spinEnd = System.nanoTime() + SPIN_NANOS;
                    while (unchanged.getAsBoolean() && System.nanoTime() - spinEnd < 0) {
                        Thread.onSpinWait();
                    }
                }
            }
        } finally {
            if (slept && result == null) {
                // The wake-up this waiter may have taken is passed on.
                set.signal();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * @return the number of items now; exact when no other process uses the queue
     * @throws IllegalStateException if the queue was closed in this process
     */
    int size() {
        enter();
        try {
            return Math.max(0, approximateCount());
        } finally {
            leave();
        }
    }

    /** The head first: it never passes the tail, so the count read is never negative within one process. */
    private int approximateCount() {
        long head = (long) LONG.getVolatile(memory, HEAD);
        long tail = (long) LONG.getVolatile(memory, TAIL);
        return count(head, tail);
    }

    /** @throws IllegalStateException if the queue was closed in this process */
    void checkOpen() {
        if (calls.get() < 0) {
            throw closed();
        }
    }

    /** Closes the queue in this process; the memory is released once the calls under way have left. */
    void close() {
        if (calls.getAndUpdate(c -> c | CLOSED) == 0) {
            cleanable.clean();
        }
    }

    @Override
    public String toString() {
        return "the queue '" + segment.name() + "'";
    }

    /**
     * Deletes the spill files of dead writers that the ring of a queue does not reference: under the queue's lock,
     * so that no getter claims one meanwhile.
     *
     * @param queueFile the file name of the queue's memory
     * @param candidates the files whose writer is dead
     */
    static void deleteUnreferenced(String queueFile, List<String> candidates) {
        String name = queueFile.substring(queueFile.indexOf('.') + 1);
        QueueRing ring;
        try {
            ring = new QueueRing(ShmSegment.attach(name));
        } catch (RuntimeException gone) {
            return;
        }
        try {
            ring.mutex.lockShort();
            try {
                Set<String> referenced = ring.spillsReferenced();
                candidates.stream().filter(c -> !referenced.contains(c)).forEach(Spills::delete);
            } finally {
                ring.mutex.unlock();
            }
        } finally {
            ring.close();
        }
    }

    private void enter() {
        if (calls.incrementAndGet() < 0) {
            leave();
            throw closed();
        }
    }

    private void leave() {
        if (calls.decrementAndGet() == CLOSED) {
            cleanable.clean();
        }
    }

    private IllegalStateException closed() {
        return new IllegalStateException(this + " was closed in this process; other processes can go on using it");
    }

    /** Appends a record at the tail, growing the ring if needed; under the lock. */
    private boolean append(long head, long tail, int header, byte[] payload) {
        int need = Integer.BYTES + align(payload.length);
        int at = (int) tail;
        if (!makeRoom((int) head, at, need)) {
            return false;
        }
        int mask = (int) INT.getVolatile(memory, WRAP) - 1;
        memory.set(ValueLayout.JAVA_INT, RING + (at & mask), header);
        copyIn(payload, at + Integer.BYTES, mask);
        LONG.setVolatile(memory, TAIL, (tail & 0xFFFF_FFFF_0000_0000L) + (1L << 32) | ((at + need) & 0xFFFF_FFFFL));
        return true;
    }

    /**
     * Removes the record at the head; under the lock. A spill file is claimed before the record goes, and a lost
     * one is returned as its exception, so that the record goes all the same.
     *
     * @return the item's bytes, its claimed spill file, or the exception for a lost spill file
     */
    private Object removeFirst(long head, long tail) {
        int at = (int) head;
        int wrap = (int) INT.getVolatile(memory, WRAP);
        int mask = wrap - 1;
        int header = memory.get(ValueLayout.JAVA_INT, RING + (at & mask));
        int length = header & ~SPILL;
        byte[] bytes = copyOut(at + Integer.BYTES, length, mask);
        Object item = bytes;
        if (header < 0) {
            try {
                item = Spills.claim(Spills.decode(bytes));
            } catch (IpcObjectLostException e) {
                item = e;
            }
        }
        int next = at + Integer.BYTES + align(length);
        LONG.setVolatile(memory, HEAD, (head & 0xFFFF_FFFF_0000_0000L) + (1L << 32) | (next & 0xFFFF_FFFFL));
        if (next == (int) tail && wrap > SHRINK_ABOVE) {
            shrink(wrap);
        }
        return item;
    }

    /**
     * Makes room for {@code need} more bytes, growing the ring if it is too small: each live byte at position
     * {@code p} moves from {@code p mod wrap} to {@code p mod newWrap}, which is either the same place or beyond the
     * current ring, so the records stay intact until the new wrap is stored.
     */
    private boolean makeRoom(int head, int tail, int need) {
        int wrap = (int) INT.getVolatile(memory, WRAP);
        long live = (tail - head) & 0xFFFF_FFFFL;
        if (live + need <= wrap) {
            return true;
        }
        long grown = Long.highestOneBit(live + need - 1) << 1;
        if (grown > MAX_WRAP) {
            return false;
        }
        int newWrap = (int) grown;
        int p = head;
        for (int left = (int) live; left > 0; ) {
            int from = p & (wrap - 1);
            int to = p & (newWrap - 1);
            int n = Math.min(left, Math.min(wrap - from, newWrap - to));
            if (from != to) {
                MemorySegment.copy(memory, RING + from, memory, RING + to, n);
            }
            p += n;
            left -= n;
        }
        INT.setVolatile(memory, WRAP, newWrap);
        return true;
    }

    /** Gives the memory of a large ring back once the queue is empty; under the lock. */
    private void shrink(int wrap) {
        INT.setVolatile(memory, WRAP, INITIAL_WRAP);
        try {
            int r = (int) MADVISE.invokeExact(Libc.errnoSlot(), memory.asSlice(RING + INITIAL_WRAP),
                    (long) wrap - INITIAL_WRAP, MADV_REMOVE);
            assert r == 0 || r == -1;
        } catch (Throwable t) {
            // the pages stay allocated until the queue is removed; nothing else goes wrong
        }
    }

    private void copyIn(byte[] payload, int at, int mask) {
        int from = at & mask;
        int first = Math.min(payload.length, mask + 1 - from);
        MemorySegment.copy(payload, 0, memory, ValueLayout.JAVA_BYTE, RING + from, first);
        if (first < payload.length) {
            MemorySegment.copy(payload, first, memory, ValueLayout.JAVA_BYTE, RING, payload.length - first);
        }
    }

    private byte[] copyOut(int at, int length, int mask) {
        byte[] bytes = new byte[length];
        int from = at & mask;
        int first = Math.min(length, mask + 1 - from);
        MemorySegment.copy(memory, ValueLayout.JAVA_BYTE, RING + from, bytes, 0, first);
        if (first < length) {
            MemorySegment.copy(memory, ValueLayout.JAVA_BYTE, RING, bytes, first, length - first);
        }
        return bytes;
    }

    /** @return the spill files the ring references; under the lock */
    private Set<String> spillsReferenced() {
        Set<String> names = new java.util.HashSet<>();
        long head = (long) LONG.getVolatile(memory, HEAD);
        long tail = (long) LONG.getVolatile(memory, TAIL);
        int mask = (int) INT.getVolatile(memory, WRAP) - 1;
        for (int at = (int) head; at != (int) tail; ) {
            int header = memory.get(ValueLayout.JAVA_INT, RING + (at & mask));
            int length = header & ~SPILL;
            if (header < 0) {
                names.add(Spills.decode(copyOut(at + Integer.BYTES, length, mask)));
            }
            at += Integer.BYTES + align(length);
        }
        return names;
    }

    private static int count(long head, long tail) {
        return (int) (tail >>> 32) - (int) (head >>> 32);
    }

    private static int align(int n) {
        return (n + 3) & -4;
    }

    /** @return when a wait must end: {@link Long#MAX_VALUE} for never, {@link Long#MIN_VALUE} for at once */
    private static long deadline(long timeoutNanos) {
        if (timeoutNanos >= FOREVER) {
            return Long.MAX_VALUE;
        }
        return timeoutNanos <= 0 ? Long.MIN_VALUE : System.nanoTime() + timeoutNanos;
    }

    private static long remaining(long deadline) {
        if (deadline == Long.MAX_VALUE || deadline == Long.MIN_VALUE) {
            return deadline == Long.MAX_VALUE ? Long.MAX_VALUE : 0;
        }
        return deadline - System.nanoTime();
    }

    /** The file name of a segment's object: the key of its spill files. */
    private static String fileOf(ShmSegment segment) {
        Path file = Path.of(segment.toString());
        if (!file.getParent().equals(ShmSegment.DIR) || !Files.exists(file)) {
            // Spill files are deleted once their queue's file is gone: a wrong name would delete live ones.
            throw new IllegalStateException("ShmSegment.toString() no longer gives the object's file: " + file);
        }
        return file.getFileName().toString();
    }

    /**
     * Where processes sleep until a change: {@code int seq}, bumped by each wake-up, so that a waiter that falls
     * asleep after a change made since it registered does not sleep; and {@code int sleepers}, the sleepers not yet
     * woken. A waker claims one of those before waking one, so that a sleeper that has been woken but has not run
     * yet costs no further system call; a sleeper that returns for another reason (its slice ran out, the sequence
     * had changed) withdraws itself if it is still counted. A sleeper that died asleep stays counted until the next
     * wake-up claims it.
     */
    private final class WaitSet {
        private final long seq;
        private final long sleepers;
        private final MemorySegment word;

        WaitSet(long offset) {
            this.seq = offset;
            this.sleepers = offset + 4;
            this.word = memory.asSlice(offset, 4);
        }

        /** Registers as a sleeper, under the lock; returns the sequence number to sleep on. */
        int register() {
            INT.getAndAdd(memory, sleepers, 1);
            return (int) INT.getVolatile(memory, seq);
        }

        /**
         * Sleeps for at most a slice, after registering.
         *
         * @return whether an interrupt was seen and kept for later, when not interruptible
         */
        boolean sleep(int seen, long deadline, boolean interruptible) throws InterruptedException {
            Futex.Outcome outcome = Futex.Outcome.TIMED_OUT;
            try {
                if (calls.get() < 0) {
                    throw closed();
                }
                boolean interrupted = Thread.interrupted();
                if (interrupted && interruptible) {
                    throw new InterruptedException();
                }
                long nanos = remaining(deadline);
                if (nanos > 0) {
                    outcome = Futex.await(word, seen, Math.min(nanos, ShmMutex.SLICE_NANOS));
                }
                return interrupted;
            } finally {
                if (outcome != Futex.Outcome.WOKEN) {
                    claim();
                }
            }
        }

        boolean hasSleepers() {
            return (int) INT.getVolatile(memory, sleepers) > 0;
        }

        /** Wakes one sleeper, if one is not woken yet. */
        void signal() {
            if (claim()) {
                INT.getAndAdd(memory, seq, 1);
                Futex.wake(word, 1);
            }
        }

        /** Wakes every sleeper. */
        void signalAll() {
            if (hasSleepers() && (int) INT.getAndSet(memory, sleepers, 0) > 0) {
                INT.getAndAdd(memory, seq, 1);
                Futex.wake(word, Integer.MAX_VALUE);
            }
        }

        /** Takes one sleeper off the count, if any is on it. */
        private boolean claim() {
            while (true) {
                int n = (int) INT.getVolatile(memory, sleepers);
                if (n <= 0) {
                    return false;
                }
                if (INT.compareAndSet(memory, sleepers, n, n - 1)) {
                    return true;
                }
            }
        }
    }

    /**
     * Releases one handle on a queue's memory, once; and, if that removed the queue, deletes its spill files. Holds
     * no reference to the {@link QueueRing}, so that a {@link Cleaner} can run it.
     */
    private record Release(ShmSegment segment, String queueFile) implements Runnable {
        @Override
        public void run() {
            if (OPEN.remove(this)) {
                segment.close();
                if (!Files.exists(ShmSegment.DIR.resolve(queueFile))) {
                    Spills.deleteAllOf(queueFile);
                }
            }
        }
    }
}
