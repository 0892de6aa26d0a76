package io.multiproc4j.nativeos.internal.shm;

import io.multiproc4j.IpcObjectLostException;
import io.multiproc4j.MpReentrantLock;
import io.multiproc4j.NoSuchSharedMemoryException;
import io.multiproc4j.spi.Transfer;
import java.io.NotSerializableException;
import java.io.ObjectStreamException;
import java.io.Serializable;

/**
 * A shared value, array or block on its way to another process, captured in a task: what it is, the name of its
 * memory, its length and its lock (which crosses as its own handle). The receiver attaches to the memory by name.
 * The sender holds one more handle on the memory until the receiver has ended, so that the memory outlives the
 * sender's own handle for as long as the receiver may still have to attach.
 *
 * @param kind what the object is
 * @param name the name of its memory
 * @param length its number of elements: 1 for a value, the size in bytes for a block
 * @param lock its lock, or {@code null}
 */
record Captured(Kind kind, String name, int length, MpReentrantLock lock) implements Serializable {

    /** Every kind of shared object: its API type, the bytes of one element, and how to open one on its memory. */
    enum Kind {
        INT("SharedInt", Integer.BYTES, (c, n, lock) -> new Values.IntValue(c, lock)),
        LONG("SharedLong", Long.BYTES, (c, n, lock) -> new Values.LongValue(c, lock)),
        DOUBLE("SharedDouble", Double.BYTES, (c, n, lock) -> new Values.DoubleValue(c, lock)),
        BYTE("SharedByte", Byte.BYTES, (c, n, lock) -> new Values.ByteValue(c, lock)),
        CHAR("SharedChar", Character.BYTES, (c, n, lock) -> new Values.CharValue(c, lock)),
        INT_ARRAY("SharedIntArray", Integer.BYTES, CellArrays.IntArray::new),
        LONG_ARRAY("SharedLongArray", Long.BYTES, CellArrays.LongArray::new),
        DOUBLE_ARRAY("SharedDoubleArray", Double.BYTES, CellArrays.DoubleArray::new),
        BYTE_ARRAY("SharedByteArray", Byte.BYTES, CellArrays.ByteArray::new),
        CHAR_ARRAY("SharedCharArray", Character.BYTES, CellArrays.CharArray::new),
        BLOCK("SharedMemory", Byte.BYTES, (c, n, lock) -> new Block(c));

        private final String typeName;
        private final int width;
        private final Opener opener;

        Kind(String typeName, int width, Opener opener) {
            this.typeName = typeName;
            this.width = width;
            this.opener = opener;
        }

        /** @return the API type's simple name, for messages */
        String typeName() {
            return typeName;
        }

        /**
         * @param length the number of elements: 1 for a value
         * @return the bytes of its memory: whole longs, so that every byte and char cell lies inside an aligned int,
         *     and never 0
         * @throws IllegalArgumentException if {@code length} is negative or too large
         */
        long sizeFor(int length) {
            if (length < 0) {
                throw new IllegalArgumentException("the length of a " + typeName + " must not be negative, but is "
                        + length);
            }
            long bytes = Math.max(Long.BYTES, ((long) length * width + Long.BYTES - 1) & -Long.BYTES);
            if (bytes > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("a " + typeName + " has at most " + Integer.MAX_VALUE / width
                        + " elements, not " + length);
            }
            return bytes;
        }

        /**
         * @param cells its memory, which the new object now owns
         * @param length its number of elements
         * @param lock its lock, or {@code null}
         * @return the object
         */
        Object open(Cells cells, int length, MpReentrantLock lock) {
            return opener.open(cells, length, lock);
        }
    }

    /** Makes an object of one kind on its memory. */
    @FunctionalInterface
    interface Opener {
        Object open(Cells cells, int length, MpReentrantLock lock);
    }

    /**
     * The sender's half, from the object's {@code writeReplace}.
     *
     * @param kind what the object is
     * @param cells its memory
     * @param length its number of elements
     * @param lock its lock, or {@code null}
     * @return the form to serialise in its place
     * @throws NotSerializableException if no task is being sent, or no other process can attach to the memory any
     *     more (closed here, or unlinked)
     */
    static Captured of(Kind kind, Cells cells, int length, MpReentrantLock lock) throws NotSerializableException {
        Transfer transfer = Transfer.require(kind == Kind.BLOCK ? "a shared-memory block" : "a " + kind.typeName);
        ShmSegment own = cells.segment();
        if (own.isClosed()) {
            throw new NotSerializableException("the " + kind.typeName + " '" + own.name() + "' was closed in this"
                    + " process; capture it in a task before closing it");
        }
        ShmSegment extra = null;
        try {
            extra = ShmSegment.attach(own.name());
        } catch (NoSuchSharedMemoryException gone) {
            // reported below
        }
        if (extra != null && !extra.sameObjectAs(own)) {
            extra.close();
            extra = null;
        }
        if (extra == null) {
            throw new NotSerializableException("the " + kind.typeName + " '" + own.name() + "' was unlinked, so no"
                    + " other process can attach to it; capture it in a task before unlinking it");
        }
        transfer.whenReceiverEnds(extra::close);
        return new Captured(kind, own.name(), length, lock);
    }

    private Object readResolve() throws ObjectStreamException {
        Cells cells;
        try {
            cells = Cells.attach(name);
        } catch (NoSuchSharedMemoryException e) {
            throw new IpcObjectLostException("the " + kind.typeName + " '" + name + "' sent to this process no"
                    + " longer exists: every process that had it released it before this one could attach", e);
        }
        return kind.open(cells, length, lock);
    }
}
