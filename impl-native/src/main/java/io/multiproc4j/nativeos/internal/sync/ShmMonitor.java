package io.multiproc4j.nativeos.internal.sync;

import java.lang.foreign.MemorySegment;
import java.util.function.BooleanSupplier;

/**
 * A monitor in shared memory, for state machines that several processes share: a {@link ShmMutex} guards the
 * state, and a change counter, on which waiters sleep with a futex, announces its changes. A waiter reads the
 * counter while holding the mutex, so a change made after that read always wakes it.
 *
 * <p>A waiter wakes at least every {@link ShmMutex#SLICE_NANOS}, so that callers can look for dead processes and
 * interrupts. If a process dies inside a critical section, the next one to enter takes the mutex over: a critical
 * section must leave the state consistent at every store, committing with its last one.
 *
 * <p>Layout, at the offset given, 4-aligned: the mutex ({@link ShmMutex#SIZE} bytes), {@code int changes},
 * {@code int sleepers}.
 */
public final class ShmMonitor {

    /** The bytes a monitor takes. */
    public static final long SIZE = ShmMutex.SIZE + 8;

    private final MemorySegment memory;
    private final ShmMutex mutex;
    private final long changes;
    private final long sleepers;
    private final MemorySegment changesWord;

    /**
     * @param memory shared memory that outlives this object's use
     * @param offset where the monitor lies, 4-aligned, {@link #SIZE} bytes
     */
    public ShmMonitor(MemorySegment memory, long offset) {
        this.memory = memory;
        this.mutex = new ShmMutex(memory, offset);
        this.changes = offset + ShmMutex.SIZE;
        this.sleepers = changes + 4;
        this.changesWord = memory.asSlice(changes, 4);
    }

    /** Enters the monitor, uninterruptibly: critical sections are short and never block. */
    public void enter() {
        mutex.lockShort();
    }

    /** Leaves the monitor. */
    public void exit() {
        mutex.unlock();
    }

    /**
     * Leaves the monitor, sleeps until a change is announced, the timeout or a slice runs out, and enters again.
     * Callers hold the monitor, and loop: look at the state, their deadline, and dead processes.
     *
     * @param timeoutNanos the longest sleep; a slice at most
     * @throws InterruptedException if the thread was interrupted; the monitor is held again all the same
     */
    public void await(long timeoutNanos) throws InterruptedException {
        int seen = (int) ShmMutex.INT.getVolatile(memory, changes);
        mutex.unlock();
        ShmMutex.INT.getAndAdd(memory, sleepers, 1);
        try {
            if (!Thread.currentThread().isInterrupted()) {
                Futex.await(changesWord, seen, Math.max(1, Math.min(timeoutNanos, ShmMutex.SLICE_NANOS)));
            }
        } finally {
            ShmMutex.INT.getAndAdd(memory, sleepers, -1);
            mutex.lockShort();
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    /**
     * Waits in the monitor until {@code ready} holds, or the timeout runs out. Callers hold the monitor.
     * {@code ready} is evaluated at once, then after each change announced and at least every slice, in the
     * monitor: it may look for dead processes, and act on what it finds.
     *
     * @param ready the state waited for
     * @param timeoutNanos the longest wait; zero or negative means evaluate {@code ready} once
     * @return the last value of {@code ready}
     * @throws InterruptedException if the thread was interrupted while waiting; the monitor is held again all the
     *     same
     */
    public boolean awaitUntil(BooleanSupplier ready, long timeoutNanos) throws InterruptedException {
        long start = System.nanoTime();
        while (!ready.getAsBoolean()) {
            long left = timeoutNanos - (System.nanoTime() - start);
            if (left <= 0) {
                return false;
            }
            await(left);
        }
        return true;
    }

    /** Announces a change of the state, waking every waiter in every process. Called while in the monitor. */
    public void signalAll() {
        ShmMutex.INT.getAndAdd(memory, changes, 1);
        if ((int) ShmMutex.INT.getVolatile(memory, sleepers) > 0) {
            Futex.wake(changesWord, Integer.MAX_VALUE);
        }
    }
}
