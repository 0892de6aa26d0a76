package io.multiproc4j.nativeos.internal.sync;

import io.multiproc4j.nativeos.internal.shm.ShmSegment;
import java.io.Serial;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A primitive whose state is a small state machine in shared memory, guarded by a {@link ShmMonitor} at
 * {@link #BODY}; the state itself begins at {@link #STATE}. Its fields are read and written in the monitor, except
 * the volatile reads of the methods that report an approximate state.
 */
abstract class MonitorHandle extends SyncHandle {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Where the state guarded by the monitor begins. */
    static final long STATE = BODY + ShmMonitor.SIZE;

    final transient ShmSegment segment;
    final transient MemorySegment memory;
    final transient ShmMonitor monitor;

    MonitorHandle(ShmSegment segment) {
        this.segment = segment;
        this.memory = segment.memory();
        this.monitor = new ShmMonitor(memory, BODY);
    }

    /** @return the {@code int} at {@code offset}, read in the monitor */
    final int get(long offset) {
        return memory.get(ValueLayout.JAVA_INT, offset);
    }

    /** Writes the {@code int} at {@code offset}, in the monitor. */
    final void set(long offset, int value) {
        memory.set(ValueLayout.JAVA_INT, offset, value);
    }

    /** @return the {@code int} at {@code offset} now, read outside the monitor */
    final int getVolatile(long offset) {
        return (int) ShmMutex.INT.getVolatile(memory, offset);
    }

    /** Writes the {@code int} at {@code offset} so that readers outside the monitor see it at once. */
    final void setVolatile(long offset, int value) {
        ShmMutex.INT.setVolatile(memory, offset, value);
    }

    @Override
    final ShmSegment segment() {
        return segment;
    }
}
