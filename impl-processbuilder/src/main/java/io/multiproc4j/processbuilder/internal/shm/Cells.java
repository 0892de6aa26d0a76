package io.multiproc4j.processbuilder.internal.shm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Atomic access to the cells of a mapping, at byte offsets. Ints and longs use the JDK's byte-buffer views, which
 * give volatile, compare-and-set and get-and-add access to aligned cells of a direct buffer, and so work between
 * processes. Bytes and chars have no such view: they are read and changed through the aligned int that holds
 * them, with compare-and-set, so that a neighbour written at the same time by another process is never lost.
 * Doubles live as their raw long bits, so their compare-and-set compares bit patterns.
 */
final class Cells {

    /** Every process is on this machine, so the native order costs nothing and is the same for all. */
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ORDER);
    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ORDER);

    private Cells() {
    }

    static int getInt(ByteBuffer b, int offset) {
        return (int) INT.getVolatile(b, offset);
    }

    static void setInt(ByteBuffer b, int offset, int value) {
        INT.setVolatile(b, offset, value);
    }

    static boolean casInt(ByteBuffer b, int offset, int expected, int value) {
        return INT.compareAndSet(b, offset, expected, value);
    }

    static int getAndAddInt(ByteBuffer b, int offset, int delta) {
        return (int) INT.getAndAdd(b, offset, delta);
    }

    static long getLong(ByteBuffer b, int offset) {
        return (long) LONG.getVolatile(b, offset);
    }

    static void setLong(ByteBuffer b, int offset, long value) {
        LONG.setVolatile(b, offset, value);
    }

    static boolean casLong(ByteBuffer b, int offset, long expected, long value) {
        return LONG.compareAndSet(b, offset, expected, value);
    }

    static long getAndAddLong(ByteBuffer b, int offset, long delta) {
        return (long) LONG.getAndAdd(b, offset, delta);
    }

    static double getDouble(ByteBuffer b, int offset) {
        return Double.longBitsToDouble(getLong(b, offset));
    }

    static void setDouble(ByteBuffer b, int offset, double value) {
        setLong(b, offset, Double.doubleToRawLongBits(value));
    }

    static boolean casDouble(ByteBuffer b, int offset, double expected, double value) {
        return casLong(b, offset, Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(value));
    }

    static double getAndAddDouble(ByteBuffer b, int offset, double delta) {
        while (true) {
            long bits = getLong(b, offset);
            double before = Double.longBitsToDouble(bits);
            if (casLong(b, offset, bits, Double.doubleToRawLongBits(before + delta))) {
                return before;
            }
        }
    }

    static byte getByte(ByteBuffer b, int offset) {
        return (byte) (getInt(b, offset & ~3) >>> shift(offset, 1));
    }

    static void setByte(ByteBuffer b, int offset, byte value) {
        updateSmall(b, offset, 1, value, false, 0);
    }

    static boolean casByte(ByteBuffer b, int offset, byte expected, byte value) {
        return updateSmall(b, offset, 1, value, true, expected);
    }

    static byte getAndAddByte(ByteBuffer b, int offset, byte delta) {
        while (true) {
            byte before = getByte(b, offset);
            if (casByte(b, offset, before, (byte) (before + delta))) {
                return before;
            }
        }
    }

    static char getChar(ByteBuffer b, int offset) {
        return (char) (getInt(b, offset & ~3) >>> shift(offset, 2));
    }

    static void setChar(ByteBuffer b, int offset, char value) {
        updateSmall(b, offset, 2, value, false, 0);
    }

    static boolean casChar(ByteBuffer b, int offset, char expected, char value) {
        return updateSmall(b, offset, 2, value, true, expected);
    }

    /**
     * Writes a byte or char cell through the int holding it.
     *
     * @param width 1 or 2 bytes; a char cell is 2-aligned, so it never straddles two ints
     * @param compare whether to write only if the cell holds {@code expected}
     * @return whether it was written
     */
    private static boolean updateSmall(ByteBuffer b, int offset, int width, int value, boolean compare,
            int expected) {
        int word = offset & ~3;
        int shift = shift(offset, width);
        int mask = (width == 1 ? 0xFF : 0xFFFF) << shift;
        int bits = (value << shift) & mask;
        while (true) {
            int w = getInt(b, word);
            if (compare && (w & mask) != ((expected << shift) & mask)) {
                return false;
            }
            if (casInt(b, word, w, (w & ~mask) | bits)) {
                return true;
            }
        }
    }

    /** @return where, in bits from the least significant end, the cell at {@code offset} sits in its int */
    private static int shift(int offset, int width) {
        int inWord = offset & 3;
        return (ORDER == ByteOrder.LITTLE_ENDIAN ? inWord : 4 - width - inWord) * 8;
    }
}
