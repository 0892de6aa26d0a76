package io.multiproc4j.processbuilder.internal.shm;

import io.multiproc4j.IpcObjectLostException;
import io.multiproc4j.MpReentrantLock;
import io.multiproc4j.NoSuchSharedMemoryException;
import io.multiproc4j.spi.Transfer;
import java.io.NotSerializableException;
import java.io.ObjectStreamException;
import java.io.Serializable;

/**
 * A shared object on its way to another process: its kind, its block's name, its length and its lock. The
 * receiver attaches by name and so takes its own shared lock on the file; until the receiver has ended, the sender
 * keeps one more local use of the segment, so that the file cannot vanish before the receiver has attached.
 *
 * @param kind what the object is
 * @param name its block's name
 * @param length its number of elements (1 for a value; the size for a block)
 * @param lock its lock, or {@code null}
 */
record SerialForm(Kind kind, String name, int length, MpReentrantLock lock) implements Serializable {

    /** Every kind of shared object, and how the receiver rebuilds it. */
    enum Kind {
        INT("SharedInt"), LONG("SharedLong"), DOUBLE("SharedDouble"), BYTE("SharedByte"), CHAR("SharedChar"),
        INT_ARRAY("SharedIntArray"), LONG_ARRAY("SharedLongArray"), DOUBLE_ARRAY("SharedDoubleArray"),
        BYTE_ARRAY("SharedByteArray"), CHAR_ARRAY("SharedCharArray"), BLOCK("SharedMemory");

        private final String typeName;

        Kind(String typeName) {
            this.typeName = typeName;
        }

        /** @return the API type's simple name */
        String typeName() {
            return typeName;
        }

        Object open(Segment s, int length, MpReentrantLock lock) {
            return switch (this) {
                case INT -> new SharedValues.ShmInt(s, lock);
                case LONG -> new SharedValues.ShmLong(s, lock);
                case DOUBLE -> new SharedValues.ShmDouble(s, lock);
                case BYTE -> new SharedValues.ShmByte(s, lock);
                case CHAR -> new SharedValues.ShmChar(s, lock);
                case INT_ARRAY -> new SharedArrays.ShmIntArray(s, length, lock);
                case LONG_ARRAY -> new SharedArrays.ShmLongArray(s, length, lock);
                case DOUBLE_ARRAY -> new SharedArrays.ShmDoubleArray(s, length, lock);
                case BYTE_ARRAY -> new SharedArrays.ShmByteArray(s, length, lock);
                case CHAR_ARRAY -> new SharedArrays.ShmCharArray(s, length, lock);
                case BLOCK -> new ShmBlock(s);
            };
        }
    }

    /**
     * The sender's half: checks that a task is being sent, and holds the segment until the receiver has ended.
     *
     * @throws NotSerializableException if no task is being sent, or the object can no longer be opened by name
     */
    static SerialForm send(Segment s, Kind kind, int length, MpReentrantLock lock) throws NotSerializableException {
        String what = kind == Kind.BLOCK ? "a shared-memory block" : "a shared value or array";
        Transfer t = Transfer.require(what);
        if (kind == Kind.BLOCK && !s.isLinked()) {
            throw new NotSerializableException("the shared-memory block '" + s.name() + "' was unlinked, so no other"
                    + " process can open it; capture it in a task before unlinking it");
        }
        try {
            s.acquire();
        } catch (IllegalStateException closed) {
            throw new NotSerializableException(closed.getMessage() + "; capture it in a task before closing it");
        }
        t.whenReceiverEnds(s::release);
        return new SerialForm(kind, s.name(), length, lock);
    }

    private Object readResolve() throws ObjectStreamException {
        Segment s;
        try {
            s = Segment.attach(name);
        } catch (NoSuchSharedMemoryException e) {
            throw new IpcObjectLostException("the " + kind.typeName() + " '" + name + "' sent to this process no longer"
                    + " exists: its last user released it before this process could open it", e);
        }
        return kind.open(s, length, lock);
    }
}
