package io.multiproc4j.processbuilder.internal.shm;

import io.multiproc4j.MpReentrantLock;
import io.multiproc4j.SharedByte;
import io.multiproc4j.SharedByteArray;
import io.multiproc4j.SharedChar;
import io.multiproc4j.SharedCharArray;
import io.multiproc4j.SharedDouble;
import io.multiproc4j.SharedDoubleArray;
import io.multiproc4j.SharedInt;
import io.multiproc4j.SharedIntArray;
import io.multiproc4j.SharedLong;
import io.multiproc4j.SharedLongArray;
import io.multiproc4j.SharedMemory;
import io.multiproc4j.SharedObjectFactory;
import java.util.function.Supplier;

/**
 * Shared values, arrays and blocks as memory-mapped files under {@code /dev/shm}, each with a random name and
 * mode 0600, freed when no process has them any more (see {@link Segment}).
 */
public final class ShmObjects implements SharedObjectFactory {

    private final Supplier<MpReentrantLock> locks;

    /**
     * @param locks makes the lock of each new value or array, or {@code null} to create them without one
     */
    public ShmObjects(Supplier<MpReentrantLock> locks) {
        this.locks = locks;
    }

    @Override
    public SharedInt newSharedInt(int initialValue) {
        MpReentrantLock lock = newLock();
        return new SharedValues.ShmInt(Segment.create(null, SharedValues.SIZE,
                m -> Cells.setInt(m, 0, initialValue)), lock);
    }

    @Override
    public SharedLong newSharedLong(long initialValue) {
        MpReentrantLock lock = newLock();
        return new SharedValues.ShmLong(Segment.create(null, SharedValues.SIZE,
                m -> Cells.setLong(m, 0, initialValue)), lock);
    }

    @Override
    public SharedDouble newSharedDouble(double initialValue) {
        MpReentrantLock lock = newLock();
        return new SharedValues.ShmDouble(Segment.create(null, SharedValues.SIZE,
                m -> Cells.setDouble(m, 0, initialValue)), lock);
    }

    @Override
    public SharedByte newSharedByte(byte initialValue) {
        MpReentrantLock lock = newLock();
        return new SharedValues.ShmByte(Segment.create(null, SharedValues.SIZE,
                m -> Cells.setByte(m, 0, initialValue)), lock);
    }

    @Override
    public SharedChar newSharedChar(char initialValue) {
        MpReentrantLock lock = newLock();
        return new SharedValues.ShmChar(Segment.create(null, SharedValues.SIZE,
                m -> Cells.setChar(m, 0, initialValue)), lock);
    }

    @Override
    public SharedIntArray newSharedIntArray(int length) {
        long size = SharedArrays.sizeFor(length, Integer.BYTES);
        MpReentrantLock lock = newLock();
        return new SharedArrays.ShmIntArray(zeroFilled(size), length, lock);
    }

    @Override
    public SharedLongArray newSharedLongArray(int length) {
        long size = SharedArrays.sizeFor(length, Long.BYTES);
        MpReentrantLock lock = newLock();
        return new SharedArrays.ShmLongArray(zeroFilled(size), length, lock);
    }

    @Override
    public SharedDoubleArray newSharedDoubleArray(int length) {
        long size = SharedArrays.sizeFor(length, Double.BYTES);
        MpReentrantLock lock = newLock();
        return new SharedArrays.ShmDoubleArray(zeroFilled(size), length, lock);
    }

    @Override
    public SharedByteArray newSharedByteArray(int length) {
        long size = SharedArrays.sizeFor(length, Byte.BYTES);
        MpReentrantLock lock = newLock();
        return new SharedArrays.ShmByteArray(zeroFilled(size), length, lock);
    }

    @Override
    public SharedCharArray newSharedCharArray(int length) {
        long size = SharedArrays.sizeFor(length, Character.BYTES);
        MpReentrantLock lock = newLock();
        return new SharedArrays.ShmCharArray(zeroFilled(size), length, lock);
    }

    /**
     * @param nameOrNull the name, or {@code null} for a random one
     * @param size the size in bytes
     * @return the new, zero-filled block, open in this process
     */
    public SharedMemory createSharedMemory(String nameOrNull, int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("the size of a shared-memory block must be positive, but is " + size);
        }
        return new ShmBlock(zeroFilled(nameOrNull, size));
    }

    /**
     * @param name the block's name
     * @return the block, open in this process
     */
    public SharedMemory attachSharedMemory(String name) {
        return new ShmBlock(Segment.attach(name));
    }

    /** Made before the memory, so that a lock that cannot be made leaves no file behind. */
    private MpReentrantLock newLock() {
        return locks == null ? null : locks.get();
    }

    private static Segment zeroFilled(long size) {
        return zeroFilled(null, size);
    }

    private static Segment zeroFilled(String nameOrNull, long size) {
        return Segment.create(nameOrNull, size, m -> { });
    }

    /**
     * Deletes the shared-memory files that no process holds any more, as when the last process that had one was
     * killed.
     */
    public static void sweepOrphans() {
        Segment.sweepOrphans();
    }
}
