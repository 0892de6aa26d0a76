package io.multiproc4j.processbuilder.internal.shm;

import io.multiproc4j.SharedMemory;
import java.io.NotSerializableException;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A named shared-memory block open in this process. Closing gives up this handle's use of the segment; the
 * mapping itself goes only when the garbage collector frees the last buffer over it, since the JDK offers no
 * public way to unmap.
 */
final class ShmBlock implements SharedMemory, Serializable {

    private static final long serialVersionUID = 1L;

    private final transient Segment segment;
    private final transient int size;
    private final transient Cleaner.Cleanable release;
    /** The mapping while open; {@code null} once closed here. */
    private transient volatile ByteBuffer map;

    /** @param segment the memory, with one local use that this handle now owns */
    ShmBlock(Segment segment) {
        this.segment = segment;
        this.map = segment.map();
        this.size = map.capacity();
        this.release = ShmShared.CLEANER.register(this, segment::release);
    }

    @Override
    public String name() {
        return segment.name();
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public byte get(int index) {
        ByteBuffer m = open();
        return m.get(Objects.checkIndex(index, size));
    }

    @Override
    public void put(int index, byte value) {
        ByteBuffer m = open();
        m.put(Objects.checkIndex(index, size), value);
    }

    @Override
    public void read(int index, byte[] destination, int offset, int length) {
        ByteBuffer m = open();
        Objects.checkFromIndexSize(index, length, size);
        Objects.checkFromIndexSize(offset, length, destination.length);
        m.get(index, destination, offset, length);
    }

    @Override
    public void write(int index, byte[] source, int offset, int length) {
        ByteBuffer m = open();
        Objects.checkFromIndexSize(index, length, size);
        Objects.checkFromIndexSize(offset, length, source.length);
        m.put(index, source, offset, length);
    }

    @Override
    public ByteBuffer buffer() {
        return open().duplicate().clear();
    }

    @Override
    public void close() {
        map = null;
        release.clean();
    }

    @Override
    public void unlink() {
        segment.unlink();
    }

    @Override
    public String toString() {
        return "SharedMemory[name=" + name() + ", size=" + size + (map == null ? ", closed" : "") + "]";
    }

    private ByteBuffer open() {
        ByteBuffer m = map;
        if (m == null) {
            throw new IllegalStateException("the shared-memory block '" + name() + "' was closed in this process;"
                    + " attach to it again with attachSharedMemory to use it");
        }
        return m;
    }

    /**
     * Replaces this handle by the block's name when it is captured in a task.
     *
     * @return the serial form
     * @throws ObjectStreamException if it is being serialised other than in a task, or was closed or unlinked
     */
    private Object writeReplace() throws ObjectStreamException {
        if (map == null) {
            throw new NotSerializableException("the shared-memory block '" + name() + "' was closed in this process;"
                    + " capture it in a task before closing it");
        }
        return SerialForm.send(segment, SerialForm.Kind.BLOCK, size, null);
    }
}
