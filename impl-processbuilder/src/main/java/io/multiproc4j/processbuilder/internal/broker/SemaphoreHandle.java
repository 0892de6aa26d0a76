package io.multiproc4j.processbuilder.internal.broker;

import io.multiproc4j.MpSemaphore;
import io.multiproc4j.spi.Transfer;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.time.Duration;
import java.util.OptionalInt;

/** An {@link MpSemaphore} hosted by the process that created it ({@link SemaphoreState}). */
final class SemaphoreHandle implements MpSemaphore, Serializable {

    private static final long serialVersionUID = 1L;

    private final transient ObjectRef ref;
    private final transient OptionalInt bound;

    private SemaphoreHandle(ObjectRef ref, OptionalInt bound) {
        this.ref = ref;
        this.bound = bound;
    }

    static SemaphoreHandle create(int permits, boolean bounded) {
        return new SemaphoreHandle(Host.local().register(bounded ? "bounded semaphore" : "semaphore",
                new SemaphoreState(permits, bounded)), bounded ? OptionalInt.of(permits) : OptionalInt.empty());
    }

    @Override
    public void acquire() throws InterruptedException {
        ref.call(SemaphoreState.ACQUIRE, BrokerWire.FOREVER);
    }

    @Override
    public boolean tryAcquire() {
        return (Boolean) ref.callNow(SemaphoreState.TRY_ACQUIRE);
    }

    @Override
    public boolean tryAcquire(Duration timeout) throws InterruptedException {
        return ref.call(SemaphoreState.ACQUIRE, ObjectRef.timeoutNanos(timeout)) == Boolean.TRUE;
    }

    @Override
    public void release() {
        ref.callNow(SemaphoreState.RELEASE);
    }

    @Override
    public int availablePermits() {
        return (Integer) ref.callNow(SemaphoreState.AVAILABLE);
    }

    @Override
    public OptionalInt bound() {
        return bound;
    }

    @Override
    public String toString() {
        return "MpSemaphore[" + ref.what() + "]";
    }

    private Object writeReplace() throws ObjectStreamException {
        return new Serial(ref.form(Transfer.require("a semaphore")), bound.orElse(-1));
    }

    private record Serial(ObjectRef.Form form, int bound) implements Serializable {
        private Object readResolve() {
            return new SemaphoreHandle(form.attach(), bound < 0 ? OptionalInt.empty() : OptionalInt.of(bound));
        }
    }
}
