package io.multiproc4j.nativeos.internal.shm;

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
 * Shared values, arrays and blocks, each on a POSIX shared-memory object of its own ({@link ShmSegment}): mapped in
 * every process that has it, updated with the processor's atomic instructions, and removed when no process has it
 * any more, even when the last ones were killed.
 */
public final class NativeShared implements SharedObjectFactory {

    private final Supplier<MpReentrantLock> locks;

    /**
     * @param locksOrNull makes the lock of each new value or array, or {@code null} to create them without one
     */
    public NativeShared(Supplier<MpReentrantLock> locksOrNull) {
        this.locks = locksOrNull;
    }

    /**
     * @param nameOrNull the block's name, or {@code null} for a generated one
     * @param size its size in bytes
     * @return the new zero-filled block, open in this process
     * @throws io.multiproc4j.SharedMemoryExistsException if the name is taken
     * @throws IllegalArgumentException if the name or the size is invalid
     */
    public SharedMemory createSharedMemory(String nameOrNull, int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("the size of a shared-memory block must be positive, but is " + size);
        }
        return new Block(Cells.create(nameOrNull, size));
    }

    /**
     * @param name the block's name
     * @return the block, open in this process
     * @throws io.multiproc4j.NoSuchSharedMemoryException if no block has that name
     * @throws IllegalArgumentException if the name is invalid
     */
    public SharedMemory attachSharedMemory(String name) {
        return new Block(Cells.attach(name));
    }

    @Override
    public SharedInt newSharedInt(int initialValue) {
        SharedInt v = (SharedInt) create(Captured.Kind.INT, 1);
        v.set(initialValue);
        return v;
    }

    @Override
    public SharedLong newSharedLong(long initialValue) {
        SharedLong v = (SharedLong) create(Captured.Kind.LONG, 1);
        v.set(initialValue);
        return v;
    }

    @Override
    public SharedDouble newSharedDouble(double initialValue) {
        SharedDouble v = (SharedDouble) create(Captured.Kind.DOUBLE, 1);
        v.set(initialValue);
        return v;
    }

    @Override
    public SharedByte newSharedByte(byte initialValue) {
        SharedByte v = (SharedByte) create(Captured.Kind.BYTE, 1);
        v.set(initialValue);
        return v;
    }

    @Override
    public SharedChar newSharedChar(char initialValue) {
        SharedChar v = (SharedChar) create(Captured.Kind.CHAR, 1);
        v.set(initialValue);
        return v;
    }

    @Override
    public SharedIntArray newSharedIntArray(int length) {
        return (SharedIntArray) create(Captured.Kind.INT_ARRAY, length);
    }

    @Override
    public SharedLongArray newSharedLongArray(int length) {
        return (SharedLongArray) create(Captured.Kind.LONG_ARRAY, length);
    }

    @Override
    public SharedDoubleArray newSharedDoubleArray(int length) {
        return (SharedDoubleArray) create(Captured.Kind.DOUBLE_ARRAY, length);
    }

    @Override
    public SharedByteArray newSharedByteArray(int length) {
        return (SharedByteArray) create(Captured.Kind.BYTE_ARRAY, length);
    }

    @Override
    public SharedCharArray newSharedCharArray(int length) {
        return (SharedCharArray) create(Captured.Kind.CHAR_ARRAY, length);
    }

    /**
     * A new zero-filled object. Its memory has a generated name that no other process knows yet, so its initial
     * value may be set after it is made.
     */
    private Object create(Captured.Kind kind, int length) {
        long size = kind.sizeFor(length);
        // The lock first: one that cannot be made leaves no memory behind.
        MpReentrantLock lock = locks == null ? null : locks.get();
        return kind.open(Cells.create(null, size), length, lock);
    }
}
