package io.multiproc4j.processbuilder.internal.shm;

import io.multiproc4j.MpReentrantLock;
import io.multiproc4j.Shared;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;

/**
 * What every shared value and array of this implementation has: its segment, held for as long as the object is
 * reachable, and its lock, if any. It crosses to another process as a {@link SerialForm}.
 */
abstract class ShmShared implements Shared, Serializable {

    private static final long serialVersionUID = 1L;

    /** Gives a segment back once the object that used it is unreachable, so that a value needs no close. */
    static final Cleaner CLEANER = Cleaner.create();

    final transient ByteBuffer cells;
    private final transient Segment segment;
    private final transient SerialForm.Kind kind;
    private final transient int count;
    private final transient MpReentrantLock lock;

    /**
     * @param segment the memory, with one local use that this object now owns
     * @param kind what this object is
     * @param count the number of elements (1 for a value)
     * @param lock the lock, or {@code null} for a raw object
     */
    ShmShared(Segment segment, SerialForm.Kind kind, int count, MpReentrantLock lock) {
        this.segment = segment;
        this.cells = segment.map();
        this.kind = kind;
        this.count = count;
        this.lock = lock;
        CLEANER.register(this, segment::release);
    }

    @Override
    public final MpReentrantLock lock() {
        if (lock == null) {
            throw new UnsupportedOperationException(kind.typeName() + " '" + segment.name() + "' was created"
                    + " without a lock (MpContext.raw()); create it from the context itself to have one, or use a"
                    + " lock of your own");
        }
        return lock;
    }

    @Override
    public final boolean hasLock() {
        return lock != null;
    }

    /** @return the name of the segment, for {@link #toString()} */
    final String name() {
        return segment.name();
    }

    /**
     * Replaces this object by its name when it is captured in a task.
     *
     * @return the serial form
     * @throws ObjectStreamException if it is being serialised other than in a task
     */
    protected final Object writeReplace() throws ObjectStreamException {
        return SerialForm.send(segment, kind, count, lock);
    }
}
