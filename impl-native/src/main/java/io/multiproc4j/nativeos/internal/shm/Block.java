package io.multiproc4j.nativeos.internal.shm;

import io.multiproc4j.SharedMemory;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A named shared-memory block open in this process. Closing unmaps it here, so that every later access, through a
 * buffer obtained before as well, throws {@link IllegalStateException}; so does dropping it, once it is collected:
 * a buffer does not keep its block open.
 */
final class Block implements SharedMemory, Serializable {

    private static final long serialVersionUID = 1L;

    private final transient Cells cells;
    private final transient int size;
    private transient volatile boolean closed;

    /** @param cells the block's memory, which this object now owns */
    Block(Cells cells) {
        this.cells = cells;
        this.size = (int) cells.segment().size();
    }

    @Override
    public String name() {
        return cells.segment().name();
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public byte get(int index) {
        Cells c = open();
        return c.getByte(Objects.checkIndex(index, size));
    }

    @Override
    public void put(int index, byte value) {
        Cells c = open();
        c.setByte(Objects.checkIndex(index, size), value);
    }

    @Override
    public void read(int index, byte[] destination, int offset, int length) {
        Cells c = open();
        Objects.checkFromIndexSize(index, length, size);
        Objects.checkFromIndexSize(offset, length, destination.length);
        c.copyOut(ValueLayout.JAVA_BYTE, index, destination, offset, length);
    }

    @Override
    public void write(int index, byte[] source, int offset, int length) {
        Cells c = open();
        Objects.checkFromIndexSize(index, length, size);
        Objects.checkFromIndexSize(offset, length, source.length);
        c.copyIn(source, offset, ValueLayout.JAVA_BYTE, index, length);
    }

    @Override
    public ByteBuffer buffer() {
        return open().buffer();
    }

    @Override
    public void close() {
        closed = true;
        cells.close();
    }

    @Override
    public void unlink() {
        cells.segment().unlink();
    }

    @Override
    public String toString() {
        return "SharedMemory[name=" + name() + ", size=" + size + (closed ? ", closed" : "") + "]";
    }

    private Cells open() {
        if (closed) {
            throw new IllegalStateException("the shared-memory block '" + name() + "' was closed in this process;"
                    + " attach to it again with attachSharedMemory to use it");
        }
        return cells;
    }

    /**
     * Replaces this block by its name when it is captured in a task.
     *
     * @return the serial form
     * @throws ObjectStreamException if it is being serialised other than in a task, or was closed or unlinked
     */
    private Object writeReplace() throws ObjectStreamException {
        return Captured.of(Captured.Kind.BLOCK, cells, size, null);
    }
}
