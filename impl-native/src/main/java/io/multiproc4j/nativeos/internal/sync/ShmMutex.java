package io.multiproc4j.nativeos.internal.sync;

import io.multiproc4j.nativeos.internal.Libc;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;

/**
 * A mutual-exclusion word in shared memory that survives the death of its holder: the word holds the pid of the
 * holding process (0 when free), so a waiter that finds the holder dead (killed, even by {@code SIGKILL}) takes it
 * over. Any thread of any process may release it: it has no owning thread, as Python's {@code Lock} has none.
 * Waiters spin briefly, then sleep on the word with a futex, in slices of {@link #SLICE_NANOS}, after which they
 * look for a dead holder and for an interrupt.
 *
 * <p>Layout, at the offset given, 4-aligned: {@code int holder} (pid, or 0), {@code int sleepers} (threads asleep
 * on the word, in every process, so that a release makes a system call only when someone sleeps; its bit
 * {@code 1 << 30} says that a wake is on its way, so that a release need not make another one until the woken
 * thread has looked at the word again).
 */
public final class ShmMutex {

    /** The bytes a mutex takes. */
    public static final long SIZE = 8;
    /** How long a waiter sleeps before it looks for a dead holder or an interrupt. */
    public static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final int SPINS = 64;
    private static final int WAKING = 1 << 30;

    private final MemorySegment memory;
    private final long holder;
    private final long sleepers;
    private final MemorySegment word;

    /**
     * @param memory shared memory that outlives this object's use
     * @param offset where the mutex lies, 4-aligned, {@link #SIZE} bytes
     */
    public ShmMutex(MemorySegment memory, long offset) {
        this.memory = memory;
        this.holder = offset;
        this.sleepers = offset + 4;
        this.word = memory.asSlice(offset, 4);
    }

    /**
     * Takes the mutex if it is free or its holder has died.
     *
     * @return whether this process now holds it
     */
    public boolean tryLock() {
        int v = holder();
        if (v == 0) {
            return INT.compareAndSet(memory, holder, 0, Libc.pid());
        }
        return v != Libc.pid() && !Libc.isAlive(v) && INT.compareAndSet(memory, holder, v, Libc.pid());
    }

    /**
     * Takes the mutex, waiting as long as needed.
     *
     * @param timeoutNanos the longest wait, or a negative value to wait without limit
     * @param interruptible whether an interrupt ends the wait with {@link InterruptedException}
     * @return whether this process now holds it; {@code false} only when the timeout ran out
     * @throws InterruptedException if interruptible and the thread is interrupted while waiting
     */
    public boolean lock(long timeoutNanos, boolean interruptible) throws InterruptedException {
        int me = Libc.pid();
        if (INT.compareAndSet(memory, holder, 0, me)) {
            return true;
        }
        long start = System.nanoTime();
        while (true) {
            int v = spin(me);
            if (v == 0) {
                return true;
            }
            if (interruptible && Thread.interrupted()) {
                throw new InterruptedException();
            }
            long remaining = timeoutNanos < 0 ? SLICE_NANOS : timeoutNanos - (System.nanoTime() - start);
            if (remaining <= 0) {
                return false;
            }
            if (sleep(v, Math.min(remaining, SLICE_NANOS)) == Futex.Outcome.TIMED_OUT && v != me
                    && holder() == v && !Libc.isAlive(v) && INT.compareAndSet(memory, holder, v, me)) {
                return true;
            }
        }
    }

    /**
     * Tries to take the mutex a few times, as a holder on another core may release it within microseconds, which
     * is much less than a sleep and a wake cost.
     *
     * @return 0 once this process holds it, otherwise the holder last seen
     */
    private int spin(int me) {
        for (int i = 0; ; i++) {
            int v = holder();
            if (v == 0) {
                if (INT.compareAndSet(memory, holder, 0, me)) {
                    return 0;
                }
            } else if (i >= SPINS) {
                return v;
            }
            Thread.onSpinWait();
        }
    }

    private Futex.Outcome sleep(int holderSeen, long nanos) {
        INT.getAndAdd(memory, sleepers, 1);
        try {
            return Futex.await(word, holderSeen, nanos);
        } finally {
            int s;
            do {
                s = (int) INT.getVolatile(memory, sleepers);
            } while (!INT.compareAndSet(memory, sleepers, s, (s - 1) & ~WAKING));
        }
    }

    /**
     * Takes the mutex, uninterruptibly: for a short critical section, or where an interrupt must not end the wait.
     */
    public void lockShort() {
        boolean interrupted = false;
        while (true) {
            try {
                lock(-1, false);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Releases the mutex, whoever holds it, and wakes one sleeper unless a wake is already on its way.
     *
     * @throws IllegalMonitorStateException if it is free
     */
    public void unlock() {
        if ((int) INT.getAndSet(memory, holder, 0) == 0) {
            throw new IllegalMonitorStateException("the lock is not held");
        }
        int s = (int) INT.getVolatile(memory, sleepers);
        if (s != 0 && (s & WAKING) == 0 && INT.compareAndSet(memory, sleepers, s, s | WAKING)
                && Futex.wake(word, 1) == 0) {
            // No one was asleep in the kernel yet (a sleeper counts itself before it sleeps): no one will clear it.
            INT.getAndBitwiseAnd(memory, sleepers, ~WAKING);
        }
    }

    /** @return whether a live process holds the mutex */
    public boolean isLocked() {
        int v = holder();
        return v != 0 && (v == Libc.pid() || Libc.isAlive(v));
    }

    /** @return the pid of the process that holds the mutex, or 0 when it is free */
    public int holder() {
        return (int) INT.getVolatile(memory, holder);
    }
}
