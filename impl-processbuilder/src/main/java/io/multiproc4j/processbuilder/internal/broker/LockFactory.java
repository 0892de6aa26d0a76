package io.multiproc4j.processbuilder.internal.broker;

import io.multiproc4j.MpBarrier;
import io.multiproc4j.MpCondition;
import io.multiproc4j.MpEvent;
import io.multiproc4j.MpLock;
import io.multiproc4j.MpReentrantLock;
import io.multiproc4j.MpSemaphore;

/** The synchronisation primitives, each hosted by the process that creates it. */
final class LockFactory implements BrokerObjects.SyncFactory {

    LockFactory() {
    }

    @Override
    public MpLock newLock() {
        return LockHandle.create();
    }

    @Override
    public MpReentrantLock newReentrantLock() {
        return ReentrantLockHandle.create();
    }

    @Override
    public MpSemaphore newSemaphore(int permits, boolean bounded) {
        return SemaphoreHandle.create(permits, bounded);
    }

    @Override
    public MpEvent newEvent() {
        return EventHandle.create();
    }

    @Override
    public MpCondition newCondition(MpReentrantLock lock) {
        return ConditionHandle.create(lock);
    }

    @Override
    public MpBarrier newBarrier(int parties) {
        return BarrierHandle.create(parties);
    }
}
