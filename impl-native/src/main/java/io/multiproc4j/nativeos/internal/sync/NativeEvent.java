package io.multiproc4j.nativeos.internal.sync;

import io.multiproc4j.MpEvent;
import io.multiproc4j.nativeos.internal.shm.ShmSegment;
import java.io.Serial;
import java.lang.ref.Reference;
import java.time.Duration;

/**
 * An {@link MpEvent}: a flag in shared memory, guarded by a {@link ShmMonitor} whose change wakes the waiters.
 *
 * <p>Layout from {@link #BODY}: the monitor, {@code int flag} (0 or 1).
 */
final class NativeEvent extends MonitorHandle implements MpEvent {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final long FLAG = STATE;

    NativeEvent(ShmSegment segment) {
        super(segment);
    }

    static NativeEvent create() {
        return new NativeEvent(create(Kind.EVENT, 0, ShmMonitor.SIZE + 4, m -> { }));
    }

    @Override
    public void set() {
        if (isSet()) {
            return;
        }
        monitor.enter();
        try {
            setVolatile(FLAG, 1);
            monitor.signalAll();
        } finally {
            monitor.exit();
        }
    }

    @Override
    public void clear() {
        setVolatile(FLAG, 0);
    }

    @Override
    public boolean isSet() {
        return getVolatile(FLAG) != 0;
    }

    @Override
    public void await() throws InterruptedException {
        await(Long.MAX_VALUE);
    }

    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        return await(nanos(timeout));
    }

    private boolean await(long timeoutNanos) throws InterruptedException {
        if (isSet() || timeoutNanos <= 0) {
            return isSet();
        }
        monitor.enter();
        try {
            return monitor.awaitUntil(this::isSet, timeoutNanos);
        } finally {
            monitor.exit();
            Reference.reachabilityFence(this);
        }
    }

    @Override
    Kind kind() {
        return Kind.EVENT;
    }
}
