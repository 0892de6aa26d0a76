package io.multiproc4j.nativeos.internal.sync;

import io.multiproc4j.MpLock;
import io.multiproc4j.nativeos.internal.shm.ShmSegment;
import java.io.Serial;
import java.lang.ref.Reference;
import java.time.Duration;

/**
 * An {@link MpLock}: a {@link ShmMutex}, which any thread of any process may release, and which a waiter takes over
 * when its holder has died.
 */
final class NativeLock extends SyncHandle implements MpLock {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient ShmSegment segment;
    private final transient ShmMutex mutex;

    NativeLock(ShmSegment segment) {
        this.segment = segment;
        this.mutex = new ShmMutex(segment.memory(), BODY);
    }

    static NativeLock create() {
        return new NativeLock(create(Kind.LOCK, 0, ShmMutex.SIZE, m -> { }));
    }

    @Override
    public void lock() {
        try {
            mutex.lockShort();
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        try {
            mutex.lock(-1, true);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    @Override
    public boolean tryLock() {
        return mutex.tryLock();
    }

    @Override
    public boolean tryLock(Duration timeout) throws InterruptedException {
        long nanos = nanos(timeout);
        if (nanos <= 0) {
            return mutex.tryLock();
        }
        try {
            return mutex.lock(nanos, true);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    @Override
    public void unlock() {
        mutex.unlock();
    }

    @Override
    public boolean isLocked() {
        return mutex.isLocked();
    }

    @Override
    ShmSegment segment() {
        return segment;
    }

    @Override
    Kind kind() {
        return Kind.LOCK;
    }
}
