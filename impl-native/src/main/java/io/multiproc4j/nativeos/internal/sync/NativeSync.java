package io.multiproc4j.nativeos.internal.sync;

import io.multiproc4j.MpBarrier;
import io.multiproc4j.MpCondition;
import io.multiproc4j.MpEvent;
import io.multiproc4j.MpLock;
import io.multiproc4j.MpReentrantLock;
import io.multiproc4j.MpSemaphore;

/**
 * The synchronisation primitives of this implementation, each a small POSIX shared-memory object that holds its
 * state, on which waiters sleep with futexes: no process hosts them, and a process that dies while it holds a lock
 * or waits leaves nothing stuck. Arguments are checked by the caller ({@code NativeIpc}).
 */
public final class NativeSync {

    private NativeSync() {
    }

    /** @return a new, unlocked lock */
    public static MpLock newLock() {
        return NativeLock.create();
    }

    /** @return a new, unlocked reentrant lock */
    public static MpReentrantLock newReentrantLock() {
        return NativeReentrantLock.create();
    }

    /**
     * @param permits the initial number of permits, not negative
     * @param bounded whether a release past that number is refused
     * @return a new semaphore
     */
    public static MpSemaphore newSemaphore(int permits, boolean bounded) {
        return NativeSemaphore.create(permits, bounded);
    }

    /** @return a new, unset event */
    public static MpEvent newEvent() {
        return NativeEvent.create();
    }

    /**
     * @param lockOrNull the condition's lock: a reentrant lock of this implementation, or a condition of it (meaning
     *     its lock); {@code null} for a new one
     * @return a new condition over that lock
     * @throws IllegalArgumentException if the lock comes from elsewhere
     */
    public static MpCondition newCondition(MpReentrantLock lockOrNull) {
        NativeReentrantLock lock = switch (lockOrNull) {
            case null -> NativeReentrantLock.create();
            case NativeReentrantLock l -> l;
            case NativeCondition c -> c.companion();
            default -> throw new IllegalArgumentException("a condition of the native implementation needs a lock"
                    + " from the same implementation's newReentrantLock(), not a " + lockOrNull.getClass().getName());
        };
        return NativeCondition.create(lock);
    }

    /**
     * @param parties how many parties each cycle waits for, at least 1
     * @return a new barrier
     */
    public static MpBarrier newBarrier(int parties) {
        return NativeBarrier.create(parties);
    }
}
