package io.multiproc4j.nativeos.internal.sync;

import io.multiproc4j.MpCondition;
import io.multiproc4j.nativeos.internal.Libc;
import io.multiproc4j.nativeos.internal.shm.ShmSegment;
import java.io.Serial;
import java.lang.foreign.ValueLayout;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * An {@link MpCondition} over a {@link NativeReentrantLock}: a table of waiting slots in shared memory, guarded by
 * a {@link ShmMonitor}. A waiter takes a slot while it still holds the lock, so that a signal, which needs the lock,
 * cannot come between its release of the lock and its wait. A signal marks the oldest live waiters' slots; a waiter
 * returns once its slot is marked.
 *
 * <p>A waiter whose process dies is skipped by signals, and its slot freed. If it dies once marked, the waiters that
 * wake at the end of a slice find its mark and give it to the oldest live waiter that was waiting when the signal
 * was sent, so that the signal is not lost.
 *
 * <p>Layout from {@link #BODY}: the monitor; {@code long nextTicket}, which numbers waits in the order they begin;
 * {@code int used}, the slots in use or free below the highest in use; then {@link #CAPACITY} slots of
 * {@code int pid}, {@code int state} ({@link #FREE}, {@link #WAITING}, {@link #SIGNALLED}), {@code long ticket} (the
 * wait's number while it waits; once signalled, the {@code nextTicket} of the signal, as only waits numbered below
 * it may take the signal over).
 */
final class NativeCondition extends MonitorHandle implements MpCondition {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final long NEXT_TICKET = STATE;
    private static final long USED = NEXT_TICKET + 8;
    private static final long SLOTS = USED + 8;
    private static final long SLOT_SIZE = 16;
    /** The most threads that may wait on one condition at once, in all processes. */
    private static final int CAPACITY = 1024;
    private static final int FREE = 0;
    private static final int WAITING = 1;
    private static final int SIGNALLED = 2;

    private final transient NativeReentrantLock lock;

    NativeCondition(ShmSegment segment, NativeReentrantLock lock) {
        super(segment);
        this.lock = lock;
    }

    static NativeCondition create(NativeReentrantLock lock) {
        return new NativeCondition(create(Kind.CONDITION, 0, SLOTS - BODY + SLOT_SIZE * CAPACITY, m -> { }),
                lock);
    }

    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        NativeReentrantLock.Local held = lock.local;
        held.checkHeld("await");
        long timeoutNanos = nanos(timeout);
        int slot;
        monitor.enter();
        try {
            slot = takeSlot();
        } finally {
            monitor.exit();
        }
        int holds = held.releaseAll();
        boolean signalled;
        InterruptedException interrupted = null;
        try {
            monitor.enter();
            try {
                try {
                    monitor.awaitUntil(() -> state(slot) == SIGNALLED || rescueLostSignals(), timeoutNanos);
                } catch (InterruptedException e) {
                    interrupted = e;
                }
                signalled = state(slot) == SIGNALLED;
                free(slot);
            } finally {
                monitor.exit();
            }
        } finally {
            held.reacquire(holds);
            Reference.reachabilityFence(this);
        }
        if (interrupted != null) {
            if (!signalled) {
                throw interrupted;
            }
            Thread.currentThread().interrupt();
        }
        return signalled;
    }

    @Override
    public void signal(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("cannot signal a negative number of waiters: " + n);
        }
        lock.local.checkHeld("signal");
        if (n == 0) {
            return;
        }
        monitor.enter();
        try {
            if (deliver(n, memory.get(ValueLayout.JAVA_LONG, NEXT_TICKET)) > 0) {
                monitor.signalAll();
            }
        } finally {
            monitor.exit();
        }
    }

    /**
     * Marks the oldest live waiters numbered below {@code before}, freeing the slots of dead ones on the way; called
     * in the monitor.
     *
     * @return how many were marked, at most {@code n}
     */
    private int deliver(int n, long before) {
        int[] waiting = IntStream.range(0, used())
                .filter(i -> state(i) == WAITING && ticket(i) < before)
                .boxed().sorted(Comparator.comparingLong(this::ticket))
                .mapToInt(Integer::intValue).toArray();
        int marked = 0;
        for (int i = 0; i < waiting.length && marked < n; i++) {
            int slot = waiting[i];
            if (isAlive(pid(slot))) {
                memory.set(ValueLayout.JAVA_LONG, slotAt(slot) + 8, before);
                setState(slot, SIGNALLED);
                marked++;
            } else {
                free(slot);
            }
        }
        return marked;
    }

    /**
     * Gives the signals of dead waiters to live ones; called in the monitor.
     *
     * @return {@code false}, so that it can run where a waiter looks at its slot
     */
    private boolean rescueLostSignals() {
        int me = Libc.pid();
        boolean moved = false;
        for (int i = 0; i < used(); i++) {
            int pid = pid(i);
            if (state(i) == SIGNALLED && pid != me && !Libc.isAlive(pid)) {
                long before = ticket(i);
                free(i);
                moved |= deliver(1, before) > 0;
            }
        }
        if (moved) {
            monitor.signalAll();
        }
        return false;
    }

    /** @return a slot now waiting for this thread; called in the monitor */
    private int takeSlot() {
        int used = used();
        int slot = IntStream.range(0, used).filter(i -> state(i) == FREE).findFirst().orElse(used);
        if (slot == CAPACITY) {
            IntStream.range(0, used).filter(i -> state(i) != FREE && !isAlive(pid(i))).forEach(this::free);
            slot = IntStream.range(0, used()).filter(i -> state(i) == FREE).findFirst().orElse(used());
            if (slot == CAPACITY) {
                throw new IllegalStateException("more than " + CAPACITY + " threads wait on " + this + " at once");
            }
        }
        long ticket = memory.get(ValueLayout.JAVA_LONG, NEXT_TICKET);
        memory.set(ValueLayout.JAVA_LONG, NEXT_TICKET, ticket + 1);
        long at = slotAt(slot);
        set(at, Libc.pid());
        memory.set(ValueLayout.JAVA_LONG, at + 8, ticket);
        if (slot >= used) {
            set(USED, slot + 1);
        }
        setState(slot, WAITING);
        return slot;
    }

    /** Frees a slot, and the free ones at the top of the table; called in the monitor. */
    private void free(int slot) {
        setState(slot, FREE);
        int used = used();
        while (used > 0 && state(used - 1) == FREE) {
            used--;
        }
        set(USED, used);
    }

    private static boolean isAlive(int pid) {
        return pid == Libc.pid() || Libc.isAlive(pid);
    }

    private int used() {
        return get(USED);
    }

    private static long slotAt(int slot) {
        return SLOTS + SLOT_SIZE * slot;
    }

    private int pid(int slot) {
        return get(slotAt(slot));
    }

    private int state(int slot) {
        return get(slotAt(slot) + 4);
    }

    private void setState(int slot, int state) {
        set(slotAt(slot) + 4, state);
    }

    private long ticket(int slot) {
        return memory.get(ValueLayout.JAVA_LONG, slotAt(slot) + 8);
    }

    @Override
    public void lock() {
        lock.lock();
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        lock.lockInterruptibly();
    }

    @Override
    public boolean tryLock() {
        return lock.tryLock();
    }

    @Override
    public boolean tryLock(Duration timeout) throws InterruptedException {
        return lock.tryLock(timeout);
    }

    @Override
    public void unlock() {
        lock.unlock();
    }

    @Override
    public boolean isLocked() {
        return lock.isLocked();
    }

    @Override
    public int holdCount() {
        return lock.holdCount();
    }

    @Override
    public boolean isHeldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }

    @Override
    Kind kind() {
        return Kind.CONDITION;
    }

    @Override
    NativeReentrantLock companion() {
        return lock;
    }
}
