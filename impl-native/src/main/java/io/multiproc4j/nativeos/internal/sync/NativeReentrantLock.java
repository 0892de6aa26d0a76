package io.multiproc4j.nativeos.internal.sync;

import io.multiproc4j.MpReentrantLock;
import io.multiproc4j.nativeos.internal.shm.ShmSegment;
import java.io.Serial;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * An {@link MpReentrantLock}: a {@link ShmMutex} excludes the other processes, and the holding thread with its hold
 * count, kept in this JVM, excludes the other threads of this one. Every handle of one lock in a JVM shares that
 * {@link Local} state, so that they agree on who holds it.
 */
final class NativeReentrantLock extends SyncHandle implements MpReentrantLock {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The local state of each lock this JVM has a handle on, by name. Guarded by itself. */
    private static final Map<String, LocalRef> LOCALS = new HashMap<>();
    private static final ReferenceQueue<Local> DROPPED = new ReferenceQueue<>();

    final transient Local local;

    private NativeReentrantLock(Local local) {
        this.local = local;
    }

    static NativeReentrantLock create() {
        Local l = new Local(create(Kind.REENTRANT_LOCK, 0, ShmMutex.SIZE, m -> { }));
        synchronized (LOCALS) {
            register(l);
        }
        return new NativeReentrantLock(l);
    }

    /** @return a handle on the lock of that name, sharing the local state of any other handle on it here */
    static NativeReentrantLock attach(String name) {
        synchronized (LOCALS) {
            LocalRef ref = LOCALS.get(name);
            Local l = ref == null ? null : ref.get();
            if (l == null) {
                l = new Local(attach(Kind.REENTRANT_LOCK, name));
                register(l);
            }
            return new NativeReentrantLock(l);
        }
    }

    private static void register(Local l) {
        for (Reference<? extends Local> r; (r = DROPPED.poll()) != null; ) {
            LOCALS.remove(((LocalRef) r).name, r);
        }
        LOCALS.put(l.segment.name(), new LocalRef(l));
    }

    @Override
    public void lock() {
        local.lock();
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        local.lock(-1);
    }

    @Override
    public boolean tryLock() {
        return local.tryLock();
    }

    @Override
    public boolean tryLock(Duration timeout) throws InterruptedException {
        long nanos = nanos(timeout);
        return nanos <= 0 ? local.tryLock() : local.lock(nanos);
    }

    @Override
    public void unlock() {
        local.unlock();
    }

    @Override
    public boolean isLocked() {
        return local.mutex.isLocked();
    }

    @Override
    public int holdCount() {
        return local.owner == Thread.currentThread() ? local.holds : 0;
    }

    @Override
    public boolean isHeldByCurrentThread() {
        return local.owner == Thread.currentThread();
    }

    @Override
    ShmSegment segment() {
        return local.segment;
    }

    @Override
    Kind kind() {
        return Kind.REENTRANT_LOCK;
    }

    /**
     * A lock's state in this JVM. {@code owner} and {@code holds} change only in the holding thread, while this
     * process holds the mutex; another thread reading them may see stale values, but never itself as the owner.
     */
    static final class Local {
        final ShmSegment segment;
        final ShmMutex mutex;
        Thread owner;
        int holds;

        Local(ShmSegment segment) {
            this.segment = segment;
            this.mutex = new ShmMutex(segment.memory(), BODY);
        }

        boolean tryLock() {
            if (reenter()) {
                return true;
            }
            if (!mutex.tryLock()) {
                return false;
            }
            take(1);
            return true;
        }

        void lock() {
            if (reenter()) {
                return;
            }
            try {
                mutex.lockShort();
            } finally {
                Reference.reachabilityFence(this);
            }
            take(1);
        }

        /** @param timeoutNanos the longest wait, or a negative value for no limit */
        boolean lock(long timeoutNanos) throws InterruptedException {
            if (reenter()) {
                return true;
            }
            try {
                if (!mutex.lock(timeoutNanos, true)) {
                    return false;
                }
            } finally {
                Reference.reachabilityFence(this);
            }
            take(1);
            return true;
        }

        private boolean reenter() {
            if (owner != Thread.currentThread()) {
                return false;
            }
            holds++;
            return true;
        }

        private void take(int count) {
            owner = Thread.currentThread();
            holds = count;
        }

        void unlock() {
            checkHeld("unlock");
            if (--holds == 0) {
                releaseAll();
            }
        }

        void checkHeld(String what) {
            if (owner != Thread.currentThread()) {
                throw new IllegalMonitorStateException(what + " by a thread that does not hold the reentrant lock"
                        + (mutex.isLocked() ? "" : " (it is free)"));
            }
        }

        /**
         * Releases the lock whatever the hold count; called by the holding thread.
         *
         * @return the hold count it had
         */
        int releaseAll() {
            int had = holds;
            owner = null;
            holds = 0;
            mutex.unlock();
            return had;
        }

        /** Takes the lock back, uninterruptibly, at a hold count that {@link #releaseAll()} gave. */
        void reacquire(int count) {
            try {
                mutex.lockShort();
            } finally {
                Reference.reachabilityFence(this);
            }
            take(count);
        }
    }

    private static final class LocalRef extends WeakReference<Local> {
        final String name;

        LocalRef(Local l) {
            super(l, DROPPED);
            this.name = l.segment.name();
        }
    }
}
