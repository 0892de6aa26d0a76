package io.multiproc4j.nativeos.internal.sync;

import io.multiproc4j.MpSemaphore;
import io.multiproc4j.nativeos.internal.shm.ShmSegment;
import java.io.Serial;
import java.lang.foreign.ValueLayout;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * An {@link MpSemaphore}: a count of permits in shared memory, guarded by a {@link ShmMonitor}. Permits are not
 * owned, so a process that dies keeps what it took.
 *
 * <p>Layout from {@link #BODY}: the monitor, {@code int permits}. The header's parameter is the bound, or -1.
 */
final class NativeSemaphore extends MonitorHandle implements MpSemaphore {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final long PERMITS = STATE;

    private final transient OptionalInt bound;

    NativeSemaphore(ShmSegment segment) {
        super(segment);
        int b = parameter(segment);
        this.bound = b < 0 ? OptionalInt.empty() : OptionalInt.of(b);
    }

    static NativeSemaphore create(int permits, boolean bounded) {
        return new NativeSemaphore(create(Kind.SEMAPHORE, bounded ? permits : -1, ShmMonitor.SIZE + 4,
                m -> m.set(ValueLayout.JAVA_INT, PERMITS, permits)));
    }

    @Override
    public void acquire() throws InterruptedException {
        acquire(Long.MAX_VALUE);
    }

    @Override
    public boolean tryAcquire() {
        monitor.enter();
        try {
            return take();
        } finally {
            monitor.exit();
        }
    }

    @Override
    public boolean tryAcquire(Duration timeout) throws InterruptedException {
        return acquire(nanos(timeout));
    }

    private boolean acquire(long timeoutNanos) throws InterruptedException {
        monitor.enter();
        try {
            return monitor.awaitUntil(this::take, timeoutNanos);
        } finally {
            monitor.exit();
            Reference.reachabilityFence(this);
        }
    }

    /** Takes a permit if there is one; called in the monitor. */
    private boolean take() {
        int p = get(PERMITS);
        if (p == 0) {
            return false;
        }
        set(PERMITS, p - 1);
        return true;
    }

    @Override
    public void release() {
        monitor.enter();
        try {
            int p = get(PERMITS);
            if (bound.isPresent() && p >= bound.getAsInt()) {
                throw new IllegalStateException("semaphore released too many times: it is bounded to "
                        + bound.getAsInt() + " permits and has them all");
            }
            if (p == Integer.MAX_VALUE) {
                throw new IllegalStateException("semaphore released too many times: it has " + p
                        + " permits, the most it can count");
            }
            set(PERMITS, p + 1);
            monitor.signalAll();
        } finally {
            monitor.exit();
        }
    }

    @Override
    public int availablePermits() {
        return getVolatile(PERMITS);
    }

    @Override
    public OptionalInt bound() {
        return bound;
    }

    @Override
    Kind kind() {
        return Kind.SEMAPHORE;
    }
}
