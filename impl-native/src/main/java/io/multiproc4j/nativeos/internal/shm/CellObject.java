package io.multiproc4j.nativeos.internal.shm;

import io.multiproc4j.MpReentrantLock;
import io.multiproc4j.Shared;
import java.io.ObjectStreamException;
import java.io.Serializable;

/**
 * What every shared value and array of this implementation has: its memory, held for as long as the object is
 * reachable (the memory is released when it is collected), and its lock, if any. It crosses to another process as a
 * {@link Captured}.
 */
abstract class CellObject implements Shared, Serializable {

    private static final long serialVersionUID = 1L;

    final transient Cells cells;
    private final transient Captured.Kind kind;
    private final transient int length;
    private final transient MpReentrantLock lock;

    /**
     * @param cells its memory, which this object now owns
     * @param kind what it is
     * @param length its number of elements, 1 for a value
     * @param lock its lock, or {@code null}
     */
    CellObject(Cells cells, Captured.Kind kind, int length, MpReentrantLock lock) {
        this.cells = cells;
        this.kind = kind;
        this.length = length;
        this.lock = lock;
    }

    @Override
    public final MpReentrantLock lock() {
        if (lock == null) {
            throw new UnsupportedOperationException("this " + kind.typeName() + " was created without a lock"
                    + " (MpContext.raw()); create it from the context itself to have one, or use a lock of your own");
        }
        return lock;
    }

    @Override
    public final boolean hasLock() {
        return lock != null;
    }

    /** @return the number of elements, 1 for a value */
    public final int length() {
        return length;
    }

    /** @return the name of its memory, for messages */
    final String name() {
        return cells.segment().name();
    }

    /** @return the API type's name, for messages */
    final String typeName() {
        return kind.typeName();
    }

    /**
     * Replaces this object by the name of its memory when it is captured in a task.
     *
     * @return the serial form
     * @throws ObjectStreamException if it is being serialised other than in a task
     */
    protected final Object writeReplace() throws ObjectStreamException {
        return Captured.of(kind, cells, length, lock);
    }
}
