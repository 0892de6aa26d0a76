package io.multiproc4j.processbuilder.internal.broker;

import io.multiproc4j.MpLock;
import io.multiproc4j.spi.Transfer;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.time.Duration;

/**
 * An {@link MpLock} hosted by the process that created it ({@link LockState}); also the locking part of a
 * {@link ReentrantLockHandle}, whose state takes the same operations.
 */
class LockHandle implements MpLock, Serializable {

    private static final long serialVersionUID = 1L;

    final transient ObjectRef ref;

    LockHandle(ObjectRef ref) {
        this.ref = ref;
    }

    static LockHandle create() {
        return new LockHandle(Host.local().register("lock", new LockState()));
    }

    @Override
    public void lock() {
        ref.callUninterruptibly(LockState.ACQUIRE, BrokerWire.FOREVER);
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        ref.call(LockState.ACQUIRE, BrokerWire.FOREVER);
    }

    @Override
    public boolean tryLock() {
        return (Boolean) ref.callNow(LockState.TRY_ACQUIRE);
    }

    @Override
    public boolean tryLock(Duration timeout) throws InterruptedException {
        return ref.call(LockState.ACQUIRE, ObjectRef.timeoutNanos(timeout)) == Boolean.TRUE;
    }

    @Override
    public void unlock() {
        ref.callNow(LockState.RELEASE);
    }

    @Override
    public boolean isLocked() {
        return (Boolean) ref.callNow(LockState.IS_LOCKED);
    }

    @Override
    public String toString() {
        return "MpLock[" + ref.what() + "]";
    }

    private Object writeReplace() throws ObjectStreamException {
        return new Serial(ref.form(Transfer.require("a lock")));
    }

    private record Serial(ObjectRef.Form form) implements Serializable {
        private Object readResolve() {
            return new LockHandle(form.attach());
        }
    }
}
