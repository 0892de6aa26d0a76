package io.multiproc4j.nativeos.internal.shm;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The memory of one shared value, array or block: its own {@link ShmSegment}, read and written at byte offsets.
 *
 * <p>Single cells are read and written with volatile semantics, and ints, longs and doubles have the atomic
 * operations of the memory's own var handles (a double compares by its raw bits). The JDK has no atomic update of a
 * byte or char cell in a memory segment, so those go through the aligned int that holds the cell, with
 * compare-and-set: a neighbour written meanwhile, by any process, makes it retry, never lose the neighbour.
 *
 * <p>Every access keeps this object reachable until it is done: the segment is unmapped once unreachable, which the
 * collector may otherwise decide halfway through an access by a caller that drops its last reference.
 */
final class Cells {

    private static final VarHandle BYTE = ValueLayout.JAVA_BYTE.varHandle();
    private static final VarHandle CHAR = ValueLayout.JAVA_CHAR.varHandle();
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    private static final VarHandle DOUBLE = ValueLayout.JAVA_DOUBLE.varHandle();
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private final ShmSegment segment;
    private final MemorySegment memory;

    private Cells(ShmSegment segment) {
        this.segment = segment;
        this.memory = segment.memory();
    }

    /**
     * @param nameOrNull the memory's name, or {@code null} for a generated one
     * @param size its bytes, at least 1 (a multiple of 4 keeps every byte and char cell inside an int)
     * @return new zero-filled memory
     */
    static Cells create(String nameOrNull, long size) {
        return new Cells(ShmSegment.create(nameOrNull, size, m -> { }));
    }

    /**
     * @param name the memory's name
     * @return a new handle on it in this process
     */
    static Cells attach(String name) {
        return new Cells(ShmSegment.attach(name));
    }

    ShmSegment segment() {
        return segment;
    }

    int getInt(long offset) {
        try {
            return (int) INT.getVolatile(memory, offset);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    void setInt(long offset, int value) {
        try {
            INT.setVolatile(memory, offset, value);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    boolean compareAndSetInt(long offset, int expected, int value) {
        try {
            return INT.compareAndSet(memory, offset, expected, value);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    int getAndAddInt(long offset, int delta) {
        try {
            return (int) INT.getAndAdd(memory, offset, delta);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    long getLong(long offset) {
        try {
            return (long) LONG.getVolatile(memory, offset);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    void setLong(long offset, long value) {
        try {
            LONG.setVolatile(memory, offset, value);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    boolean compareAndSetLong(long offset, long expected, long value) {
        try {
            return LONG.compareAndSet(memory, offset, expected, value);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    long getAndAddLong(long offset, long delta) {
        try {
            return (long) LONG.getAndAdd(memory, offset, delta);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    double getDouble(long offset) {
        try {
            return (double) DOUBLE.getVolatile(memory, offset);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    void setDouble(long offset, double value) {
        try {
            DOUBLE.setVolatile(memory, offset, value);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    boolean compareAndSetDouble(long offset, double expected, double value) {
        try {
            return DOUBLE.compareAndSet(memory, offset, expected, value);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    double getAndAddDouble(long offset, double delta) {
        while (true) {
            double before = getDouble(offset);
            if (compareAndSetDouble(offset, before, before + delta)) {
                return before;
            }
        }
    }

    byte getByte(long offset) {
        try {
            return (byte) BYTE.getVolatile(memory, offset);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    void setByte(long offset, byte value) {
        try {
            BYTE.setVolatile(memory, offset, value);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    boolean compareAndSetByte(long offset, byte expected, byte value) {
        return compareAndSetInInt(offset, 0xFF, expected, value);
    }

    byte getAndAddByte(long offset, byte delta) {
        while (true) {
            byte before = getByte(offset);
            if (compareAndSetByte(offset, before, (byte) (before + delta))) {
                return before;
            }
        }
    }

    char getChar(long offset) {
        try {
            return (char) CHAR.getVolatile(memory, offset);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    void setChar(long offset, char value) {
        try {
            CHAR.setVolatile(memory, offset, value);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    boolean compareAndSetChar(long offset, char expected, char value) {
        return compareAndSetInInt(offset, 0xFFFF, expected, value);
    }

    /**
     * Compare-and-set of a byte or char cell through the int that holds it.
     *
     * @param mask 0xFF for a byte, 0xFFFF for a char (2-aligned, so never across two ints)
     */
    private boolean compareAndSetInInt(long offset, int mask, int expected, int value) {
        long word = offset & ~3L;
        int inWord = (int) (offset - word);
        int shift = 8 * (LITTLE_ENDIAN ? inWord : 4 - Integer.bitCount(mask) / 8 - inWord);
        int cell = mask << shift;
        int want = (expected << shift) & cell;
        int bits = (value << shift) & cell;
        while (true) {
            int w = getInt(word);
            if ((w & cell) != want) {
                return false;
            }
            if (compareAndSetInt(word, w, (w & ~cell) | bits)) {
                return true;
            }
        }
    }

    /**
     * Copies cells out, each whole (the copy moves aligned elements in units of their size), ordered after every
     * write before it as volatile reads would be. The caller checked both ranges.
     *
     * @param layout the element layout, in native order
     * @param offset the byte offset of the first cell
     * @param array an array of the layout's type
     * @param at the index of the first element to fill
     * @param count how many
     */
    void copyOut(ValueLayout layout, long offset, Object array, int at, int count) {
        try {
            VarHandle.fullFence();
            MemorySegment.copy(memory, layout, offset, array, at, count);
            VarHandle.acquireFence();
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /**
     * Copies cells in, each whole, ordered as volatile writes would be. The caller checked both ranges.
     *
     * @param array an array of the layout's type
     * @param at the index of its first element to copy
     * @param layout the element layout, in native order
     * @param offset the byte offset of the first cell
     * @param count how many
     */
    void copyIn(Object array, int at, ValueLayout layout, long offset, int count) {
        try {
            VarHandle.releaseFence();
            MemorySegment.copy(array, at, memory, layout, offset, count);
            VarHandle.fullFence();
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** @return a new big-endian buffer over the whole memory, unusable (IllegalStateException) once it is closed */
    ByteBuffer buffer() {
        return memory.asByteBuffer();
    }

    /** Gives this process's handle on the memory up; every later access throws {@link IllegalStateException}. */
    void close() {
        segment.close();
    }
}
