package io.multiproc4j.processbuilder.internal.broker;

import io.multiproc4j.MpReentrantLock;
import io.multiproc4j.spi.Transfer;
import java.io.ObjectStreamException;
import java.io.Serializable;

/**
 * An {@link MpReentrantLock} hosted by the process that created it ({@link ReentrantLockState}), with the
 * conditions made over it ({@link ConditionHandle}).
 */
final class ReentrantLockHandle extends LockHandle implements MpReentrantLock {

    private static final long serialVersionUID = 1L;

    private ReentrantLockHandle(ObjectRef ref) {
        super(ref);
    }

    static ReentrantLockHandle create() {
        return new ReentrantLockHandle(Host.local().register("reentrant lock", new ReentrantLockState()));
    }

    @Override
    public int holdCount() {
        return (Integer) ref.callNow(ReentrantLockState.HOLD_COUNT);
    }

    @Override
    public boolean isHeldByCurrentThread() {
        return holdCount() > 0;
    }

    @Override
    public String toString() {
        return "MpReentrantLock[" + ref.what() + "]";
    }

    private Object writeReplace() throws ObjectStreamException {
        return new Serial(ref.form(Transfer.require("a reentrant lock")));
    }

    private record Serial(ObjectRef.Form form) implements Serializable {
        private Object readResolve() {
            return new ReentrantLockHandle(form.attach());
        }
    }
}
